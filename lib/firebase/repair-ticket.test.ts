import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from '#imports';
import { DEFAULT_SETTINGS, repairTicketLinksItem, settingsItem } from '../settings';
import { linkedTicketOf, repairTicketHandlers, TICKET_LINK_KEEPS_MS } from './repair-ticket';

const ODOO = 'https://odoo.example.com';
const RESERVATION = '-Nx3kQ2aBcDeFgHiJkLm';
const tab = { id: 5, index: 2 } as never;
const sidebar = (url: string) => ({ audience: 'odoo' as const, sender: { id: 'ext', url, origin: ODOO, tab } });

beforeEach(async () => {
  fakeBrowser.reset();
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, odooOrigins: [ODOO], controlCenter: { ...DEFAULT_SETTINGS.controlCenter, origin: 'https://cc.example.com' } });
});

describe('a repair linked from the sidebar', () => {
  it('remembers the ticket of the sender’s tab for a day and opens the reservation in Control Center', async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    await repairTicketHandlers['repairTicket.openFromSidebar'](
      { reservationId: RESERVATION, ticketId: 42, ref: '42', name: 'Car <b>won’t</b> end' },
      sidebar(`${ODOO}/odoo/helpdesk/42`),
    );
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/^https:\/\/cc\.example\.com\/.*-Nx3kQ2aBcDeFgHiJkLm/), index: 3 });
    const ticket = { origin: ODOO, id: 42, ref: '42', name: 'Car <b>won’t</b> end', url: `${ODOO}/odoo/helpdesk/42` };
    expect(await linkedTicketOf(RESERVATION)).toEqual(ticket);
    expect(await linkedTicketOf(RESERVATION, Date.now() + TICKET_LINK_KEEPS_MS + 1000)).toBeNull();
  });

  it('refuses a ticket the sender’s tab does not show, and stores nothing', async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    await expect(
      repairTicketHandlers['repairTicket.openFromSidebar']({ reservationId: RESERVATION, ticketId: 42, ref: null, name: 'x' }, sidebar(`${ODOO}/odoo/helpdesk/41`)),
    ).rejects.toThrow('Refused: this tab does not show that ticket.');
    expect(create).not.toHaveBeenCalled();
    expect(await repairTicketLinksItem.getValue()).toEqual({});
  });
});

describe('a ticket linked in the dialog', () => {
  const controlCenter = { audience: 'control-center' as const, sender: { id: 'ext', url: 'https://cc.example.com/reservations/x', tab } };

  it('links a ticket of a configured Odoo, and refuses another Odoo with the sentence', async () => {
    await expect(
      repairTicketHandlers['repairTicket.link']({ reservationId: RESERVATION, ticketUrl: 'https://odoo.other.net/odoo/helpdesk/42' }, controlCenter),
    ).rejects.toThrow('This ticket is on https://odoo.other.net, which is not one of the Odoo addresses in the settings');
    expect(await repairTicketHandlers['repairTicket.link']({ reservationId: RESERVATION, ticketUrl: `${ODOO}/odoo/helpdesk/42` }, controlCenter)).toEqual({
      ticket: { origin: ODOO, id: 42, ref: null, name: null, url: `${ODOO}/odoo/helpdesk/42` },
    });
    await repairTicketHandlers['repairTicket.unlink']({ reservationId: RESERVATION }, controlCenter);
    expect(await repairTicketHandlers['repairTicket.get']({ reservationId: RESERVATION }, controlCenter)).toBeNull();
  });

  it('never writes a reservation id onto an object’s prototype', async () => {
    await repairTicketHandlers['repairTicket.link']({ reservationId: '__proto__', ticketUrl: `${ODOO}/odoo/helpdesk/42` }, controlCenter);
    expect(await linkedTicketOf('__proto__')).toEqual(expect.objectContaining({ id: 42 }));
    expect(await linkedTicketOf('constructor')).toBeNull();
  });
});
