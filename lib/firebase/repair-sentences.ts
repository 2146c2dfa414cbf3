/**
 * The sentences of the start-status repair: what happened and what to do. Pure, so each is unit tested and
 * the dialog shows them as they are. Every failure says that nothing was changed.
 */
import type { RepairProblem } from './repair-types';

type Sentences = {
  [K in RepairProblem['kind']]: (facts: { carId?: string; reservationId?: string; path?: string; engineer?: string; projectId?: string; reading?: boolean }) => string;
};

export const REPAIR_SENTENCES: Sentences = {
  'not-signed-in': ({ projectId }) =>
    `You are not signed in to Firebase${projectId ? ` (project ${projectId})` : ''}. Sign in from the extension's popup, then check again. Nothing was changed.`,
  'needs-car': ({ reservationId }) =>
    `The reservation ${reservationId ?? ''} does not name its car in the database. Paste the car page's URL or the car id. Nothing was changed.`,
  'needs-reservation': ({ carId }) =>
    `This page shows car ${carId ?? ''} but no reservation. Paste the reservation page's URL or the reservation id. Nothing was changed.`,
  'no-car': ({ carId }) => `There is no car ${carId ?? ''} in the database. Check the car id. Nothing was changed.`,
  'no-car-status': ({ carId }) =>
    `Car ${carId ?? ''} has no status in the database (its CloudBoxx never reported), so there is no start status to copy. Nothing was changed. The box itself needs checking (e.g. its antenna).`,
  'no-reservation': ({ reservationId }) =>
    `There is no reservation ${reservationId ?? ''} in the database. Check the reservation id. Nothing was changed.`,
  'already-set': () =>
    'This reservation already has a start status (below), so there is nothing to repair and nothing was changed. Try ending the reservation again.',
  'permission-denied': ({ engineer, path, reading }) =>
    `Your Firebase account${engineer ? ` (${engineer})` : ''} may not ${reading ? 'read' : 'change'} ${path ?? 'this data'}: the database rules refuse it. Ask an administrator for ${reading ? 'read and write' : 'write'} access. Nothing was changed.`,
  'status-changed': ({ carId }) =>
    `Car ${carId ?? ''} reported a new status since you looked: check it again before writing. Nothing was changed.`,
  'connection-lost': () => 'The database did not answer (network lost?). Nothing was written; check your connection and try again.',
  'backup-failed': () => 'The backup file could not be saved. Nothing was written.',
};

export function writeLostSentence(landed: boolean | 'unknown', reservationId: string): string {
  if (landed === true) return 'The connection was lost during the write; reading back shows the start status WAS written.';
  if (landed === false) return 'The connection was lost during the write; reading back shows it was NOT written. Nothing was changed; try again when the connection is back.';
  return `The connection was lost during the write, and the database could not be asked again whether it was written. In the Firebase console, open /reservationDetails/${reservationId}/originalStartStatus: if it holds a status, the repair is done (do not write again); if it is empty, nothing was changed and you can check again.`;
}
