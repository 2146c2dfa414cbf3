// JSON-RPC client for Odoo's web client routes, run from the Odoo page itself (same origin, the
// engineer's session cookie; no password, no API key). Errors become an OdooError whose `kind`
// tells the UI what happened; describeOdooError turns it into one sentence for the engineer.
//
// Odoo answers errors with HTTP 200 and `error.data.name` (the Python exception class). `data.debug`
// is a server traceback: it is never read here, so it can never reach a message.

export type OdooErrorKind =
  | 'session-expired'
  | 'access'
  | 'missing'
  | 'validation'
  | 'user'
  | 'not-installed'
  | 'network'
  | 'server';

export class OdooError extends Error {
  override readonly name = 'OdooError';
  readonly kind: OdooErrorKind;
  /** Python exception class Odoo reported, e.g. `odoo.exceptions.AccessError`. */
  readonly odooName?: string;
  /** Odoo's own message (`error.data.message`), never the traceback. */
  readonly serverMessage?: string;
  /** Model of the call that failed, when there was one. */
  readonly model?: string;
  /** HTTP status when the answer was not Odoo's JSON. */
  readonly httpStatus?: number;

  constructor(
    kind: OdooErrorKind,
    details: { odooName?: string; serverMessage?: string; model?: string; httpStatus?: number; cause?: unknown } = {},
  ) {
    const { cause, ...known } = details;
    super(sentence(kind, known), cause === undefined ? undefined : { cause });
    this.kind = kind;
    if (known.odooName !== undefined) this.odooName = known.odooName;
    if (known.serverMessage !== undefined) this.serverMessage = known.serverMessage;
    if (known.model !== undefined) this.model = known.model;
    if (known.httpStatus !== undefined) this.httpStatus = known.httpStatus;
  }
}

/** One sentence a support engineer understands: what happened and what to do. */
export function describeOdooError(e: unknown): string {
  if (e instanceof OdooError) return e.message;
  if (e instanceof Error && e.name === 'AbortError') return 'The request to Odoo was cancelled; nothing was changed.';
  if (e instanceof Error && e.message) return `Something unexpected went wrong while talking to Odoo (${firstLine(e.message)}).`;
  return 'Something unexpected went wrong while talking to Odoo.';
}

function sentence(
  kind: OdooErrorKind,
  { serverMessage, model, httpStatus }: { serverMessage?: string; model?: string; httpStatus?: number },
): string {
  const said = serverMessage ? firstLine(serverMessage) : '';
  switch (kind) {
    case 'session-expired':
      return 'Your Odoo session has expired. Reload the page and sign in again; nothing was changed.';
    case 'access':
      return `Odoo refused: your account may not do this on this record; ask an Odoo administrator for access${said ? ` (Odoo said: ${said})` : ''}.`;
    case 'missing':
      return model && model !== 'helpdesk.ticket'
        ? `A record this ticket uses (${model}) no longer exists in Odoo (deleted meanwhile?); reload the page.`
        : 'This ticket no longer exists in Odoo (deleted meanwhile?).';
    case 'validation':
    case 'user':
      return said || 'Odoo refused the change; nothing was changed.';
    case 'not-installed':
      return `This Odoo does not have what the extension needs${model ? ` (${model})` : ''}: is the Helpdesk app installed? Ask an Odoo administrator; nothing was changed.`;
    case 'network':
      return 'Odoo could not be reached (network down?). Nothing was changed; try again.';
    case 'server':
      return said
        ? `Odoo reported an error (${said}); nothing was changed. Try again, and tell an Odoo administrator if it persists.`
        : `Odoo answered with an error${httpStatus ? ` (HTTP ${httpStatus})` : ''}; nothing was changed. Try again, and tell an Odoo administrator if it persists.`;
  }
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim() !== '') ?? '').trim();
}

/** Turns Odoo's JSON-RPC `error` object into an OdooError. `model` is the model the call was on. */
export function classifyOdooError(error: unknown, model?: string): OdooError {
  const envelope = isRecord(error) ? error : {};
  const data = isRecord(envelope.data) ? envelope.data : {};
  const odooName = typeof data.name === 'string' ? data.name : undefined;
  const serverMessage =
    typeof data.message === 'string' ? data.message : typeof envelope.message === 'string' ? envelope.message : undefined;
  const details = { odooName, serverMessage, model };
  const exception = odooName?.split('.').at(-1) ?? '';

  if (envelope.code === 100 || exception === 'SessionExpiredException') return new OdooError('session-expired', details);
  if (exception === 'AccessError' || exception === 'AccessDenied') return new OdooError('access', details);
  if (exception === 'MissingError') return new OdooError('missing', details);
  if (exception === 'ValidationError') return new OdooError('validation', details);
  if (exception === 'UserError' || exception === 'RedirectWarning' || exception === 'Warning') {
    return new OdooError('user', details);
  }
  // `request.env[model]` raises KeyError(model) when no installed module defines the model.
  if (exception === 'KeyError' && model !== undefined && keyErrorNames(data, serverMessage).includes(model)) {
    return new OdooError('not-installed', details);
  }
  return new OdooError('server', details);
}

function keyErrorNames(data: Record<string, unknown>, message: string | undefined): string[] {
  const args = Array.isArray(data.arguments) ? data.arguments.filter((a): a is string => typeof a === 'string') : [];
  return [...args, ...(message === undefined ? [] : [message])].map((name) => name.replace(/^['"]|['"]$/g, ''));
}

export interface OdooSessionInfo {
  uid: number;
  name: string;
  username: string;
  partnerId: number;
  db: string;
  /** Major version: 16, 17, 18, 19 (saas~17.2 → 17). */
  serverVersion: number;
  userContext: Record<string, unknown>;
  currentCompany?: number;
}

export interface OdooRpc {
  callKw<T>(model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<T>;
  sessionInfo(): Promise<OdooSessionInfo>;
}

type ContextSource = () => Record<string, unknown> | Promise<Record<string, unknown>>;

export function createOdooRpc(options: { origin: string; fetch?: typeof fetch; context?: ContextSource }): OdooRpc {
  const origin = options.origin.replace(/\/+$/, '');
  // Called unbound, the page's fetch can throw "Illegal invocation": keep it wrapped.
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let nextId = 1;
  let session: Promise<OdooSessionInfo> | null = null;

  async function post(path: string, params: Record<string, unknown>, model?: string): Promise<unknown> {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'call', id: nextId++, params });
    let response: Response;
    try {
      response = await send(`${origin}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body,
      });
    } catch (cause) {
      throw new OdooError('network', { model, cause });
    }
    // Proxies in front of Odoo say 502/503/504 when Odoo itself is down or restarting.
    if ([502, 503, 504].includes(response.status)) throw new OdooError('network', { model, httpStatus: response.status });
    if (!response.ok) throw new OdooError('server', { model, httpStatus: response.status });
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw new OdooError('network', { model, cause });
    }
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch (cause) {
      // An HTML login page instead of JSON: the session is gone and Odoo redirected us.
      if (response.redirected && /\/web\/login/.test(response.url)) throw new OdooError('session-expired', { model, cause });
      throw new OdooError('server', { model, httpStatus: response.status, cause });
    }
    if (!isRecord(answer)) throw new OdooError('server', { model, httpStatus: response.status });
    if (answer.error !== undefined) throw classifyOdooError(answer.error, model);
    if (!('result' in answer)) throw new OdooError('server', { model, httpStatus: response.status });
    return answer.result;
  }

  function sessionInfo(): Promise<OdooSessionInfo> {
    if (session) return session;
    const asked = post('/web/session/get_session_info', {}).then(toSessionInfo);
    session = asked;
    // A failed look-up is not cached: the next call asks again (e.g. after signing in).
    asked.catch(() => {
      if (session === asked) session = null;
    });
    return asked;
  }

  async function callKw<T>(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<T> {
    const info = await sessionInfo();
    // A source with nothing to say (e.g. `allowed_company_ids: companyIdsFromPage(…)` = null) keeps the fallback.
    const extra = Object.fromEntries(
      Object.entries(options.context ? await options.context() : {}).filter(([, value]) => value !== null && value !== undefined),
    );
    const callContext = isRecord(kwargs.context) ? kwargs.context : {};
    const context: Record<string, unknown> = {
      ...info.userContext,
      ...(info.currentCompany !== undefined ? { allowed_company_ids: [info.currentCompany] } : {}),
      ...extra,
      ...callContext,
    };
    const params = { model, method, args, kwargs: { ...kwargs, context } };
    return (await post(`/web/dataset/call_kw/${model}/${method}`, params, model)) as T;
  }

  return { callKw, sessionInfo };
}

function toSessionInfo(result: unknown): OdooSessionInfo {
  if (!isRecord(result) || typeof result.uid !== 'number') {
    // get_session_info answers uid false/null to a visitor who is not signed in.
    throw new OdooError('session-expired');
  }
  const info: OdooSessionInfo = {
    uid: result.uid,
    name: typeof result.name === 'string' ? result.name : '',
    username: typeof result.username === 'string' ? result.username : '',
    partnerId: typeof result.partner_id === 'number' ? result.partner_id : 0,
    db: typeof result.db === 'string' ? result.db : '',
    serverVersion: majorVersion(result.server_version_info, result.server_version),
    userContext: isRecord(result.user_context) ? { ...result.user_context } : {},
  };
  const companies = isRecord(result.user_companies) ? result.user_companies : {};
  const current = companies.current_company;
  // 16+ sends a bare id; older servers sent [id, name].
  const currentId = typeof current === 'number' ? current : Array.isArray(current) ? current[0] : undefined;
  if (typeof currentId === 'number') info.currentCompany = currentId;
  return info;
}

function majorVersion(versionInfo: unknown, version: unknown): number {
  const first: unknown = Array.isArray(versionInfo) ? versionInfo[0] : undefined;
  if (typeof first === 'number') return first;
  // SaaS builds say 'saas~17' in server_version_info and 'saas~17.2+e' in server_version.
  for (const text of [first, version]) {
    const match = typeof text === 'string' ? /(\d+)/.exec(text) : null;
    if (match?.[1]) return Number(match[1]);
  }
  return 0;
}

/**
 * The companies the engineer has selected in the web client, as the web client sends them in
 * `context.allowed_company_ids`: the URL's `cids` (hash `cids=1,3` in 16; query in some 17+ links),
 * else the `cids` cookie of 17+ ("1-3" or "1,3"). Null when the page does not say.
 */
export function companyIdsFromPage(url: string, cookie: string): number[] | null {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  const candidates = [
    parsed ? new URLSearchParams(parsed.hash.replace(/^#/, '')).get('cids') : null,
    parsed ? parsed.searchParams.get('cids') : null,
    cookieValue(cookie, 'cids'),
  ];
  for (const candidate of candidates) {
    const ids = companyIds(candidate);
    if (ids) return ids;
  }
  return null;
}

function cookieValue(cookie: string, name: string): string | null {
  for (const part of cookie.split(';')) {
    const [key, ...rest] = part.split('=');
    if (key?.trim() === name) {
      const raw = rest.join('=').trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return null;
}

function companyIds(value: string | null): number[] | null {
  if (value === null) return null;
  const parts = value.split(/[,-]/).map((part) => part.trim());
  if (parts.length === 0 || !parts.every((part) => /^[1-9]\d*$/.test(part))) return null;
  return [...new Set(parts.map(Number))];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
