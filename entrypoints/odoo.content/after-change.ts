/**
 * After the sidebar changed a ticket over RPC, Odoo's form still shows the old values (it does not
 * refresh by itself). Reloading the page shows the new ones, but would throw away edits the engineer
 * has not saved: so reload only a clean form, and ask otherwise. What was done is carried over the
 * reload in the tab's sessionStorage, so the engineer still reads it afterwards.
 */
import { isFormDirty } from '@/lib/odoo/selectors';

const DONE_KEY = 'support-overlay:done';

export function showChangeInOdoo(ticketId: number, done: string): 'reloading' | 'form-has-unsaved-edits' {
  if (isFormDirty(document)) return 'form-has-unsaved-edits';
  reloadWithMessage(ticketId, done);
  return 'reloading';
}

export function reloadWithMessage(ticketId: number, done: string): void {
  try {
    sessionStorage.setItem(DONE_KEY, JSON.stringify({ ticketId, done }));
  } catch {
    // Storage full or blocked: the reload still shows the change, only the sentence is lost.
  }
  location.reload();
}

/** The sentence a change left before the reload, once, for this ticket. */
export function takeDoneMessage(ticketId: number): string | null {
  let saved: unknown;
  try {
    saved = JSON.parse(sessionStorage.getItem(DONE_KEY) ?? 'null');
  } catch {
    saved = null;
  }
  if (typeof saved !== 'object' || saved === null) return null;
  const { ticketId: id, done } = saved as { ticketId?: unknown; done?: unknown };
  if (id !== ticketId || typeof done !== 'string') return null;
  sessionStorage.removeItem(DONE_KEY);
  return done;
}
