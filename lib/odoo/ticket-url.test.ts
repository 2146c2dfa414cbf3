import { describe, expect, it } from 'vitest';
import { loadSampleText } from './odoo16-samples.testkit';
import { ticketFromUrl } from './ticket-url';

const ORIGIN = 'https://odoo.example.com';

describe('ticketFromUrl — Odoo 16 / 17.0 / 17.1 hash URLs', () => {
  it('reads the id and model of a ticket form', () => {
    expect(ticketFromUrl(`${ORIGIN}/web#id=42&cids=1&menu_id=105&action=157&model=helpdesk.ticket&view_type=form`)).toEqual({
      id: 42,
      model: 'helpdesk.ticket',
    });
  });

  it('accepts a query string before the hash and a trailing slash', () => {
    expect(ticketFromUrl(`${ORIGIN}/web/?debug=1#id=7&model=helpdesk.ticket&view_type=form`)).toEqual({
      id: 7,
      model: 'helpdesk.ticket',
    });
  });

  it('treats a record id without view_type as a form (the web client opens one)', () => {
    expect(ticketFromUrl(`${ORIGIN}/web#id=9&model=helpdesk.ticket`)).toEqual({ id: 9, model: 'helpdesk.ticket' });
  });

  it('leaves the model null when the hash does not name it', () => {
    expect(ticketFromUrl(`${ORIGIN}/web#id=9&action=157&view_type=form`)).toEqual({ id: 9, model: null });
  });

  it.each([
    ['another model', '/web#id=42&model=res.partner&view_type=form'],
    ['a list view', '/web#action=157&model=helpdesk.ticket&view_type=list&cids=1'],
    ['a kanban view with an id', '/web#id=42&model=helpdesk.ticket&view_type=kanban'],
    ['a form without id (new record)', '/web#model=helpdesk.ticket&view_type=form'],
    ['id 0', '/web#id=0&model=helpdesk.ticket&view_type=form'],
    ['a negative id', '/web#id=-3&model=helpdesk.ticket&view_type=form'],
    ['a decimal id', '/web#id=4.5&model=helpdesk.ticket&view_type=form'],
    ['a non-numeric id', '/web#id=abc&model=helpdesk.ticket&view_type=form'],
    ['no hash at all', '/web'],
    ['a hash on another page', '/shop#id=42&model=helpdesk.ticket&view_type=form'],
  ])('returns null for %s', (_label, path) => {
    expect(ticketFromUrl(`${ORIGIN}${path}`)).toBeNull();
  });

  it('reads the URLs the real Odoo 16 web client showed (webclient-urls.json)', () => {
    const steps = JSON.parse(loadSampleText('webclient-urls.json')) as Array<[string, string]>;
    const results = steps.map(([label, url]) => [label, url, ticketFromUrl(url)] as const);
    const found = results.filter(([, , ticket]) => ticket !== null);
    // Only the ticket-form URLs name a ticket: the list, the kanban, the inbox, the login do not.
    expect(found.map(([, url, ticket]) => [url, ticket])).toEqual([
      ['http://127.0.0.1:8069/web#id=5&cids=1&menu_id=105&action=157&model=helpdesk.ticket&view_type=form', { id: 5, model: 'helpdesk.ticket' }],
      ['http://127.0.0.1:8069/web#id=5&cids=1&menu_id=105&action=157&model=helpdesk.ticket&view_type=form', { id: 5, model: 'helpdesk.ticket' }],
      ['http://127.0.0.1:8069/web#id=2&model=helpdesk.ticket&view_type=form', { id: 2, model: 'helpdesk.ticket' }],
      ['http://127.0.0.1:8069/web#id=2&model=helpdesk.ticket&view_type=form&cids=1', { id: 2, model: 'helpdesk.ticket' }],
      ['http://127.0.0.1:8069/web#id=2&model=helpdesk.ticket&view_type=form&cids=1', { id: 2, model: 'helpdesk.ticket' }],
    ]);
    expect(results.find(([label]) => label === 'ticket-list')?.[2]).toBeNull();
    expect(results.find(([label]) => label === 'after-app')?.[2]).toBeNull();
  });
});

describe('ticketFromUrl — Odoo 17.2+ / 18 / 19 path URLs', () => {
  it.each([
    ['/odoo/helpdesk.ticket/42', { id: 42, model: 'helpdesk.ticket' }],
    ['/odoo/all-tickets/42', { id: 42, model: null }],
    ['/odoo/my-tickets/42', { id: 42, model: null }],
    ['/odoo/helpdesk/3/action-612/42', { id: 42, model: null }],
    ['/odoo/helpdesk/3/tickets/42', { id: 42, model: null }],
    ['/odoo/action-612/42', { id: 42, model: null }],
    ['/odoo/action-helpdesk.helpdesk_ticket_action_main_tree/42', { id: 42, model: null }],
    ['/odoo/res.partner/7/helpdesk.ticket/42', { id: 42, model: 'helpdesk.ticket' }],
    ['/odoo/helpdesk.ticket/42?debug=1', { id: 42, model: 'helpdesk.ticket' }],
    ['/odoo/all-tickets/42/?cids=1#anchor', { id: 42, model: null }],
    ['/odoo/helpdesk/3/tickets/42#id=1&view_type=list', { id: 42, model: null }],
  ])('%s → %o', (path, expected) => {
    expect(ticketFromUrl(`${ORIGIN}${path}`)).toEqual(expected);
  });

  it.each([
    ['a ticket list', '/odoo/helpdesk/3/tickets'],
    ['an unsaved ticket', '/odoo/helpdesk/3/tickets/new'],
    ['a new ticket by model', '/odoo/helpdesk.ticket/new'],
    ['another model', '/odoo/res.partner/7'],
    ['another model after a ticket', '/odoo/helpdesk.ticket/42/res.partner/7'],
    ['the home page', '/odoo'],
    ['a bare number', '/odoo/42'],
    ['two numbers', '/odoo/helpdesk/3/42'],
    ['id 0', '/odoo/helpdesk.ticket/0'],
    ['a leading zero', '/odoo/helpdesk.ticket/042'],
    ['a path outside the web client', '/odoofoo/helpdesk.ticket/42'],
    ['the website', '/helpdesk/ticket/42'],
  ])('returns null for %s', (_label, path) => {
    expect(ticketFromUrl(`${ORIGIN}${path}`)).toBeNull();
  });

  it('returns null for text that is not a URL', () => {
    expect(ticketFromUrl('not a url')).toBeNull();
    expect(ticketFromUrl('')).toBeNull();
  });
});
