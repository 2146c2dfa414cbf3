import { describe, expect, it } from 'vitest';
import { SEVERITIES, fromGitLab, resolveSeverity, severityLabel, toGitLabGraphql } from './severity.ts';

describe('severity', () => {
  it('lists the levels from high to low with GitLab\'s labels', () => {
    expect(SEVERITIES).toEqual([
      { value: 'critical', label: 'Critical – S1' },
      { value: 'high', label: 'High – S2' },
      { value: 'medium', label: 'Medium – S3' },
      { value: 'low', label: 'Low – S4' },
    ]);
    expect(severityLabel('medium')).toBe('Medium – S3');
  });

  it('keeps a sure choice and takes the higher level when unsure', () => {
    expect(resolveSeverity('low')).toBe('low');
    expect(resolveSeverity({ unsureBetween: ['medium', 'high'] })).toBe('high');
    expect(resolveSeverity({ unsureBetween: ['critical', 'low'] })).toBe('critical');
    expect(resolveSeverity({ unsureBetween: ['low', 'low'] })).toBe('low');
  });

  it('speaks GitLab\'s GraphQL enum', () => {
    expect(toGitLabGraphql('critical')).toBe('CRITICAL');
    expect(toGitLabGraphql('low')).toBe('LOW');
  });

  it('reads GitLab\'s answers, upper or lower case', () => {
    expect(fromGitLab('HIGH')).toBe('high');
    expect(fromGitLab('medium')).toBe('medium');
    expect(fromGitLab('UNKNOWN')).toBe('unknown');
    expect(fromGitLab('')).toBe('unknown');
    expect(fromGitLab('S1')).toBe('unknown');
  });
});
