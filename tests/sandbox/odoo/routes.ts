// HTTP routes: login, the web client page, and the JSON-RPC endpoints (envelopes as in the samples).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OdooError, errorEnvelope, sessionExpiredEnvelope } from './errors.ts';
import { messagePost } from './mail.ts';
import { loginPage, notFoundPage, webClientPage } from './pages/shell.ts';
import { assertAccess, callKw } from './rpc-handler.ts';
import { SUBTYPES, type SandboxState } from './state.ts';
import { readSessionCookie, sessionInfo, setCookieHeader, type Sessions } from './session.ts';

export interface RpcLogEntry {
  model: string | null;
  method: string | null;
  url: string;
  /** `kwargs.context` of a call_kw (or `params.context`), as received. */
  context: Record<string, unknown> | null;
  at: string;
}

export interface RouteContext {
  state: SandboxState;
  sessions: Sessions;
  rpcLog: RpcLogEntry[];
  /** login → password */
  passwords: ReadonlyMap<string, string>;
  baseUrl(): string;
  /** True once after failNetworkOnce(). */
  takeNetworkFailure(): boolean;
}

const MAX_BODY = 5 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) { reject(new Error('Request body too large')); req.destroy(); return; }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

const sendJson = (res: ServerResponse, body: unknown, headers: Record<string, string> = {}) =>
  send(res, 200, JSON.stringify(body), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
const sendHtml = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) =>
  send(res, status, body, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
const redirect = (res: ServerResponse, location: string, headers: Record<string, string> = {}) =>
  send(res, 303, '', { Location: location, ...headers });

/** Only same-site paths are followed after login (no open redirect). */
function safeRedirect(target: string | null, fallback: string): string {
  return target && target.startsWith('/') && !target.startsWith('//') ? target : fallback;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The chatter for the sandbox page: newest first, with tracking values and activities. */
function threadData(state: SandboxState, model: string, id: number): Record<string, unknown> {
  const { db } = state;
  const messages = db.records('mail.message').filter((m) => m['model'] === model && m['res_id'] === id).reverse().map((m) => ({
    id: m.id, body: m['body'] || '', message_type: m['message_type'], date: m['date'],
    subtype: typeof m['subtype_id'] === 'number' ? db.displayName('mail.message.subtype', m['subtype_id']) : '',
    author: typeof m['author_id'] === 'number' ? String(db.find('res.partner', m['author_id'])?.['name'] ?? '') : '',
    tracking: db.records('mail.tracking.value').filter((t) => t['mail_message_id'] === m.id).map((t) => ({ field: t['field_desc'], old: t['old_value_char'] || '', new: t['new_value_char'] || '' })),
  }));
  const activities = db.records('mail.activity').filter((a) => a['res_model'] === model && a['res_id'] === id).map((a) => ({
    id: a.id, summary: a['summary'] || '', note: a['note'] || '', date_deadline: a['date_deadline'],
    activity_type: typeof a['activity_type_id'] === 'number' ? db.displayName('mail.activity.type', a['activity_type_id']) : '',
    user: typeof a['user_id'] === 'number' ? db.displayName('res.users', a['user_id']) : '',
  }));
  return { messages, activities };
}

/** /mail/message/post, as mail-message-post-note.json (what the 16 chatter's "Log note" calls). */
function postFromChatter(ctx: RouteContext, params: Record<string, unknown>, uid: number): Record<string, unknown> {
  const { state } = ctx;
  const model = String(params['thread_model'] ?? '');
  const id = Number(params['thread_id']);
  assertAccess(state, model, 'write');
  const data = asRecord(params['post_data']);
  const messageId = messagePost(state, model, [id], { ...data, body_is_html: true }, uid);
  const message = state.db.find('mail.message', messageId);
  const author = typeof message?.['author_id'] === 'number' ? message['author_id'] : false;
  return {
    id: messageId, body: message?.['body'] ?? '', date: message?.['date'], email_from: false,
    message_type: message?.['message_type'], subtype_id: [message?.['subtype_id'] ?? SUBTYPES.note, state.db.displayName('mail.message.subtype', Number(message?.['subtype_id'] ?? SUBTYPES.note))],
    subject: false, model, res_id: id, record_name: state.db.displayName(model, id), starred_partner_ids: [],
    author: author === false ? false : { id: author, name: state.db.find('res.partner', author)?.['name'] ?? '' },
    notifications: [], attachment_ids: [], trackingValues: [], linkPreviews: [], messageReactionGroups: [],
    needaction_partner_ids: [], history_partner_ids: [], is_note: message?.['subtype_id'] === SUBTYPES.note,
    is_discussion: message?.['subtype_id'] === SUBTYPES.discussion, subtype_description: false, is_notification: false, recipients: [],
  };
}

function authenticate(ctx: RouteContext, login: unknown, password: unknown): number | undefined {
  if (typeof login !== 'string' || ctx.passwords.get(login) !== password) return undefined;
  const user = ctx.state.db.records('res.users').find((u) => u['login'] === login && u['active'] === true);
  return user?.id;
}

async function handleJson(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const raw = await readBody(req);
  let body: Record<string, unknown>;
  try {
    body = asRecord(JSON.parse(raw));
  } catch {
    send(res, 400, 'Invalid JSON data', { 'Content-Type': 'text/plain; charset=utf-8' });
    return;
  }
  const params = asRecord(body['params']);
  const kwargs = asRecord(params['kwargs']);
  const isCallKw = path === '/web/dataset/call_kw' || path.startsWith('/web/dataset/call_kw/');
  ctx.rpcLog.push({
    model: isCallKw && typeof params['model'] === 'string' ? params['model'] : null,
    method: isCallKw && typeof params['method'] === 'string' ? params['method'] : null,
    url: path,
    context: isCallKw ? (kwargs['context'] === undefined ? null : asRecord(kwargs['context'])) : params['context'] === undefined ? null : asRecord(params['context']),
    at: new Date().toISOString(),
  });
  if (ctx.takeNetworkFailure()) { req.socket.destroy(); return; }

  const id = body['id'] ?? null;
  const { state, sessions } = ctx;
  const sid = readSessionCookie(req.headers.cookie);

  if (path === '/web/session/authenticate') {
    const uid = authenticate(ctx, params['login'], params['password']);
    if (uid === undefined) {
      sendJson(res, errorEnvelope(id, new OdooError('odoo.exceptions.AccessDenied', 'Access Denied')));
      return;
    }
    sessions.close(sid);
    const newSid = sessions.open(uid);
    sendJson(res, { jsonrpc: '2.0', id, result: sessionInfo(state.db, uid, state.version, state.flavour, ctx.baseUrl()) }, { 'Set-Cookie': setCookieHeader(newSid) });
    return;
  }

  const uid = sessions.uid(sid);
  const known = isCallKw || ['/web/session/get_session_info', '/web/session/destroy', '/mail/thread/data', '/mail/message/post'].includes(path);
  if (!known) { send(res, 404, notFoundPage(), { 'Content-Type': 'text/html; charset=utf-8' }); return; }
  if (uid === undefined) { sendJson(res, sessionExpiredEnvelope()); return; }

  try {
    let result: unknown;
    if (isCallKw) {
      result = callKw(state, {
        model: String(params['model'] ?? ''), method: String(params['method'] ?? ''),
        args: Array.isArray(params['args']) ? params['args'] : [], kwargs, uid,
      });
    } else if (path === '/web/session/get_session_info') {
      result = sessionInfo(state.db, uid, state.version, state.flavour, ctx.baseUrl());
    } else if (path === '/web/session/destroy') {
      sessions.close(sid);
      result = null;
    } else if (path === '/mail/thread/data') {
      assertAccess(state, String(params['thread_model']), 'read');
      result = threadData(state, String(params['thread_model']), Number(params['thread_id']));
    } else {
      result = postFromChatter(ctx, params, uid);
    }
    sendJson(res, { jsonrpc: '2.0', id, result: result === undefined ? null : result });
  } catch (error) {
    if (!(error instanceof OdooError)) throw error;
    sendJson(res, errorEnvelope(id, error));
  }
}

function webClient(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const { state } = ctx;
  const uid = ctx.sessions.uid(readSessionCookie(req.headers.cookie));
  if (uid === undefined) {
    // Odoo passes the request's full path (with its trailing "?") as the redirect.
    redirect(res, `/web/login?redirect=${encodeURIComponent(`${url.pathname}?${url.search.slice(1)}`)}`);
    return;
  }
  const priorities = state.db.field(state.names.ticket, 'priority')?.selection ?? [];
  sendHtml(res, 200, webClientPage({
    version: state.version, names: state.names, uid, userName: state.db.displayName('res.users', uid), priorities,
    sessionInfo: sessionInfo(state.db, uid, state.version, state.flavour, ctx.baseUrl()),
  }));
}

async function handleLogin(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const home = ctx.state.version >= 18 ? '/odoo' : '/web';
  const sid = readSessionCookie(req.headers.cookie);
  if (req.method !== 'POST') {
    const target = url.searchParams.get('redirect');
    if (target && ctx.sessions.uid(sid) !== undefined) { redirect(res, safeRedirect(target, home)); return; }
    sendHtml(res, 200, loginPage({ redirect: target ?? '' }));
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  const uid = authenticate(ctx, form.get('login'), form.get('password'));
  if (uid === undefined) {
    sendHtml(res, 200, loginPage({ redirect: form.get('redirect') ?? '', error: 'Wrong login/password', login: form.get('login') ?? '' }));
    return;
  }
  ctx.sessions.close(sid);
  redirect(res, safeRedirect(form.get('redirect'), home), { 'Set-Cookie': setCookieHeader(ctx.sessions.open(uid)) });
}

export function createRequestHandler(ctx: RouteContext): (req: IncomingMessage, res: ServerResponse) => void {
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    const home = ctx.state.version >= 18 ? '/odoo' : '/web';
    const isJson = req.method === 'POST' && (req.headers['content-type'] ?? '').includes('application/json');

    if (isJson) return handleJson(ctx, req, res, path);
    if (path === '/web/login') return handleLogin(ctx, req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') { send(res, 405, 'Method Not Allowed'); return; }
    if (path === '/') { redirect(res, home); return; }
    if (path === '/favicon.ico') { send(res, 204, ''); return; }
    if (path === '/web/session/logout') {
      ctx.sessions.close(readSessionCookie(req.headers.cookie));
      redirect(res, safeRedirect(url.searchParams.get('redirect'), home));
      return;
    }
    if (path === '/web' || path === '/web/') { webClient(ctx, req, res, url); return; }
    // Path URLs arrived with 17.2; the 16 server has no /odoo route.
    if ((path === '/odoo' || path.startsWith('/odoo/')) && ctx.state.version >= 17) { webClient(ctx, req, res, url); return; }
    sendHtml(res, 404, notFoundPage());
  };
  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Sandbox error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`, { 'Content-Type': 'text/plain; charset=utf-8' });
      else res.destroy();
    });
  };
}
