// Deadline wording for the sidebar. No date-holidays here: content scripts import this.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function amount(value: number, unit: 'min' | 'h' | 'day'): string {
  // "min" and "h" are abbreviations and stay as they are; only "day" has a plural.
  return unit === 'day' ? `${value} ${value === 1 ? 'day' : 'days'}` : `${value} ${unit}`;
}

/**
 * Whole units, rounded down: the time left is never overstated, and "overdue by 4 h"
 * means at least 4 hours. Under a minute either way reads "due now".
 */
function duration(ms: number): string {
  if (ms < HOUR_MS) return amount(Math.floor(ms / MINUTE_MS), 'min');
  if (ms < DAY_MS) return amount(Math.floor(ms / HOUR_MS), 'h');
  return amount(Math.floor(ms / DAY_MS), 'day');
}

export function describeDeadline(due: Date, now: Date): { overdue: boolean; text: string } {
  const left = due.getTime() - now.getTime();
  const overdue = left < 0;
  if (Math.abs(left) < MINUTE_MS) return { overdue, text: 'due now' };
  return overdue ? { overdue, text: `overdue by ${duration(-left)}` } : { overdue, text: `due in ${duration(left)}` };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "Mon 30 Nov, 15:00" (en-GB) in the team's time zone. */
export function formatDeadlineDate(date: Date, timeZone: string, locale = 'en-GB'): string {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}
