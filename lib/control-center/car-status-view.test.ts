import { describe, expect, it } from 'vitest';
import { agoText, lastReportText, reportTime, statusLines } from './car-status-view';

const now = new Date('2025-11-24T13:02:37Z');

describe('statusLines', () => {
  it('shows the known fields with words and units, the report time with how long ago', () => {
    const lines = statusLines(
      {
        position: { lat: 51.05434, lng: 3.71742 },
        qnr: 'QNR-10442',
        lastReportAt: 1763971357000, // 2025-11-24T08:02:37Z
        mileageKm: 48213,
        fuelLevelPercent: 64,
        doorsLocked: true,
        ignitionOn: false,
        tyrePressureBar: 2.4,
      },
      now,
    );
    expect(lines).toEqual([
      { label: 'QNR', value: 'QNR-10442' },
      { label: 'Last report', value: '2025-11-24 08:02 UTC (5 h ago)' },
      { label: 'Mileage', value: '48,213 km' },
      { label: 'Fuel level', value: '64 %' },
      { label: 'Doors locked', value: 'yes' },
      { label: 'Ignition on', value: 'no' },
      { label: 'Position', value: '51.05434, 3.71742' },
      { label: 'Tyre pressure bar', value: '2.4' },
    ]);
  });

  it('shows nested objects and missing values in words', () => {
    expect(statusLines({ lights: { front: true, rear: null } }, now)).toEqual([{ label: 'Lights', value: 'front yes, rear —' }]);
  });
});

describe('agoText and reportTime', () => {
  it.each([
    ['2025-11-24T12:50:37Z', '12 min ago'],
    ['2025-11-24T08:02:37Z', '5 h ago'],
    ['2025-11-21T11:02:37Z', '3 days ago (74 h)'],
    ['2025-11-24T14:00:00Z', 'in the future (check the box clock)'],
  ])('%s → %s', (then, text) => {
    expect(agoText(new Date(then), now)).toBe(text);
  });

  it('reads ms, seconds and ISO strings, and nothing else', () => {
    expect(reportTime(1763971357000)?.toISOString()).toBe('2025-11-24T08:02:37.000Z');
    expect(reportTime(1763971357)?.toISOString()).toBe('2025-11-24T08:02:37.000Z');
    expect(reportTime('2025-11-24T08:02:37Z')?.toISOString()).toBe('2025-11-24T08:02:37.000Z');
    expect(reportTime('yesterday')).toBeNull();
    expect(reportTime(undefined)).toBeNull();
  });

  it('says how long ago the box reported, when it did', () => {
    expect(lastReportText({ lastReportAt: 1763971357000 }, now)).toBe('last report 5 h ago');
    expect(lastReportText({ mileageKm: 1 }, now)).toBeNull();
  });
});
