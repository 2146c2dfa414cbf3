// The Odoo Helpdesk stand-in: one in-process HTTP server per test (or `npm start`), answering like Odoo 16–19
// with Enterprise `helpdesk` or OCA `helpdesk_mgmt`. See seed.ts for the data and ids.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Database } from './database.ts';
import { buildModels, flavourNames, type HelpdeskFlavour, type OdooVersion, type StoredValue } from './models.ts';
import { createRequestHandler, type RpcLogEntry } from './routes.ts';
import { SANDBOX_COLLEAGUES, SANDBOX_USER, seed } from './seed.ts';
import { Sessions } from './session.ts';
import type { AccessOperation, SandboxState, SentEmail } from './state.ts';
import { moveTicketByStageName } from './tickets.ts';
import { seedActions } from './models-actions.ts';

export type { HelpdeskFlavour, OdooVersion } from './models.ts';
export type { SentEmail } from './state.ts';
export type { RpcLogEntry } from './routes.ts';
export {
  SANDBOX_USER, SANDBOX_COLLEAGUES, SANDBOX_TEAMS, SANDBOX_STAGES, SANDBOX_TEMPLATES, SANDBOX_TICKETS,
  START_STATUS_CASE, SANDBOX_XSS_MARKER,
} from './seed.ts';

export interface OdooSandboxOptions {
  flavour?: HelpdeskFlavour; // default 'enterprise'
  version?: OdooVersion; // default 17
  port?: number; // default 0 (any free port)
  salesInstalled?: boolean; // default true
}

export interface SandboxMessage {
  id: number;
  body: string;
  messageType: string;
  /** Subtype name: "Note", "Discussions", "Stage Changed", "Ticket Created"… */
  subtype: string;
  /** res.partner id of the author. */
  authorId: number;
  tracking: Array<{ field: string; oldValue: string; newValue: string }>;
}

export interface SandboxActivity {
  id: number; summary: string; note: string; dateDeadline: string; userId: number; activityType: string;
}

export interface OdooSandbox {
  url: string;
  port: number;
  flavour: HelpdeskFlavour;
  version: OdooVersion;
  close(): Promise<void>;
  /** Absolute URL of a ticket form. Default style: 'hash' for 16/17, 'path' for 18/19. */
  ticketUrl(id: number, style?: 'hash' | 'path'): string;
  /** Absolute URL of the ticket list. */
  ticketListUrl(style?: 'hash' | 'path'): string;
  /** Opens a session (default: admin) and returns the `session_id` cookie value. */
  login(userLogin?: string): Promise<string>;
  expireSessions(): void;
  sentEmails(): SentEmail[];
  /** The stored record, raw: many2one as id or false, x2many as id lists (field names of the flavour). */
  ticket(id: number): Record<string, unknown> | undefined;
  messages(ticketId: number): SandboxMessage[];
  activities(ticketId: number): SandboxActivity[];
  saleOrders(): Array<{ id: number; partnerId: number; origin: string; state: string }>;
  rpcLog(): RpcLogEntry[];
  /** Sofie Peeters moves the ticket to the stage of that name in its team (emails go out as Odoo would). */
  moveTicketAsColleague(ticketId: number, stageName: string): void;
  deleteTicket(id: number): void;
  denyAccess(model: string, operation: 'read' | 'write' | 'create'): void;
  allowAccess(model: string, operation: 'read' | 'write' | 'create'): void;
  failNetworkOnce(): void;
}

/** A `fetch` for node-side tests that carries a sandbox session: in the browser the cookie rides along by itself. */
export function fetchWithSession(cookie: string): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Cookie', `session_id=${cookie}`);
    return fetch(input, { ...init, headers });
  };
}

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function startOdooSandbox(options: OdooSandboxOptions = {}): Promise<OdooSandbox> {
  const flavour = options.flavour ?? 'enterprise';
  const version = options.version ?? 17;
  const salesInstalled = options.salesInstalled ?? true;
  if (![16, 17, 18, 19].includes(version)) throw new Error(`Unsupported Odoo version ${String(version)}`);

  const names = flavourNames(flavour);
  const state: SandboxState = {
    db: new Database(buildModels(flavour, version, salesInstalled)),
    flavour, version, salesInstalled, names, outbox: [], denied: new Set(),
  };
  seed(state, new Date());
  seedActions(state);

  const sessions = new Sessions();
  const rpcLog: RpcLogEntry[] = [];
  const passwords = new Map<string, string>([[SANDBOX_USER.login, SANDBOX_USER.password], ...Object.values(SANDBOX_COLLEAGUES).map((c): [string, string] => [c.login, c.password])]);
  let failNext = false;
  let baseUrl = '';

  const server: Server = createServer(createRequestHandler({
    state, sessions, rpcLog, passwords,
    baseUrl: () => baseUrl,
    takeNetworkFailure: () => { const fail = failNext; failNext = false; return fail; },
  }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  const { db } = state;

  return {
    url: baseUrl, port, flavour, version,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
    ticketUrl(id, style = version >= 18 ? 'path' : 'hash') {
      if (style === 'path') {
        const team = num(db.find(names.ticket, id)?.['team_id']) || 1;
        return `${baseUrl}/odoo/helpdesk/${team}/tickets/${id}`;
      }
      return `${baseUrl}/web#id=${id}&cids=1&menu_id=${names.menu}&action=${names.action}&model=helpdesk.ticket&view_type=form`;
    },
    ticketListUrl(style = version >= 18 ? 'path' : 'hash') {
      return style === 'path' ? `${baseUrl}/odoo/helpdesk/1/tickets` : `${baseUrl}/web#action=${names.action}&model=helpdesk.ticket&view_type=list&cids=1&menu_id=${names.menu}`;
    },
    login(userLogin = SANDBOX_USER.login) {
      const user = db.records('res.users').find((u) => u['login'] === userLogin && u['active'] === true);
      if (!user) return Promise.reject(new Error(`No active Odoo sandbox user "${userLogin}"`));
      return Promise.resolve(sessions.open(user.id));
    },
    expireSessions: () => sessions.expireAll(),
    sentEmails: () => state.outbox.map((mail) => ({ ...mail })),
    ticket(id) {
      const record = db.find(names.ticket, id);
      return record ? structuredClone(record) : undefined;
    },
    messages(ticketId) {
      return db.records('mail.message').filter((m) => m['model'] === names.ticket && m['res_id'] === ticketId).map((m) => ({
        id: m.id, body: str(m['body']), messageType: str(m['message_type']),
        subtype: m['subtype_id'] ? db.displayName('mail.message.subtype', num(m['subtype_id'])) : '',
        authorId: num(m['author_id']),
        tracking: db.records('mail.tracking.value').filter((t) => t['mail_message_id'] === m.id)
          .map((t) => ({ field: str(t['field_desc']), oldValue: str(t['old_value_char']), newValue: str(t['new_value_char']) })),
      }));
    },
    activities(ticketId) {
      return db.records('mail.activity').filter((a) => a['res_model'] === names.ticket && a['res_id'] === ticketId).map((a) => ({
        id: a.id, summary: str(a['summary']), note: str(a['note']), dateDeadline: str(a['date_deadline']), userId: num(a['user_id']),
        activityType: db.displayName('mail.activity.type', num(a['activity_type_id'])),
      }));
    },
    saleOrders() {
      if (!salesInstalled) return [];
      return db.records('sale.order').map((o) => ({ id: o.id, partnerId: num(o['partner_id']), origin: str(o['origin']), state: str(o['state']) }));
    },
    rpcLog: () => rpcLog.map((entry) => ({ ...entry })),
    moveTicketAsColleague(ticketId, stageName) {
      moveTicketByStageName(state, ticketId, stageName, SANDBOX_COLLEAGUES.sofie.uid);
    },
    deleteTicket(id) {
      // mail.thread's unlink takes the ticket's messages and activities with it.
      const gone = (value: StoredValue | undefined, model: StoredValue | undefined) => value === id && model === names.ticket;
      for (const m of db.records('mail.message')) if (gone(m['res_id'], m['model'])) db.remove('mail.message', m.id);
      for (const a of db.records('mail.activity')) if (gone(a['res_id'], a['res_model'])) db.remove('mail.activity', a.id);
      db.remove(names.ticket, id);
    },
    denyAccess: (model: string, operation: AccessOperation) => { state.denied.add(`${model}:${operation}`); },
    allowAccess: (model: string, operation: AccessOperation) => { state.denied.delete(`${model}:${operation}`); },
    failNetworkOnce: () => { failNext = true; },
  };
}
