/**
 * The engineer's Firebase state for the popup. The signed-in session itself lives only in the background.
 */
import type { Settings } from '../settings';
import type { FirebaseAccount, SystemState } from '../messaging';
import { signedInUser } from './app';

export function firebaseConfigured(settings: Settings): boolean {
  return settings.firebase.apiKey !== '' && settings.firebase.databaseURL !== '' && settings.firebase.projectId !== '';
}

export async function firebaseAccount(settings: Settings): Promise<FirebaseAccount> {
  const projectId = settings.firebase.projectId;
  if (!firebaseConfigured(settings)) return { configured: false, projectId, email: null };
  const user = await signedInUser(settings);
  return { configured: true, projectId, email: user ? (user.email ?? user.uid) : null };
}

export async function firebaseState(settings: Settings): Promise<SystemState> {
  if (!firebaseConfigured(settings)) {
    return { state: 'not-configured', detail: 'Add the Firebase project (API key, database URL and project id) in the settings.' };
  }
  const { email } = await firebaseAccount(settings);
  if (!email) return { state: 'signed-out', detail: 'Not signed in to Firebase.' };
  return { state: 'ok', who: email, detail: `Project ${settings.firebase.projectId}` };
}
