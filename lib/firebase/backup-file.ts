/**
 * The JSON backup of a car status the process asks for before the write ("download json file to
 * computer"). Pure naming and content; saving it is in backup.ts.
 */
import type { CarStatus } from './repair-types';

/** Characters some file systems refuse (Firebase keys may hold them); the rest of the id is kept. */
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\s]/g;

/** e.g. `start-status-backup_car-1234_-Nx3kQ2aBcDeFgHiJkLm_2026-11-27T16-10-00Z.json` */
export function backupFileName(ids: { carId: string; reservationId: string }, at: Date): string {
  const time = at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  const safe = (id: string) => id.replace(UNSAFE_IN_FILE_NAMES, '_');
  return `start-status-backup_${safe(ids.carId)}_${safe(ids.reservationId)}_${time}.json`;
}

/** The file's text: exactly the status, as JSON (what the Firebase console's export would give). */
export function backupContent(status: CarStatus): string {
  return `${JSON.stringify(status, null, 2)}\n`;
}
