/**
 * The Firebase Auth emulator (firebase-tools, from node_modules: no global install, no Java, offline) for the
 * sandbox: real email/password sign-in with Google's own implementation of the Auth API. Its ID tokens are
 * accepted by the sandbox Realtime Database server (rules see `auth.uid` and `auth.token.email`).
 *
 * Safe for parallel runs: every port the emulator suite opens (auth, hub, logging) is picked free at start,
 * written to a firebase.json in a temporary folder, and the suite is started from that folder.
 *
 * One emulator serves a whole Playwright run (`globalSetup` below, the default export) and `npm start`;
 * the fixtures learn its address from `process.env[AUTH_EMULATOR_ENV]`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SANDBOX_READONLY_EMAIL } from './rtdb-rules.ts';

/** Environment variable carrying the emulator's `host:port` from the Playwright run to its workers. */
export const AUTH_EMULATOR_ENV = 'SANDBOX_AUTH_EMULATOR';

/** Accounts every sandbox emulator starts with. */
export const SANDBOX_ACCOUNTS = {
  /** A support engineer who may repair start statuses. */
  engineer: { email: 'engineer@sandbox.test', password: 'repair-4-support' },
  /** May read the database but write nothing (see rtdb-rules.ts). */
  readonly: { email: SANDBOX_READONLY_EMAIL, password: 'look-dont-touch' },
} as const;

export interface AuthEmulator {
  /** `127.0.0.1:<port>`: the value of `settings.firebase.emulators.auth`. */
  host: string;
  port: number;
  projectId: string;
  /** Creates an email/password account (accounts:signUp); returns its uid. */
  createUser(email: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIREBASE_CLI = join(ROOT, 'node_modules', '.bin', 'firebase');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function isUp(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://${HOST}:${port}/`);
    return response.ok;
  } catch {
    return false;
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** One attempt with fresh ports; fails when the suite exits (e.g. a port taken meanwhile) or is too slow. */
async function startOnce(projectId: string, timeoutMs: number): Promise<AuthEmulator> {
  const [auth, hub, logging] = [await freePort(), await freePort(), await freePort()];
  const folder = mkdtempSync(join(tmpdir(), 'support-overlay-auth-'));
  const emulator = (port: number) => ({ host: HOST, port });
  writeFileSync(
    join(folder, 'firebase.json'),
    JSON.stringify({ emulators: { auth: emulator(auth), hub: emulator(hub), logging: emulator(logging), ui: { enabled: false } } }),
  );
  const child = spawn(FIREBASE_CLI, ['emulators:start', '--only', 'auth', '--project', projectId], {
    cwd: folder,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1', FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true', CI: 'true' },
  });
  // Never outlive the process that started it (a crashed test run, an interrupted npm start).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => (output += String(chunk)));
  const cleanUp = async () => {
    await stopProcess(child);
    rmSync(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (!(await isUp(auth))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await cleanUp();
      throw new Error(`The Auth emulator did not start on port ${auth}:\n${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const base = `http://${HOST}:${auth}`;
  let stopped: Promise<void> | undefined;
  return {
    host: `${HOST}:${auth}`,
    port: auth,
    projectId,
    async createUser(email, password) {
      const response = await fetch(`${base}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-api-key`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password, returnSecureToken: true }),
      });
      const body = (await response.json()) as { localId?: string; error?: { message?: string } };
      if (!response.ok || !body.localId) throw new Error(`Could not create ${email} in the Auth emulator: ${body.error?.message ?? response.status}`);
      return body.localId;
    },
    stop() {
      stopped ??= cleanUp();
      return stopped;
    },
  };
}

/** Starts the emulator with the sandbox accounts (SANDBOX_ACCOUNTS). */
export async function startAuthEmulator(options: { projectId?: string; timeoutMs?: number } = {}): Promise<AuthEmulator> {
  const projectId = options.projectId ?? 'demo-support';
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const emulator = await startOnce(projectId, options.timeoutMs ?? 90_000);
      try {
        for (const account of Object.values(SANDBOX_ACCOUNTS)) await emulator.createUser(account.email, account.password);
      } catch (error) {
        await emulator.stop();
        throw error;
      }
      return emulator;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** Playwright globalSetup: one emulator for the whole run; the returned function is the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const emulator = await startAuthEmulator();
  process.env[AUTH_EMULATOR_ENV] = emulator.host;
  return () => emulator.stop();
}
