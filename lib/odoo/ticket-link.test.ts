import { describe, expect, it } from 'vitest';
import { ticketLinkFromUrl } from './ticket-link';

const ORIGINS = ['https://odoo.example.com'];

describe('ticketLinkFromUrl', () => {
  it.each([
    ['a path URL (17.2+)', 'https://odoo.example.com/odoo/helpdesk/42', 42],
    ['a model path URL', 'https://odoo.example.com/odoo/helpdesk.ticket/7', 7],
    ['a hash URL (16, 17.0)', 'https://odoo.example.com/web#id=42&model=helpdesk.ticket&view_type=form', 42],
  ])('links %s of a configured Odoo', (_what, url, id) => {
    expect(ticketLinkFromUrl(`  ${url} `, ORIGINS)).toEqual({ ticket: { origin: 'https://odoo.example.com', id, url } });
  });

  it('says which Odoo addresses are configured when the ticket is on another one', () => {
    expect(ticketLinkFromUrl('https://odoo.other.net/odoo/helpdesk/42', ORIGINS)).toEqual({
      sentence:
        'This ticket is on https://odoo.other.net, which is not one of the Odoo addresses in the settings (https://odoo.example.com): paste a ticket of your Odoo, or add that address in the settings.',
    });
  });

  it('refuses text that is no address, and an address that shows no ticket', () => {
    expect(ticketLinkFromUrl('ticket 42', ORIGINS)).toEqual({ sentence: 'Paste the address of the ticket’s page in Odoo (it starts with https://).' });
    expect(ticketLinkFromUrl('javascript:alert(1)', ORIGINS)).toEqual({ sentence: 'Paste the address of the ticket’s page in Odoo (it starts with https://).' });
    expect(ticketLinkFromUrl('https://odoo.example.com/web#id=42&model=res.partner&view_type=form', ORIGINS)).toEqual({
      sentence: 'This address does not show an Odoo ticket: open the ticket in Odoo and copy the address of its page.',
    });
  });

  it('names the missing setting when no Odoo is configured', () => {
    expect(ticketLinkFromUrl('https://odoo.example.com/odoo/helpdesk/42', [])).toEqual({
      sentence: expect.stringContaining('an Odoo address in the settings (there is none yet)'),
    });
  });
});
