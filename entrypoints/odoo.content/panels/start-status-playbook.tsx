/**
 * The "Could not determine the start status of this reservation" playbook, offered on tickets whose text
 * mentions that error: what the procedure is, what it costs (billing), and a button that opens the
 * reservation's Control Center page, where the repair button runs it, linked to this ticket (its audit goes here).
 */
import { useState } from 'react';
import type { PanelProps, SidebarPanel } from '../panels';
import type { Ticket } from '@/lib/odoo/helpdesk';
import { mentionsStartStatusError } from '@/lib/control-center/known-error';
import { controlCenterIds, reservationPageUrl } from '@/lib/control-center/url-patterns';
import { sendToBackground } from '@/lib/messaging';

const plainTexts = new WeakMap<Ticket, string>();

/** The ticket's subject and description as plain text (parsed inert: customer HTML is never rendered). */
function ticketText(ticket: Ticket): string {
  let text = plainTexts.get(ticket);
  if (text === undefined) {
    const description = new DOMParser().parseFromString(ticket.descriptionHtml, 'text/html').body.textContent ?? '';
    text = `${ticket.name}\n${description}`;
    plainTexts.set(ticket, text);
  }
  return text;
}

/** A reservation id the ticket itself gives through a Control Center link; never one guessed from prose. */
function reservationFromLinks(text: string, patterns: readonly string[]): string {
  for (const [url] of text.matchAll(/https?:\/\/[^\s"'<>]+/g)) {
    const reservationId = controlCenterIds(url, patterns)?.reservationId;
    if (reservationId) return reservationId;
  }
  return '';
}

function StartStatusPlaybook({ ticket, settings }: PanelProps) {
  const { origin, patterns } = settings.controlCenter;
  const [typed, setTyped] = useState(() => reservationFromLinks(ticketText(ticket), patterns));
  const [failure, setFailure] = useState<string | null>(null);
  // The engineer may paste the reservation's Control Center URL or just its id.
  const reservationId = controlCenterIds(typed.trim(), patterns)?.reservationId ?? typed.trim();
  const target = reservationId ? reservationPageUrl(origin, patterns, reservationId) : null;

  return (
    <div>
      <p>This ticket mentions “Could not determine the start status of this reservation”. The repair:</p>
      <ol className="so-checklist">
        <li>Open the reservation in Control Center and click “Repair start status”: it copies the car’s last status into the reservation (a backup file is saved first).</li>
        <li>End the reservation in Control Center.</li>
        <li>If the CloudBoxx is still offline: set the QNR to mock-QNR, end the reservation, set the QNR back.</li>
      </ol>
      <p className="so-muted">Trip info and billing for that reservation will not be correct: billing needs a manual check.</p>
      {!origin ? (
        <button type="button" onClick={() => void sendToBackground('options.open', {}).catch(() => undefined)}>
          Add the Control Center address in the settings
        </button>
      ) : (
        <>
          <label className="so-field">
            Reservation id or its Control Center URL
            <input value={typed} onChange={(event) => setTyped(event.target.value)} placeholder="-Nx3kQ2aBcDeFgHiJkLm" />
          </label>
          {typed.trim() !== '' && !target && (
            <p role="alert">That is not a reservation id or a Control Center reservation URL.</p>
          )}
          <button
            type="button"
            disabled={!target}
            onClick={() => {
              setFailure(null);
              // The background links this ticket to the repair (its audit notes come here) and opens the page.
              sendToBackground('repairTicket.openFromSidebar', { reservationId, ticketId: ticket.id, ref: ticket.ref, name: ticket.name }).catch(
                (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
              );
            }}
          >
            Open the repair in Control Center
          </button>
          {failure && <p role="alert">{failure}</p>}
        </>
      )}
    </div>
  );
}

export const startStatusPlaybookPanel: SidebarPanel = {
  id: 'start-status-playbook',
  title: 'Start status repair',
  appliesTo: (_stage, ticket) => mentionsStartStatusError(ticketText(ticket)),
  Component: StartStatusPlaybook,
};
