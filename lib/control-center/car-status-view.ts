/**
 * A car status as the engineer reads it before confirming the write: one line per field, with words and
 * units instead of raw JSON, and how long ago the box last reported. Pure (tested with fixed clocks).
 */

export interface StatusLine {
  label: string;
  value: string;
}

/** Fields whose meaning we know from the platform's status; anything else is shown with a label made from its key. */
const KNOWN: Record<string, { label: string; unit?: string }> = {
  qnr: { label: 'QNR' },
  lastReportAt: { label: 'Last report' },
  mileageKm: { label: 'Mileage', unit: 'km' },
  fuelLevelPercent: { label: 'Fuel level', unit: '%' },
  batteryVoltage: { label: 'Battery', unit: 'V' },
  doorsLocked: { label: 'Doors locked' },
  doorsClosed: { label: 'Doors closed' },
  ignitionOn: { label: 'Ignition on' },
  position: { label: 'Position' },
};

/** "fuelLevelPercent" → "Fuel level percent". */
function labelOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A report time in ms or seconds since 1970, or an ISO string; null when it is none of these. */
export function reportTime(value: unknown): Date | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value < 1e11 ? value * 1000 : value);
  if (typeof value === 'string' && value.trim() !== '') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** "12 min ago", "5 h ago", "3 days ago (74 h)". */
export function agoText(then: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 0) return 'in the future (check the box clock)';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago (${hours} h)`;
}

function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function valueText(value: unknown, unit?: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return unit ? `${value.toLocaleString('en')} ${unit}` : value.toLocaleString('en');
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    const { lat, lng } = value as { lat?: unknown; lng?: unknown };
    if (entries.length === 2 && typeof lat === 'number' && typeof lng === 'number') return `${lat}, ${lng}`;
    return entries.map(([key, inner]) => `${labelOf(key).toLowerCase()} ${valueText(inner)}`).join(', ');
  }
  return JSON.stringify(value);
}

/** The lines to show, known fields first in a fixed order, then the others as they come. */
export function statusLines(status: Record<string, unknown>, now: Date): StatusLine[] {
  const keys = [...Object.keys(KNOWN).filter((key) => key in status), ...Object.keys(status).filter((key) => !(key in KNOWN))];
  return keys.map((key) => {
    const known = KNOWN[key];
    const value = status[key];
    const time = key === 'lastReportAt' ? reportTime(value) : null;
    return {
      label: known?.label ?? labelOf(key),
      value: time ? `${utc(time)} (${agoText(time, now)})` : valueText(value, known?.unit),
    };
  });
}

/** "last report 5 h ago", when the status holds a report time. */
export function lastReportText(status: Record<string, unknown>, now: Date): string | null {
  const time = reportTime(status.lastReportAt);
  return time ? `last report ${agoText(time, now)}` : null;
}
