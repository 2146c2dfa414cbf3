import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, senderAudience, type BackgroundHandlers } from './messaging';
import { DEFAULT_SETTINGS, type Settings } from './settings';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  odooOrigins: ['https://odoo.example.com'],
  controlCenter: { ...DEFAULT_SETTINGS.controlCenter, origin: 'https://cc.example.com' },
};

const calls: string[] = [];
const notUnderTest = () => Promise.reject(new Error('not under test'));
const handlers: BackgroundHandlers = {
  'deadline.compute': async () => {
    calls.push('deadline');
    return { due: '2026-11-30T14:00:00.000Z' };
  },
  'systems.status': async () => {
    calls.push('status');
    return { odoo: { state: 'ok' }, gitlab: { state: 'ok' }, firebase: { state: 'ok' } };
  },
  'options.open': async () => null,
  'connection.check': async () => ({ verdict: 'ok', lines: [] }),
  // Firebase sign-in and the start-status repair: their audiences are tested in lib/firebase/handlers-audience.test.ts.
  'firebase.signIn': notUnderTest,
  'firebase.signOut': notUnderTest,
  'firebase.account': notUnderTest,
  'firebase.openSignIn': notUnderTest,
  'startStatus.inspect': notUnderTest,
  'startStatus.repair': notUnderTest,
  'startStatus.undo': notUnderTest,
  'startStatus.record': notUnderTest,
  'startStatus.markEnded': notUnderTest,
  'qnr.switchedToMock': notUnderTest,
  'qnr.restored': notUnderTest,
  // From ticket to GitLab: lib/workflows (their audiences are declared in BACKGROUND_AUDIENCES).
  'gitlab.draft': notUnderTest,
  'gitlab.findBugs': notUnderTest,
  'gitlab.issues': notUnderTest,
  'workflows.start': notUnderTest,
  'workflows.retry': notUnderTest,
  'workflows.forTicket': notUnderTest,
  'workflows.pending': notUnderTest,
  // The repair's ticket and incident: audiences tested in lib/firebase/handlers-audience.test.ts.
  'repairTicket.openFromSidebar': notUnderTest,
  'repairTicket.get': notUnderTest,
  'repairTicket.link': notUnderTest,
  'repairTicket.unlink': notUnderTest,
  'repairIncident.draft': notUnderTest,
  'repairIncident.create': notUnderTest,
};

const send = (message: unknown, sender: Parameters<typeof senderAudience>[0]) =>
  dispatch(message, sender, handlers, { extensionId: EXTENSION_ID, settings: async () => settings });

describe('sender checks', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    calls.length = 0;
  });

  it('accepts a content script on a configured Odoo origin', async () => {
    const reply = await send(
      { type: 'deadline.compute', payload: { stars: 2, openedAt: '2026-11-27T14:00:00Z' } },
      { id: EXTENSION_ID, url: 'https://odoo.example.com/web#id=42', origin: 'https://odoo.example.com', tab: { id: 1 } as never },
    );
    expect(reply).toEqual({ ok: true, value: { due: '2026-11-30T14:00:00.000Z' } });
    expect(calls).toEqual(['deadline']);
  });

  it('refuses a content script on an origin that is not configured', async () => {
    const reply = await send(
      { type: 'deadline.compute', payload: { stars: 2, openedAt: '2026-11-27T14:00:00Z' } },
      { id: EXTENSION_ID, url: 'https://evil.example.net/', origin: 'https://evil.example.net', tab: { id: 1 } as never },
    );
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/not one the extension is configured for/) });
    expect(calls).toEqual([]);
  });

  it('refuses a popup-only message from a configured Odoo page', async () => {
    const reply = await send(
      { type: 'systems.status', payload: {} },
      { id: EXTENSION_ID, url: 'https://odoo.example.com/web', origin: 'https://odoo.example.com', tab: { id: 1 } as never },
    );
    expect(reply.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('accepts popup-only messages from the extension’s own pages', async () => {
    const reply = await send({ type: 'systems.status', payload: {} }, { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` });
    expect(reply.ok).toBe(true);
  });

  it('refuses another extension, even one claiming our page URL', async () => {
    const reply = await send(
      { type: 'systems.status', payload: {} },
      { id: 'otherextensionidotherextensionid', url: `chrome-extension://${EXTENSION_ID}/popup.html` },
    );
    expect(reply.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('refuses a sender without a URL and unknown message types', async () => {
    expect((await send({ type: 'systems.status', payload: {} }, { id: EXTENSION_ID })).ok).toBe(false);
    expect(await send({ type: 'tokens.read', payload: {} }, { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` })).toEqual({
      ok: false,
      error: 'The extension does not know this request.',
    });
  });

  it('turns a failing handler into the sentence to show', async () => {
    const failing: BackgroundHandlers = {
      ...handlers,
      'systems.status': async () => {
        throw new Error('GitLab refused your token.');
      },
    };
    const reply = await dispatch({ type: 'systems.status', payload: {} }, { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/options.html` }, failing, {
      extensionId: EXTENSION_ID,
      settings: async () => settings,
    });
    expect(reply).toEqual({ ok: false, error: 'GitLab refused your token.' });
  });
});

describe('senderAudience', () => {
  it('tells Odoo from Control Center by origin, using the URL where the browser gives no origin (Firefox)', () => {
    const ours = { extensionId: EXTENSION_ID, settings };
    expect(senderAudience({ id: EXTENSION_ID, url: 'https://cc.example.com/reservations/-Nx' }, ours)).toBe('control-center');
    expect(senderAudience({ id: EXTENSION_ID, url: 'https://odoo.example.com/odoo/helpdesk/1/tickets/42' }, ours)).toBe('odoo');
    expect(senderAudience({ id: EXTENSION_ID, url: 'https://odoo.example.com.evil.net/web' }, ours)).toBeNull();
  });
});
