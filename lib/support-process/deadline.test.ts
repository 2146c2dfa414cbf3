import Holidays from 'date-holidays';
import { describe, expect, it, vi } from 'vitest';
import { responseDeadline, teamCalendarProblem } from './deadline.ts';

// Counts how often deadline.ts builds a Holidays for a country, to check the cache.
const built = vi.hoisted(() => [] as unknown[][]);
vi.mock('date-holidays', async (importOriginal) => {
  const actual = await importOriginal<typeof import('date-holidays')>();
  class CountingHolidays extends actual.default {
    // Holidays' constructor is overloaded; pass whatever we were given straight through.
    constructor(...args: ConstructorParameters<typeof actual.default>) {
      super(...args);
      if (args.length > 0) built.push(args);
    }
  }
  return { ...actual, default: CountingHolidays };
});

const utc = (iso: string): Date => new Date(iso);

/** The holiday types date-holidays gives a day in a country (empty when it is no holiday at all). */
function holidayTypes(date: string, country: string, state?: string): string[] {
  const holidays = state ? new Holidays(country, state) : new Holidays(country);
  return holidays
    .getHolidays(Number(date.slice(0, 4)))
    .filter((holiday) => holiday.date.startsWith(date))
    .map((holiday) => holiday.type);
}

describe('responseDeadline: star counts', () => {
  const tuesday10h = utc('2026-11-24T09:00:00Z'); // Tue 24 Nov 2026, 10:00 Brussels

  it('3 stars: immediate attention, due when opened', () => {
    expect(responseDeadline(3, tuesday10h)).toEqual({ due: tuesday10h });
    const saturday = utc('2026-11-28T09:00:00Z');
    expect(responseDeadline(3, saturday)).toEqual({ due: saturday });
  });

  it('2 stars: due after 1 business day, same time of day', () => {
    expect(responseDeadline(2, tuesday10h)).toEqual({ due: utc('2026-11-25T09:00:00Z') });
  });

  it('1 star: aim for 2 business days, due after 5', () => {
    expect(responseDeadline(1, tuesday10h)).toEqual({
      target: utc('2026-11-26T09:00:00Z'), // Thu
      due: utc('2026-12-01T09:00:00Z'), // Tue next week
    });
  });

  it('keeps minutes and seconds of the opening time', () => {
    expect(responseDeadline(2, utc('2026-11-24T14:28:16Z')).due).toEqual(utc('2026-11-25T14:28:16Z'));
  });
});

describe('responseDeadline: weekends and Belgian public holidays', () => {
  it('2 stars opened Friday 15:00 are due Monday 15:00', () => {
    expect(responseDeadline(2, utc('2026-11-27T14:00:00Z')).due).toEqual(utc('2026-11-30T14:00:00Z'));
  });

  it('Easter Monday pushes a Friday ticket to Tuesday', () => {
    expect(holidayTypes('2026-04-06', 'BE')).toEqual(['public']); // Easter Monday
    expect(holidayTypes('2026-04-03', 'BE')).toEqual([]); // Good Friday is a working day in Belgium
    // Fri 3 Apr 2026 15:00 Brussels (summer time) → Tue 7 Apr 15:00.
    expect(responseDeadline(2, utc('2026-04-03T13:00:00Z')).due).toEqual(utc('2026-04-07T13:00:00Z'));
  });

  it('a ticket opened on Saturday counts from Monday, same time of day', () => {
    const saturday10h = utc('2026-11-28T09:00:00Z');
    expect(responseDeadline(2, saturday10h).due).toEqual(utc('2026-12-01T09:00:00Z')); // Tue 10:00
    expect(responseDeadline(1, saturday10h)).toEqual({
      target: utc('2026-12-02T09:00:00Z'), // Wed: Mon is day 0, Tue 1, Wed 2
      due: utc('2026-12-07T09:00:00Z'), // Mon: Thu 3, Fri 4, Mon 5
    });
    const sunday23h = utc('2026-11-29T22:00:00Z');
    expect(responseDeadline(2, sunday23h).due).toEqual(utc('2026-12-01T22:00:00Z')); // Tue 23:00
  });

  it('a ticket opened on a public holiday counts from the next business day', () => {
    // Easter Monday 6 Apr 2026, 10:00 → clock starts Tue 7 Apr 10:00 → due Wed 8 Apr 10:00.
    expect(responseDeadline(2, utc('2026-04-06T08:00:00Z')).due).toEqual(utc('2026-04-08T08:00:00Z'));
  });

  it('Christmas and New Year are skipped', () => {
    expect(holidayTypes('2026-12-25', 'BE')).toEqual(['public']);
    expect(holidayTypes('2027-01-01', 'BE')).toEqual(['public']);
    // Thu 24 Dec 15:00 → Fri 25 holiday, weekend → Mon 28 Dec 15:00.
    expect(responseDeadline(2, utc('2026-12-24T14:00:00Z')).due).toEqual(utc('2026-12-28T14:00:00Z'));
    // Wed 30 Dec 15:00: Thu 31 (1), Fri 1 Jan holiday, Mon 4 (2), Tue 5, Wed 6, Thu 7 (5).
    expect(responseDeadline(1, utc('2026-12-30T14:00:00Z'))).toEqual({
      target: utc('2027-01-04T14:00:00Z'),
      due: utc('2027-01-07T14:00:00Z'),
    });
  });

  it('1 star: target and due both move past a holiday inside the window', () => {
    expect(holidayTypes('2026-05-14', 'BE')).toEqual(['public']); // Ascension Thursday
    // Tue 12 May 15:00: Wed 13 (1), Thu 14 holiday, Fri 15 (2) … Tue 19 is only the 4th, Wed 20 (5).
    expect(responseDeadline(1, utc('2026-05-12T13:00:00Z'))).toEqual({
      target: utc('2026-05-15T13:00:00Z'),
      due: utc('2026-05-20T13:00:00Z'),
    });
  });

  it('days date-holidays marks as observance (not public) in Belgium are business days', () => {
    // Which non-public Belgian days fall on a weekday in 2026? date-holidays lists only observances.
    expect(holidayTypes('2026-01-06', 'BE')).toEqual(['observance']); // Epiphany, Tuesday
    expect(holidayTypes('2026-11-02', 'BE')).toEqual(['observance']); // All Souls' Day, Monday
    const belgianTypes = new Set(new Holidays('BE').getHolidays(2026).map((holiday) => holiday.type));
    expect([...belgianTypes].sort()).toEqual(['observance', 'public']);

    // Mon 5 Jan 15:00 → Tue 6 Jan 15:00 (Epiphany is not skipped).
    expect(responseDeadline(2, utc('2026-01-05T14:00:00Z')).due).toEqual(utc('2026-01-06T14:00:00Z'));
    // Fri 30 Oct 15:00 → Mon 2 Nov 15:00 (All Souls' Day is not skipped).
    expect(responseDeadline(2, utc('2026-10-30T14:00:00Z')).due).toEqual(utc('2026-11-02T14:00:00Z'));
  });
});

describe('responseDeadline: daylight saving time', () => {
  it('keeps 15:00 Brussels time across the spring switch', () => {
    // Fri 27 Mar 2026 15:00 CET (14:00Z) → Mon 30 Mar 15:00 CEST (13:00Z).
    expect(responseDeadline(2, utc('2026-03-27T14:00:00Z')).due).toEqual(utc('2026-03-30T13:00:00Z'));
  });

  it('keeps 15:00 Brussels time across the autumn switch', () => {
    // Fri 23 Oct 2026 15:00 CEST (13:00Z) → Mon 26 Oct 15:00 CET (14:00Z).
    expect(responseDeadline(2, utc('2026-10-23T13:00:00Z')).due).toEqual(utc('2026-10-26T14:00:00Z'));
  });

  // Egypt switches clocks at midnight on a Friday, which our Monday–Friday week treats as a
  // business day, so a deadline can land in the gap or the repeated hour.
  const cairo = { country: 'EG', timeZone: 'Africa/Cairo' };

  it('a deadline in the spring-forward gap moves on by the gap', () => {
    // Thu 23 Apr 2026 00:30 EET → Fri 24 Apr 00:30 does not exist (00:00 → 01:00) → 01:30 EEST.
    expect(responseDeadline(2, utc('2026-04-22T22:30:00Z'), cairo).due).toEqual(utc('2026-04-23T22:30:00Z'));
  });

  it('a deadline in the repeated autumn hour takes its first occurrence', () => {
    // Wed 28 Oct 2026 23:30 EEST → Thu 29 Oct 23:30 happens twice; the first is still EEST (+3).
    expect(responseDeadline(2, utc('2026-10-28T20:30:00Z'), cairo).due).toEqual(utc('2026-10-29T20:30:00Z'));
  });
});

describe('responseDeadline: other calendars', () => {
  const bavaria = { country: 'DE', region: 'BY', timeZone: 'Europe/Berlin' };

  it('uses the configured country and region', () => {
    expect(holidayTypes('2026-01-06', 'DE', 'BY')).toEqual(['public']); // Epiphany in Bavaria
    // Mon 5 Jan 15:00: Bavaria skips Tue 6 Jan, Belgium does not.
    expect(responseDeadline(2, utc('2026-01-05T14:00:00Z'), bavaria).due).toEqual(utc('2026-01-07T14:00:00Z'));
    expect(responseDeadline(2, utc('2026-01-05T14:00:00Z')).due).toEqual(utc('2026-01-06T14:00:00Z'));
  });

  it('tells regions of one country apart', () => {
    expect(holidayTypes('2026-06-04', 'DE', 'BY')).toEqual(['public']); // Corpus Christi
    expect(holidayTypes('2026-06-04', 'DE', 'BE')).toEqual([]);
    const wednesday15h = utc('2026-06-03T13:00:00Z');
    expect(responseDeadline(2, wednesday15h, bavaria).due).toEqual(utc('2026-06-05T13:00:00Z'));
    expect(responseDeadline(2, wednesday15h, { country: 'DE', region: 'BE', timeZone: 'Europe/Berlin' }).due).toEqual(
      utc('2026-06-04T13:00:00Z'),
    );
  });

  it('accepts the region as "DE-BY" or in lower case', () => {
    const monday = utc('2026-01-05T14:00:00Z');
    const expected = utc('2026-01-07T14:00:00Z');
    expect(responseDeadline(2, monday, { country: 'de', region: 'DE-BY', timeZone: 'Europe/Berlin' }).due).toEqual(expected);
    expect(responseDeadline(2, monday, { country: 'DE', region: 'by', timeZone: 'Europe/Berlin' }).due).toEqual(expected);
  });

  it('counts bank and school holidays as business days', () => {
    expect(holidayTypes('2026-12-24', 'DE', 'BY')).toEqual(['bank']); // Christmas Eve afternoon
    expect(holidayTypes('2026-11-18', 'DE', 'BY')).toEqual(['school']); // Day of Repentance
    expect(responseDeadline(2, utc('2026-12-23T14:00:00Z'), bavaria).due).toEqual(utc('2026-12-24T14:00:00Z'));
    expect(responseDeadline(2, utc('2026-11-17T14:00:00Z'), bavaria).due).toEqual(utc('2026-11-18T14:00:00Z'));
  });

  it('counts the team\'s time zone, not the holiday country\'s', () => {
    // 23:30 Tuesday in Brussels is already Wednesday 07:30 in Tokyo.
    const tuesdayLate = utc('2026-11-24T22:30:00Z');
    expect(responseDeadline(2, tuesdayLate, { timeZone: 'Asia/Tokyo' }).due).toEqual(utc('2026-11-25T22:30:00Z'));
    expect(responseDeadline(2, utc('2026-11-27T22:30:00Z'), { timeZone: 'Asia/Tokyo' }).due).toEqual(
      utc('2026-11-30T22:30:00Z'), // Sat 07:30 Tokyo → starts Mon 07:30 → Tue 07:30 Tokyo
    );
  });

  it('builds the holiday calendar of a country once', () => {
    const before = built.filter((args) => args[0] === 'NL').length;
    responseDeadline(2, utc('2026-11-24T09:00:00Z'), { country: 'NL' });
    responseDeadline(1, utc('2027-03-01T09:00:00Z'), { country: 'NL' });
    expect(built.filter((args) => args[0] === 'NL').length - before).toBe(1);
  });

  it('rejects a calendar date-holidays does not know, in a sentence', () => {
    const opened = utc('2026-11-24T09:00:00Z');
    expect(() => responseDeadline(2, opened, { country: 'XX' })).toThrow('No public holidays are known for country "XX".');
    expect(() => responseDeadline(2, opened, { country: 'DE', region: 'ZZ' })).toThrow(
      'No public holidays are known for region "ZZ" of Germany.',
    );
    expect(() => responseDeadline(2, opened, { timeZone: 'Mars/Olympus' })).toThrow('"Mars/Olympus" is not a time zone.');
    expect(() => responseDeadline(2, new Date(Number.NaN))).toThrow('no valid creation date');
    expect(teamCalendarProblem({})).toBeNull();
    expect(teamCalendarProblem({ country: 'DE', region: 'BY', timeZone: 'Europe/Berlin' })).toBeNull();
    expect(teamCalendarProblem({ timeZone: 'Mars/Olympus' })).toBe('"Mars/Olympus" is not a time zone.');
  });
});
