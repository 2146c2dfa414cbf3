import { describe, expect, it } from 'vitest';
import { loadSample, sampleFetch, type Sample } from './odoo16-samples.testkit';
import { classifyOdooError, companyIdsFromPage, createOdooRpc, describeOdooError, OdooError } from './rpc';

const ORIGIN = 'http://127.0.0.1:8069';
const SESSION = loadSample('session-get_session_info.json');
/** The context the real web client sent in the samples: user_context + allowed_company_ids from cids. */
const WEB_CLIENT_CONTEXT = { lang: 'en_US', tz: 'Europe/Brussels', uid: 2, allowed_company_ids: [1] };

function params(sample: Sample): { model: string; method: string; args: unknown[]; kwargs: Record<string, unknown> } {
  return sample.request.body.params as { model: string; method: string; args: unknown[]; kwargs: Record<string, unknown> };
}

/** Odoo's JSON-RPC error envelope, as the samples show it (HTTP 200, with a traceback in `debug`). */
function odooErrorResponse(name: string, message: string, code = 200): () => Response {
  const body = {
    jsonrpc: '2.0',
    id: 1,
    error: { code, message: 'Odoo Server Error', data: { name, message, arguments: [message], debug: 'Traceback (most recent call last):\n  File "x.py"', context: {} } },
  };
  return () => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

async function rejection(promise: Promise<unknown>): Promise<OdooError> {
  const error: unknown = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof OdooError)) throw error;
  return error;
}

describe('sessionInfo', () => {
  it('reads the real session info and asks Odoo only once per client', async () => {
    const { fetch, requests } = sampleFetch(SESSION);
    const rpc = createOdooRpc({ origin: ORIGIN, fetch });
    const first = await rpc.sessionInfo();
    const second = await rpc.sessionInfo();
    expect(first).toEqual({
      uid: 2,
      name: 'Mitchell Admin',
      username: 'admin',
      partnerId: 3,
      db: 'helpdesk',
      serverVersion: 16,
      userContext: { lang: 'en_US', tz: 'Europe/Brussels', uid: 2 },
      currentCompany: 1,
    });
    expect(second).toBe(first);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe(`${ORIGIN}${SESSION.request.url}`);
    expect(requests[0]?.body).toEqual({ ...SESSION.request.body, id: expect.any(Number) });
  });

  it('shares one request between calls made at the same time', async () => {
    const { fetch, requests } = sampleFetch(SESSION, loadSample('helpdesk-ticket-search.json'), loadSample('helpdesk-ticket-search.json'));
    const rpc = createOdooRpc({ origin: ORIGIN, fetch });
    await Promise.all([rpc.callKw('helpdesk.ticket', 'search', [[]]), rpc.callKw('helpdesk.ticket', 'search', [[]])]);
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/web/session/get_session_info',
      '/web/dataset/call_kw/helpdesk.ticket/search',
      '/web/dataset/call_kw/helpdesk.ticket/search',
    ]);
  });

  it('asks again after a failed look-up (e.g. the engineer signed in meanwhile)', async () => {
    const { fetch, requests } = sampleFetch(loadSample('err-session-expired.json'), SESSION);
    const rpc = createOdooRpc({ origin: ORIGIN, fetch });
    expect((await rejection(rpc.sessionInfo())).kind).toBe('session-expired');
    expect((await rpc.sessionInfo()).uid).toBe(2);
    expect(requests).toHaveLength(2);
  });

  it('treats a session info without a user as an expired session', async () => {
    const visitor = () => new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { uid: false, db: 'helpdesk' } }));
    const rpc = createOdooRpc({ origin: ORIGIN, fetch: sampleFetch(visitor).fetch });
    expect((await rejection(rpc.sessionInfo())).kind).toBe('session-expired');
  });

  it.each([
    [['saas~17', 2, 0, 'final', 0, ''], 'saas~17.2+e', 17],
    [[18, 0, 0, 'final', 0, 'e'], '18.0+e', 18],
    [undefined, '19.0+e', 19],
  ])('reads the major version from %j / %s', async (versionInfo, version, major) => {
    const result = { ...(SESSION.response.body as { result: Record<string, unknown> }).result, server_version_info: versionInfo, server_version: version };
    const answer = () => new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result }));
    const rpc = createOdooRpc({ origin: ORIGIN, fetch: sampleFetch(answer).fetch });
    expect((await rpc.sessionInfo()).serverVersion).toBe(major);
  });
});

describe('callKw request shape (against the real Odoo 16 samples)', () => {
  it('sends exactly what the real read request sent, with the web client context', async () => {
    const read = loadSample('helpdesk-ticket-read.json');
    const { fetch, requests } = sampleFetch(SESSION, read);
    const rpc = createOdooRpc({ origin: `${ORIGIN}/`, fetch });
    const { model, method, args } = params(read);
    const result = await rpc.callKw<unknown[]>(model, method, args);

    expect(result).toEqual((read.response.body as { result: unknown }).result);
    const sent = requests[1];
    expect(sent?.url).toBe(`${ORIGIN}${read.request.url}`);
    expect(sent?.init.method).toBe('POST');
    expect(sent?.init.credentials).toBe('same-origin');
    expect(sent?.init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(sent?.body).toEqual({ ...read.request.body, id: expect.any(Number) });
    expect(sent?.body.params).toEqual(read.request.body.params);
  });

  it.each([
    'helpdesk-ticket-write-stage.json',
    'helpdesk-ticket-message_post-note.json',
    'helpdesk-ticket-activity_schedule-todo.json',
    'helpdesk-ticket-search.json',
    'helpdesk-ticket-fields_get-noattrs.json',
    'helpdesk-stage-search_read.json',
    'mail-activity-search_read.json',
  ])('%s: same model, method, args and kwargs, plus the context', async (file) => {
    const sample = loadSample(file);
    const { fetch, requests } = sampleFetch(SESSION, sample);
    const rpc = createOdooRpc({ origin: ORIGIN, fetch });
    const { model, method, args, kwargs } = params(sample);
    const result = await rpc.callKw(model, method, args, kwargs);

    expect(result).toEqual((sample.response.body as { result: unknown }).result);
    expect(requests[1]?.url).toBe(`${ORIGIN}${sample.request.url}`);
    expect(requests[1]?.body).toEqual({
      jsonrpc: '2.0',
      method: 'call',
      id: expect.any(Number),
      params: { model, method, args, kwargs: { ...kwargs, context: WEB_CLIENT_CONTEXT } },
    });
  });

  it('numbers its requests', async () => {
    const search = loadSample('helpdesk-ticket-search.json');
    const { fetch, requests } = sampleFetch(SESSION, search, search);
    const rpc = createOdooRpc({ origin: ORIGIN, fetch });
    await rpc.callKw('helpdesk.ticket', 'search', [[]]);
    await rpc.callKw('helpdesk.ticket', 'search', [[]]);
    const ids = requests.map((r) => r.body.id);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('company context', () => {
  it('uses the companies the page selected over the session current company', async () => {
    const search = loadSample('helpdesk-ticket-search.json');
    const { fetch, requests } = sampleFetch(SESSION, search);
    const rpc = createOdooRpc({
      origin: ORIGIN,
      fetch,
      context: () => ({ allowed_company_ids: companyIdsFromPage(`${ORIGIN}/web#id=5&cids=3%2C1&model=helpdesk.ticket`, '') }),
    });
    await rpc.callKw('helpdesk.ticket', 'search', [[]]);
    expect(requests[1]?.body.params).toMatchObject({ kwargs: { context: { uid: 2, allowed_company_ids: [3, 1] } } });
  });

  it('falls back to the session current company when the page says nothing', async () => {
    const search = loadSample('helpdesk-ticket-search.json');
    const { fetch, requests } = sampleFetch(SESSION, search);
    const rpc = createOdooRpc({
      origin: ORIGIN,
      fetch,
      context: () => ({ allowed_company_ids: companyIdsFromPage(`${ORIGIN}/odoo/helpdesk.ticket/5`, 'session_id=x') }),
    });
    await rpc.callKw('helpdesk.ticket', 'search', [[]]);
    expect(requests[1]?.body.params).toMatchObject({ kwargs: { context: WEB_CLIENT_CONTEXT } });
  });

  it('lets the call add to the context (e.g. bin_size) and awaits an async context source', async () => {
    const search = loadSample('helpdesk-ticket-search.json');
    const { fetch, requests } = sampleFetch(SESSION, search);
    const rpc = createOdooRpc({ origin: ORIGIN, fetch, context: async () => ({ allowed_company_ids: [4] }) });
    await rpc.callKw('helpdesk.ticket', 'search', [[]], { limit: 5, context: { bin_size: true } });
    expect(requests[1]?.body.params).toEqual({
      model: 'helpdesk.ticket',
      method: 'search',
      args: [[]],
      kwargs: { limit: 5, context: { lang: 'en_US', tz: 'Europe/Brussels', uid: 2, allowed_company_ids: [4], bin_size: true } },
    });
  });
});

describe('companyIdsFromPage', () => {
  it.each([
    ['16 hash', `${ORIGIN}/web#id=5&cids=1&model=helpdesk.ticket`, '', [1]],
    ['16 hash, two companies', `${ORIGIN}/web#cids=1,3&id=5`, '', [1, 3]],
    ['16 hash, encoded comma', `${ORIGIN}/web#cids=1%2C3&id=5`, '', [1, 3]],
    ['17+ cookie with dashes', `${ORIGIN}/odoo/helpdesk.ticket/5`, 'session_id=abc; cids=1-3; tz=Europe/Brussels', [1, 3]],
    ['17+ cookie with commas, encoded', `${ORIGIN}/odoo/all-tickets/5`, 'cids=2%2C1', [2, 1]],
    ['URL wins over the cookie', `${ORIGIN}/web#cids=4`, 'cids=1-3', [4]],
    ['query cids', `${ORIGIN}/odoo/helpdesk.ticket/5?cids=2-5`, '', [2, 5]],
  ])('%s', (_label, url, cookie, expected) => {
    expect(companyIdsFromPage(url, cookie)).toEqual(expected);
  });

  it.each([
    ['nothing on the page', `${ORIGIN}/odoo/helpdesk.ticket/5`, 'session_id=abc'],
    ['garbage', `${ORIGIN}/web#cids=abc`, 'cids=1-x'],
    ['an empty value', `${ORIGIN}/web#cids=`, 'cids='],
    ['not a URL, no cookie', 'nonsense', ''],
  ])('null for %s', (_label, url, cookie) => {
    expect(companyIdsFromPage(url, cookie)).toBeNull();
  });
});

describe('errors (real Odoo 16 answers)', () => {
  it('session expired: HTTP 200, id null, code 100', async () => {
    const expired = loadSample('err-session-expired.json');
    expect((expired.response.body as { id: unknown }).id).toBeNull();
    const { fetch } = sampleFetch(SESSION, expired);
    const rpc = createOdooRpc({ origin: ORIGIN, fetch });
    const error = await rejection(rpc.callKw('helpdesk.ticket', 'read', [[1], ['name']]));
    expect(error.kind).toBe('session-expired');
    expect(error.odooName).toBe('odoo.http.SessionExpiredException');
    expect(describeOdooError(error)).toBe('Your Odoo session has expired. Reload the page and sign in again; nothing was changed.');
  });

  it.each(['err-bad-field.json', 'err-bad-field-write.json'])('%s: a server error with Odoo message, never the traceback', async (file) => {
    const sample = loadSample(file);
    const { fetch } = sampleFetch(SESSION, sample);
    const rpc = createOdooRpc({ origin: ORIGIN, fetch });
    const { model, method, args, kwargs } = params(sample);
    const error = await rejection(rpc.callKw(model, method, args, kwargs));
    expect(error.kind).toBe('server');
    expect(error.odooName).toBe('builtins.ValueError');
    expect(error.serverMessage).toBe("Invalid field 'no_such_field' on model 'helpdesk.ticket'");
    expect(describeOdooError(error)).toContain("Invalid field 'no_such_field' on model 'helpdesk.ticket'");
    expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(/Traceback|odoo-server|File "/);
  });

  it('an unknown model: not installed', async () => {
    const { fetch } = sampleFetch(SESSION, loadSample('err-bad-model.json'));
    const rpc = createOdooRpc({ origin: ORIGIN, fetch });
    const error = await rejection(rpc.callKw('helpdesk.nope', 'read', [[1], ['name']]));
    expect(error.kind).toBe('not-installed');
    expect(error.model).toBe('helpdesk.nope');
    expect(describeOdooError(error)).toContain('helpdesk.nope');
    expect(describeOdooError(error)).not.toContain('Traceback');
  });

  it('a KeyError about something else than the model is a server error', () => {
    const error = classifyOdooError({ code: 200, data: { name: 'builtins.KeyError', message: 'stage_id', arguments: ['stage_id'] } }, 'helpdesk.ticket');
    expect(error.kind).toBe('server');
  });

  it.each([
    ['odoo.exceptions.AccessError', 'access'],
    ['odoo.exceptions.AccessDenied', 'access'],
    ['odoo.exceptions.MissingError', 'missing'],
    ['odoo.exceptions.ValidationError', 'validation'],
    ['odoo.exceptions.UserError', 'user'],
    ['odoo.exceptions.RedirectWarning', 'user'],
    ['builtins.TypeError', 'server'],
  ])('%s → %s', async (name, kind) => {
    const rpc = createOdooRpc({ origin: ORIGIN, fetch: sampleFetch(SESSION, odooErrorResponse(name, 'Some reason')).fetch });
    const error = await rejection(rpc.callKw('helpdesk.ticket', 'write', [[1], { stage_id: 2 }]));
    expect(error.kind).toBe(kind);
    expect(error.message).not.toContain('Traceback');
  });

  it('says what each kind means to the engineer', () => {
    const access = classifyOdooError({
      code: 200,
      data: {
        name: 'odoo.exceptions.AccessError',
        message: "You are not allowed to modify 'Helpdesk Ticket' (helpdesk.ticket) records.\n\nThis operation is allowed for the following groups:\n\t- Helpdesk/Manager",
        debug: 'Traceback …',
      },
    });
    expect(describeOdooError(access)).toBe(
      "Odoo refused: your account may not do this on this record; ask an Odoo administrator for access (Odoo said: You are not allowed to modify 'Helpdesk Ticket' (helpdesk.ticket) records.).",
    );
    const missing = classifyOdooError({ code: 200, data: { name: 'odoo.exceptions.MissingError', message: 'Record does not exist or has been deleted.' } }, 'helpdesk.ticket');
    expect(describeOdooError(missing)).toBe('This ticket no longer exists in Odoo (deleted meanwhile?).');
    const missingTemplate = classifyOdooError({ code: 200, data: { name: 'odoo.exceptions.MissingError', message: 'x' } }, 'mail.template');
    expect(describeOdooError(missingTemplate)).toContain('mail.template');
    const validation = classifyOdooError({ code: 200, data: { name: 'odoo.exceptions.ValidationError', message: '\nThe stage does not belong to the team.\nSecond line' } });
    expect(describeOdooError(validation)).toBe('The stage does not belong to the team.');
    const user = classifyOdooError({ code: 200, data: { name: 'odoo.exceptions.UserError', message: 'Close the ticket first.' } });
    expect(describeOdooError(user)).toBe('Close the ticket first.');
    expect(describeOdooError(new OdooError('network'))).toBe('Odoo could not be reached (network down?). Nothing was changed; try again.');
  });

  it('describes errors that are not Odoo errors', () => {
    expect(describeOdooError(new Error('boom\nstack'))).toBe('Something unexpected went wrong while talking to Odoo (boom).');
    expect(describeOdooError('???')).toBe('Something unexpected went wrong while talking to Odoo.');
    expect(describeOdooError(new DOMException('stop', 'AbortError'))).toContain('cancelled');
  });
});

describe('errors (transport)', () => {
  it('fetch failure → network', async () => {
    const down = () => Promise.reject(new TypeError('Failed to fetch'));
    const rpc = createOdooRpc({ origin: ORIGIN, fetch: sampleFetch(SESSION, down).fetch });
    const error = await rejection(rpc.callKw('helpdesk.ticket', 'read', [[1], ['name']]));
    expect(error.kind).toBe('network');
    expect(describeOdooError(error)).toBe('Odoo could not be reached (network down?). Nothing was changed; try again.');
  });

  it('a proxy 502 → network; a 500 → server with the status', async () => {
    const bad = (status: number) => () => new Response('<html>Bad Gateway</html>', { status });
    const rpc = createOdooRpc({ origin: ORIGIN, fetch: sampleFetch(SESSION, bad(502), bad(500)).fetch });
    expect((await rejection(rpc.callKw('helpdesk.ticket', 'read', [[1]]))).kind).toBe('network');
    const server = await rejection(rpc.callKw('helpdesk.ticket', 'read', [[1]]));
    expect(server.kind).toBe('server');
    expect(server.httpStatus).toBe(500);
    expect(describeOdooError(server)).toContain('HTTP 500');
  });

  it('a non-JSON answer → server; a redirect to the login page → session expired', async () => {
    const html = () => new Response('<html>not json</html>', { status: 200 });
    const login = () => {
      const response = new Response('<html>login</html>', { status: 200 });
      Object.defineProperty(response, 'redirected', { value: true });
      Object.defineProperty(response, 'url', { value: `${ORIGIN}/web/login?redirect=x` });
      return response;
    };
    const rpc = createOdooRpc({ origin: ORIGIN, fetch: sampleFetch(SESSION, html, login).fetch });
    expect((await rejection(rpc.callKw('helpdesk.ticket', 'read', [[1]]))).kind).toBe('server');
    expect((await rejection(rpc.callKw('helpdesk.ticket', 'read', [[1]]))).kind).toBe('session-expired');
  });

  it('a JSON answer without result or error → server', async () => {
    const odd = () => new Response(JSON.stringify({ jsonrpc: '2.0', id: 1 }));
    const rpc = createOdooRpc({ origin: ORIGIN, fetch: sampleFetch(SESSION, odd).fetch });
    expect((await rejection(rpc.callKw('helpdesk.ticket', 'read', [[1]]))).kind).toBe('server');
  });
});
