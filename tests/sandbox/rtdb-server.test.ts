// @vitest-environment node
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import {
  connectDatabaseEmulator,
  get,
  getDatabase,
  onValue,
  ref,
  runTransaction,
  set,
  update,
  type Database,
} from 'firebase/database';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SANDBOX_READONLY_EMAIL } from './rtdb-rules.ts';
import { startRtdbServer, type RtdbServer } from './rtdb-server.ts';
import { SANDBOX_DATA, SEED } from './rtdb-seed.ts';

const ENGINEER = { sub: 'engineer-1', email: 'engineer@sandbox.test' };
const READONLY = { sub: 'readonly-1', email: SANDBOX_READONLY_EMAIL };

let server: RtdbServer;
let apps: FirebaseApp[] = [];
let appCount = 0;

beforeAll(async () => {
  server = await startRtdbServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  await server.reset();
});

afterEach(async () => {
  await Promise.all(apps.map((app) => deleteApp(app)));
  apps = [];
});

/** A fresh web SDK client, the way the extension's sandbox build connects; anonymous without `user`. */
function connect(user?: { sub: string; email: string }): Database {
  const app = initializeApp({ projectId: 'demo-support', databaseURL: server.url }, `rtdb-test-${appCount++}`);
  apps.push(app);
  const db = getDatabase(app);
  connectDatabaseEmulator(db, '127.0.0.1', server.port, user ? { mockUserToken: user } : {});
  return db;
}

/** Resolves with the first value onValue delivers, or rejects with the listen's cancel error. */
function firstValue(db: Database, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const unsubscribe = onValue(
      ref(db, path),
      (snapshot) => {
        unsubscribe();
        resolve(snapshot.val());
      },
      reject,
    );
  });
}

const brokenStatusPath = `reservationDetails/${SEED.brokenReservationId}/originalStartStatus`;
const carStatusPath = `cars/${SEED.carId}/status`;

describe('sandbox Realtime Database, through the firebase web SDK', () => {
  it('serves the seed to get() (which firebase-server alone leaves unanswered)', async () => {
    const db = connect(ENGINEER);
    const status = await get(ref(db, carStatusPath));
    expect(status.val()).toEqual(SANDBOX_DATA.cars[SEED.carId].status);
    expect((await get(ref(db, `cars/${SEED.carWithoutStatusId}/status`))).exists()).toBe(false);
    expect((await get(ref(db, brokenStatusPath))).val()).toBeNull();
  });

  it('logs the data requests clients send (what the bench counts)', async () => {
    const before = server.requests().length;
    const db = connect(ENGINEER);
    await get(ref(db, carStatusPath));
    await set(ref(db, `cars/${SEED.carId}/status/fuelLevelPercent`), 50);
    expect(server.requests().slice(before)).toEqual([
      { action: 'get', path: `/${carStatusPath}` },
      { action: 'put', path: `/${carStatusPath}/fuelLevelPercent` },
    ]);
  });

  it('sets, updates and pushes changes to listeners', async () => {
    const writer = connect(ENGINEER);
    const watcher = connect(ENGINEER);
    const path = `cars/${SEED.carId}/status`;

    const seen: unknown[] = [];
    const changed = new Promise<void>((resolve) => {
      onValue(ref(watcher, `${path}/mileageKm`), (snapshot) => {
        seen.push(snapshot.val());
        if (snapshot.val() === 50000) resolve();
      });
    });

    await set(ref(writer, `${path}/fuelLevelPercent`), 12);
    await update(ref(writer, path), { mileageKm: 50000, ignitionOn: true });
    await changed;

    expect(seen[0]).toBe(48213);
    expect(await server.getValue(path)).toMatchObject({ fuelLevelPercent: 12, mileageKm: 50000, ignitionOn: true, doorsLocked: true });
    // A client that did not write reads the new value from the server, not from a local cache.
    expect((await get(ref(connect(ENGINEER), `${path}/fuelLevelPercent`))).val()).toBe(12);
  });

  it('shows admin writes (setValue) to connected listeners', async () => {
    const db = connect(ENGINEER);
    expect(await firstValue(db, carStatusPath)).toMatchObject({ qnr: SEED.qnr });
    const next = new Promise((resolve) => {
      onValue(ref(db, `${carStatusPath}/qnr`), (snapshot) => {
        if (snapshot.val() === `mock-${SEED.qnr}`) resolve(snapshot.val());
      });
    });
    await server.setValue(`${carStatusPath}/qnr`, `mock-${SEED.qnr}`);
    await expect(next).resolves.toBe(`mock-${SEED.qnr}`);
    expect(await server.getValue(`${carStatusPath}/qnr`)).toBe(`mock-${SEED.qnr}`);
  });

  it('commits a transaction on a null originalStartStatus', async () => {
    const db = connect(ENGINEER);
    const status = SANDBOX_DATA.cars[SEED.carId].status;
    const result = await runTransaction(ref(db, brokenStatusPath), (current: unknown) => (current === null ? status : undefined));
    expect(result.committed).toBe(true);
    expect(await server.getValue(brokenStatusPath)).toEqual(status);
  });

  it('aborts a transaction whose update returns undefined, writing nothing', async () => {
    const db = connect(ENGINEER);
    const path = `reservationDetails/${SEED.repairedReservationId}/originalStartStatus`;
    const before = await server.getValue(path);
    expect(before).not.toBeNull();

    const seenByUpdate: unknown[] = [];
    const result = await runTransaction(ref(db, path), (current: unknown) => {
      seenByUpdate.push(current);
      return current === null ? { overwritten: true } : undefined;
    });

    expect(result.committed).toBe(false);
    expect(seenByUpdate.at(-1)).toEqual(before); // the final run saw the server's value
    expect(await server.getValue(path)).toEqual(before);
  });

  it('lets exactly one of two concurrent "write only while null" transactions commit', async () => {
    const first = connect(ENGINEER);
    const second = connect({ sub: 'engineer-2', email: 'engineer2@sandbox.test' });
    for (const round of [1, 2, 3]) {
      const path = `reservationDetails/${SEED.brokenReservationId}/race${round}/originalStartStatus`;
      const whileNull = (who: string) => (current: unknown) => (current === null ? { writtenBy: who, mileageKm: round } : undefined);
      const [a, b] = await Promise.all([
        runTransaction(ref(first, path), whileNull('first')),
        runTransaction(ref(second, path), whileNull('second')),
      ]);
      expect([a.committed, b.committed].filter(Boolean)).toHaveLength(1);
      const winner = a.committed ? 'first' : 'second';
      expect(await server.getValue(path)).toEqual({ writtenBy: winner, mileageKm: round });
    }
  });

  it('denies an anonymous client reads and writes, even right after a signed-in client wrote', async () => {
    const engineer = connect(ENGINEER);
    await set(ref(engineer, `${carStatusPath}/fuelLevelPercent`), 70); // firebase-server kept this writer's auth

    const anonymous = connect();
    await expect(get(ref(anonymous, carStatusPath))).rejects.toThrow(/permission denied/i);
    await expect(firstValue(anonymous, carStatusPath)).rejects.toThrow(/permission_denied/i);
    await expect(set(ref(anonymous, `${carStatusPath}/fuelLevelPercent`), 1)).rejects.toThrow(/PERMISSION_DENIED/);
    await expect(runTransaction(ref(anonymous, brokenStatusPath), () => ({ qnr: 'x' }))).rejects.toThrow(/permission_denied/i);
    expect(await server.getValue(`${carStatusPath}/fuelLevelPercent`)).toBe(70);
    expect(await server.getValue(brokenStatusPath)).toBeNull();
  });

  it('lets the read-only account read but not write', async () => {
    const readonly = connect(READONLY);
    expect((await get(ref(readonly, carStatusPath))).val()).toMatchObject({ qnr: SEED.qnr });
    await expect(set(ref(readonly, brokenStatusPath), SANDBOX_DATA.cars[SEED.carId].status)).rejects.toThrow(/PERMISSION_DENIED/);
    await expect(runTransaction(ref(readonly, brokenStatusPath), (current: unknown) => (current === null ? { qnr: SEED.qnr } : undefined))).rejects.toThrow(
      /permission_denied/i,
    );
    expect(await server.getValue(brokenStatusPath)).toBeNull();
  });

  it('only accepts a status object as originalStartStatus', async () => {
    const db = connect(ENGINEER);
    await expect(set(ref(db, brokenStatusPath), 'started')).rejects.toThrow(/PERMISSION_DENIED/);
    expect(await server.getValue(brokenStatusPath)).toBeNull();
  });

  it('accepts the sandbox url as databaseURL without connectDatabaseEmulator', async () => {
    const app = initializeApp({ projectId: 'demo-support', databaseURL: server.url }, `rtdb-test-${appCount++}`);
    apps.push(app);
    // No auth component here, so the client is anonymous: the server answers, and says no.
    await expect(get(ref(getDatabase(app), carStatusPath))).rejects.toThrow(/permission denied/i);
  });
});

/** A bare websocket client speaking the wire protocol, for what the web SDK cannot trigger without firebase/auth. */
class WireClient {
  private readonly socket: WebSocket;
  private readonly messages: { t?: string; d?: { r?: number; a?: string; b?: { s?: string; p?: string; d?: unknown } } }[] = [];
  private nextRequest = 1;

  constructor(port: number) {
    this.socket = new WebSocket(`ws://127.0.0.1:${port}/.ws?v=5&ns=demo-support`);
    this.socket.on('message', (data) => {
      const text = String(data);
      if (!/^\d+$/.test(text)) this.messages.push(JSON.parse(text) as WireClient['messages'][number]);
    });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  /** Sends a request and resolves with the status of its reply. */
  async request(action: string, body: object): Promise<string | undefined> {
    const r = this.nextRequest++;
    this.socket.send(JSON.stringify({ t: 'd', d: { r, a: action, b: body } }));
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline) {
      const reply = this.messages.find((message) => message.d?.r === r);
      if (reply) return reply.d?.b?.s;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no reply to ${action}`);
  }

  /** Values the server pushed for `path` (it sends paths without the leading slash). */
  dataPushes(path: string): unknown[] {
    const trimmed = path.replace(/^\//, '');
    return this.messages
      .filter((message) => message.d?.a === 'd' && message.d.b?.p?.replace(/^\//, '') === trimmed)
      .map((message) => message.d?.b?.d);
  }

  close(): void {
    this.socket.close();
  }
}

/** An unsigned JWT, like the SDK's mockUserToken. */
function unsignedToken(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iat: now, exp: now + 3600, ...claims })}.`;
}

describe('sandbox Realtime Database, on the wire', () => {
  let client: WireClient;

  beforeEach(async () => {
    client = new WireClient(server.port);
    await client.opened();
  });

  afterEach(() => client.close());

  it('forgets the auth on sign-out (unauth)', async () => {
    const path = `/cars/${SEED.carId}/status/fuelLevelPercent`;
    expect(await client.request('auth', { cred: unsignedToken({ sub: 'engineer-1', user_id: 'engineer-1' }) })).toBe('ok');
    expect(await client.request('p', { p: path, d: 55 })).toBe('ok');
    expect(await client.request('g', { p: path, q: {} })).toBe('ok');

    expect(await client.request('unauth', {})).toBe('ok');
    expect(await client.request('p', { p: path, d: 56 })).toBe('permission_denied');
    expect(await client.request('g', { p: path, q: {} })).toBe('permission_denied');
    expect(await server.getValue(path)).toBe(55);
  });

  it('stops pushing a path after unlisten', async () => {
    const path = `/cars/${SEED.carId}/status/mileageKm`;
    expect(await client.request('auth', { cred: unsignedToken({ sub: 'engineer-1' }) })).toBe('ok');
    expect(await client.request('q', { p: path, h: '' })).toBe('ok');
    await server.setValue(path, 48300);
    // The reply to a later request comes after any push the admin write caused.
    expect(await client.request('g', { p: path, q: {} })).toBe('ok');
    expect(client.dataPushes(path)).toEqual([48213, 48300]);

    expect(await client.request('n', { p: path })).toBe('ok');
    await server.setValue(path, 48400);
    expect(await client.request('g', { p: path, q: {} })).toBe('ok');
    expect(client.dataPushes(path)).toEqual([48213, 48300]);
  });
});

describe('a connection that dies mid-write (loseNextWrite)', () => {
  const path = `reservationDetails/${SEED.brokenReservationId}/originalStartStatus`;
  const neverWithin = <T>(promise: Promise<T>, ms: number) =>
    Promise.race([promise.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('silent'), ms))]);

  it('a write that never arrived: not applied, never answered; the same client hears nothing more, a new one works', async () => {
    const db = connect(ENGINEER);
    await get(ref(db, `cars/${SEED.carId}/status`)); // connected
    server.loseNextWrite(path, { landed: false });
    expect(await neverWithin(set(ref(db, path), { batteryVoltage: 12 }), 1_000)).toBe('silent');
    expect(await neverWithin(get(ref(db, `cars/${SEED.carId}`)), 1_000)).toBe('silent');
    expect(await server.getValue(path)).toBeNull();
    expect(await get(ref(connect(ENGINEER), path)).then((snapshot) => snapshot.val())).toBeNull();
  });

  it('a write that landed: applied on the server, its answer and the news of it lost to that client', async () => {
    const db = connect(ENGINEER);
    const seen: unknown[] = [];
    onValue(ref(db, path), (snapshot) => seen.push(snapshot.val()));
    await expect.poll(() => seen.length).toBe(1);
    server.loseNextWrite(path, { landed: true });
    // As the repair writes: a transaction, not applied locally, so only the server's news could change `seen`.
    const write = runTransaction(ref(db, path), (current: unknown) => (current === null ? { batteryVoltage: 12 } : undefined), { applyLocally: false });
    expect(await neverWithin(write, 1_000)).toBe('silent');
    expect(await server.getValue(path)).toEqual({ batteryVoltage: 12 });
    expect(seen).toEqual([null]);
    expect(await get(ref(connect(ENGINEER), path)).then((snapshot) => snapshot.val())).toEqual({ batteryVoltage: 12 });
  });
});
