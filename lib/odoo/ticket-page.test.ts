// @vitest-environment node
// Ticket-page detection: the action named by a URL (pure), and its model asked from the Odoo stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdooSandbox, type OdooSandbox } from '../../tests/sandbox/odoo/server.ts';
import { createOdooRpc } from './rpc';
import { actionOfUrl, createTicketPageCheck } from './ticket-page';

const O = 'https://odoo.example.com';

describe('actionOfUrl', () => {
  it.each([
    [`${O}/odoo/helpdesk/3/tickets/42`, { path: 'tickets' }],
    [`${O}/odoo/all-tickets/42`, { path: 'all-tickets' }],
    [`${O}/odoo/my-tickets/42`, { path: 'my-tickets' }],
    [`${O}/odoo/action-612/42`, { id: 612 }],
    [`${O}/odoo/helpdesk/3/action-612/42`, { id: 612 }],
    [`${O}/web#id=42&action=612&view_type=form`, { id: 612 }],
  ])('%s → %o', (url, action) => {
    expect(actionOfUrl(url)).toEqual(action);
  });

  it.each([`${O}/odoo/helpdesk.ticket/42`, `${O}/odoo/42`, `${O}/web#id=42&action=helpdesk.action_x&view_type=form`, `${O}/web#id=42&view_type=form`, 'not a url'])(
    'names no action: %s',
    (url) => {
      expect(actionOfUrl(url)).toBeNull();
    },
  );
});

describe('createTicketPageCheck against the stand-in (Odoo 18)', () => {
  let odoo: OdooSandbox;
  let check: (url: string) => Promise<boolean>;
  let sessionFetch: typeof fetch;
  beforeAll(async () => {
    odoo = await startOdooSandbox({ version: 18 });
    const cookie = await odoo.login();
    sessionFetch = (input, init) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), Cookie: `session_id=${cookie}` } });
    check = createTicketPageCheck(createOdooRpc({ origin: odoo.url, fetch: sessionFetch }));
  });
  afterAll(async () => {
    await odoo.close();
  });

  it('confirms ticket actions by path and by id, and remembers them', async () => {
    expect(await check(`${odoo.url}/odoo/helpdesk/1/tickets/42`)).toBe(true);
    expect(await check(`${odoo.url}/odoo/all-tickets/42`)).toBe(true);
    expect(await check(`${odoo.url}/odoo/action-612/42`)).toBe(true);
    const asked = odoo.rpcLog().filter((e) => e.model === 'ir.actions.act_window').length;
    expect(await check(`${odoo.url}/odoo/helpdesk/1/tickets/43`)).toBe(true);
    expect(odoo.rpcLog().filter((e) => e.model === 'ir.actions.act_window').length).toBe(asked);
  });

  it('refuses other models\' actions, unknown actions and other models in the URL', async () => {
    expect(await check(`${odoo.url}/odoo/leads/42`)).toBe(false);
    expect(await check(`${odoo.url}/odoo/action-652/42`)).toBe(false);
    expect(await check(`${odoo.url}/odoo/no-such-action/42`)).toBe(false);
    expect(await check(`${odoo.url}/odoo/action-9999/42`)).toBe(false);
    expect(await check(`${odoo.url}/odoo/crm.lead/42`)).toBe(false);
    expect(await check(`${odoo.url}/odoo/helpdesk.ticket/42`)).toBe(true);
  });
});
