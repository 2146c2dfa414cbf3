/**
 * The ticket's GitLab issues, as recorded on the ticket itself (marked internal notes), read with the
 * engineer's Odoo session; and a signal for the panels when a workflow recorded a new one.
 */
import type { OdooRpc } from '@/lib/odoo/rpc';
import { TICKET_MODEL } from '@/lib/odoo/ticket-url';
import { GITLAB_ISSUE_MARK, issuesInNotes } from '@/lib/gitlab/issue-note';

export type RecordedRef = ReturnType<typeof issuesInNotes>[number];

export async function readRecordedIssues(rpc: OdooRpc, ticketId: number): Promise<RecordedRef[]> {
  const rows = await rpc.callKw<Array<{ body?: unknown }>>('mail.message', 'search_read', [], {
    domain: [['model', '=', TICKET_MODEL], ['res_id', '=', ticketId], ['body', 'ilike', GITLAB_ISSUE_MARK]],
    fields: ['body'],
    order: 'id asc',
  });
  return issuesInNotes(rows.map((row) => (typeof row.body === 'string' ? row.body : '')));
}

const listeners = new Set<() => void>();

/** Called when a workflow recorded an issue on the ticket: the linked-issues list reads the notes again. */
export function announceRecordedIssue(): void {
  for (const listener of listeners) listener();
}

export function onRecordedIssue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
