/**
 * A new engineer's first two minutes: a fresh profile, configured through the settings page alone (with
 * its test buttons), reaches a working sidebar in Odoo and the repair button in Control Center.
 */
import type { BrowserContext } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { test as configured, expect } from './fixtures.ts';
import { extensionWorker, launchChromium, signInToOdoo } from '../tools/extension-browser.ts';
import { SANDBOX_TICKETS } from '../sandbox/odoo/server.ts';
import { SEED } from '../sandbox/rtdb-seed.ts';

declare const chrome: typeof import('wxt/browser').browser;

/** The sandbox as usual, but a Chromium with the extension installed and nothing configured. */
const test = configured.extend<{ context: BrowserContext }>({
  context: async ({}, use) => {
    const context = await launchChromium();
    await use(context);
    await context.close();
  },
});

test('a fresh profile set up through the settings page reaches the sidebar and the repair button', async ({ context, sandbox, extensionId }) => {
  const { gitlab } = sandbox;
  await signInToOdoo(context, sandbox.odoo);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);

  // Odoo: the test button says what it found before anything is saved.
  await options.getByLabel('Odoo addresses (one per line)').fill(`${sandbox.odoo.url}/`);
  await options.getByRole('button', { name: 'Test Odoo' }).click();
  const odooCheck = options.locator('#odoo-check');
  await expect(odooCheck).toContainText(`${sandbox.odoo.url} is Odoo ${sandbox.odoo.version}`);
  await expect(odooCheck).toContainText('You are signed in as Mitchell Admin (admin).');
  await expect(odooCheck).toContainText('Helpdesk app: Odoo Enterprise Helpdesk.');

  // Control Center, with a URL to try the patterns on.
  await options.getByLabel('Control Center address').fill(sandbox.controlCenter.url);
  const reservationUrl = `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`;
  await options.getByLabel('Test this URL').fill(reservationUrl);
  await expect(options.locator('#cc-check')).toContainText(`The repair button would open for reservation ${SEED.brokenReservationId}.`);

  // GitLab: a wrong token first (what a new engineer pastes by mistake), then the right one.
  await options.getByLabel('GitLab address').fill(gitlab.url);
  await options.getByLabel('Your personal access token (scope api)').fill(gitlab.tokens.revoked);
  await options.getByLabel('Bugs project').fill(gitlab.projects.bugs.path);
  await options.getByLabel('Incidents project').fill(gitlab.projects.incidents.path);
  await options.getByLabel('Integration needs project').fill(gitlab.projects.secret.path);
  await options.getByRole('button', { name: 'Test GitLab token and projects' }).click();
  const gitlabCheck = options.locator('#gitlab-check');
  await expect(gitlabCheck).toContainText('GitLab refused your token (wrong, expired or revoked)');
  await options.getByLabel('Your personal access token (scope api)').fill(gitlab.tokens.valid);
  await options.getByRole('button', { name: 'Test GitLab token and projects' }).click();
  await expect(gitlabCheck).toContainText('The token belongs to @mitchell.admin (Mitchell Admin).');
  await expect(gitlabCheck).toContainText(`Bugs project ${gitlab.projects.bugs.path}: found`);
  await expect(gitlabCheck).toContainText(`Integration needs project ${gitlab.projects.secret.path}: not found, or your token may not see it`);
  await options.getByLabel('Integration needs project').fill(gitlab.projects.integration.path);
  await options.getByRole('button', { name: 'Test GitLab token and projects' }).click();
  await expect(gitlabCheck).toContainText(`Integration needs project ${gitlab.projects.integration.path}: found`);
  await expect(gitlabCheck).toContainText('Works');

  // Firebase, pointing at the sandbox database.
  const firebase = sandbox.settings.firebase;
  await options.getByLabel('Web API key').fill(firebase.apiKey);
  await options.getByLabel('Auth domain').fill(firebase.authDomain);
  await options.getByLabel('Realtime Database URL').fill(firebase.databaseURL);
  await options.getByLabel('Project id').fill(firebase.projectId);
  await options.getByLabel('Database emulator (sandbox only)').fill(firebase.emulators?.database ?? '');
  if (firebase.emulators?.auth) await options.getByLabel('Auth emulator (sandbox only)').fill(firebase.emulators.auth);
  await options.getByRole('button', { name: 'Test Firebase' }).click();
  await expect(options.locator('#firebase-check')).toContainText(`A Realtime Database answers at the local database emulator ${firebase.emulators?.database}.`);

  // A typo is caught as typed and blocks saving; fixing it saves.
  await options.getByLabel('Public holidays of country').fill('Belgium');
  await expect(options.getByText('The holiday country is a two-letter code like BE.')).toBeVisible();
  await expect(options.getByRole('button', { name: 'Save' })).toBeDisabled();
  await options.getByLabel('Public holidays of country').fill('BE');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('Saved.')).toBeVisible();

  // What the engineer sees next: the sidebar on an Odoo ticket and the repair button in Control Center.
  const ticket = await context.newPage();
  await expect(async () => {
    await ticket.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, 'path'));
    await expect(ticket.getByTestId('process-stage')).toHaveText('NEW', { timeout: 3_000 });
  }).toPass({ timeout: 15_000 });
  const controlCenter = await context.newPage();
  await controlCenter.goto(reservationUrl);
  await controlCenter.getByRole('button', { name: 'Repair start status' }).click();
  await expect(controlCenter.getByRole('dialog', { name: 'Repair start status' }).getByTestId('reservation-id')).toHaveText(SEED.brokenReservationId);

  // The token was stored for the background only, and the saved settings are what was typed.
  const worker = await extensionWorker(context);
  const stored = await worker.evaluate(() => chrome.storage.local.get(['settings', 'gitlabToken']));
  expect(stored['gitlabToken']).toBe(gitlab.tokens.valid);
  expect(stored['settings']).toMatchObject({ odooOrigins: [sandbox.odoo.url], gitlab: { host: gitlab.url } });
});

test('export and import round-trip the team configuration without secrets, with a preview', async ({ context, sandbox, extensionId }) => {
  const { gitlab } = sandbox;
  const worker = await extensionWorker(context);
  const teamSettings = { ...sandbox.settings, gitlab: { host: gitlab.url, projects: { bugs: 'tmf/bugs', incidents: 'tmf/incidents', integration: 'tmf/integration' } } };
  await worker.evaluate((value) => chrome.storage.local.set({ settings: value.settings, gitlabToken: value.token }), {
    settings: teamSettings,
    token: gitlab.tokens.valid,
  });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export team configuration' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^support-overlay-team-config-\d{4}-\d\d-\d\d\.json$/);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).not.toContain(gitlab.tokens.valid);
  expect(text).not.toMatch(/token|password|emulators/i);
  expect(JSON.parse(text).settings.gitlab.projects.bugs).toBe('tmf/bugs');

  // A colleague's copy: same file with one stage renamed. The preview lists exactly that before applying.
  const edited = JSON.parse(text);
  edited.settings.stageMapping.done = 'Solved';
  await options.getByLabel('Import team configuration').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  const preview = options.getByRole('region', { name: 'What the import changes' });
  await expect(preview.getByRole('row')).toHaveCount(2); // header + one change
  await expect(preview.getByRole('row', { name: /stageMapping\.done/ })).toContainText(/DONE\s*Solved/);
  await preview.getByRole('button', { name: 'Apply and save' }).click();
  await expect(options.getByText('Applied 1 change from team.json.')).toBeVisible();
  const stored = await worker.evaluate(() => chrome.storage.local.get(['settings', 'gitlabToken']));
  expect(stored['settings']).toMatchObject({ stageMapping: { done: 'Solved' }, gitlab: teamSettings.gitlab, firebase: { emulators: sandbox.settings.firebase.emulators } });
  expect(stored['gitlabToken']).toBe(gitlab.tokens.valid); // the token is untouched by an import
  await expect(options.getByLabel('DONE', { exact: true })).toHaveValue('Solved');

  // A broken file changes nothing and says why.
  edited.settings.odooOrigins = ['odoo.example.com/web'];
  await options.getByLabel('Import team configuration').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  await expect(options.getByRole('alert')).toContainText('Nothing was changed. odooOrigins.0: An Odoo address must be an address like https://odoo.example.com (no path).');
  expect((await worker.evaluate(() => chrome.storage.local.get('settings')))['settings']).toMatchObject({ odooOrigins: teamSettings.odooOrigins });
});
