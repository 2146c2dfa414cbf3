import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INCIDENT_CAUSE,
  INCIDENT_CAUSES,
  INCIDENT_CAUSE_EXPLANATION,
  INCIDENT_CAUSE_LABEL,
  INCIDENT_QUESTION,
  decideGitLabRecord,
} from './incident.ts';

describe('incident decision', () => {
  it('files a new bug as a bug report only, never an incident too', () => {
    expect(decideGitLabRecord('new-bug')).toEqual({ kind: 'bug-report', project: 'bugs' });
  });

  it('logs an incident linked to the bug for a known bug', () => {
    expect(decideGitLabRecord('known-bug')).toEqual({ kind: 'incident', project: 'incidents', linkToKnownBug: true });
  });

  it('logs an unlinked incident when the cause is unclear', () => {
    expect(decideGitLabRecord('unclear')).toEqual({ kind: 'incident', project: 'incidents', linkToKnownBug: false });
  });

  it('when in doubt, creates an incident', () => {
    expect(DEFAULT_INCIDENT_CAUSE).toBe('unclear');
    expect(decideGitLabRecord(DEFAULT_INCIDENT_CAUSE).kind).toBe('incident');
  });

  it('has the wizard question, a label and an explanation for every cause', () => {
    expect(INCIDENT_QUESTION).toBe('Is the cause a new bug, a known bug, or unclear?');
    expect(INCIDENT_CAUSES).toEqual(['new-bug', 'known-bug', 'unclear']);
    for (const cause of INCIDENT_CAUSES) {
      expect(INCIDENT_CAUSE_LABEL[cause]).not.toBe('');
      expect(INCIDENT_CAUSE_EXPLANATION[cause]).not.toBe('');
    }
    expect(INCIDENT_CAUSE_EXPLANATION['new-bug']).toMatch(/bug report .* only/);
    expect(INCIDENT_CAUSE_EXPLANATION['known-bug']).toMatch(/link/);
  });
});
