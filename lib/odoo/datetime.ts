/**
 * Odoo sends datetimes ("2026-11-27 15:28:16", e.g. `create_date`) in UTC without a zone suffix.
 * `new Date(thatString)` would read it as local time, hence this parser.
 */
export function parseOdooDatetime(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(value.trim());
  if (!match) throw new Error(`"${value}" is not an Odoo date and time (expected YYYY-MM-DD HH:MM:SS).`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const millis = match[7] ? Math.floor(Number(`0.${match[7]}`) * 1000) : 0;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC rolls over silently (Feb 30 → Mar 2); a real Odoo value never does.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new Error(`"${value}" is not a valid date and time.`);
  }
  return date;
}
