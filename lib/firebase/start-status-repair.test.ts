// @vitest-environment node
/**
 * The repair with the real firebase web SDK against the sandbox Realtime Database server, under rules that
 * require a signed-in user.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectDatabaseEmulator, getDatabase, goOffline, goOnline, type Database } from 'firebase/database';
import { startRtdbServer, type RtdbServer } from '../../tests/sandbox/rtdb-server';
import { SEED } from '../../tests/sandbox/rtdb-seed';
import { SANDBOX_READONLY_EMAIL } from '../../tests/sandbox/rtdb-rules';
import { DatabaseUnreachable, carOfReservation, repairStartStatus, startStatusNow, startStatusPath, undoStartStatusRepair } from './start-status-repair';

let server: RtdbServer;
const apps: FirebaseApp[] = [];
let appCount = 0;

function connect(user: { sub: string; email: string } | null = { sub: 'engineer-1', email: 'an@support.test' }): Database {
  const app = initializeApp({ projectId: 'demo-support', databaseURL: server.url }, `repair-${++appCount}`);
  apps.push(app);
  const db = getDatabase(app);
  connectDatabaseEmulator(db, '127.0.0.1', server.port, user ? { mockUserToken: user } : undefined);
  return db;
}

const broken = { carId: SEED.carId, reservationId: SEED.brokenReservationId };

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
  await Promise.all(apps.splice(0).map((app) => deleteApp(app)));
});

describe('repairStartStatus', () => {
  it('copies the car status into the reservation when its start status is missing', async () => {
    const carStatus = await server.getValue(`cars/${SEED.carId}/status`);
    const outcome = await repairStartStatus(connect(), broken);
    expect(outcome).toEqual({ kind: 'repaired', written: carStatus });
    expect(await server.getValue(startStatusPath(SEED.brokenReservationId))).toEqual(carStatus);
  });

  it('refuses to overwrite a start status that is already set, and shows it', async () => {
    const before = await server.getValue(`reservationDetails/${SEED.repairedReservationId}`);
    const outcome = await repairStartStatus(connect(), { carId: SEED.repairedCarId, reservationId: SEED.repairedReservationId });
    expect(outcome.kind).toBe('already-set');
    expect(outcome.kind === 'already-set' && outcome.current).toEqual((before as { originalStartStatus: unknown }).originalStartStatus);
    expect(await server.getValue(`reservationDetails/${SEED.repairedReservationId}`)).toEqual(before);
  });

  it('writes nothing when the car has no status', async () => {
    const outcome = await repairStartStatus(connect(), { carId: SEED.carWithoutStatusId, reservationId: SEED.reservationOnCarWithoutStatusId });
    expect(outcome).toEqual({ kind: 'no-car-status' });
    expect(await server.getValue(startStatusPath(SEED.reservationOnCarWithoutStatusId))).toBeNull();
  });

  it('never creates a reservation that does not exist', async () => {
    const outcome = await repairStartStatus(connect(), { carId: SEED.carId, reservationId: '-NoSuchReservation01' });
    expect(outcome).toEqual({ kind: 'no-reservation' });
    expect(await server.getValue('reservationDetails/-NoSuchReservation01')).toBeNull();
  });

  it('reports a write refused by the rules as permission-denied and writes nothing', async () => {
    const outcome = await repairStartStatus(connect({ sub: 'viewer', email: SANDBOX_READONLY_EMAIL }), broken);
    expect(outcome).toEqual({ kind: 'permission-denied', path: `/${startStatusPath(SEED.brokenReservationId)}` });
    expect(await server.getValue(startStatusPath(SEED.brokenReservationId))).toBeNull();
  });

  it('reports an anonymous client as permission-denied on the first read', async () => {
    const outcome = await repairStartStatus(connect(null), broken);
    expect(outcome).toEqual({ kind: 'permission-denied', path: `/cars/${SEED.carId}/status` });
  });

  it('lets exactly one of several concurrent repairs write', async () => {
    const outcomes = await Promise.all(
      ['an', 'bart', 'chris', 'dana'].map((name) => repairStartStatus(connect({ sub: name, email: `${name}@support.test` }), broken)),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'repaired')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'already-set')).toHaveLength(3);
  });

  it('does not overwrite a start status the box wrote after the check (transaction aborts)', async () => {
    const db = connect();
    const boxReport = { qnr: SEED.qnr, mileageKm: 1, lastReportAt: 1 };
    // The box comes online between the engineer's look and the write: the server value is no longer null.
    await server.setValue(startStatusPath(SEED.brokenReservationId), boxReport);
    const outcome = await repairStartStatus(db, broken);
    expect(outcome).toEqual({ kind: 'already-set', current: boxReport });
    expect(await server.getValue(startStatusPath(SEED.brokenReservationId))).toEqual(boxReport);
  });

  it('fails (rather than pretending) when the connection is gone', async () => {
    const db = connect();
    goOffline(db);
    await expect(repairStartStatus(db, broken, { timeoutMs: 300 })).rejects.toThrow(DatabaseUnreachable);
    expect(await server.getValue(startStatusPath(SEED.brokenReservationId))).toBeNull();
  });
});

describe('repairStartStatus with beforeWrite (the backup)', () => {
  it('hands the exact status to write to beforeWrite, before writing it', async () => {
    const seen: unknown[] = [];
    const outcome = await repairStartStatus(connect(), broken, {
      async beforeWrite(status) {
        seen.push(status, await server.getValue(startStatusPath(SEED.brokenReservationId)));
      },
    });
    expect(outcome.kind).toBe('repaired');
    expect(seen).toEqual([outcome.kind === 'repaired' && outcome.written, null]);
  });

  it('writes nothing when beforeWrite throws (backup not saved)', async () => {
    await expect(
      repairStartStatus(connect(), broken, {
        beforeWrite: () => Promise.reject(new Error('disk full')),
      }),
    ).rejects.toThrow('disk full');
    expect(await server.getValue(startStatusPath(SEED.brokenReservationId))).toBeNull();
  });

  it('a write whose answer is lost throws DatabaseUnreachable("write"); reading back after reconnecting says whether it landed', async () => {
    const db = connect();
    const lost = repairStartStatus(db, broken, { timeoutMs: 300, beforeWrite: async () => goOffline(db) });
    await expect(lost).rejects.toMatchObject({ step: 'write' });
    goOnline(db);
    // The SDK sends the queued transaction once connected again: here the write landed after all.
    await expect.poll(() => startStatusNow(db, SEED.brokenReservationId), { timeout: 5000 }).toEqual(await server.getValue(`cars/${SEED.carId}/status`));
  });
});

describe('undoStartStatusRepair', () => {
  it('puts the start status back to null when it still holds what the repair wrote', async () => {
    const db = connect();
    const outcome = await repairStartStatus(db, broken);
    if (outcome.kind !== 'repaired') throw new Error(outcome.kind);
    expect(await undoStartStatusRepair(db, broken, outcome.written)).toEqual({ kind: 'undone' });
    expect(await server.getValue(startStatusPath(SEED.brokenReservationId))).toBeNull();
  });

  it('leaves a start status that changed since the repair', async () => {
    const db = connect();
    const outcome = await repairStartStatus(db, broken);
    if (outcome.kind !== 'repaired') throw new Error(outcome.kind);
    const newer = { ...outcome.written, mileageKm: 99999 };
    await server.setValue(startStatusPath(SEED.brokenReservationId), newer);
    expect(await undoStartStatusRepair(db, broken, outcome.written)).toEqual({ kind: 'changed-meanwhile', current: newer });
    expect(await server.getValue(startStatusPath(SEED.brokenReservationId))).toEqual(newer);
  });

  it('says so when the start status is already empty', async () => {
    expect(await undoStartStatusRepair(connect(), broken, { mileageKm: 1 })).toEqual({ kind: 'changed-meanwhile', current: null });
  });
});

describe('carOfReservation', () => {
  it('reads the car from the reservation’s own data', async () => {
    expect(await carOfReservation(connect(), SEED.brokenReservationId)).toBe(SEED.carId);
    expect(await carOfReservation(connect(), '-NoSuchReservation01')).toBeNull();
  });
});
