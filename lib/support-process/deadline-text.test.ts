import { describe, expect, it } from 'vitest';
import { describeDeadline, formatDeadlineDate } from './deadline-text.ts';

const now = new Date('2026-11-30T12:00:00Z');
const at = (ms: number): Date => new Date(now.getTime() + ms);
const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;

describe('describeDeadline', () => {
  it('counts down in minutes, hours and days', () => {
    expect(describeDeadline(at(25 * MIN), now)).toEqual({ overdue: false, text: 'due in 25 min' });
    expect(describeDeadline(at(3 * H + 40 * MIN), now)).toEqual({ overdue: false, text: 'due in 3 h' });
    expect(describeDeadline(at(1 * H), now)).toEqual({ overdue: false, text: 'due in 1 h' });
    expect(describeDeadline(at(2 * DAY + 5 * H), now)).toEqual({ overdue: false, text: 'due in 2 days' });
    expect(describeDeadline(at(1 * DAY), now)).toEqual({ overdue: false, text: 'due in 1 day' });
  });

  it('never overstates the time left', () => {
    expect(describeDeadline(at(59 * MIN + 59_000), now).text).toBe('due in 59 min');
    expect(describeDeadline(at(DAY - 1), now).text).toBe('due in 23 h');
  });

  it('says "due now" within a minute either way', () => {
    expect(describeDeadline(now, now)).toEqual({ overdue: false, text: 'due now' });
    expect(describeDeadline(at(30_000), now)).toEqual({ overdue: false, text: 'due now' });
    expect(describeDeadline(at(-30_000), now)).toEqual({ overdue: true, text: 'due now' });
  });

  it('says how long a ticket is overdue', () => {
    expect(describeDeadline(at(-4 * H - 20 * MIN), now)).toEqual({ overdue: true, text: 'overdue by 4 h' });
    expect(describeDeadline(at(-1 * DAY - 3 * H), now)).toEqual({ overdue: true, text: 'overdue by 1 day' });
    expect(describeDeadline(at(-3 * DAY), now)).toEqual({ overdue: true, text: 'overdue by 3 days' });
    expect(describeDeadline(at(-2 * MIN), now)).toEqual({ overdue: true, text: 'overdue by 2 min' });
  });
});

describe('formatDeadlineDate', () => {
  it('shows the deadline in the team\'s time zone', () => {
    expect(formatDeadlineDate(new Date('2026-11-30T14:00:00Z'), 'Europe/Brussels')).toBe('Mon 30 Nov, 15:00');
    expect(formatDeadlineDate(new Date('2026-11-30T23:30:00Z'), 'Europe/Brussels')).toBe('Tue 1 Dec, 00:30');
    expect(formatDeadlineDate(new Date('2026-07-01T13:05:00Z'), 'Europe/Brussels')).toBe('Wed 1 Jul, 15:05');
    expect(formatDeadlineDate(new Date('2026-11-30T14:00:00Z'), 'UTC')).toBe('Mon 30 Nov, 14:00');
  });
});
