/**
 * The engineer's Firebase state for the popup. The signed-in session itself lives only in the background.
 */
import type { Settings } from '../settings';
import type { SystemState } from '../messaging';

export function firebaseConfigured(settings: Settings): boolean {
  return settings.firebase.databaseURL !== '' && settings.firebase.projectId !== '';
}

export async function firebaseState(settings: Settings): Promise<SystemState> {
  if (!firebaseConfigured(settings)) {
    return { state: 'not-configured', detail: 'Add the Firebase project (database URL and project id) in the settings.' };
  }
  return { state: 'signed-out', detail: 'Not signed in to Firebase.' };
}
