/**
 * Who may send the Firebase messages: the password and the session only with the extension's own pages;
 * the repair only from a configured Control Center page; never from Odoo or an unknown page.
 */
import { describe, expect, it } from 'vitest';
import { BACKGROUND_AUDIENCES, dispatch, type BackgroundHandlers } from '../messaging';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  odooOrigins: ['https://odoo.example.com'],
  controlCenter: { ...DEFAULT_SETTINGS.controlCenter, origin: 'https://cc.example.com' },
};

const handled: string[] = [];
// Every handler records its call: the test is about the dispatcher letting it run or not.
const handlers = new Proxy({} as BackgroundHandlers, {
  get: (_target, type: string) => async () => {
    handled.push(type);
    return null;
  },
});

const senders = {
  popup: { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` },
  controlCenter: { id: EXTENSION_ID, url: 'https://cc.example.com/reservations/-Nx', origin: 'https://cc.example.com', tab: { id: 1 } as never },
  odoo: { id: EXTENSION_ID, url: 'https://odoo.example.com/web', origin: 'https://odoo.example.com', tab: { id: 2 } as never },
  stranger: { id: EXTENSION_ID, url: 'https://evil.example.net/', origin: 'https://evil.example.net', tab: { id: 3 } as never },
};

async function allowed(type: keyof BackgroundHandlers, sender: keyof typeof senders): Promise<boolean> {
  handled.length = 0;
  const reply = await dispatch({ type, payload: {} }, senders[sender], handlers, { extensionId: EXTENSION_ID, settings: async () => settings });
  return reply.ok && handled.includes(type);
}

describe('Firebase message audiences', () => {
  it.each(['firebase.signIn', 'firebase.signOut', 'firebase.account'] as const)('%s: extension pages only', async (type) => {
    expect(await allowed(type, 'popup')).toBe(true);
    expect(await allowed(type, 'controlCenter')).toBe(false);
    expect(await allowed(type, 'odoo')).toBe(false);
    expect(await allowed(type, 'stranger')).toBe(false);
  });

  it.each(['startStatus.inspect', 'startStatus.repair', 'startStatus.undo', 'startStatus.markEnded', 'qnr.switchedToMock', 'firebase.openSignIn'] as const)(
    '%s: the configured Control Center only',
    async (type) => {
      expect(await allowed(type, 'controlCenter')).toBe(true);
      expect(await allowed(type, 'odoo')).toBe(false);
      expect(await allowed(type, 'stranger')).toBe(false);
    },
  );

  it('qnr.restored: Control Center and the popup (pending work)', async () => {
    expect(BACKGROUND_AUDIENCES['qnr.restored']).toEqual(['control-center', 'extension']);
    expect(await allowed('qnr.restored', 'popup')).toBe(true);
    expect(await allowed('qnr.restored', 'odoo')).toBe(false);
  });

  it.each(['repairTicket.get', 'repairTicket.link', 'repairTicket.unlink', 'repairIncident.draft', 'repairIncident.create'] as const)(
    '%s: the configured Control Center only',
    async (type) => {
      expect(await allowed(type, 'controlCenter')).toBe(true);
      expect(await allowed(type, 'odoo')).toBe(false);
      expect(await allowed(type, 'popup')).toBe(false);
      expect(await allowed(type, 'stranger')).toBe(false);
    },
  );

  it('repairTicket.openFromSidebar: a configured Odoo page only (the ticket’s origin comes from the sender)', async () => {
    expect(await allowed('repairTicket.openFromSidebar', 'odoo')).toBe(true);
    expect(await allowed('repairTicket.openFromSidebar', 'controlCenter')).toBe(false);
    expect(await allowed('repairTicket.openFromSidebar', 'popup')).toBe(false);
    expect(await allowed('repairTicket.openFromSidebar', 'stranger')).toBe(false);
  });
});
