/**
 * Background handlers of the Firebase messages: sign-in for the popup, and the start-status repair for the
 * Control Center dialog. Firebase runs here only; the dialog sends intents and gets sentences back.
 */
import { browser } from '#imports';
import { get, ref } from 'firebase/database';
import type { BackgroundHandlers } from '../messaging';
import { settingsItem, type Settings } from '../settings';
import { mockQnr, originalQnr } from '../control-center/qnr';
import { firebaseProject, reconnectFirebase, signInEngineer, signOutEngineer, type FirebaseProject } from './app';
import { firebaseAccount, firebaseConfigured } from './session';
import {
  answerWithin,
  carOfReservation,
  DatabaseUnreachable,
  inspectStartStatus,
  isPermissionDenied,
  repairStartStatus,
  sameJson,
  startStatusNow,
  undoStartStatusRepair,
} from './start-status-repair';
import { BackupFailed, saveStatusBackup } from './backup';
import { REPAIR_SENTENCES, writeLostSentence } from './repair-sentences';
import { audit, lastRepairOf, rememberRepair, updateRepair } from './repair-journal';
import type { InspectAnswer, RepairAnswer, RepairProblem, RepairRecord, TicketNoteOutcome, UndoAnswer } from './repair-types';
import { linkedTicketOf, noteAudit } from './repair-ticket';

type FirebaseHandlers = Pick<
  BackgroundHandlers,
  | 'firebase.signIn'
  | 'firebase.signOut'
  | 'firebase.account'
  | 'firebase.openSignIn'
  | 'startStatus.inspect'
  | 'startStatus.repair'
  | 'startStatus.undo'
  | 'startStatus.record'
  | 'startStatus.markEnded'
  | 'qnr.switchedToMock'
  | 'qnr.restored'
>;

/** How long the database may stay silent before the engineer is told (tests shorten it). */
export const DATABASE_TIMEOUT_MS = 10_000;

type Facts = Parameters<(typeof REPAIR_SENTENCES)['no-car']>[0];

function problem(kind: RepairProblem['kind'], facts: Facts, extra: { current?: unknown } = {}): RepairProblem & Facts {
  return { kind, sentence: REPAIR_SENTENCES[kind](facts), ...extra, ...facts };
}

/** The SDK's "Client is offline." (a get() while disconnected) is the same event as a timeout. */
function isOffline(error: unknown): boolean {
  return error instanceof DatabaseUnreachable || (error instanceof Error && /client is offline/i.test(error.message));
}

/** The project with a signed-in engineer, or the "not signed in" problem. */
async function signedIn(settings: Settings): Promise<{ project: FirebaseProject; engineer: string } | RepairProblem> {
  if (!firebaseConfigured(settings)) {
    return {
      kind: 'not-signed-in',
      sentence: 'Firebase is not set up in the extension: add the Firebase project (API key, database URL, project id) in the settings, then sign in. Nothing was changed.',
    };
  }
  const project = await firebaseProject(settings);
  const user = project.auth.currentUser;
  if (!user) return problem('not-signed-in', { projectId: settings.firebase.projectId });
  return { project, engineer: user.email ?? user.uid };
}

async function carExists(project: FirebaseProject, carId: string): Promise<boolean> {
  return (await get(ref(project.db, `cars/${carId}`))).exists();
}

async function qnrOfCar(project: FirebaseProject, carId: string, status: Record<string, unknown>): Promise<string | undefined> {
  if (typeof status.qnr === 'string' && status.qnr !== '') return originalQnr(status.qnr);
  const qnr = (await get(ref(project.db, `cars/${carId}/qnr`))).val() as unknown;
  return typeof qnr === 'string' && qnr !== '' ? originalQnr(qnr) : undefined;
}

async function inspect(settings: Settings, asked: { carId?: string; reservationId?: string }): Promise<InspectAnswer> {
  const session = await signedIn(settings);
  if ('kind' in session) return session;
  const { project, engineer } = session;
  const { reservationId } = asked;
  if (!reservationId) return problem('needs-reservation', { carId: asked.carId });
  const read = <T>(work: Promise<T>) => answerWithin(DATABASE_TIMEOUT_MS, 'read', work);
  try {
    // Where the page shows only the reservation, its own data may name the car; never guess otherwise.
    const carId = asked.carId ?? (await read(carOfReservation(project.db, reservationId)));
    if (!carId) {
      const exists = (await read(get(ref(project.db, `reservationDetails/${reservationId}`)))).exists();
      return problem(exists ? 'needs-car' : 'no-reservation', { reservationId });
    }
    const ids = { carId, reservationId };
    const inspected = await read(inspectStartStatus(project.db, ids));
    switch (inspected.kind) {
      case 'ready': {
        const reservationCarId = asked.carId ? await read(carOfReservation(project.db, reservationId)) : null;
        return {
          kind: 'ready',
          ...ids,
          status: inspected.status,
          engineer,
          qnr: await read(qnrOfCar(project, carId, inspected.status)),
          ...(reservationCarId && reservationCarId !== carId ? { reservationCarId } : {}),
        };
      }
      case 'no-car-status':
        return problem((await read(carExists(project, carId))) ? 'no-car-status' : 'no-car', ids);
      case 'already-set':
        return problem('already-set', ids, { current: inspected.current });
      case 'permission-denied':
        return problem('permission-denied', { ...ids, engineer, path: inspected.path, reading: true });
      case 'no-reservation':
        return problem('no-reservation', ids);
    }
  } catch (error) {
    if (isPermissionDenied(error)) return problem('permission-denied', { reservationId, engineer, path: `/reservationDetails/${reservationId}`, reading: true });
    if (isOffline(error)) return problem('connection-lost', { reservationId });
    throw error;
  }
}

class StatusChanged extends Error {}

async function repair(settings: Settings, ids: { carId: string; reservationId: string }, confirmed: Record<string, unknown>): Promise<RepairAnswer> {
  const session = await signedIn(settings);
  if ('kind' in session) return session;
  const { project, engineer } = session;
  const at = new Date();
  let backupFile = '';
  const remember = async (written: Record<string, unknown>): Promise<{ record: RepairRecord; ticketNote?: TicketNoteOutcome }> => {
    const ticket = await linkedTicketOf(ids.reservationId);
    const record: RepairRecord = { ...ids, written, repairedAt: at.toISOString(), by: engineer, backupFile, ...(ticket ? { ticket } : {}) };
    await rememberRepair(record);
    const entry = { action: 'repair' as const, at: record.repairedAt, by: engineer, ...ids, value: written };
    await audit(entry);
    return { record, ...(ticket ? { ticketNote: await noteAudit(entry, ticket) } : {}) };
  };
  try {
    const outcome = await repairStartStatus(project.db, ids, {
      timeoutMs: DATABASE_TIMEOUT_MS,
      async beforeWrite(status) {
        // The engineer confirmed what they saw: a box that reported meanwhile is looked at again first.
        if (!sameJson(status, confirmed)) throw new StatusChanged();
        backupFile = await saveStatusBackup(status, ids, at);
      },
    });
    switch (outcome.kind) {
      case 'repaired':
        return { kind: 'repaired', ...(await remember(outcome.written)) };
      case 'already-set':
        return problem('already-set', ids, { current: outcome.current });
      case 'permission-denied':
        return problem('permission-denied', { ...ids, engineer, path: outcome.path });
      case 'no-car-status':
        return problem((await carExists(project, ids.carId).catch(() => true)) ? 'no-car-status' : 'no-car', ids);
      case 'no-reservation':
        return problem('no-reservation', ids);
    }
  } catch (error) {
    if (error instanceof StatusChanged) return problem('status-changed', ids);
    if (error instanceof BackupFailed) return { kind: 'backup-failed', sentence: error.message };
    if (error instanceof DatabaseUnreachable && error.step === 'write') {
      // The answer was lost, not necessarily the write: read back from the server on a new connection (on
      // the old one the SDK answers from its cache) and say which.
      const fresh = await reconnectFirebase(settings);
      const now = await answerWithin(DATABASE_TIMEOUT_MS, 'read', startStatusNow(fresh.db, ids.reservationId)).then(
        (value) => ({ known: true as const, value }),
        () => ({ known: false as const }),
      );
      if (now.known && now.value !== null && sameJson(now.value, confirmed)) {
        return { kind: 'repaired', ...(await remember(confirmed)), note: writeLostSentence(true, ids.reservationId) };
      }
      return { kind: 'connection-lost', sentence: writeLostSentence(now.known ? false : 'unknown', ids.reservationId) };
    }
    if (isOffline(error)) return problem('connection-lost', ids);
    if (isPermissionDenied(error)) return problem('permission-denied', { ...ids, engineer });
    throw error;
  }
}

async function undo(settings: Settings, reservationId: string): Promise<UndoAnswer> {
  const record = await lastRepairOf(reservationId);
  if (!record) return { kind: 'not-undone', sentence: `This browser has no repair of reservation ${reservationId} to undo. Nothing was changed.` };
  if (record.endedAt) {
    return { kind: 'not-undone', sentence: 'The reservation is marked as ended: the repair can no longer be undone. Nothing was changed.' };
  }
  const session = await signedIn(settings);
  if ('kind' in session) return { kind: 'not-undone', sentence: session.sentence };
  const { project, engineer } = session;
  const ids = { carId: record.carId, reservationId };
  try {
    const outcome = await answerWithin(DATABASE_TIMEOUT_MS, 'write', undoStartStatusRepair(project.db, ids, record.written));
    if (outcome.kind === 'permission-denied') {
      return { kind: 'not-undone', sentence: REPAIR_SENTENCES['permission-denied']({ engineer, path: outcome.path }) };
    }
    if (outcome.kind === 'changed-meanwhile') {
      return {
        kind: 'not-undone',
        sentence: 'The start status changed since the repair (it holds something else now, below), so the undo left it alone. Nothing was changed.',
        current: outcome.current,
      };
    }
  } catch (error) {
    if (isOffline(error)) {
      return {
        kind: 'not-undone',
        sentence: `The database did not answer during the undo (network lost?), so it is not known whether the start status was cleared. In the Firebase console, open /reservationDetails/${reservationId}/originalStartStatus: if it is empty, the undo worked; if it still holds a status, press Undo again once the connection is back.`,
      };
    }
    throw error;
  }
  const at = new Date().toISOString();
  const undone = await updateRepair(reservationId, (item) => ({ ...item, undoneAt: at }));
  const entry = { action: 'undo' as const, at, by: engineer, ...ids, value: record.written };
  await audit(entry);
  const ticket = record.ticket ?? (await linkedTicketOf(reservationId));
  return { kind: 'undone', record: undone, ...(ticket ? { ticketNote: await noteAudit(entry, ticket) } : {}) };
}

export const firebaseHandlers: FirebaseHandlers = {
  'firebase.signIn': async ({ email, password }) => {
    const settings = await settingsItem.getValue();
    if (!firebaseConfigured(settings)) throw new Error('Add the Firebase project (API key, database URL and project id) in the settings first.');
    const user = await signInEngineer(settings, email, password);
    return { email: user.email ?? email };
  },
  'firebase.signOut': async () => {
    const settings = await settingsItem.getValue();
    if (firebaseConfigured(settings)) await signOutEngineer(settings);
    return null;
  },
  'firebase.account': async () => firebaseAccount(await settingsItem.getValue()),
  'firebase.openSignIn': async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    return null;
  },
  'startStatus.inspect': async (asked) => inspect(await settingsItem.getValue(), asked),
  'startStatus.repair': async ({ carId, reservationId, confirmed }) => repair(await settingsItem.getValue(), { carId, reservationId }, confirmed),
  'startStatus.undo': async ({ reservationId }) => undo(await settingsItem.getValue(), reservationId),
  'startStatus.record': async ({ reservationId }) => lastRepairOf(reservationId),
  'startStatus.markEnded': async ({ reservationId }) =>
    updateRepair(reservationId, (record) => ({ ...record, endedAt: record.endedAt ?? new Date().toISOString() })),
  'qnr.switchedToMock': async ({ reservationId, qnr }) => {
    const original = originalQnr(qnr);
    mockQnr(original); // throws the sentence for a blank QNR
    return updateRepair(reservationId, (record) => ({ ...record, mockQnr: { original, switchedAt: new Date().toISOString() } }));
  },
  'qnr.restored': async ({ reservationId }) =>
    updateRepair(reservationId, (record) =>
      record.mockQnr ? { ...record, mockQnr: { ...record.mockQnr, restoredAt: new Date().toISOString() } } : record,
    ),
};
