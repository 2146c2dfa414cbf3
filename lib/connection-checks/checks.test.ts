// @vitest-environment node
// The settings page's test buttons, against the sandbox stand-ins over real HTTP (GitLab, Odoo, the
// Realtime Database), and against servers that are not what the engineer thinks they are.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitLabSandbox, type GitLabSandbox } from '../../tests/sandbox/gitlab/server.ts';
import { fetchWithSession, startOdooSandbox, type OdooSandbox } from '../../tests/sandbox/odoo/server.ts';
import { startRtdbServer, type RtdbServer } from '../../tests/sandbox/rtdb-server.ts';
import { DEFAULT_SETTINGS, type Settings } from '../settings-schema';
import { checkGitLab } from './gitlab';
import { checkOdoo } from './odoo';
import { checkFirebase } from './firebase';
import { checkControlCenterUrl } from './control-center';

/** A web server that is not GitLab, Odoo nor Firebase (an intranet page), plus a Firebase-like 401/404. */
let other: Server;
let otherUrl: string;
beforeAll(async () => {
  other = createServer((req, res) => {
    if (req.url?.startsWith('/locked/.json')) {
      res.statusCode = 401;
      res.setHeader('Content-Type', 'application/json');
      res.end('{\n  "error" : "Permission denied"\n}');
      return;
    }
    if (req.url?.startsWith('/nodb/.json')) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'application/json');
      res.end('{"error":"Firebase error. Please ensure that you have the URL of your Firebase Realtime Database instance configured correctly."}');
      return;
    }
    res.statusCode = req.url === '/' ? 200 : 404;
    res.setHeader('Content-Type', 'text/html');
    res.end('<html><body>Intranet</body></html>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

describe('GitLab test button', () => {
  let gitlab: GitLabSandbox;
  let config: Settings['gitlab'];
  beforeAll(async () => {
    gitlab = await startGitLabSandbox();
    config = { host: gitlab.url, projects: { bugs: 'tmf/bugs', incidents: 'tmf/incidents', integration: 'tmf/integration' } };
  });
  afterAll(() => gitlab.close());

  it('says whose token it is, its scopes and expiry, and finds each project', async () => {
    const found = await checkGitLab(config, gitlab.tokens.valid);
    expect(found.verdict).toBe('ok');
    expect(found.lines[0]).toBe('The token belongs to @mitchell.admin (Mitchell Admin).');
    expect(found.lines[1]).toMatch(/^Token "support-overlay": scopes api; expires on \d{4}-\d\d-\d\d\.$/);
    expect(found.lines.slice(2)).toEqual([
      expect.stringMatching(/^Bugs project tmf\/bugs: found/),
      expect.stringMatching(/^Incidents project tmf\/incidents: found/),
      expect.stringMatching(/^Integration needs project tmf\/integration: found/),
    ]);
  });

  it('says which project the token cannot see', async () => {
    const found = await checkGitLab({ ...config, projects: { ...config.projects, bugs: 'tmf/finance' } }, gitlab.tokens.valid);
    expect(found.verdict).toBe('error');
    expect(found.lines).toContain('Bugs project tmf/finance: not found, or your token may not see it (check the path and ask for access).');
  });

  it('flags a read-only token and one about to expire', async () => {
    expect((await checkGitLab(config, gitlab.tokens.readOnly)).lines).toContain(
      'Your token has scope read_api but not api: creating issues will fail. Create a token with scope api and paste it in the settings.',
    );
    const expiring = await checkGitLab(config, gitlab.tokens.expiringSoon);
    expect(expiring.verdict).toBe('warning');
    expect(expiring.lines.join('\n')).toMatch(/expires on .* \(in 3 days\)/);
  });

  it('says GitLab refused a revoked token, and that an address is no GitLab', async () => {
    expect(await checkGitLab(config, gitlab.tokens.revoked)).toEqual({
      verdict: 'error',
      lines: ['GitLab refused your token (wrong, expired or revoked): create a new one with scope api and paste it in the settings.'],
    });
    const notGitLab = await checkGitLab({ ...config, host: otherUrl }, gitlab.tokens.valid);
    expect(notGitLab).toEqual({ verdict: 'error', lines: [`${otherUrl} has no GitLab API (/api/v4/user answered 404): check the GitLab address in the settings.`] });
    expect((await checkGitLab(config, '')).lines).toEqual(['Paste your personal access token (scope api) first.']);
  });
});

describe('Odoo test button', () => {
  let odoo16: OdooSandbox;
  let oca: OdooSandbox;
  beforeAll(async () => {
    odoo16 = await startOdooSandbox({ version: 16, flavour: 'enterprise' });
    oca = await startOdooSandbox({ version: 17, flavour: 'oca' });
  });
  afterAll(() => Promise.all([odoo16.close(), oca.close()]));

  it('signed in: version, database, who you are and the helpdesk app', async () => {
    const found = await checkOdoo(odoo16.url, fetchWithSession(await odoo16.login()));
    expect(found.verdict).toBe('ok');
    expect(found.lines[0]).toMatch(new RegExp(`^${odoo16.url} is Odoo 16, database \\S+\\.$`));
    expect(found.lines[1]).toBe('You are signed in as Mitchell Admin (admin).');
    expect(found.lines[2]).toBe('Helpdesk app: Odoo Enterprise Helpdesk.');
    expect((await checkOdoo(oca.url, fetchWithSession(await oca.login()))).lines[2]).toBe('Helpdesk app: OCA Helpdesk (helpdesk_mgmt).');
  });

  it('signed out: it is an Odoo, sign in to see more', async () => {
    expect(await checkOdoo(odoo16.url)).toEqual({
      verdict: 'warning',
      lines: [
        `${odoo16.url} is an Odoo, but you are not signed in to it in this browser.`,
        'Sign in to Odoo in a tab, then test again to see its version and helpdesk app.',
      ],
    });
  });

  it('another web server, or nothing at all', async () => {
    expect((await checkOdoo(otherUrl)).lines).toEqual([
      `${otherUrl} answered, but not like an Odoo does: check the address (the Odoo you sign in to, without /web).`,
    ]);
    expect((await checkOdoo('http://127.0.0.1:9')).lines[0]).toMatch(/could not be reached/);
  });
});

describe('Firebase test button', () => {
  let rtdb: RtdbServer;
  beforeAll(async () => {
    rtdb = await startRtdbServer();
  });
  afterAll(() => rtdb.close());
  const firebase = (databaseURL: string): Settings['firebase'] => ({
    apiKey: 'demo-api-key',
    authDomain: 'demo-support.firebaseapp.com',
    databaseURL,
    projectId: 'demo-support',
  });

  it('finds the database (local emulator)', async () => {
    const found = await checkFirebase({ ...firebase(`http://127.0.0.1:${rtdb.port}`), emulators: { database: `127.0.0.1:${rtdb.port}` } });
    expect(found).toEqual({
      verdict: 'ok',
      lines: [`A Realtime Database answers at the local database emulator 127.0.0.1:${rtdb.port}.`, 'Project demo-support, sign-in through demo-support.firebaseapp.com.'],
    });
  });

  it('a database that asks for sign-in is fine; a wrong URL and a missing field are not', async () => {
    expect((await checkFirebase(firebase(`${otherUrl}/locked`))).lines[0]).toBe(
      `A Realtime Database answers at ${otherUrl}/locked; it asks for sign-in, as expected (rules: "Permission denied").`,
    );
    expect((await checkFirebase(firebase(`${otherUrl}/nodb`))).lines[0]).toMatch(/^Firebase says there is no database at/);
    expect((await checkFirebase(firebase(otherUrl))).lines[0]).toBe(`${otherUrl} answered 404, but not like a Realtime Database: check the database URL.`);
    const half = await checkFirebase({ ...firebase(`${otherUrl}/locked`), apiKey: '' });
    expect(half.verdict).toBe('warning');
    expect(half.lines[1]).toBe('Also fill in: Web API key (Firebase console → Project settings → Your apps).');
  });
});

describe('Control Center "test this URL"', () => {
  const controlCenter = { ...DEFAULT_SETTINGS.controlCenter, origin: 'https://cc.example.com' };
  it('says which car and reservation the patterns read', () => {
    expect(checkControlCenterUrl('https://cc.example.com/cars/car-1/reservations/R-9', controlCenter)).toEqual({
      verdict: 'ok',
      lines: ['The repair button would open for car car-1 and reservation R-9.'],
    });
    expect(checkControlCenterUrl('https://cc.example.com/#/reservations/R-9', controlCenter).lines[0]).toBe(
      'The repair button would open for reservation R-9.',
    );
  });
  it('says when no pattern matches, when the URL is elsewhere, and when it is no URL', () => {
    expect(checkControlCenterUrl('https://cc.example.com/dashboard', controlCenter).verdict).toBe('error');
    expect(checkControlCenterUrl('https://other.example.com/reservations/R-9', controlCenter).lines[1]).toBe(
      'This URL is on https://other.example.com, not on the configured Control Center https://cc.example.com: the button shows only there.',
    );
    expect(checkControlCenterUrl('reservations/R-9', controlCenter).lines).toEqual(['Paste a whole Control Center address, starting with https://.']);
  });
});
