/**
 * Notes for an Odoo ticket posted from the background (the start-status repair's audit, the link to the
 * incident opened for its cause): posted at once through a tab showing the ticket, or kept until the ticket
 * is next opened (`workflows.forTicket`). Each note is posted once: every attempt for a ticket runs after
 * the previous one, and a note leaves the queue only when Odoo took it.
 */
import { waitingNotesItem } from '../settings';
import type { LinkedTicket, TicketNoteOutcome } from '../firebase/repair-types';
import { runInTicketTab } from './odoo-relay';
import type { WaitingNote } from './types';

/** One queue per ticket: attempts for the same ticket never overlap (no note posted twice). */
const queues = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
  queues.set(key, run.catch(() => undefined));
  return run;
}

// Read-modify-write of one stored list: serialised across tickets too.
let writing: Promise<unknown> = Promise.resolve();
function change(edit: (notes: WaitingNote[]) => WaitingNote[]): Promise<void> {
  const write = writing.then(async () => waitingNotesItem.setValue(edit(await waitingNotesItem.getValue())));
  writing = write.catch(() => undefined);
  return write;
}

async function waitingFor(origin: string, ticketId: number): Promise<WaitingNote[]> {
  await writing;
  return (await waitingNotesItem.getValue()).filter((note) => note.origin === origin && note.ticketId === ticketId);
}

export function ticketLabel(ticket: { id: number } | { ticketId: number }): string {
  return `ticket #${'id' in ticket ? ticket.id : ticket.ticketId}`;
}

function failure(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Odoo did not take the note.';
}

/** Tries the ticket's waiting notes in order; stops at the first that cannot be posted. Null: all posted. */
async function postInOrder(origin: string, ticketId: number, preferredTab?: number): Promise<{ state: 'waiting' } | { state: 'failed'; error: string } | null> {
  for (const note of await waitingFor(origin, ticketId)) {
    let posted: string | null;
    try {
      posted = await runInTicketTab({ origin, ticketId }, { kind: 'note', text: note.text }, preferredTab);
    } catch (error) {
      const sentence = failure(error);
      await change((notes) => notes.map((kept) => (kept.id === note.id ? { ...kept, error: sentence } : kept)));
      return { state: 'failed', error: sentence };
    }
    if (posted === null) return { state: 'waiting' };
    await change((notes) => notes.filter((kept) => kept.id !== note.id));
  }
  return null;
}

/** Odoo calls have no timeout of their own: the dialog stops waiting after this; the attempt goes on, the note stays queued until Odoo took it. */
export const NOTE_ANSWER_WAIT_MS = 15_000;

/**
 * Queues the note for the ticket, then posts what waits for it. Never throws: a repair stays done whatever
 * Odoo says; the outcome is the sentence the dialog shows.
 */
export async function postOnTicket(ticket: LinkedTicket, about: string, text: string, waitMs = NOTE_ANSWER_WAIT_MS): Promise<TicketNoteOutcome> {
  const note: WaitingNote = {
    id: crypto.randomUUID(),
    origin: ticket.origin,
    ticketId: ticket.id,
    ticketRef: ticket.ref,
    ticketName: ticket.name,
    ticketUrl: ticket.url,
    about,
    text,
    queuedAt: new Date().toISOString(),
  };
  const label = ticketLabel(ticket);
  try {
    await change((notes) => [...notes, note]);
    const attempt = oneAtATime(`${ticket.origin}/${ticket.id}`, () => postInOrder(ticket.origin, ticket.id));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), waitMs)));
    const outcome = await Promise.race([attempt, slow]).finally(() => clearTimeout(timer));
    if (outcome === 'slow') {
      return { state: 'waiting', sentence: `Odoo has not answered yet: the note is posted on ${label} when it does, or when the ticket is next opened in Odoo.` };
    }
    if (outcome === null) return { state: 'posted', sentence: `Note posted on ${label}.` };
    if (outcome.state === 'waiting') return { state: 'waiting', sentence: `The note waits until ${label} is open in Odoo.` };
    return {
      state: 'failed',
      sentence: `The note could not be posted on ${label}: ${outcome.error} It stays queued and is posted when the ticket is next opened in Odoo.`,
    };
  } catch (error) {
    return { state: 'failed', sentence: `The note for ${label} could not be saved in the extension (${failure(error)}), so it will not be posted: add the repair's audit to the ticket by hand.` };
  }
}

/** The ticket is open (the sidebar asked for its workflows): post the notes that waited for it. */
export async function postWaitingNotes(origin: string, ticketId: number, preferredTab?: number): Promise<void> {
  await oneAtATime(`${origin}/${ticketId}`, () => postInOrder(origin, ticketId, preferredTab));
}
