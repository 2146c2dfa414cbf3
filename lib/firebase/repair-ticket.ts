/**
 * The Odoo ticket a start-status repair is done for (background only). The sidebar's playbook links it when
 * it opens the repair (the ticket's origin and address come from the browser's `sender`); in the dialog the
 * engineer may paste a ticket's address or unlink. The repair's audit record is posted on the linked ticket.
 */
import { browser, type Browser } from '#imports';
import { senderOrigin, type BackgroundHandlers } from '../messaging';
import { repairTicketLinksItem, settingsItem } from '../settings';
import { reservationPageUrl } from '../control-center/url-patterns';
import { ticketFromUrl } from '../odoo/ticket-url';
import { ticketLinkFromUrl } from '../odoo/ticket-link';
import { postOnTicket } from '../workflows/waiting-notes';
import { auditNoteAbout, auditNoteText } from './repair-audit-note';
import { lastRepairOf, updateRepair } from './repair-journal';
import type { LinkedTicket, RepairAuditEntry, TicketNoteOutcome } from './repair-types';

/** A link from the sidebar is an intent of today: after a day it no longer applies to a new repair. */
export const TICKET_LINK_KEEPS_MS = 24 * 60 * 60 * 1000;

export async function linkedTicketOf(reservationId: string, now = Date.now()): Promise<LinkedTicket | null> {
  const links = await repairTicketLinksItem.getValue();
  const link = Object.hasOwn(links, reservationId) ? links[reservationId] : undefined;
  if (!link || !(Date.parse(link.expiresAt) > now)) return null;
  const { expiresAt: _expiresAt, ...ticket } = link;
  return ticket;
}

async function rememberLink(reservationId: string, ticket: LinkedTicket | null): Promise<void> {
  const now = Date.now();
  // A Map: a reservation id is page input, and must never reach an object's prototype.
  const links = new Map(Object.entries(await repairTicketLinksItem.getValue()).filter(([, link]) => Date.parse(link.expiresAt) > now));
  if (ticket) links.set(reservationId, { ...ticket, expiresAt: new Date(now + TICKET_LINK_KEEPS_MS).toISOString() });
  else links.delete(reservationId);
  await repairTicketLinksItem.setValue(Object.fromEntries(links));
}

/** Posts (or queues) the audit record on the ticket; the repair or undo stays done whatever happens. */
export function noteAudit(entry: Omit<RepairAuditEntry, 'note'>, ticket: LinkedTicket): Promise<TicketNoteOutcome> {
  return postOnTicket(ticket, auditNoteAbout(entry), auditNoteText(entry));
}

/** The live repair of the reservation, if any, takes the ticket; a repair not yet noted anywhere gets its audit note now. */
async function linkLiveRepair(reservationId: string, ticket: LinkedTicket | null): Promise<TicketNoteOutcome | undefined> {
  const record = await lastRepairOf(reservationId);
  if (!record) return undefined;
  const { ticket: before, ...rest } = record;
  await updateRepair(reservationId, () => (ticket ? { ...rest, ticket } : rest));
  if (!ticket || (before && before.origin === ticket.origin && before.id === ticket.id)) return undefined;
  return noteAudit({ action: 'repair', at: record.repairedAt, by: record.by, carId: record.carId, reservationId, value: record.written }, ticket);
}

function ticketOfSender(sender: Browser.runtime.MessageSender, ticketId: number): { origin: string; url: string } {
  const origin = senderOrigin(sender);
  const url = sender.url ?? '';
  // The page names its own ticket: a sidebar may only link the ticket its tab shows.
  if (ticketFromUrl(url)?.id !== ticketId) throw new Error('Refused: this tab does not show that ticket. Reload the ticket and try again.');
  return { origin, url };
}

type RepairTicketHandlers = Pick<BackgroundHandlers, 'repairTicket.openFromSidebar' | 'repairTicket.get' | 'repairTicket.link' | 'repairTicket.unlink'>;

export const repairTicketHandlers: RepairTicketHandlers = {
  'repairTicket.openFromSidebar': async ({ reservationId, ticketId, ref, name }, { sender }) => {
    const { origin, url } = ticketOfSender(sender, ticketId);
    const { controlCenter } = await settingsItem.getValue();
    const target = reservationPageUrl(controlCenter.origin, controlCenter.patterns, reservationId.trim());
    if (!target) throw new Error('That is not a reservation id or a Control Center reservation URL.');
    const ticket: LinkedTicket = { origin, id: ticketId, ref, name, url };
    await rememberLink(reservationId.trim(), ticket);
    await linkLiveRepair(reservationId.trim(), ticket);
    await browser.tabs.create({ url: target, ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}) });
    return null;
  },
  'repairTicket.get': async ({ reservationId }) => (await lastRepairOf(reservationId))?.ticket ?? linkedTicketOf(reservationId),
  'repairTicket.link': async ({ reservationId, ticketUrl }) => {
    const found = ticketLinkFromUrl(ticketUrl, (await settingsItem.getValue()).odooOrigins);
    if ('sentence' in found) throw new Error(found.sentence);
    const ticket: LinkedTicket = { ...found.ticket, ref: null, name: null };
    await rememberLink(reservationId, ticket);
    const ticketNote = await linkLiveRepair(reservationId, ticket);
    return { ticket, ...(ticketNote ? { ticketNote } : {}) };
  },
  'repairTicket.unlink': async ({ reservationId }) => {
    await rememberLink(reservationId, null);
    await linkLiveRepair(reservationId, null);
    return null;
  },
};
