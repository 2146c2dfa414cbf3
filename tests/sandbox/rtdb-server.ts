/**
 * Sandbox Realtime Database: firebase-server@1.1.0 (a Node server speaking the Firebase wire protocol, rules
 * checked by targaryen) run in-process on 127.0.0.1, with the gaps that matter to us fixed here:
 *   - `get()` (wire action `g`) is answered, with the read rules applied;
 *   - auth is per connection (firebase-server judged an anonymous client with the last writer's auth);
 *   - sign-out (`unauth`) clears the connection's auth;
 *   - unlisten (`n`) and disconnects detach the server-side listeners.
 * Still ignored: query parameters (orderBy*, limit*, startAt…) on listen and get; the whole node is sent.
 *
 * How a web SDK (firebase@12) client connects:
 *   const server = await startRtdbServer();
 *   const app = initializeApp({ projectId: 'demo-support', databaseURL: server.url }, 'some-unique-name');
 *   const db = getDatabase(app);
 *   connectDatabaseEmulator(db, '127.0.0.1', server.port, { mockUserToken: { sub: 'u1', email: 'a@b.c' } });
 * `server.url` is `http://127.0.0.1:<port>?ns=demo-support`; the SDK then opens
 * `ws://127.0.0.1:<port>/.ws?v=5&ns=demo-support`. The namespace is not checked (one database per server).
 * Without `mockUserToken` the client is anonymous. Tokens are decoded without checking the signature, so
 * `mockUserToken` and Auth emulator ID tokens both work; the rules see `auth.uid` and `auth.token.*`.
 * Using `server.url` as databaseURL without connectDatabaseEmulator also works (auth then comes from
 * firebase/auth, e.g. the Auth emulator): the handshake names `127.0.0.1:<port>` as the host to stay on.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import FirebaseServer from 'firebase-server';
import type { WebSocket } from 'ws';
import { SANDBOX_RULES } from './rtdb-rules.ts';
import { SANDBOX_DATA } from './rtdb-seed.ts';

export interface RtdbServerOptions {
  /** Full rules document (`{ rules: {...} }`); default `SANDBOX_RULES`. */
  rules?: object;
  /** Initial data; default `SANDBOX_DATA`. */
  data?: object;
  /** Namespace put in `url` (not checked by the server); default 'demo-support'. */
  namespace?: string;
  /** Fixed port, e.g. for `npm start`; default 0 (a free one). */
  port?: number;
}

export interface RtdbServer {
  port: number;
  /** `http://127.0.0.1:<port>?ns=<namespace>`: the databaseURL for the web SDK. */
  url: string;
  namespace: string;
  /** Data requests clients sent so far (a transaction's write is a `put` carrying the expected hash). */
  requests(): readonly DatabaseRequest[];
  /** Admin read, bypassing rules (test assertions). `path` like 'cars/car-1234/status'. */
  getValue(path: string): Promise<unknown>;
  /** Admin write, bypassing rules; connected clients' listeners see it. */
  setValue(path: string, value: unknown): Promise<void>;
  /** Puts the initial data (`options.data` or the seed) back, e.g. between e2e tests. */
  reset(): Promise<void>;
  /**
   * The connection dies silently at the next write to `path` (e.g. 'reservationDetails/-Nx…/originalStartStatus'),
   * as when the network goes mid-write and the socket does not notice: from then on nothing goes either way
   * on it. `landed`: the write reached the server before the network went (applied, its answer lost), or
   * not. New connections work.
   */
  loseNextWrite(path: string, options: { landed: boolean }): void;
  /** Cuts every client connection, as a network that comes back does: the SDKs reconnect on their own. */
  dropConnections(): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const DEFAULT_NAMESPACE = 'demo-support';
/** Same limit firebase-server uses for its own replies (the SDK's maximum frame size). */
const MAX_FRAME_LENGTH = 16384;

/** The `auth` variable of the rules: null when signed out. */
type RulesAuth = Record<string, unknown> | null;

// Minimal shapes of the untyped internals we rely on (targaryen 3 and the firebase@8 client inside firebase-server).
interface RulesResult {
  allowed: boolean;
}
interface RulesDataNode {
  $set(path: string, value: unknown, priority: undefined, now: number): RulesDataNode;
}
interface RulesDatabase {
  readonly rules: unknown;
  readonly root: RulesDataNode;
  readonly timestamp: number;
  as(auth: RulesAuth): RulesDatabase;
  read(path: string): RulesResult;
}
interface Targaryen {
  database(rules: unknown, data: unknown, now?: number): RulesDatabase;
}
interface Snapshot {
  val(): unknown;
  exportVal(): unknown;
}
type ValueCallback = (snap: Snapshot) => void;
interface Reference {
  child(path: string): Reference;
  on(event: 'value', callback: ValueCallback): ValueCallback;
  off(event: 'value', callback: ValueCallback): void;
  once(event: 'value'): Promise<Snapshot>;
  set(value: unknown): Promise<void>;
}
/** firebase-server's private fields (TypeScript-private only; plain properties at runtime). */
interface ServerInternals {
  name: string;
  targaryen: RulesDatabase;
  baseRef: Reference;
  app: { delete(): Promise<void> };
  tokenValidator: { decode(token: string): Record<string, unknown> };
}
/** The wire protocol's data actions, in words. */
const DATA_ACTIONS: Record<string, DatabaseRequest['action']> = { g: 'get', q: 'listen', p: 'put', m: 'merge' };

export interface DatabaseRequest {
  action: 'get' | 'listen' | 'put' | 'merge';
  path: string;
}

interface WireRequest {
  r?: number;
  a?: string;
  b?: { p?: string; cred?: string };
}

const requireHere = createRequire(import.meta.url);
// targaryen is firebase-server's dependency: resolve it from there, not from the project.
const targaryen = createRequire(requireHere.resolve('firebase-server'))('targaryen') as Targaryen;

/** Wire paths look like '/cars/car-1234'; firebase-server and targaryen use 'cars/car-1234' ('' is the root). */
function trimPath(path: string | undefined): string {
  return (path ?? '').replace(/^\/+|\/+$/g, '');
}

function childRef(root: Reference, path: string): Reference {
  return path ? root.child(path) : root;
}

/** A copy of the rules database judged as `auth`; `with`/`as` in targaryen cannot reset auth to null. */
function rulesAs(database: RulesDatabase, auth: RulesAuth): RulesDatabase {
  const anonymous = targaryen.database(database.rules, database.root, database.timestamp);
  return auth ? anonymous.as(auth) : anonymous;
}

/** The rules' `auth` for an ID token, or null when it cannot be decoded. */
function authFromToken(server: ServerInternals, token: string | undefined): RulesAuth {
  if (!token) return null;
  try {
    const claims = server.tokenValidator.decode(token);
    // Legacy tokens minted with a database secret carry the auth object in `d`.
    if (claims.d && typeof claims.d === 'object') return claims.d as Record<string, unknown>;
    const firebaseClaims = claims.firebase as { sign_in_provider?: unknown } | undefined;
    return {
      uid: claims.user_id ?? claims.sub,
      provider: firebaseClaims?.sign_in_provider ?? claims.provider_id,
      token: claims,
    };
  } catch {
    return null;
  }
}

/** What one websocket client is: its auth and the server-side listeners firebase-server attached for it. */
class ClientConnection {
  private auth: RulesAuth = null;
  private listeners: { path: string; ref: Reference; callback: ValueCallback }[] = [];
  private framesExpected = 0;
  private framesSoFar = '';

  constructor(
    private readonly server: ServerInternals,
    private readonly socket: WebSocket,
    private readonly record: (request: DatabaseRequest) => void,
  ) {}

  /**
   * The server as firebase-server's connection handler sees it: rules always judged with THIS connection's
   * auth, and listeners recorded so they can be detached. Writes to `targaryen` go to the real server.
   */
  serverView<T extends object>(server: T): T {
    return new Proxy(server, {
      get: (target, property) => {
        if (property === 'targaryen') return { as: () => rulesAs(this.server.targaryen, this.auth) };
        if (property === 'baseRef') return this.trackedRef(this.server.baseRef, '');
        return Reflect.get(target, property, target) as unknown;
      },
      set: (target, property, value) => Reflect.set(target, property, value, target),
    });
  }

  /** Called for every websocket frame, before firebase-server's own handler sees it. */
  receive(frame: string): void {
    const message = this.assemble(frame);
    if (!message || typeof message !== 'object') return;
    const { t, d } = message as { t?: string; d?: WireRequest };
    if (t !== 'd' || !d) return;
    if (d.a && d.a in DATA_ACTIONS) this.record({ action: DATA_ACTIONS[d.a]!, path: `/${trimPath(d.b?.p)}` });
    switch (d.a) {
      case 'auth':
      case 'gauth':
        // firebase-server replies; we only remember who this connection is.
        this.auth = authFromToken(this.server, d.b?.cred);
        break;
      case 'unauth':
        this.auth = null;
        this.reply(d.r, { s: 'ok', d: {} });
        break;
      case 'g':
        // After the writes already received have landed (firebase-server applies them a few promise ticks later).
        setImmediate(() => void this.answerGet(d.r, trimPath(d.b?.p)));
        break;
      case 'n':
        this.detachOne(trimPath(d.b?.p));
        this.reply(d.r, { s: 'ok', d: {} });
        break;
    }
  }

  /** Connection closed: stop feeding it. */
  dispose(): void {
    for (const { ref, callback } of this.listeners) ref.off('value', callback);
    this.listeners = [];
  }

  /** The SDK splits messages longer than one frame: it first sends the number of frames. */
  private assemble(frame: string): unknown {
    if (this.framesExpected === 0 && /^\d+$/.test(frame)) {
      this.framesExpected = Number(frame); // '0' is the keep-alive
      this.framesSoFar = '';
      return undefined;
    }
    let text = frame;
    if (this.framesExpected > 0) {
      this.framesSoFar += frame;
      this.framesExpected -= 1;
      if (this.framesExpected > 0) return undefined;
      text = this.framesSoFar;
      this.framesSoFar = '';
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  private async answerGet(requestId: number | undefined, path: string): Promise<void> {
    if (!rulesAs(this.server.targaryen, this.auth).read(path).allowed) {
      this.reply(requestId, { s: 'permission_denied', d: 'Permission denied' });
      return;
    }
    const snapshot = await childRef(this.server.baseRef, path).once('value');
    this.reply(requestId, { s: 'ok', d: snapshot.exportVal() });
  }

  /** Same envelope and framing as firebase-server's replies: frame count, then the frames. */
  private reply(requestId: number | undefined, body: { s: string; d: unknown }): void {
    if (requestId === undefined || this.socket.readyState !== this.socket.OPEN) return;
    const payload = JSON.stringify({ t: 'd', d: { r: requestId, b: body } });
    const frames = Math.ceil(payload.length / MAX_FRAME_LENGTH);
    this.socket.send(String(frames));
    for (let start = 0; start < payload.length; start += MAX_FRAME_LENGTH) {
      this.socket.send(payload.slice(start, start + MAX_FRAME_LENGTH));
    }
  }

  /** A reference whose `on('value')` calls are recorded against this connection. */
  private trackedRef(ref: Reference, path: string): Reference {
    return new Proxy(ref, {
      get: (target, property) => {
        if (property === 'child') {
          return (child: string) => this.trackedRef(target.child(child), trimPath(`${path}/${child}`));
        }
        if (property === 'on') {
          return (event: 'value', callback: ValueCallback) => {
            this.listeners.push({ path, ref: target, callback });
            return target.on(event, callback);
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** One unlisten per listen: detach the oldest listener on that path. */
  private detachOne(path: string): void {
    const index = this.listeners.findIndex((listener) => listener.path === path);
    if (index < 0) return;
    const [listener] = this.listeners.splice(index, 1);
    listener?.ref.off('value', listener.callback);
  }
}

class SandboxDatabaseServer extends FirebaseServer {
  /** Data requests received from clients (reads, listens, writes), for the bench's request counts. */
  readonly requestLog: DatabaseRequest[] = [];
  /** Paths whose next write is lost (loseNextWrite), and the connections gone silent with such a write. */
  readonly writesToLose = new Map<string, { landed: boolean }>();
  readonly silentSockets = new WeakSet<WebSocket>();
  readonly sockets = new Set<WebSocket>();

  get internals(): ServerInternals {
    // The fields exist at runtime; TypeScript only knows them as private to firebase-server.
    return this as unknown as ServerInternals;
  }

  // firebase-server's typings name the DOM WebSocket here; at runtime it is a `ws` socket.
  protected override handleConnection(ws: Parameters<FirebaseServer['handleConnection']>[0]): void {
    const socket = ws as unknown as WebSocket;
    const connection = new ClientConnection(this.internals, socket, (request) => this.requestLog.push(request));
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    // A lost frame never reaches any listener, firebase-server's included: filtered where frames are emitted.
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string, ...args: unknown[]) => {
      if (event === 'message' && (this.silentSockets.has(socket) || this.losesFrame(String(args[0]), () => this.silentSockets.add(socket)))) {
        connection.receive(String(args[0])); // still recorded as sent
        return true;
      }
      return emit(event, ...args);
    }) as typeof socket.emit;
    const send = socket.send.bind(socket);
    socket.send = ((...args: Parameters<WebSocket['send']>) => {
      if (!this.silentSockets.has(socket)) send(...args);
    }) as WebSocket['send'];
    // Registered before firebase-server's listener, so auth changes apply before it handles the frame.
    socket.on('message', (data) => connection.receive(String(data)));
    socket.on('close', () => connection.dispose());
    super.handleConnection.call(connection.serverView(this), ws);
  }

  /**
   * Is this frame a write (plain or a transaction's) to a path whose next write is to be lost? Then the
   * connection goes silent first, and a write that landed is applied (its listeners' news lost with it).
   */
  private losesFrame(frame: string, goSilent: () => void): boolean {
    if (this.writesToLose.size === 0) return false;
    let message: { t?: string; d?: WireRequest & { b?: { d?: unknown } } };
    try {
      message = JSON.parse(frame) as typeof message;
    } catch {
      return false;
    }
    const path = trimPath(message.d?.b?.p);
    const lost = this.writesToLose.get(path);
    if (message.t !== 'd' || message.d?.a !== 'p' || !lost) return false;
    this.writesToLose.delete(path);
    goSilent();
    if (lost.landed) this.setValueAsAdmin(path, message.d.b?.d ?? null);
    return true;
  }

  /** Writes past the rules: into the data the rules look at, and into the tree listeners are fed from. */
  setValueAsAdmin(path: string, value: unknown): void {
    const server = this.internals;
    const now = Date.now();
    const rules = server.targaryen;
    const data = path ? rules.root.$set(path, value, undefined, now) : value;
    server.targaryen = targaryen.database(rules.rules, data, now);
    // The inner client is offline: the write applies (and reaches listeners) at once, its promise never settles.
    void childRef(server.baseRef, path).set(value);
  }
}

export function startRtdbServer(options: RtdbServerOptions = {}): Promise<RtdbServer> {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  let database: SandboxDatabaseServer | undefined;
  // Plain HTTP: REST reads (`GET /path.json`) as the platform's backend does them with admin rights
  // (the Control Center stand-in asks for originalStartStatus this way); anything else is 404.
  const http = createServer((request, response) => {
    const path = /^\/(.*)\.json$/.exec(new URL(request.url ?? '/', 'http://localhost').pathname)?.[1];
    if (request.method !== 'GET' || path === undefined || !database) {
      response.statusCode = 404;
      response.end();
      return;
    }
    childRef(database.internals.baseRef, trimPath(decodeURIComponent(path)))
      .once('value')
      .then((snapshot) => {
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(JSON.stringify(snapshot.val()));
      })
      .catch(() => {
        response.statusCode = 500;
        response.end();
      });
  });
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, HOST, () => {
      const { port } = http.address() as AddressInfo;
      // The server's name is the host the SDK is told (in the handshake) to use from then on.
      // firebase-server's typings say `data?: null`, but it takes any initial tree.
      const seed = options.data ?? SANDBOX_DATA;
      const server = new SandboxDatabaseServer({ server: http }, `${HOST}:${port}`, structuredClone(seed) as unknown as null);
      database = server;
      server.setRules(options.rules ?? SANDBOX_RULES);
      let closed: Promise<void> | undefined;
      resolve({
        port,
        url: `http://${HOST}:${port}?ns=${namespace}`,
        namespace,
        async getValue(path) {
          const snapshot = await childRef(server.internals.baseRef, trimPath(path)).once('value');
          return snapshot.val();
        },
        setValue: async (path, value) => server.setValueAsAdmin(trimPath(path), value),
        requests: () => server.requestLog,
        reset: async () => server.setValueAsAdmin('', structuredClone(seed)),
        loseNextWrite: (path, options) => void server.writesToLose.set(trimPath(path), options),
        dropConnections() {
          for (const socket of server.sockets) socket.terminate();
        },
        close() {
          closed ??= (async () => {
            await server.close(); // terminates the client sockets
            http.closeAllConnections();
            await new Promise<void>((done) => http.close(() => done()));
            await server.internals.app.delete();
          })();
          return closed;
        },
      });
    });
  });
}
