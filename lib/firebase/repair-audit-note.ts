/**
 * The audit record of a start-status repair or undo as a note for the Odoo ticket: who, when, car,
 * reservation, the value in readable lines, and the billing manual check. Pure.
 */
import { statusLines } from '../control-center/car-status-view';
import { BILLING_NOTE, type RepairAuditEntry } from './repair-types';

function utc(at: string): string {
  return `${at.slice(0, 16).replace('T', ' ')} UTC`;
}

function valueLines(value: unknown, at: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`- ${JSON.stringify(value)}`];
  return statusLines(value as Record<string, unknown>, new Date(at)).map((line) => `- ${line.label}: ${line.value}`);
}

export function auditNoteText(entry: Omit<RepairAuditEntry, 'note'>): string {
  const repair = entry.action === 'repair';
  return [
    repair
      ? `Support Overlay: start status of reservation ${entry.reservationId} repaired by ${entry.by} on ${utc(entry.at)}.`
      : `Support Overlay: start-status repair of reservation ${entry.reservationId} undone by ${entry.by} on ${utc(entry.at)}: its start status is empty again.`,
    `Car: ${entry.carId}`,
    `Reservation: ${entry.reservationId}`,
    repair ? 'Start status written (the car’s last status):' : 'Start status removed:',
    ...valueLines(entry.value, entry.at),
    BILLING_NOTE,
  ].join('\n');
}

/** How the queue and the popup name the note. */
export function auditNoteAbout(entry: Pick<RepairAuditEntry, 'action' | 'reservationId'>): string {
  return `${entry.action === 'repair' ? 'audit of the start-status repair' : 'audit of the undone start-status repair'} of reservation ${entry.reservationId}`;
}
