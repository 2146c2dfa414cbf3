import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTicketStore } from './ticket-store';
import { OdooError, type OdooRpc } from '@/lib/odoo/rpc';
import { odooOriginFactsItem } from '@/lib/settings';

const ORIGIN = 'https://odoo.example.com';

function rpcFailingWith(error: OdooError): OdooRpc {
  return {
    callKw: () => Promise.reject(error),
    sessionInfo: () => Promise.reject(error),
  };
}

describe('ticket store', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await odooOriginFactsItem.setValue({ [ORIGIN]: { flavour: 'enterprise', version: 17 } });
  });

  it('says the session expired, so the sidebar offers a reload rather than a retry', async () => {
    const store = createTicketStore(rpcFailingWith(new OdooError('session-expired')), ORIGIN);
    await store.getState().load(42);
    expect(store.getState()).toMatchObject({ status: 'error', sessionExpired: true, error: expect.stringContaining('Your Odoo session has expired') });
  });

  it('says a deleted ticket is gone (read answers [])', async () => {
    const rpc: OdooRpc = { callKw: <T,>() => Promise.resolve([] as T), sessionInfo: () => Promise.reject(new Error('unused')) };
    const store = createTicketStore(rpc, ORIGIN);
    await store.getState().load(42);
    expect(store.getState()).toMatchObject({ status: 'error', sessionExpired: false, error: 'This ticket no longer exists in Odoo (deleted meanwhile?).' });
  });

  it('shows a ticket a change re-read, over a slower load started before it', async () => {
    let answer: ((rows: unknown) => void) | null = null;
    const rpc: OdooRpc = { callKw: <T,>() => new Promise<T>((resolve) => (answer = resolve as (rows: unknown) => void)), sessionInfo: () => Promise.reject(new Error('unused')) };
    const store = createTicketStore(rpc, ORIGIN);
    const slow = store.getState().load(42);
    while (!answer) await new Promise((r) => setTimeout(r, 0)); // the load is reading the ticket
    const fresh = { id: 42, name: 'x', ref: '42', descriptionHtml: '', stage: { id: 2, name: 'TRIAGE' }, team: null, priority: '2', assignee: null, customer: null, customerEmail: null, createdAt: '' };
    store.getState().setTicket(fresh);
    (answer as (rows: unknown) => void)([{ id: 42, name: 'old', stage_id: [1, 'NEW'], team_id: false, priority: '0', create_date: '' }]);
    await slow;
    expect(store.getState().ticket?.stage?.name).toBe('TRIAGE');
  });
});
