import { describe, expect, it } from 'vitest';
import { STAR_MEANING, odooPriorityFromStars, starsFromOdooPriority } from './priority.ts';

describe('priority stars', () => {
  it('says what each star count means', () => {
    expect(STAR_MEANING).toEqual({ 1: 'within 2–5 business days', 2: 'within 1 business day', 3: 'immediate attention' });
  });

  it('reads Odoo\'s priority selection; 0 stars means not assessed yet', () => {
    expect(starsFromOdooPriority('1')).toBe(1);
    expect(starsFromOdooPriority('2')).toBe(2);
    expect(starsFromOdooPriority('3')).toBe(3);
    expect(starsFromOdooPriority('0')).toBeNull();
    expect(starsFromOdooPriority('')).toBeNull();
    expect(starsFromOdooPriority('4')).toBeNull();
  });

  it('writes stars back as Odoo\'s priority value', () => {
    expect(odooPriorityFromStars(1)).toBe('1');
    expect(odooPriorityFromStars(3)).toBe('3');
  });
});
