/**
 * The "Could not determine the start status of this reservation" repair (support-process.md), with the
 * engineer's own database access: copy `/cars/{carId}/status` to
 * `/reservationDetails/{reservationId}/originalStartStatus`, only while that is null.
 *
 * Guarantees: a missing reservation is never created, an existing start status is never overwritten (two
 * engineers at once, or a box that came online meanwhile), and every outcome but `repaired` writes nothing.
 */
import { get, ref, runTransaction, type Database } from 'firebase/database';

export interface RepairIds {
  carId: string;
  reservationId: string;
}

/** The car's last report as stored under /cars/{carId}/status (shape set by the platform). */
export type CarStatus = Record<string, unknown>;

export type RepairOutcome =
  | { kind: 'repaired'; written: CarStatus }
  | { kind: 'already-set'; current: unknown }
  | { kind: 'no-car-status' }
  | { kind: 'no-reservation' }
  | { kind: 'permission-denied'; path: string };

export type UndoOutcome = { kind: 'undone' } | { kind: 'changed-meanwhile'; current: unknown } | { kind: 'permission-denied'; path: string };

export const carStatusPath = (carId: string) => `cars/${carId}/status`;
export const reservationPath = (reservationId: string) => `reservationDetails/${reservationId}`;
export const startStatusPath = (reservationId: string) => `${reservationPath(reservationId)}/originalStartStatus`;

/** The database's rules said no (the SDK words it "permission_denied" or "Permission denied"). */
export function isPermissionDenied(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : String(error);
  return /permission[_ ]denied/i.test(text);
}

/** Runs one database step; a rules refusal becomes an outcome naming the path, anything else is thrown. */
async function guarded<T>(path: string, step: () => Promise<T>): Promise<T | { kind: 'permission-denied'; path: string }> {
  try {
    return await step();
  } catch (error) {
    if (isPermissionDenied(error)) return { kind: 'permission-denied', path: `/${path}` };
    throw error;
  }
}

function isDenied(value: unknown): value is { kind: 'permission-denied'; path: string } {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'permission-denied';
}

/** What the repair would do, without writing: the status to copy, or why it cannot. */
export async function inspectStartStatus(
  db: Database,
  ids: RepairIds,
): Promise<{ kind: 'ready'; status: CarStatus } | Exclude<RepairOutcome, { kind: 'repaired' }>> {
  const status = await guarded(carStatusPath(ids.carId), async () => (await get(ref(db, carStatusPath(ids.carId)))).val() as unknown);
  if (isDenied(status)) return status;
  if (status === null || typeof status !== 'object') return { kind: 'no-car-status' };

  const reservation = await guarded(reservationPath(ids.reservationId), async () => (await get(ref(db, reservationPath(ids.reservationId)))).val() as unknown);
  if (isDenied(reservation)) return reservation;
  if (reservation === null || typeof reservation !== 'object') return { kind: 'no-reservation' };
  const current = (reservation as { originalStartStatus?: unknown }).originalStartStatus;
  if (current !== undefined && current !== null) return { kind: 'already-set', current };
  return { kind: 'ready', status: status as CarStatus };
}

/** The database did not answer in time (network lost, or never connected). */
export class DatabaseUnreachable extends Error {
  constructor(readonly step: 'read' | 'write') {
    super(
      step === 'read'
        ? 'The database did not answer (network lost?). Nothing was written; check your connection and try again.'
        : 'The connection was lost during the write. Read the reservation back before doing anything else.',
    );
  }
}

/** The SDK waits for a connection forever; the engineer must hear that it is not coming. */
export function answerWithin<T>(ms: number, step: 'read' | 'write', work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnreachable(step)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export interface RepairOptions {
  /** How long to wait for the database before giving up with DatabaseUnreachable (default 15 s). */
  timeoutMs?: number;
  /**
   * Runs with the exact status about to be written, after every check and before the write: the backup
   * file is saved here. Throwing stops the repair with nothing written.
   */
  beforeWrite?: (status: CarStatus) => Promise<void>;
}

export async function repairStartStatus(db: Database, ids: RepairIds, options: RepairOptions = {}): Promise<RepairOutcome> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const inspected = await answerWithin(timeoutMs, 'read', inspectStartStatus(db, ids));
  if (inspected.kind !== 'ready') return inspected;
  const status = inspected.status;
  await options.beforeWrite?.(status);

  const path = startStatusPath(ids.reservationId);
  const result = await answerWithin(
    timeoutMs,
    'write',
    guarded(path, () =>
      // Returning undefined aborts: the transaction commits only while the server still holds null.
      runTransaction(ref(db, path), (current: unknown) => (current === null ? status : undefined), { applyLocally: false }),
    ),
  );
  if (isDenied(result)) return result;
  if (!result.committed) return { kind: 'already-set', current: result.snapshot.val() };
  return { kind: 'repaired', written: status };
}

/** Deep equality of JSON values as the database returns them (key order may differ). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Puts originalStartStatus back to null, only while it still holds exactly what the repair wrote. */
export async function undoStartStatusRepair(db: Database, ids: RepairIds, written: CarStatus): Promise<UndoOutcome> {
  const path = startStatusPath(ids.reservationId);
  let seen: unknown = null;
  const result = await guarded(path, () =>
    runTransaction(
      ref(db, path),
      (current: unknown) => {
        seen = current;
        // The SDK first calls with its cached guess (null when it has none): answering null then is a
        // no-op write that the server refuses if it holds something, so the next call sees the real value.
        if (current === null) return null;
        return sameJson(current, written) ? null : undefined;
      },
      { applyLocally: false },
    ),
  );
  if (isDenied(result)) return result;
  if (result.committed && seen !== null) return { kind: 'undone' };
  return { kind: 'changed-meanwhile', current: result.snapshot.val() };
}

/** Did a write whose answer was lost (network) land? Reads the value back. */
export async function startStatusNow(db: Database, reservationId: string): Promise<unknown> {
  return (await get(ref(db, startStatusPath(reservationId)))).val() as unknown;
}

/** The car of a reservation, when the reservation's own data names it (Control Center pages may show only one id). */
export async function carOfReservation(db: Database, reservationId: string): Promise<string | null> {
  const carId = (await get(ref(db, `${reservationPath(reservationId)}/carId`))).val() as unknown;
  return typeof carId === 'string' && carId !== '' ? carId : null;
}
