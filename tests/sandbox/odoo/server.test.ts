// @vitest-environment node
// The Odoo stand-in over real HTTP: its envelopes against the real Odoo 16 samples, and the behaviour per
// flavour and version that the extension relies on.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SANDBOX_COLLEAGUES, SANDBOX_STAGES, SANDBOX_TICKETS, startOdooSandbox,
  type OdooSandbox, type OdooSandboxOptions,
} from './server.ts';

// Kept in a variable: Vite rewrites a literal `new URL('…', import.meta.url)`.
const here = import.meta.url;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON off the wire / from the samples: the assertions check its shape
type Json = any;
interface Sample { request: { url: string; body: { params: Record<string, unknown> } }; response: { body: Record<string, Json> } }
const sample = (name: string): Sample =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/odoo16-samples/${name}`, here)), 'utf8')) as Sample;

let running: OdooSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.map((s) => s.close()));
  running = [];
});

interface Client {
  odoo: OdooSandbox;
  post(url: string, params: unknown, id?: number): Promise<{ status: number; headers: Headers; body: Record<string, Json> }>;
  /** The whole envelope (result or error). */
  kw(model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<Json>;
  /** The result; an error envelope throws. */
  result(model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<Json>;
}

async function start(options: OdooSandboxOptions = {}, withSession = true): Promise<Client> {
  const odoo = await startOdooSandbox(options);
  running.push(odoo);
  const cookie = withSession ? await odoo.login() : undefined;
  let seq = 0;
  const post: Client['post'] = async (url, params, id = ++seq) => {
    const response = await fetch(odoo.url + url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: `session_id=${cookie}` } : {}) },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, Json> };
  };
  const kw: Client['kw'] = async (model, method, args, kwargs = {}) =>
    (await post(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs })).body;
  const result: Client['result'] = async (...call) => {
    const body = await kw(...call);
    if (body.error) throw new Error(`${body.error.data.name}: ${body.error.data.message}`);
    return body.result;
  };
  return { odoo, post, kw, result };
}

/** Everything of an error envelope but the traceback text. */
function withoutDebug(body: Record<string, Json>): unknown {
  const { debug, ...data } = body.error.data as { debug: string };
  return { ...body, error: { ...body.error, data: { ...data, debugLastLine: debug.trim().split('\n').at(-1) } } };
}

describe('envelopes match the real Odoo 16 samples (OCA helpdesk_mgmt)', () => {
  const options = { flavour: 'oca', version: 16 } as const;

  it('answers call_kw without a session with exactly the SessionExpired envelope', async () => {
    const { odoo, post } = await start(options, false);
    const expected = sample('err-session-expired.json');
    const answer = await post('/web/dataset/call_kw/helpdesk.ticket/read', expected.request.body.params, 1);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.body).toEqual(expected.response.body);
    expect(JSON.stringify(answer.body)).toBe(JSON.stringify(expected.response.body));

    odoo.expireSessions();
    const cookie = await odoo.login();
    odoo.expireSessions();
    const expired = await fetch(`${odoo.url}/web/session/get_session_info`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: `session_id=${cookie}` }, body: '{"jsonrpc":"2.0","method":"call","params":{},"id":9}' });
    expect(await expired.json()).toEqual(expected.response.body);
  });

  it.each(['err-bad-field.json', 'err-bad-field-write.json', 'err-bad-model.json'])('answers like %s', async (name) => {
    const { post } = await start(options);
    const expected = sample(name);
    const answer = await post(expected.request.url, expected.request.body.params, expected.response.body['id'] as number);
    expect(answer.status).toBe(200);
    expect(withoutDebug(answer.body)).toEqual(withoutDebug(expected.response.body));
    expect(Object.keys(answer.body.error.data)).toEqual(Object.keys(expected.response.body['error'].data));
    expect(answer.body.error.data.debug).toMatch(/^Traceback \(most recent call last\):\n {2}File "odoo-server\/odoo\/http.py"/);
  });

  it('authenticates and hands out the session info of the sample', async () => {
    const { odoo, post } = await start(options, false);
    const expected = sample('session-authenticate.json').response.body['result'] as Record<string, unknown>;
    const answer = await post('/web/session/authenticate', { db: 'helpdesk', login: 'admin', password: 'admin' });
    expect(answer.headers.get('set-cookie')).toMatch(/^session_id=\w+; Expires=.+; Max-Age=604800; HttpOnly; Path=\/$/);
    expect(Object.keys(answer.body.result)).toEqual(Object.keys(expected));
    expect(answer.body.result).toMatchObject({
      uid: 2, name: 'Mitchell Admin', username: 'admin', partner_id: 3, db: 'helpdesk',
      user_context: { lang: 'en_US', tz: 'Europe/Brussels', uid: 2 }, server_version_info: [16, 0, 0, 'final', 0, ''],
      user_companies: { current_company: 1, allowed_companies: { 1: { id: 1, name: 'TMF', sequence: 0 } } },
      'web.base.url': odoo.url,
    });
    const refused = await post('/web/session/authenticate', { db: 'helpdesk', login: 'admin', password: 'nope' });
    expect(refused.body.error).toMatchObject({ code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' } });
  });

  it('reads a ticket in the shape of helpdesk-ticket-read.json', async () => {
    const { result } = await start(options);
    const request = sample('helpdesk-ticket-read.json').request.body.params as { args: [number[], string[]]; kwargs: Record<string, unknown> };
    const [ticket] = await result('helpdesk.ticket', 'read', [[42], request.args[1]], request.kwargs);
    expect(Object.keys(ticket)).toEqual(['id', ...request.args[1]]);
    expect(ticket).toMatchObject({
      id: 42, name: 'Could not determine the start status of this reservation', stage_id: [1, 'NEW'], priority: '1',
      user_id: false, team_id: [1, 'Support'], partner_id: [23, 'Deelwagen Gent cv, An Claes'], number: 'HT00042',
    });
    expect(ticket.create_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('describes fields exactly as fields_get does, with and without attributes', async () => {
    const { result } = await start(options);
    const withAttributes = sample('helpdesk-ticket-fields_get.json');
    const all = await result('helpdesk.ticket', 'fields_get', [], withAttributes.request.body.params['kwargs'] as Record<string, unknown>);
    for (const field of ['user_id', 'stage_id', 'priority']) expect(all[field]).toEqual(withAttributes.response.body['result'][field]);
    expect(Object.keys(all)).toEqual(expect.arrayContaining(['number', 'name', 'description', 'last_stage_update', 'closed', 'team_id']));

    const full = sample('helpdesk-ticket-fields_get-noattrs.json');
    expect(await result('helpdesk.ticket', 'fields_get', [['stage_id', 'priority', 'user_id']])).toEqual(full.response.body['result']);
  });

  it('searches, writes a stage and reads it back like the samples', async () => {
    const { result } = await start(options);
    expect(await result('helpdesk.ticket', 'search', [[]], { limit: 5, order: 'id' })).toEqual([40, 41, 42, 43, 44]);
    expect(await result('helpdesk.ticket', 'write', [[42], { stage_id: 2 }])).toBe(true);
    const [after] = await result('helpdesk.ticket', 'read', [[42], ['stage_id', 'last_stage_update', 'closed', 'closed_date']]);
    expect(after).toMatchObject({ id: 42, stage_id: [2, 'TRIAGE'], closed: false, closed_date: false });
    expect(after.last_stage_update).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    const messages = await result('mail.message', 'search_read', [], sample('mail-message-search_read.json').request.body.params['kwargs'] as Record<string, unknown> & { domain: unknown });
    expect(messages).toHaveLength(0); // the sample's domain names res_id 1
    const latest = await result('mail.message', 'search_read', [], { domain: [['model', '=', 'helpdesk.ticket'], ['res_id', '=', 42]], fields: ['body', 'message_type', 'subtype_id', 'author_id', 'date', 'tracking_value_ids'], order: 'id desc', limit: 2 });
    expect(latest[1]).toMatchObject({ body: '', message_type: 'notification', subtype_id: [2, 'Note'], author_id: [3, 'TMF, Mitchell Admin'] });
    expect(latest[1].tracking_value_ids).toHaveLength(1);
    expect(latest[0]).toMatchObject({ message_type: 'comment', subtype_id: [2, 'Note'] }); // TRIAGE's "Team member is addressing…"
  });

  it('returns the activity as "mail.activity(N,)" and lists it like mail-activity-search_read.json', async () => {
    const { result } = await start(options);
    const scheduled = sample('helpdesk-ticket-activity_schedule-todo.json').request.body.params['kwargs'] as Record<string, unknown>;
    const created = await result('helpdesk.ticket', 'activity_schedule', [[42]], { ...scheduled, date_deadline: '2999-11-30' });
    expect(created).toMatch(/^mail\.activity\(\d+,\)$/);
    const id = Number(/\((\d+),\)/.exec(created)?.[1]);
    const listing = sample('mail-activity-search_read.json');
    const kwargs = listing.request.body.params['kwargs'] as { fields: string[] };
    const rows = await result('mail.activity', 'search_read', [], { ...kwargs, domain: [['res_model', '=', 'helpdesk.ticket'], ['res_id', '=', 42]] });
    const row = rows.find((r: { id: number }) => r.id === id);
    expect(Object.keys(row)).toEqual(Object.keys(listing.response.body['result'][0]));
    expect(row).toEqual({ ...listing.response.body['result'][0], id, res_id: 42, date_deadline: '2999-11-30' });
  });

  it('stores an HTML message_post body as HTML in 16 and returns the bare id', async () => {
    const { odoo, result } = await start(options);
    const kwargs = sample('helpdesk-ticket-message_post-note.json').request.body.params['kwargs'] as Record<string, unknown>;
    const id = await result('helpdesk.ticket', 'message_post', [[42]], kwargs);
    expect(typeof id).toBe('number');
    expect(odoo.messages(42).find((m) => m.id === id)).toMatchObject({ body: '<p>Internal log note from spike <b>bold</b></p>', messageType: 'comment', subtype: 'Note', authorId: 3 });
  });
});

describe('versions', () => {
  it('escapes a plain message_post body from 17 on, unless body_is_html', async () => {
    const { odoo, result } = await start({ version: 17 });
    const escaped = await result('helpdesk.ticket', 'message_post', [[42]], { body: '<p>Hi <b>team</b></p>', message_type: 'comment', subtype_xmlid: 'mail.mt_note' });
    expect(odoo.messages(42).find((m) => m.id === escaped)?.body).toBe('<p>&lt;p&gt;Hi &lt;b&gt;team&lt;/b&gt;&lt;/p&gt;</p>');
    const html = await result('helpdesk.ticket', 'message_post', [[42]], { body: '<p>Hi <b>team</b><script>x()</script></p>', body_is_html: true, subtype_xmlid: 'mail.mt_note' });
    expect(odoo.messages(42).find((m) => m.id === html)?.body).toBe('<p>Hi <b>team</b></p>');
  });

  it('has web_read from 17 and name_get until 17, with the error Odoo gives for a missing method', async () => {
    const v16 = await start({ version: 16 });
    const noWebRead = await v16.kw('helpdesk.ticket', 'web_read', [[42]], { specification: { name: {} } });
    expect(noWebRead.error.data).toMatchObject({ name: 'builtins.AttributeError', message: "type object 'helpdesk.ticket' has no attribute 'web_read'" });
    expect(await v16.result('helpdesk.ticket', 'name_get', [[42]])).toEqual([[42, 'Could not determine the start status of this reservation (#42)']]);

    const v17 = await start({ version: 17 });
    expect(await v17.result('helpdesk.ticket', 'web_read', [[42]], { specification: { name: {}, stage_id: { fields: { display_name: {} } }, user_id: {} } }))
      .toEqual([{ id: 42, name: 'Could not determine the start status of this reservation', stage_id: { id: 1, display_name: 'NEW' }, user_id: false }]);

    const v18 = await start({ version: 18 });
    const noNameGet = await v18.kw('helpdesk.ticket', 'name_get', [[42]]);
    expect(noNameGet.error.data).toMatchObject({ name: 'builtins.AttributeError', message: "The method 'name_get' does not exist on the model 'helpdesk.ticket'" });
  });

  it('reports the version (and the Enterprise edition) in the session info', async () => {
    const { post } = await start({ version: 19, flavour: 'enterprise' });
    const info = (await post('/web/session/get_session_info', {})).body.result;
    expect(info).toMatchObject({ uid: 2, server_version_info: [19, 0, 0, 'final', 0, 'e'] });
    expect(info.server_version).toMatch(/^19\.0\+e/);
  });
});

describe('flavours', () => {
  it('Enterprise: helpdesk.stage / helpdesk.team, ticket_ref, priority default 0; OCA names are unknown', async () => {
    const { result, kw } = await start({ flavour: 'enterprise' });
    const [ticket] = await result('helpdesk.ticket', 'read', [[42], ['ticket_ref', 'priority', 'stage_id', 'kanban_state', 'partner_email']]);
    expect(ticket).toEqual({ id: 42, ticket_ref: '42', priority: '0', stage_id: [1, 'NEW'], kanban_state: 'normal', partner_email: 'an.claes@mail.example' });
    const stages = await result('helpdesk.stage', 'search_read', [], { domain: [['team_ids', '=', 2]], fields: ['name', 'template_id', 'fold'] });
    expect(stages.map((s: { name: string }) => s.name)).toEqual(['NEW', 'TRIAGE', '1st line', '1st line: incident', '3rd line', 'DONE', 'CANCELED']);
    expect(stages.at(-1)).toMatchObject({ template_id: [4, 'closing ticket'], fold: true }); // Partners' CANCELED emails: misconfigured
    const [team] = await result('helpdesk.team', 'read', [[1], ['name', 'member_ids', 'stage_ids']]);
    expect(team).toEqual({ id: 1, name: 'Support', member_ids: [2, 6, 7, 8], stage_ids: [1, 2, 3, 4, 5, 6, 7, 8] });
    expect((await kw('helpdesk.ticket.stage', 'search_read', [], {})).error.data).toMatchObject({ name: 'builtins.KeyError', message: 'helpdesk.ticket.stage' });
    expect((await kw('helpdesk.ticket', 'read', [[42], ['number']])).error.data.message).toBe("Invalid field 'number' on model 'helpdesk.ticket'");
  });

  it('OCA: helpdesk.ticket.stage with mail_template_id/closed, number, priority default 1; Enterprise names are unknown', async () => {
    const { result, kw } = await start({ flavour: 'oca', version: 17 });
    const stages = await result('helpdesk.ticket.stage', 'search_read', [], { domain: [['team_ids', 'in', [1]]], fields: ['name', 'mail_template_id', 'closed', 'unattended'], order: 'sequence, id' });
    expect(stages[0]).toEqual({ id: 1, name: 'NEW', mail_template_id: [1, 'Ticket created'], closed: false, unattended: true });
    expect(stages.find((s: { name: string }) => s.name === 'DONE')).toMatchObject({ mail_template_id: [4, 'closing ticket'], closed: true });
    const [team] = await result('helpdesk.ticket.team', 'read', [[2], ['name', 'user_ids']]);
    expect(team).toEqual({ id: 2, name: 'Partners', user_ids: [2, 7] });
    expect((await result('helpdesk.ticket', 'read', [[43], ['priority', 'number']]))[0]).toEqual({ id: 43, priority: '1', number: 'HT00043' });
    expect((await kw('helpdesk.stage', 'read', [[1], ['name']])).error.data.name).toBe('builtins.KeyError');
    expect((await kw('helpdesk.ticket', 'write', [[42], { ticket_ref: 'x' }])).error.data.message).toBe("Invalid field 'ticket_ref' on model 'helpdesk.ticket'");
  });

  it('filters search_read with =, !=, in, ilike and | on plain, many2one and many2many fields', async () => {
    const { result } = await start();
    const ids = async (domain: unknown[]) => (await result('helpdesk.ticket', 'search_read', [], { domain, fields: ['id'], order: 'id' })).map((t: { id: number }) => t.id);
    expect(await ids([['stage_id', '=', SANDBOX_STAGES.new]])).toEqual([42, 43, 46]);
    expect(await ids([['stage_id.name', '=', 'NEW'], ['team_id', '!=', 2]])).toEqual([42, 43]);
    expect(await ids([['user_id', 'in', [6, 8]]])).toEqual([40, 47, 48]);
    expect(await ids(['|', ['name', 'ilike', 'START STATUS'], ['partner_id', 'ilike', 'fleetlink']])).toEqual([42, 46]);
    expect(await ids([['tag_ids', '=', 3]])).toEqual([45, 47]);
    expect(await ids([['user_id', '=', false], ['team_id', '=', 1]])).toEqual([42, 43, 45]);
    expect(await result('helpdesk.ticket', 'search_count', [[['team_id', '=', 1]]])).toBe(8);
  });
});

describe('stage emails: Odoo sends the stage template itself, under each version’s conditions', () => {
  it.each([
    [16, true],
    [17, false],
    [18, false],
    [19, false],
  ] as const)('Enterprise %i without partner_email (customer has an email): email sent = %s', async (version, sent) => {
    const { odoo, result } = await start({ version });
    await result('helpdesk.ticket', 'write', [[43], { partner_email: false }]);
    await result('helpdesk.ticket', 'write', [[43], { stage_id: SANDBOX_STAGES.triage }]);
    expect(odoo.sentEmails().map((m) => m.to)).toEqual(sent ? ['tom.jacobs@mail.example'] : []);
  });

  it.each([
    [16, true],
    [17, false],
    [18, false],
    [19, true],
  ] as const)("Enterprise %i when the acting user is the ticket's customer: email sent = %s", async (version, sent) => {
    const { odoo, result } = await start({ version });
    await result('helpdesk.ticket', 'write', [[43], { partner_id: 3, partner_email: 'admin@tmf.example' }]);
    await result('helpdesk.ticket', 'write', [[43], { stage_id: SANDBOX_STAGES.triage }]);
    expect(odoo.sentEmails()).toHaveLength(sent ? 1 : 0);
    odoo.moveTicketAsColleague(43, 'DONE'); // someone else acting: the email goes out
    expect(odoo.sentEmails().at(-1)).toMatchObject({ ticketId: 43, stageName: 'DONE', template: 'closing ticket', to: 'admin@tmf.example' });
  });

  it('renders the template with the ticket, posts it and a tracking message in the chatter', async () => {
    const { odoo, result } = await start({ version: 17 });
    const before = odoo.messages(42).length;
    await result('helpdesk.ticket', 'write', [[42], { stage_id: SANDBOX_STAGES.triage, user_id: SANDBOX_COLLEAGUES.sofie.uid }]);
    const [mail] = odoo.sentEmails();
    expect(mail).toMatchObject({ ticketId: 42, stageName: 'TRIAGE', template: 'Team member is addressing your support request', to: 'an.claes@mail.example' });
    expect(mail?.subject).toBe('Could not determine the start status of this reservation [42] - a team member is on it');
    expect(mail?.body).toContain('Dear An Claes,\nSofie Peeters is now addressing your request "Could not determine the start status of this reservation" (42).');
    expect(mail?.body).not.toMatch(/<|t-out/);
    const added = odoo.messages(42).slice(before);
    expect(added.map((m) => [m.messageType, m.subtype])).toEqual([['notification', 'Stage Changed'], ['auto_comment', 'Note']]);
    expect(added[0]?.tracking).toEqual(expect.arrayContaining([{ field: 'Stage', oldValue: 'NEW', newValue: 'TRIAGE' }, { field: 'Assigned to', oldValue: '', newValue: 'Sofie Peeters' }]));
    expect(added[1]?.body).toContain('Sofie Peeters is now addressing your request');
    const stamped = odoo.ticket(42);
    expect(stamped?.['date_last_stage_update']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(stamped?.['close_date']).toBe(false);
  });

  it('sends nothing for a stage without template, and the misconfigured Partners team sends what it is set to', async () => {
    const { odoo, result } = await start({ version: 16 });
    await result('helpdesk.ticket', 'write', [[42], { stage_id: SANDBOX_STAGES.firstLine }]);
    expect(odoo.sentEmails()).toEqual([]);
    await result('helpdesk.ticket', 'write', [[46], { stage_id: SANDBOX_STAGES.partnersCanceled }]);
    await result('helpdesk.ticket', 'write', [[46], { stage_id: SANDBOX_STAGES.partnersDone }]);
    expect(odoo.sentEmails().map((m) => [m.stageName, m.template])).toEqual([['CANCELED', 'closing ticket'], ['DONE', 'Ticket created']]);
    expect(odoo.ticket(46)?.['close_date']).not.toBe(false);
  });

  it("refuses a stage of another team with a ValidationError and changes nothing", async () => {
    const { odoo, kw } = await start({ version: 17 });
    const refused = await kw('helpdesk.ticket', 'write', [[SANDBOX_TICKETS.partnersTeamTicket], { stage_id: SANDBOX_STAGES.secondLine }]);
    expect(refused.error).toMatchObject({ code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.ValidationError' } });
    expect(refused.error.data.message).toBe('The stage "2nd line" is not a stage of the team "Partners" of ticket "Reservations API returns 500 for bulk sync (#46)".');
    expect(odoo.ticket(46)?.['stage_id']).toBe(SANDBOX_STAGES.new);
    expect(odoo.sentEmails()).toEqual([]);
  });

  it('sends the first stage\'s template when a ticket is created', async () => {
    const { odoo, result } = await start({ version: 18 });
    const id = await result('helpdesk.ticket', 'create', [{ name: 'Car smells of smoke', partner_id: 28 }]);
    expect(odoo.ticket(id)).toMatchObject({ stage_id: 1, team_id: 1, partner_email: 'tom.jacobs@mail.example', ticket_ref: String(id) });
    expect(odoo.sentEmails()).toEqual([expect.objectContaining({ ticketId: id, stageName: 'NEW', template: 'Ticket created' })]);
  });
});

describe('failures the extension must tell apart', () => {
  it('raises AccessError like ir.model.access for a denied operation', async () => {
    const { odoo, kw, result } = await start({ version: 17 });
    odoo.denyAccess('helpdesk.ticket', 'write');
    const denied = await kw('helpdesk.ticket', 'write', [[42], { priority: '2' }]);
    expect(denied.error.data).toMatchObject({
      name: 'odoo.exceptions.AccessError',
      message: "You are not allowed to modify 'Helpdesk Ticket' (helpdesk.ticket) records.\n\nNo group currently allows this operation.\n\nContact your administrator to request access if necessary.",
    });
    expect((await kw('helpdesk.ticket', 'message_post', [[42]], { body: 'x' })).error.data.name).toBe('odoo.exceptions.AccessError');
    expect(await result('helpdesk.ticket', 'read', [[42], ['priority']])).toEqual([{ id: 42, priority: '0' }]);
    odoo.denyAccess('mail.activity', 'create');
    expect((await kw('helpdesk.ticket', 'activity_schedule', [[40]], { summary: 'x' })).error.data.message).toMatch(/^You are not allowed to (modify 'Helpdesk Ticket'|create 'Activity')/);
    odoo.denyAccess('helpdesk.ticket', 'read');
    expect((await kw('helpdesk.ticket', 'search_read', [], { domain: [] })).error.data.message).toMatch(/^You are not allowed to access 'Helpdesk Ticket' \(helpdesk\.ticket\) records\./);
  });

  it('a deleted ticket: read leaves it out, write / message_post raise MissingError', async () => {
    const { odoo, kw, result } = await start({ version: 16 });
    odoo.deleteTicket(42);
    expect(odoo.ticket(42)).toBeUndefined();
    expect(await result('helpdesk.ticket', 'read', [[42, 43], ['name']])).toEqual([{ id: 43, name: 'App shows the wrong fuel level for car-2087' }]);
    const write = await kw('helpdesk.ticket', 'write', [[42], { stage_id: 2 }]);
    expect(write.error.data).toMatchObject({ name: 'odoo.exceptions.MissingError', message: 'Record does not exist or has been deleted.\n(Record: helpdesk.ticket(42,), User: 2)' });
    expect((await kw('helpdesk.ticket', 'message_post', [[42]], { body: 'x' })).error.data.name).toBe('odoo.exceptions.MissingError');
  });

  it('drops the connection once after failNetworkOnce, and logs every JSON-RPC request with its context', async () => {
    const { odoo, kw } = await start();
    odoo.failNetworkOnce();
    await expect(kw('helpdesk.ticket', 'read', [[42], ['name']], { context: { lang: 'en_US', allowed_company_ids: [1] } })).rejects.toThrow();
    expect((await kw('helpdesk.ticket', 'read', [[42], ['name']])).result).toHaveLength(1);
    expect(odoo.rpcLog()).toEqual([
      expect.objectContaining({ model: 'helpdesk.ticket', method: 'read', url: '/web/dataset/call_kw/helpdesk.ticket/read', context: { lang: 'en_US', allowed_company_ids: [1] } }),
      expect.objectContaining({ model: 'helpdesk.ticket', method: 'read', context: null }),
    ]);
  });

  it('creates a draft sale.order when Sales is installed, and knows no sale.order otherwise', async () => {
    const withSales = await start();
    const id = await withSales.result('sale.order', 'create', [{ partner_id: 26, origin: 'Helpdesk ticket #44' }]);
    expect(withSales.odoo.saleOrders()).toEqual([{ id, partnerId: 26, origin: 'Helpdesk ticket #44', state: 'draft' }]);
    const [order] = await withSales.result('sale.order', 'read', [[id], ['name', 'state', 'partner_id']]);
    expect(order).toEqual({ id, name: 'S00001', state: 'draft', partner_id: [26, 'Autodelen Kempen cv, Mehdi El Amrani'] });

    const withoutSales = await start({ salesInstalled: false });
    const refused = await withoutSales.kw('sale.order', 'create', [{ partner_id: 26 }]);
    expect(refused.error.data).toMatchObject({ name: 'builtins.KeyError', message: 'sale.order', arguments: ['sale.order'] });
    expect(withoutSales.odoo.saleOrders()).toEqual([]);
  });
});

describe('pages and login', () => {
  it('sends pages without a session to the login form, logs in with the form and serves the web client', async () => {
    const { odoo } = await start({ version: 16 }, false);
    const anonymous = await fetch(`${odoo.url}/web`, { redirect: 'manual' });
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, '/web/login?redirect=%2Fweb%3F']);
    expect(await (await fetch(`${odoo.url}/web/login`)).text()).toContain('name="password"');

    const wrong = await fetch(`${odoo.url}/web/login`, { method: 'POST', body: new URLSearchParams({ login: 'admin', password: 'x', redirect: '/web' }), redirect: 'manual' });
    expect(await wrong.text()).toContain('Wrong login/password');
    const login = await fetch(`${odoo.url}/web/login`, { method: 'POST', body: new URLSearchParams({ login: 'admin', password: 'admin', redirect: '/web?' }), redirect: 'manual' });
    expect([login.status, login.headers.get('location')]).toEqual([303, '/web?']);
    const cookie = /session_id=(\w+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    expect(login.headers.get('set-cookie')).toContain('HttpOnly; Path=/');

    const page = await fetch(`${odoo.url}/web`, { headers: { Cookie: `session_id=${cookie}` } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('class="o_main_navbar"');
    expect(html).toContain('<div class="o_action_manager"></div>');
    expect(html).toContain('"server_version_info":[16,0,0,"final",0,"e"]');
    expect(await (await fetch(`${odoo.url}/odoo/helpdesk/1/tickets/42`, { headers: { Cookie: `session_id=${cookie}` } })).status).toBe(404);
  });

  it('serves /odoo/… paths from 17 and builds ticket URLs in both styles', async () => {
    const { odoo } = await start({ version: 17 });
    const cookie = await odoo.login();
    expect(odoo.ticketUrl(42)).toBe(`${odoo.url}/web#id=42&cids=1&menu_id=384&action=612&model=helpdesk.ticket&view_type=form`);
    expect(odoo.ticketUrl(46, 'path')).toBe(`${odoo.url}/odoo/helpdesk/2/tickets/46`);
    for (const path of ['/odoo/helpdesk/1/tickets/42', '/odoo/helpdesk.ticket/42', '/odoo/all-tickets/42', '/odoo/action-612/42', '/odoo/helpdesk/1/tickets', '/odoo/helpdesk/1/tickets/new']) {
      expect((await fetch(odoo.url + path, { headers: { Cookie: `session_id=${cookie}` } })).status, path).toBe(200);
    }
    const list = await startOdooSandbox({ version: 19 });
    running.push(list);
    expect(list.ticketUrl(42)).toBe(`${list.url}/odoo/helpdesk/1/tickets/42`);
  });
});
