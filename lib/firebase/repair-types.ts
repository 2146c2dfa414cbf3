/**
 * What the Control Center dialog and the popup exchange with the background about a start-status repair.
 * Types only (no firebase import): content scripts use them too.
 */

/** The car's last report as stored under /cars/{carId}/status (same as start-status-repair's CarStatus). */
export type CarStatus = Record<string, unknown>;

export interface RepairIdsAsked {
  carId?: string;
  reservationId?: string;
}

/** Why the repair cannot go ahead (or has not): a sentence for the engineer, nothing was written. */
export interface RepairProblem {
  kind:
    | 'not-signed-in'
    | 'needs-car'
    | 'needs-reservation'
    | 'no-car'
    | 'no-car-status'
    | 'no-reservation'
    | 'already-set'
    | 'permission-denied'
    | 'status-changed'
    | 'connection-lost'
    | 'backup-failed';
  sentence: string;
  /** already-set: the start status the reservation holds. */
  current?: unknown;
}

/** Everything the engineer confirms before the write. */
export interface RepairPreview {
  kind: 'ready';
  carId: string;
  reservationId: string;
  /** The status that will be written (and saved as the backup). */
  status: CarStatus;
  /** The car's QNR when the database knows it (prefills the mock-QNR step). */
  qnr?: string;
  /** The signed-in engineer's email. */
  engineer: string;
  /** The car the reservation's own data names, when it is not the car from the page (the engineer decides). */
  reservationCarId?: string;
}

export type InspectAnswer = RepairPreview | (RepairProblem & { carId?: string; reservationId?: string });

/** The Odoo ticket a repair is done for: its audit notes and the incident's link are posted on it. */
export interface LinkedTicket {
  /** The Odoo origin, from the sender of the sidebar's intent or a configured origin of a pasted URL. */
  origin: string;
  id: number;
  ref: string | null;
  /** The ticket's subject (customer text: shown as text only); null when linked by a pasted URL. */
  name: string | null;
  url: string;
}

/** What happened to a note meant for the linked ticket. */
export interface TicketNoteOutcome {
  state: 'posted' | 'waiting' | 'failed';
  sentence: string;
}

/** The GitLab incident opened for the cause behind a repair (e.g. a CloudBoxx that never comes online). */
export interface RepairIncident {
  projectPath: string;
  iid: number;
  title: string;
  webUrl: string;
}

/** What creating the incident of a repair did; `problem`: created, but the severity needs a hand. */
export interface RepairIncidentAnswer {
  incident: RepairIncident;
  sentence: string;
  problem?: string;
  ticketNote?: TicketNoteOutcome;
}

/** One repair as the extension remembers it: the steps after the write, the undo, the pending QNR. */
export interface RepairRecord {
  carId: string;
  reservationId: string;
  written: CarStatus;
  repairedAt: string;
  by: string;
  /** File name of the JSON backup of the car status, saved before the write. */
  backupFile: string;
  /** Set when the engineer marks the reservation ended: no undo after that. */
  endedAt?: string;
  undoneAt?: string;
  /** The QNR switched to mock- for this reservation; pending work until restoredAt is set. */
  mockQnr?: { original: string; switchedAt: string; restoredAt?: string };
  /** The ticket the repair was done for (its audit notes go there). */
  ticket?: LinkedTicket;
  /** The incident opened for the underlying cause; create attempts begun (a lost answer is looked for first). */
  incident?: RepairIncident;
  incidentAttempts?: number;
}

export type RepairAnswer = { kind: 'repaired'; record: RepairRecord; note?: string; ticketNote?: TicketNoteOutcome } | RepairProblem;

export type UndoAnswer =
  | { kind: 'undone'; record: RepairRecord; ticketNote?: TicketNoteOutcome }
  | { kind: 'not-undone'; sentence: string; current?: unknown };

/** Audit trail of repairs and undos, kept locally. */
export interface RepairAuditEntry {
  action: 'repair' | 'undo';
  at: string;
  by: string;
  carId: string;
  reservationId: string;
  /** What was written (repair) or removed (undo). */
  value: unknown;
  note: string;
}

export const BILLING_NOTE = 'Trip info and billing for this reservation are not correct after a start-status repair: billing needs a manual check.';

/** A QNR switched to mock- and not yet switched back. */
export function qnrPending(record: RepairRecord): boolean {
  return record.mockQnr !== undefined && record.mockQnr.restoredAt === undefined;
}
