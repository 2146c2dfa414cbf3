/**
 * The Firebase app of the configured project, in the background only (service worker / event page): the
 * engineer's session lives in the extension's own IndexedDB, never in a page. Recreated when the Firebase
 * settings change. Auth comes from `firebase/auth/web-extension` (no popup/redirect sign-in in MV3).
 */
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import {
  connectAuthEmulator,
  getAuth,
  signInWithEmailAndPassword,
  signOut,
  type Auth,
  type User,
} from 'firebase/auth/web-extension';
import { connectDatabaseEmulator, getDatabase, type Database } from 'firebase/database';
import type { Settings } from '../settings';
import { signInSentence } from './sign-in-errors';

export interface FirebaseProject {
  app: FirebaseApp;
  auth: Auth;
  db: Database;
}

/** The app's name stays the same across re-creations, so a persisted session is found again after a restart. */
const APP_NAME = 'support-overlay';

let current: { key: string; project: Promise<FirebaseProject> } | null = null;

/** "127.0.0.1:9099" or "http://127.0.0.1:9099" → host and port. */
function hostAndPort(address: string): { host: string; port: number } {
  const url = new URL(/^https?:\/\//.test(address) ? address : `http://${address}`);
  return { host: url.hostname, port: Number(url.port) };
}

async function create(config: Settings['firebase'], previous: Promise<FirebaseProject> | undefined): Promise<FirebaseProject> {
  if (previous) {
    // The old app must be gone before one with the same name is created.
    await previous.then((project) => deleteApp(project.app)).catch(() => undefined);
  }
  const emulators = config.emulators ?? {};
  const databaseURL = emulators.database
    ? // The emulator's address names the namespace (the project) in the query, as the SDK expects.
      `http://${emulators.database.replace(/^https?:\/\//, '')}?ns=${config.projectId}`
    : config.databaseURL;
  const app = initializeApp(
    { apiKey: config.apiKey, authDomain: config.authDomain, databaseURL, projectId: config.projectId },
    APP_NAME,
  );
  const auth = getAuth(app);
  if (emulators.auth) {
    const { host, port } = hostAndPort(emulators.auth);
    connectAuthEmulator(auth, `http://${host}:${port}`, { disableWarnings: true });
  }
  const db = getDatabase(app);
  if (emulators.database) {
    const { host, port } = hostAndPort(emulators.database);
    connectDatabaseEmulator(db, host, port);
  }
  await auth.authStateReady();
  return { app, auth, db };
}

/** The app for these settings; the same one until the Firebase settings change. */
export function firebaseProject(settings: Settings): Promise<FirebaseProject> {
  const key = JSON.stringify(settings.firebase);
  if (current?.key === key) return current.project;
  return startProject(settings, key);
}

/**
 * A new app for these settings, the old one deleted with its connection (the session stays: it is
 * persisted). After a write whose answer never came, a read on the old connection is answered from the
 * SDK's cache (the transaction listens to the path) and the connection may be dead without knowing it;
 * a read on a new connection asks the server what it holds.
 */
export function reconnectFirebase(settings: Settings): Promise<FirebaseProject> {
  return startProject(settings, JSON.stringify(settings.firebase));
}

function startProject(settings: Settings, key: string): Promise<FirebaseProject> {
  const project = create(settings.firebase, current?.project);
  current = { key, project };
  // A failed start (bad configuration) is retried on the next call rather than remembered.
  project.catch(() => {
    if (current?.project === project) current = null;
  });
  return project;
}

/** The signed-in engineer, or null. */
export async function signedInUser(settings: Settings): Promise<User | null> {
  const { auth } = await firebaseProject(settings);
  return auth.currentUser;
}

/** Email/password sign-in; throws an Error whose message is the sentence to show. */
export async function signInEngineer(settings: Settings, email: string, password: string): Promise<User> {
  const { auth } = await firebaseProject(settings);
  try {
    const { user } = await signInWithEmailAndPassword(auth, email.trim(), password);
    return user;
  } catch (error) {
    throw new Error(signInSentence(error, { email: email.trim(), projectId: settings.firebase.projectId }));
  }
}

export async function signOutEngineer(settings: Settings): Promise<void> {
  const { auth } = await firebaseProject(settings);
  await signOut(auth);
}
