/**
 * The Odoo ticket the repair is for: linked from the sidebar's playbook, or here by pasting the ticket's
 * address; the repair's audit notes (and the incident's link) are posted on it. The subject is customer
 * text: rendered as text only.
 */
import { useEffect, useState } from 'react';
import { sendToBackground } from '@/lib/messaging';
import type { LinkedTicket, TicketNoteOutcome } from '@/lib/firebase/repair-types';
import { ErrorNotice } from '@/components/ErrorNotice';

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/** What became of a note for the ticket: posted, waiting for its tab, or failed (still queued). */
export function TicketNote({ outcome }: { outcome: TicketNoteOutcome | undefined }) {
  if (!outcome) return null;
  return (
    <p className={outcome.state === 'failed' ? 'so-warning' : 'so-muted'} data-testid="ticket-note" data-state={outcome.state}>
      {outcome.sentence}
    </p>
  );
}

export function TicketLink({ reservationId }: { reservationId: string }) {
  const [ticket, setTicket] = useState<LinkedTicket | null | undefined>(undefined);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<TicketNoteOutcome | undefined>(undefined);

  useEffect(() => {
    let current = true;
    sendToBackground('repairTicket.get', { reservationId }).then(
      (linked) => current && setTicket(linked),
      (failure: unknown) => current && (setTicket(null), setError(message(failure))),
    );
    return () => {
      current = false;
    };
  }, [reservationId]);

  if (ticket === undefined) return null;
  return (
    <section aria-label="Odoo ticket" data-testid="ticket-link">
      {error && <ErrorNotice message={error} />}
      {ticket ? (
        <p>
          <span data-testid="linked-ticket">
            Linked to ticket #{ticket.id}
            {ticket.name ? ` – ${ticket.name}` : ''}
          </span>{' '}
          <button
            type="button"
            onClick={() => {
              setError(null);
              setNote(undefined);
              sendToBackground('repairTicket.unlink', { reservationId }).then(
                () => setTicket(null),
                (failure: unknown) => setError(message(failure)),
              );
            }}
          >
            Unlink
          </button>
        </p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setError(null);
            sendToBackground('repairTicket.link', { reservationId, ticketUrl: typed }).then(
              (linked) => {
                setTicket(linked.ticket);
                setNote(linked.ticketNote);
                setTyped('');
              },
              (failure: unknown) => setError(message(failure)), // what was typed stays
            );
          }}
        >
          <label className="so-field">
            Odoo ticket address (the repair’s audit is noted on it)
            <input value={typed} onChange={(event) => setTyped(event.target.value)} placeholder="https://odoo.example.com/odoo/helpdesk/42" />
          </label>
          <button type="submit" disabled={typed.trim() === ''}>
            Link the ticket
          </button>
        </form>
      )}
      <TicketNote outcome={note} />
    </section>
  );
}
