/**
 * The whole sandbox in one call: the Odoo Helpdesk stand-in, the Control Center stand-in, the Realtime
 * Database server, and the extension settings that point at them. Used by the e2e fixtures and `npm start`.
 */
import { startOdooSandbox, type OdooSandbox, type OdooSandboxOptions } from './odoo/server.ts';
import { startControlCenterSandbox, type ControlCenterSandbox } from './control-center/server.ts';
import { startRtdbServer, type RtdbServer } from './rtdb-server.ts';
import { startGitLabSandbox, type GitLabSandbox, type GitLabSandboxOptions } from './gitlab/server.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings-schema.ts';

export interface Sandbox {
  odoo: OdooSandbox;
  controlCenter: ControlCenterSandbox;
  rtdb: RtdbServer;
  gitlab: GitLabSandbox;
  /** Extension settings for this sandbox (what an engineer would type in the settings page). */
  settings: Settings;
  close(): Promise<void>;
}

export interface SandboxOptions {
  odoo?: OdooSandboxOptions;
  gitlab?: GitLabSandboxOptions;
  /** Fixed ports for `npm start`; 0 (default) picks free ones, as the tests do. */
  ports?: { odoo?: number; controlCenter?: number; gitlab?: number };
  /** `host:port` of a running Firebase Auth emulator (auth-emulator.ts), shared by the sandboxes of a run. */
  authEmulator?: string;
}

export const SANDBOX_FIREBASE_PROJECT = 'demo-support';

export function sandboxSettings(parts: { odoo: OdooSandbox; controlCenter: ControlCenterSandbox; rtdb: RtdbServer; gitlab?: GitLabSandbox; authEmulator?: string }): Settings {
  return {
    ...DEFAULT_SETTINGS,
    odooOrigins: [parts.odoo.url],
    controlCenter: { ...DEFAULT_SETTINGS.controlCenter, origin: parts.controlCenter.url },
    ...(parts.gitlab && {
      gitlab: {
        ...DEFAULT_SETTINGS.gitlab,
        host: parts.gitlab.url,
        projects: { bugs: parts.gitlab.projects.bugs.path, incidents: parts.gitlab.projects.incidents.path, integration: parts.gitlab.projects.integration.path },
      },
    }),
    firebase: {
      apiKey: 'demo-api-key',
      authDomain: `${SANDBOX_FIREBASE_PROJECT}.firebaseapp.com`,
      databaseURL: `http://127.0.0.1:${parts.rtdb.port}`,
      projectId: SANDBOX_FIREBASE_PROJECT,
      emulators: { database: `127.0.0.1:${parts.rtdb.port}`, ...(parts.authEmulator && { auth: parts.authEmulator }) },
    },
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const rtdb = await startRtdbServer({ namespace: SANDBOX_FIREBASE_PROJECT });
  const odoo = await startOdooSandbox({ ...options.odoo, port: options.ports?.odoo ?? options.odoo?.port ?? 0 });
  const controlCenter = await startControlCenterSandbox({
    port: options.ports?.controlCenter ?? 0,
    rtdb: { port: rtdb.port, namespace: rtdb.namespace },
  });
  const gitlab = await startGitLabSandbox({ ...options.gitlab, port: options.ports?.gitlab ?? options.gitlab?.port ?? 0 });
  return {
    odoo,
    controlCenter,
    rtdb,
    gitlab,
    settings: sandboxSettings({ odoo, controlCenter, rtdb, gitlab, authEmulator: options.authEmulator }),
    async close() {
      await Promise.all([odoo.close(), controlCenter.close(), rtdb.close(), gitlab.close()]);
    },
  };
}
