/**
 * Relays an Odoo step (a note, a stage move) from the background to a tab showing the ticket, where it runs
 * with the engineer's own Odoo session (ARCHITECTURE rule 3). Used by the GitLab workflows and by the
 * notes that wait for their ticket (start-status repair audit).
 */
import { browser } from '#imports';
import { sendToTab } from '../messaging';
import { matchPattern } from '../content-scripts';
import type { OdooStep } from './types';

/** Runs the step in a tab showing the ticket: its result sentence, or null when no tab shows it. */
export async function runInTicketTab(ticket: { origin: string; ticketId: number }, step: OdooStep, preferredTab?: number): Promise<string | null> {
  const tabs = await browser.tabs.query({ url: matchPattern(ticket.origin) });
  const ordered = [...tabs].sort((a, b) => Number(b.id === preferredTab) - Number(a.id === preferredTab));
  for (const tab of ordered) {
    if (tab.id === undefined) continue;
    let answer: { ran: boolean; result?: string };
    try {
      answer = await sendToTab(tab.id, 'odoo.runStep', { ticketId: ticket.ticketId, step });
    } catch (error) {
      // "Receiving end does not exist": a tab without our content script. An Odoo failure is a real failure.
      if (error instanceof Error && /receiving end|could not establish|did not answer/i.test(error.message)) continue;
      throw error;
    }
    if (answer.ran) return answer.result ?? 'Done';
  }
  return null;
}
