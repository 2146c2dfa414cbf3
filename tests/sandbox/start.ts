/**
 * `npm start`: builds the sandbox extension, starts the sandbox (Odoo, Control Center, Realtime Database),
 * opens Chromium with the extension loaded and configured for it, and shows each surface. Without a
 * display it runs headless and saves a screenshot of each surface. Keeps serving until interrupted;
 * `npm start -- --once` exits after the screenshots.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSandbox } from './index.ts';
import { SANDBOX_ACCOUNTS, startAuthEmulator } from './auth-emulator.ts';
import { SANDBOX_TICKETS } from './odoo/server.ts';
import { SEED } from './rtdb-seed.ts';
import { configureExtension, extensionWorker, launchChromium, signInToOdoo, storeGitLabToken } from '../tools/extension-browser.ts';

const once = process.argv.includes('--once');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const root = fileURLToPath(new URL('../..', import.meta.url));
const screenshots = `${root}screenshots`;

console.log('Building the sandbox extension…');
execFileSync('npx', ['wxt', 'build', '--mode', 'sandbox'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

console.log('Starting the Firebase Auth emulator…');
const authEmulator = await startAuthEmulator();
const sandbox = await startSandbox({ authEmulator: authEmulator.host, ports: { odoo: Number(process.env.ODOO_PORT ?? 8069), controlCenter: Number(process.env.CONTROL_CENTER_PORT ?? 8070), gitlab: Number(process.env.GITLAB_PORT ?? 8071) } });
const context = await launchChromium({ headless });
await configureExtension(await extensionWorker(context), sandbox.settings);
// The engineer's GitLab token, as the popup would store it (the stand-in's token with scope api).
await storeGitLabToken(await extensionWorker(context), sandbox.gitlab.tokens.valid);
await signInToOdoo(context, sandbox.odoo);
const extensionId = new URL((await extensionWorker(context)).url()).host;

const ticketPage = await context.newPage();
await ticketPage.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, 'path'));
await ticketPage.getByTestId('process-stage').waitFor();

const reservationPage = await context.newPage();
await reservationPage.goto(`${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
await reservationPage.getByRole('button', { name: 'Repair start status' }).waitFor();

const popupPage = await context.newPage();
await popupPage.setViewportSize({ width: 380, height: 520 });
await popupPage.goto(`chrome-extension://${extensionId}/popup.html`);
await popupPage.getByText('Connected').first().waitFor();

mkdirSync(screenshots, { recursive: true });
const shots = {
  sidebar: `${screenshots}/odoo-sidebar.png`,
  repairButton: `${screenshots}/control-center-button.png`,
  popup: `${screenshots}/popup.png`,
};
await ticketPage.screenshot({ path: shots.sidebar });
await reservationPage.screenshot({ path: shots.repairButton });
await popupPage.screenshot({ path: shots.popup });

console.log(`
Support Overlay sandbox is running${headless ? ' (headless: no display)' : ''}.
  Odoo Helpdesk     ${sandbox.odoo.url}  (login admin / admin)
    ticket         ${sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, 'path')}
  Control Center   ${sandbox.controlCenter.url}
    reservation    ${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}
  Realtime DB      ${sandbox.rtdb.url}
  GitLab           ${sandbox.gitlab.url}  (projects tmf/bugs, tmf/incidents, tmf/integration)
  Firebase Auth    ${authEmulator.host}  (sign in from the popup: ${SANDBOX_ACCOUNTS.engineer.email} / ${SANDBOX_ACCOUNTS.engineer.password};
                   read-only: ${SANDBOX_ACCOUNTS.readonly.email} / ${SANDBOX_ACCOUNTS.readonly.password})
Screenshots:
  sidebar          ${shots.sidebar}
  repair button    ${shots.repairButton}
  popup            ${shots.popup}
`);

async function stop() {
  await context.close();
  await sandbox.close();
  await authEmulator.stop();
  process.exit(0);
}

if (once) await stop();
else {
  console.log('Press Ctrl+C to stop.');
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
