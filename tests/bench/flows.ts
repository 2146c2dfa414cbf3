/**
 * The flows of `npm run bench`: requests and time of the main actions driven through the built extension,
 * and the engineer's steps with the extension against the manual procedure of support-process.md.
 */
import { expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { configureExtension, signInToFirebase, storeGitLabToken } from '../tools/extension-browser.ts';
import { SANDBOX_TICKETS } from '../sandbox/odoo/server.ts';
import { SEED } from '../sandbox/rtdb-seed.ts';
import { SANDBOX_ACCOUNTS } from '../sandbox/auth-emulator.ts';

export interface FlowResult {
  /** HTTP requests the flow made to the systems involved (Odoo call_kw, GitLab, database reads/writes). */
  requests: number | null;
  medianMs: number | null;
  stepsWithExtension: number;
  stepsManual: number;
  note?: string;
}

/** Counted honestly from support-process.md (manual) and from the extension's UI (with). */
export const FLOW_STEPS = {
  stageMoveWithEmail: {
    manual: [
      'Open the ticket in Odoo',
      'Look up the process: which stage comes next, which email it sends',
      'Set the priority stars',
      'Work out the deadline in business days (weekends, public holidays)',
      'Assign the ticket',
      'Click the TRIAGE stage in the status bar',
      'Save the form',
    ],
    withExtension: ['Open the ticket in Odoo', 'Pick the stars and the assignee in the sidebar', 'Click "Move to TRIAGE" and confirm the email preview'],
  },
  incidentWorkflow: {
    manual: [
      'Decide bug report or incident from the process text',
      'Open the GitLab incidents project, New issue, type Incident',
      'Copy the title from the ticket',
      'Copy and reformat the description, add the ticket link, customer, priority',
      'Tick confidential, create',
      'Set the severity on the created incident',
      'Search the bugs project for the known bug',
      'Link the incident to the bug (relates to)',
      'Copy the issue link back to Odoo as a log note',
      'Move the ticket to 1st line: incident',
    ],
    withExtension: ['Answer "new bug, known bug, or unclear?" (and pick the bug)', 'Choose the severity', 'Review the prefilled draft and click Create'],
  },
  startStatusRepair: {
    manual: [
      'Copy carId and reservationId from the Control Center URLs',
      'Open the Firebase console, go to /cars/{carId}/status',
      'Export the JSON file to the computer',
      'Go to /reservationDetails/{reservationId}/originalStartStatus and check it is null',
      'Import the JSON file there',
      'Back in Control Center: end the reservation',
      'If the CloudBoxx is offline: change the QNR to mock-{QNR}',
      'End the reservation',
      'Change the QNR back',
    ],
    withExtension: [
      'Click "Repair start status" on the Control Center page',
      'Check the status shown and confirm (the backup file is saved for you)',
      'End the reservation (the step list guides the QNR steps when the box is offline)',
      'If offline: paste mock-{QNR} (copied for you), end, restore the QNR and tick it off (the popup reminds you until then)',
    ],
  },
} as const;

const FLOW_RUNS = Number(process.env.BENCH_FLOW_RUNS ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function repeat(run: () => Promise<{ ms: number; requests: number }>): Promise<{ medianMs: number; requests: number }> {
  const results: { ms: number; requests: number }[] = [];
  for (let i = 0; i < FLOW_RUNS; i++) results.push(await run());
  return { medianMs: Math.round(median(results.map((result) => result.ms))), requests: median(results.map((result) => result.requests)) };
}

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Support Overlay' });

/** 1st line → DONE from the sidebar: the stage check, the write (Odoo sends "closing ticket"), the note, the re-read. */
async function stageMove(context: BrowserContext, sandbox: Sandbox) {
  return repeat(async () => {
    sandbox.odoo.moveTicketAsColleague(SANDBOX_TICKETS.firstLineTicket, '1st line');
    const emailsBefore = sandbox.odoo.sentEmails().length;
    const page = await context.newPage();
    await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.firstLineTicket, 'path'));
    const panel = sidebar(page);
    await expect(panel.getByTestId('process-stage')).toHaveText('1st line');
    await panel.getByRole('button', { name: '→ DONE', exact: true }).click();
    const dialog = panel.getByRole('region', { name: 'Move to DONE' });
    const confirm = dialog.getByRole('button', { name: /^Move to DONE/ });
    await confirm.waitFor();
    const before = sandbox.odoo.rpcLog().length;
    // The form is then reloaded (no unsaved edits): Odoo's own requests after that are not the move's.
    let atReload: number | undefined;
    page.once('framenavigated', () => (atReload = sandbox.odoo.rpcLog().length));
    const started = Date.now();
    await confirm.click();
    await expect(panel.getByTestId('done-message')).toContainText('Moved to DONE.');
    const ms = Date.now() - started;
    const requests = sandbox.odoo.rpcLog().slice(before, atReload).filter((entry) => entry.url.includes('/web/dataset/call_kw')).length;
    if (sandbox.odoo.sentEmails().length !== emailsBefore + 1) throw new Error('The stage move did not send exactly one email.');
    await page.close();
    return { ms, requests };
  });
}

/** Control Center → dialog → backup → transaction, signed in as the sandbox engineer. */
async function startStatusRepair(context: BrowserContext, sandbox: Sandbox, extensionId: string, worker: Worker) {
  await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);

  return repeat(async () => {
    // A new broken reservation each run: the database back to its seed, the extension's record of the last run gone.
    await sandbox.rtdb.reset();
    await worker.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.remove('startStatusRepairs'));
    const page = await context.newPage();
    const before = sandbox.rtdb.requests().length;
    const started = Date.now();
    await page.goto(`${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await page.getByRole('button', { name: 'Repair start status' }).click();
    const dialog = page.getByRole('dialog', { name: 'Repair start status' });
    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await expect(dialog.getByRole('status').first()).toContainText(`Start status written for reservation ${SEED.brokenReservationId}`);
    const ms = Date.now() - started;
    const requests = sandbox.rtdb.requests().length - before;
    await page.close();
    return { ms, requests };
  });
}

/**
 * The incident workflow for an unclear cause, from "Create the incident in GitLab" to "Done": create (with
 * severity), read back, note on the ticket, move to "1st line: incident". A fresh sandbox per run, since
 * the ticket then records its issue (the wizard would rightly warn against a second one).
 */
async function incidentWorkflow(context: BrowserContext, worker: Worker, authEmulator: string | undefined) {
  return repeat(async () => {
    const sandbox = await startSandbox({ authEmulator });
    try {
      await configureExtension(worker, sandbox.settings);
      await storeGitLabToken(worker, sandbox.gitlab.tokens.valid);
      await context.addCookies([{ name: 'session_id', value: await sandbox.odoo.login(), url: sandbox.odoo.url }]);
      const page = await context.newPage();
      await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.firstLineTicket, 'path'));
      const wizard = sidebar(page).getByRole('region', { name: 'Incident → GitLab' });
      await wizard.getByRole('radio', { name: 'High – S2' }).check();
      const create = wizard.getByRole('button', { name: 'Create the incident in GitLab' });
      const before = { gitlab: sandbox.gitlab.requests().length, odoo: sandbox.odoo.rpcLog().length };
      const started = Date.now();
      await create.click();
      await expect(wizard.getByRole('status')).toContainText('Done');
      const ms = Date.now() - started;
      const odooCalls = sandbox.odoo.rpcLog().slice(before.odoo).filter((entry) => entry.url.includes('/web/dataset/call_kw')).length;
      const requests = sandbox.gitlab.requests().length - before.gitlab + odooCalls;
      await page.close();
      return { ms, requests };
    } finally {
      await sandbox.close();
    }
  });
}

export async function measureFlows(sandbox: Sandbox, context: BrowserContext, worker: Worker, authEmulator?: string): Promise<Record<string, FlowResult>> {
  const steps = (name: keyof typeof FLOW_STEPS) => ({
    stepsWithExtension: FLOW_STEPS[name].withExtension.length,
    stepsManual: FLOW_STEPS[name].manual.length,
  });
  // The incident runs last: it points the extension at fresh sandboxes.
  const moved = await stageMove(context, sandbox);
  const repaired = await startStatusRepair(context, sandbox, new URL(worker.url()).host, worker);
  const incident = await incidentWorkflow(context, worker, authEmulator);
  return {
    stageMoveWithEmail: {
      ...moved,
      ...steps('stageMoveWithEmail'),
      note: 'Odoo call_kw of the move (stage check, write, note, re-read); time until "Moved" after the form reload',
    },
    incidentWorkflow: {
      ...incident,
      ...steps('incidentWorkflow'),
      note: 'GitLab requests + Odoo call_kw from the Create click to "Done" (create, read back, note, stage)',
    },
    startStatusRepair: {
      ...repaired,
      ...steps('startStatusRepair'),
      note: 'database requests from opening the page to "Start status written" (backup file included)',
    },
  };
}
