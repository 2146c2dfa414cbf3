/**
 * The GitLab incident for the cause behind a start-status repair (a CloudBoxx that never came online, its
 * antenna…), prefilled from the repair's audit facts only: no customer text. Pure.
 */
import type { RepairRecord } from '../firebase/repair-types';
import { BILLING_NOTE } from '../firebase/repair-types';
import { lastReportText } from '../control-center/car-status-view';

/** The line that marks the incident as the one of this repair: a retry after a lost answer finds it by it. */
export function repairIncidentMarker(record: Pick<RepairRecord, 'carId' | 'reservationId'>): string {
  return `Start-status repair: car ${record.carId}, reservation ${record.reservationId}`;
}

export function repairIncidentTitle(record: Pick<RepairRecord, 'carId' | 'reservationId'>): string {
  return `CloudBoxx of car ${record.carId} did not report the start of reservation ${record.reservationId}`;
}

/** The facts of the repair, in Markdown, for the engineer to complete before creating. */
export function repairIncidentDescription(record: RepairRecord, now: Date = new Date(record.repairedAt)): string {
  const lastReport = lastReportText(record.written, now);
  const facts = [
    `**Car:** ${record.carId}`,
    `**Reservation:** ${record.reservationId}`,
    `**Start status repaired:** ${record.repairedAt.slice(0, 16).replace('T', ' ')} UTC by ${record.by} (the car’s last status copied into the reservation)`,
    ...(lastReport ? [`**CloudBoxx:** ${lastReport} at the time of the repair`] : []),
    ...(record.ticket ? [`**Odoo ticket:** #${record.ticket.id} ${record.ticket.url}`] : []),
  ];
  return [
    facts.map((line) => `- ${line}`).join('\n'),
    'The backend could not determine the start status of this reservation: it was started while the CloudBoxx was offline and the member’s Bluetooth was off, and the car’s logbook has no events. What keeps the CloudBoxx offline (antenna, power, SIM…)?',
    BILLING_NOTE,
  ].join('\n\n');
}

/** What is sent to GitLab: the engineer's text with the marker line appended (kept out of the editable part). */
export function withRepairMarker(description: string, record: Pick<RepairRecord, 'carId' | 'reservationId'>): string {
  return `${description.trim()}\n\n---\n\n_${repairIncidentMarker(record)}_`;
}
