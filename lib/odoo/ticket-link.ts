/**
 * A ticket pasted by its Odoo address (Control Center repair dialog): which ticket of which configured Odoo
 * it is, or the sentence saying why it is none. Pure (the background decides; the dialog shows the sentence).
 */
import { ticketFromUrl } from './ticket-url';

export type TicketLinkFromUrl = { ticket: { origin: string; id: number; url: string } } | { sentence: string };

export function ticketLinkFromUrl(text: string, odooOrigins: readonly string[]): TicketLinkFromUrl {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { sentence: 'Paste the address of the ticket’s page in Odoo (it starts with https://).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { sentence: 'Paste the address of the ticket’s page in Odoo (it starts with https://).' };
  }
  if (!odooOrigins.includes(url.origin)) {
    const configured = odooOrigins.length > 0 ? `the Odoo addresses in the settings (${odooOrigins.join(', ')})` : 'an Odoo address in the settings (there is none yet)';
    return { sentence: `This ticket is on ${url.origin}, which is not one of ${configured}: paste a ticket of your Odoo, or add that address in the settings.` };
  }
  const location = ticketFromUrl(url.href);
  if (!location) return { sentence: 'This address does not show an Odoo ticket: open the ticket in Odoo and copy the address of its page.' };
  return { ticket: { origin: url.origin, id: location.id, url: url.href } };
}
