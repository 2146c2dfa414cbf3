import { describe, expect, it } from 'vitest';
import { parseOdooDatetime } from './datetime';
import { responseDeadline } from '../support-process/deadline';

const utc = (iso: string) => new Date(iso);

describe('parseOdooDatetime', () => {
  it('reads Odoo datetimes as UTC', () => {
    expect(parseOdooDatetime('2026-11-27 15:28:16').toISOString()).toBe('2026-11-27T15:28:16.000Z');
    expect(parseOdooDatetime('2026-11-27T15:28:16').toISOString()).toBe('2026-11-27T15:28:16.000Z');
    expect(parseOdooDatetime('2026-11-27 15:28:16.250000').toISOString()).toBe('2026-11-27T15:28:16.250Z');
  });

  it('rejects what is not an Odoo datetime', () => {
    expect(() => parseOdooDatetime('27/11/2026 15:28')).toThrow('"27/11/2026 15:28" is not an Odoo date and time');
    expect(() => parseOdooDatetime('2026-02-30 10:00:00')).toThrow('is not a valid date and time');
    expect(() => parseOdooDatetime('2026-11-27 25:00:00')).toThrow('is not a valid date and time');
    expect(() => parseOdooDatetime('')).toThrow();
  });

  it('feeds the deadline: create_date Friday 14:00 UTC (15:00 Brussels) → Monday', () => {
    expect(responseDeadline(2, parseOdooDatetime('2026-11-27 14:00:00')).due).toEqual(utc('2026-11-30T14:00:00Z'));
  });
});
