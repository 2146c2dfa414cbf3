/**
 * Every stored item of the extension, in one place (ARCHITECTURE rule: `storage.defineItem` with a
 * version and migrations). Secrets (the GitLab token) live in `local:` storage, never `sync:`, and never
 * leave the background and the extension's own pages.
 */
import { storage } from '#imports';
import { DEFAULT_SETTINGS, type Settings } from './settings-schema';
import type { TicketWorkflow, WaitingNote } from './workflows/types';
import type { LinkedTicket, RepairAuditEntry, RepairRecord } from './firebase/repair-types';

export * from './settings-schema';

/** The team's configuration. Version 1; add migrations here when its shape changes. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The engineer's own GitLab personal access token (scope `api`). Background and extension pages only. */
export const gitlabTokenItem = storage.defineItem<string>('local:gitlabToken', { fallback: '', version: 1 });

/** Per Odoo origin facts learnt once (helpdesk flavour, major version), so a ticket opens with fewer calls. */
export interface OdooOriginFacts {
  flavour: 'enterprise' | 'oca';
  version: number;
}
export const odooOriginFactsItem = storage.defineItem<Record<string, OdooOriginFacts>>('local:odooOriginFacts', {
  fallback: {},
  version: 1,
});

/** Per Odoo origin, the model of each window action seen in a ticket URL (`path:tickets` → `helpdesk.ticket`). */
export const odooActionModelsItem = storage.defineItem<Record<string, Record<string, string | null>>>('local:odooActionModels', {
  fallback: {},
  version: 1,
});

/**
 * Start-status repairs done from this browser (newest last): the steps after the write, the undo, and the
 * QNR switched to mock- that is pending work until restored (popup + badge, across restarts).
 */
export const startStatusRepairsItem = storage.defineItem<RepairRecord[]>('local:startStatusRepairs', { fallback: [], version: 1 });

/** Audit trail of start-status repairs and undos (who, when, car, reservation, value, billing note). */
export const startStatusAuditItem = storage.defineItem<RepairAuditEntry[]>('local:startStatusAudit', { fallback: [], version: 1 });

/** The journal of multi-step workflows (ticket → GitLab → Odoo), by workflow id. Background only. */
export const workflowJournalItem = storage.defineItem<Record<string, TicketWorkflow>>('local:workflows', { fallback: {}, version: 1 });

/** Notes for Odoo tickets waiting to be posted in the ticket's tab (oldest first). Background writes, popup reads. */
export const waitingNotesItem = storage.defineItem<WaitingNote[]>('local:waitingTicketNotes', { fallback: [], version: 1 });

/** Reservation → the ticket its repair is for (linked from the sidebar or in the dialog), until `expiresAt`. */
export const repairTicketLinksItem = storage.defineItem<Record<string, LinkedTicket & { expiresAt: string }>>('local:repairTicketLinks', {
  fallback: {},
  version: 1,
});
