/**
 * The Firebase test button: does a Realtime Database answer at the configured URL, and is the rest of the
 * web config filled in. A database that refuses an anonymous read (401 "Permission denied") is fine: the
 * engineer signs in before any repair, and the rules then decide.
 */
import type { Settings } from '../settings-schema';
import { report, type CheckReport } from './report';

/** The REST address of the database root (the emulator wants the namespace in `ns`). */
export function databaseRestUrl(firebase: Settings['firebase']): string {
  const emulator = firebase.emulators?.database;
  if (emulator) return `http://${emulator.replace(/^https?:\/\//, '')}/.json?ns=${encodeURIComponent(firebase.projectId)}&shallow=true`;
  return `${firebase.databaseURL.replace(/\/+$/, '')}/.json?shallow=true`;
}

export async function checkFirebase(firebase: Settings['firebase'], fetchImpl: typeof fetch = fetch): Promise<CheckReport> {
  if (!firebase.databaseURL) return report('error', 'Fill in the Realtime Database URL first (e.g. https://my-project-default-rtdb.firebaseio.com).');
  const missing = (['apiKey', 'authDomain', 'projectId'] as const).filter((key) => !firebase[key]);
  const configLines = missing.length
    ? [`Also fill in: ${missing.map((key) => ({ apiKey: 'Web API key', authDomain: 'Auth domain', projectId: 'Project id' })[key]).join(', ')} (Firebase console → Project settings → Your apps).`]
    : [`Project ${firebase.projectId}, sign-in through ${firebase.authDomain}.`];
  const where = firebase.emulators?.database ? `the local database emulator ${firebase.emulators.database}` : firebase.databaseURL;

  let response: Response;
  try {
    response = await fetchImpl(databaseRestUrl(firebase));
  } catch {
    return report('error', `${where} could not be reached: check the database URL.`, ...configLines);
  }
  const body = (await response.json().catch(() => undefined)) as { error?: unknown } | undefined;
  const verdict = missing.length ? 'warning' : 'ok';
  if (response.ok && body !== undefined) {
    return report(verdict, `A Realtime Database answers at ${where}.`, ...configLines);
  }
  if (response.status === 401 && body && typeof body.error === 'string') {
    return report(verdict, `A Realtime Database answers at ${where}; it asks for sign-in, as expected (rules: "${body.error}").`, ...configLines);
  }
  if (response.status === 404 && body && typeof body.error === 'string') {
    return report('error', `Firebase says there is no database at ${where}: copy the URL from the Firebase console (Realtime Database).`, ...configLines);
  }
  return report('error', `${where} answered ${response.status}, but not like a Realtime Database: check the database URL.`, ...configLines);
}
