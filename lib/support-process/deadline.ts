// Response deadline from the ticket's stars (TRIAGE rules), counted in business days
// of the team's calendar. Imports date-holidays (large): background bundle only;
// content scripts use deadline-text.ts.

import Holidays from 'date-holidays';
import type { Stars } from './priority.ts';

export interface TeamCalendar {
  /** ISO country code for public holidays; default 'BE'. */
  country?: string;
  /** Subdivision as date-holidays names it (a "state": 'BY' in DE, 'VLG' in BE); 'DE-BY' is accepted too. */
  region?: string;
  /** IANA time zone the team works in; default 'Europe/Brussels'. */
  timeZone?: string;
}

export interface ResponseDeadline {
  /** The latest moment the process allows for the response. */
  due: Date;
  /** For 1 star: the start of the "2–5 business days" window, i.e. what to aim for. */
  target?: Date;
}

export const DEFAULT_TEAM_CALENDAR = { country: 'BE', timeZone: 'Europe/Brussels' } as const;

/** Business days to respond, per star count (3 stars: immediately, no business days). */
const BUSINESS_DAYS: Readonly<Record<Stars, { due: number; target?: number }>> = {
  3: { due: 0 },
  2: { due: 1 },
  1: { target: 2, due: 5 },
};

export function responseDeadline(stars: Stars, openedAt: Date, calendar: TeamCalendar = {}): ResponseDeadline {
  if (Number.isNaN(openedAt.getTime())) throw new Error('The ticket has no valid creation date, so no deadline can be computed.');
  const rule = BUSINESS_DAYS[stars];
  if (rule.due === 0) return { due: new Date(openedAt.getTime()) };

  const timeZone = calendar.timeZone ?? DEFAULT_TEAM_CALENDAR.timeZone;
  const isPublicHoliday = publicHolidayCheck(calendar);
  const isBusinessDay = (day: CalendarDay): boolean => !isWeekend(day) && !isPublicHoliday(day);

  const opened = wallClockIn(openedAt, timeZone);
  // Opened on a weekend or holiday: the clock starts on the next business day, same time of day.
  let start = opened.day;
  while (!isBusinessDay(start)) start = nextDay(start);

  const afterBusinessDays = (count: number): Date => {
    let day = start;
    for (let counted = 0; counted < count; ) {
      day = nextDay(day);
      if (isBusinessDay(day)) counted += 1;
    }
    return wallClockToInstant({ day, time: opened.time }, timeZone);
  };

  const deadline: ResponseDeadline = { due: afterBusinessDays(rule.due) };
  if (rule.target !== undefined) deadline.target = afterBusinessDays(rule.target);
  return deadline;
}

/** A Holidays without a country, only to list the countries and regions it knows. */
let catalogue: Holidays | undefined;

/** Null when date-holidays knows the calendar; otherwise what is wrong with it, for the settings page. */
export function teamCalendarProblem(calendar: TeamCalendar): string | null {
  const { country, state } = normalizedHolidayArea(calendar);
  catalogue ??= new Holidays();
  const countries = catalogue.getCountries('en');
  if (!(country in countries)) return `No public holidays are known for country "${country}".`;
  if (state !== undefined && !(state in (catalogue.getStates(country) ?? {}))) {
    return `No public holidays are known for region "${state}" of ${countries[country]}.`;
  }
  const timeZone = calendar.timeZone ?? DEFAULT_TEAM_CALENDAR.timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    return `"${timeZone}" is not a time zone.`;
  }
  return null;
}

// ── public holidays ────────────────────────────────────────────────────────

interface CalendarDay {
  year: number;
  month: number; // 1–12
  day: number;
}

function normalizedHolidayArea(calendar: TeamCalendar): { country: string; state?: string } {
  const country = (calendar.country ?? DEFAULT_TEAM_CALENDAR.country).trim().toUpperCase();
  let state = calendar.region?.trim().toUpperCase();
  if (state?.startsWith(`${country}-`)) state = state.slice(country.length + 1);
  return state ? { country, state } : { country };
}

/** One per country/region: building a Holidays instance parses its rule set. */
const holidayAreas = new Map<string, { holidays: Holidays; publicDaysByYear: Map<number, ReadonlySet<string>> }>();

function publicHolidayCheck(calendar: TeamCalendar): (day: CalendarDay) => boolean {
  const { country, state } = normalizedHolidayArea(calendar);
  const key = state ? `${country}/${state}` : country;
  let area = holidayAreas.get(key);
  if (!area) {
    // date-holidays silently answers "no holidays" for an unknown country or region.
    const problem = teamCalendarProblem(calendar);
    if (problem) throw new Error(problem);
    area = { holidays: state ? new Holidays(country, state) : new Holidays(country), publicDaysByYear: new Map() };
    holidayAreas.set(key, area);
  }
  const { holidays, publicDaysByYear } = area;
  return (day) => {
    let publicDays = publicDaysByYear.get(day.year);
    if (!publicDays) {
      publicDays = publicHolidayDays(holidays, day.year);
      publicDaysByYear.set(day.year, publicDays);
    }
    return publicDays.has(dayKey(day));
  };
}

const HOUR_MS = 3_600_000;

/**
 * 'YYYY-MM-DD' of each day that is a `public` holiday (bank, optional, school and
 * observance days are working days). `date` starts with the local calendar day; some
 * holidays (e.g. Eid) last several days, told by end − start.
 */
function publicHolidayDays(holidays: Holidays, year: number): ReadonlySet<string> {
  const days = new Set<string>();
  for (const holiday of holidays.getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    const [y, m, d] = holiday.date.slice(0, 10).split('-').map(Number) as [number, number, number];
    const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / (24 * HOUR_MS)));
    let day: CalendarDay = { year: y, month: m, day: d };
    for (let i = 0; i < length; i += 1) {
      days.add(dayKey(day));
      day = nextDay(day);
    }
  }
  return days;
}

// ── calendar days and wall-clock time ──────────────────────────────────────

function dayKey({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function nextDay({ year, month, day }: CalendarDay): CalendarDay {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

function isWeekend({ year, month, day }: CalendarDay): boolean {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

interface WallClock {
  day: CalendarDay;
  time: TimeOfDay;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new Error(`"${timeZone}" is not a time zone.`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a clock on the wall in `timeZone` shows at `instant`. */
function wallClockIn(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const get = (type: string): number => parts[type] ?? 0;
  return {
    day: { year: get('year'), month: get('month'), day: get('day') },
    // Some engines write midnight as 24 even with h23.
    time: { hour: get('hour') % 24, minute: get('minute'), second: get('second'), millisecond: instant.getUTCMilliseconds() },
  };
}

/** The wall clock read as if it were UTC, in ms: the base for offset arithmetic. */
function wallClockAsUtc({ day, time }: WallClock): number {
  return Date.UTC(day.year, day.month - 1, day.day, time.hour, time.minute, time.second, time.millisecond);
}

/** Offset of `timeZone` from UTC at `instantMs` (ms; +1 h in Brussels winter). */
function offsetAt(instantMs: number, timeZone: string): number {
  const instant = new Date(instantMs);
  return wallClockAsUtc(wallClockIn(instant, timeZone)) - instantMs;
}

/**
 * The instant a wall clock in `timeZone` shows `wall`. Across a DST switch: a time that
 * happens twice takes the first; a time skipped by the spring-forward gap moves on by
 * the gap (02:30 → 03:30), as calendars do.
 */
function wallClockToInstant(wall: WallClock, timeZone: string): Date {
  const asUtc = wallClockAsUtc(wall);
  // Offsets a day either side cover any single transition near this wall time.
  const before = offsetAt(asUtc - 24 * HOUR_MS, timeZone);
  const after = offsetAt(asUtc + 24 * HOUR_MS, timeZone);
  const matching = [asUtc - before, asUtc - after].filter(
    (candidate) => wallClockAsUtc(wallClockIn(new Date(candidate), timeZone)) === asUtc,
  );
  if (matching.length > 0) return new Date(Math.min(...matching));
  return new Date(asUtc - before);
}
