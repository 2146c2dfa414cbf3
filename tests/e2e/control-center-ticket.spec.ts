/**
 * The start-status repair linked to its Odoo ticket: from the sidebar's playbook to the Control Center dialog,
 * the audit of the repair and of the undo noted on the ticket (at once, or when the ticket is next opened),
 * and the GitLab incident for the cause, linked on the ticket.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { SEED } from '../sandbox/rtdb-seed.ts';
import { SANDBOX_ACCOUNTS } from '../sandbox/auth-emulator.ts';
import { SANDBOX_TICKETS } from '../sandbox/odoo/server.ts';
import type { Sandbox } from '../sandbox/index.ts';
import { signInToFirebase, signInToOdoo } from '../tools/extension-browser.ts';

const TICKET = SANDBOX_TICKETS.startStatusTicket;
const SUBJECT = 'Could not determine the start status of this reservation';
const BILLING = 'billing needs a manual check';

/** The ticket's notes written by the repair's audit (the sandbox records what Odoo would store). */
function auditNotes(sandbox: Sandbox) {
  return sandbox.odoo.messages(TICKET).filter((message) => message.body.includes(`reservation ${SEED.brokenReservationId}`) && message.body.includes('Support Overlay: start'));
}

/** From the ticket's playbook to the repair dialog of the reservation, in the tab the background opens. */
async function openRepairFromTicket(context: BrowserContext, sandbox: Sandbox, style: 'path' | 'hash' = 'path'): Promise<{ ticket: Page; controlCenter: Page }> {
  const ticket = await context.newPage();
  await ticket.goto(sandbox.odoo.ticketUrl(TICKET, style));
  const playbook = ticket.getByRole('complementary', { name: 'Support Overlay' }).getByRole('region', { name: 'Start status repair' });
  await playbook.getByLabel('Reservation id or its Control Center URL').fill(SEED.brokenReservationId);
  const [controlCenter] = await Promise.all([context.waitForEvent('page'), playbook.getByRole('button', { name: 'Open the repair in Control Center' }).click()]);
  await expect(controlCenter).toHaveURL(`${sandbox.controlCenter.url}/reservations/${SEED.brokenReservationId}`);
  await controlCenter.getByRole('button', { name: 'Repair start status' }).click();
  return { ticket, controlCenter };
}

function repairDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Repair start status' });
}

test.describe('Repair linked to its Odoo ticket', () => {
  test('from the sidebar: the dialog names the ticket, the repair and the undo are each noted on it once', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const { controlCenter } = await openRepairFromTicket(context, sandbox);
    const dialog = repairDialog(controlCenter);
    await expect(dialog.getByTestId('linked-ticket')).toHaveText(`Linked to ticket #${TICKET} – ${SUBJECT}`);

    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await expect(dialog.getByTestId('ticket-note')).toHaveText(`Note posted on ticket #${TICKET}.`);
    const [repairNote] = auditNotes(sandbox);
    expect(auditNotes(sandbox)).toHaveLength(1);
    expect(repairNote?.subtype).toBe('Note');
    for (const fact of [`repaired by ${SANDBOX_ACCOUNTS.engineer.email}`, `Car: ${SEED.carId}`, `Reservation: ${SEED.brokenReservationId}`, `QNR: ${SEED.qnr}`, '48,213 km', BILLING]) {
      expect(repairNote?.body).toContain(fact);
    }

    await dialog.getByRole('button', { name: 'Undo the repair' }).click();
    await expect(dialog.getByText(`Repair undone: the start status of reservation ${SEED.brokenReservationId} is empty again.`, { exact: false })).toBeVisible();
    await expect(dialog.getByTestId('ticket-note')).toHaveText(`Note posted on ticket #${TICKET}.`);
    const notes = auditNotes(sandbox);
    expect(notes).toHaveLength(2);
    expect(notes[1]?.body).toContain(`undone by ${SANDBOX_ACCOUNTS.engineer.email}`);
    expect(notes[1]?.body).toContain(BILLING);
  });

  test('ticket closed: the note waits (popup lists it), and is posted once when the ticket is opened', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const { ticket, controlCenter } = await openRepairFromTicket(context, sandbox);
    await ticket.close();
    const dialog = repairDialog(controlCenter);
    await expect(dialog.getByTestId('linked-ticket')).toHaveText(`Linked to ticket #${TICKET} – ${SUBJECT}`);
    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await expect(dialog.getByTestId('ticket-note')).toHaveText(`The note waits until ticket #${TICKET} is open in Odoo.`);
    expect(auditNotes(sandbox)).toHaveLength(0);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const waiting = popup.getByRole('region', { name: 'Pending work' }).getByRole('listitem', { name: `Note for ticket ${TICKET}` });
    await expect(waiting).toContainText(`Ticket ${TICKET} “${SUBJECT}”: a note (audit of the start-status repair of reservation ${SEED.brokenReservationId}) waits`);

    const reopened = await context.newPage();
    await reopened.goto(sandbox.odoo.ticketUrl(TICKET, 'path'));
    await expect.poll(() => auditNotes(sandbox).length).toBe(1);
    expect(auditNotes(sandbox)[0]?.body).toContain(BILLING);
    await expect(waiting).toHaveCount(0);

    // Opened again: nothing more is posted.
    await reopened.reload();
    await expect(reopened.getByRole('complementary', { name: 'Support Overlay' }).getByTestId('process-stage')).toBeVisible();
    await reopened.waitForTimeout(1000); // a negative check needs time to be meaningful
    expect(auditNotes(sandbox)).toHaveLength(1);
  });

  test('a pasted ticket address: an unconfigured Odoo gets a sentence; a configured one is linked and noted', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const ticket = await context.newPage();
    await ticket.goto(sandbox.odoo.ticketUrl(TICKET, 'path'));
    const page = await context.newPage();
    await page.goto(`${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await page.getByRole('button', { name: 'Repair start status' }).click();
    const dialog = repairDialog(page);
    const address = dialog.getByLabel('Odoo ticket address (the repair’s audit is noted on it)');
    await address.fill('https://odoo.elsewhere.example/odoo/helpdesk/42');
    await dialog.getByRole('button', { name: 'Link the ticket' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      `This ticket is on https://odoo.elsewhere.example, which is not one of the Odoo addresses in the settings (${sandbox.odoo.url}): paste a ticket of your Odoo, or add that address in the settings.`,
    );
    await expect(address).toHaveValue('https://odoo.elsewhere.example/odoo/helpdesk/42');

    await address.fill(sandbox.odoo.ticketUrl(TICKET, 'path'));
    await dialog.getByRole('button', { name: 'Link the ticket' }).click();
    await expect(dialog.getByTestId('linked-ticket')).toHaveText(`Linked to ticket #${TICKET}`);
    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await expect(dialog.getByTestId('ticket-note')).toHaveText(`Note posted on ticket #${TICKET}.`);
    expect(auditNotes(sandbox)).toHaveLength(1);

    // Unlinked: the undo is not noted on the ticket.
    await dialog.getByRole('button', { name: 'Unlink' }).click();
    await expect(address).toBeVisible();
    await dialog.getByRole('button', { name: 'Undo the repair' }).click();
    await expect(dialog.getByText('Repair undone', { exact: false })).toBeVisible();
    await expect(dialog.getByTestId('ticket-note')).toHaveCount(0);
    expect(auditNotes(sandbox)).toHaveLength(1);
  });
});

test.describe('Repair linked to its ticket on Odoo 16 (OCA, hash URL)', () => {
  test.use({ sandboxOptions: { odoo: { flavour: 'oca', version: 16 } } });

  test('the ticket is recognised from its hash address and the note is posted as Odoo 16 HTML', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const { controlCenter } = await openRepairFromTicket(context, sandbox, 'hash');
    const dialog = repairDialog(controlCenter);
    await expect(dialog.getByTestId('linked-ticket')).toHaveText(`Linked to ticket #${TICKET} – ${SUBJECT}`);
    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await expect(dialog.getByTestId('ticket-note')).toHaveText(`Note posted on ticket #${TICKET}.`);
    expect(auditNotes(sandbox)).toHaveLength(1);
    expect(auditNotes(sandbox)[0]?.body).toContain(`<br>Car: ${SEED.carId}<br>Reservation: ${SEED.brokenReservationId}<br>`);
    expect(auditNotes(sandbox)[0]?.body).toContain(BILLING);
  });
});

test('an expired Odoo session: the repair stands, the note stays queued with the sentence, and is posted once signed in again', async ({
  context,
  sandbox,
  extensionId,
}) => {
  await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
  const { ticket, controlCenter } = await openRepairFromTicket(context, sandbox);
  sandbox.odoo.expireSessions();
  const dialog = repairDialog(controlCenter);
  await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
  await expect(dialog.getByTestId('backup-file')).toBeVisible();
  const note = dialog.getByTestId('ticket-note');
  await expect(note).toHaveAttribute('data-state', 'failed');
  await expect(note).toContainText(`The note could not be posted on ticket #${TICKET}: `);
  await expect(note).toContainText('It stays queued and is posted when the ticket is next opened in Odoo.');
  expect(await sandbox.rtdb.getValue(`reservationDetails/${SEED.brokenReservationId}/originalStartStatus`)).not.toBeNull();
  expect(auditNotes(sandbox)).toHaveLength(0);

  await signInToOdoo(context, sandbox.odoo);
  await ticket.goto(sandbox.odoo.ticketUrl(TICKET, 'path'));
  await expect.poll(() => auditNotes(sandbox).length).toBe(1);
});

test.describe('GitLab incident for the cause, from the repair dialog', () => {
  test.use({ gitlabToken: 'valid' });

  test('prefilled from the repair, confidential, created once on a double click, linked on the ticket', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const { ticket, controlCenter } = await openRepairFromTicket(context, sandbox);
    const dialog = repairDialog(controlCenter);
    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await expect(dialog.getByTestId('ticket-note')).toHaveText(`Note posted on ticket #${TICKET}.`);

    await dialog.getByRole('button', { name: 'Open a GitLab incident for the cause' }).click();
    const form = dialog.getByRole('form', { name: 'GitLab incident' });
    await expect(form.getByLabel('Title')).toHaveValue(`CloudBoxx of car ${SEED.carId} did not report the start of reservation ${SEED.brokenReservationId}`);
    await expect(form.getByLabel('Description')).toHaveValue(new RegExp(`\\*\\*Odoo ticket:\\*\\* #${TICKET} `));
    await expect(form.getByLabel('Description')).not.toHaveValue(/Dear|customer wrote/);
    await form.getByLabel('High – S2').check();
    await form.getByRole('button', { name: 'Create the incident in GitLab' }).dblclick();

    const link = dialog.getByTestId('incident-link');
    await expect(link).toHaveText(/^tmf\/incidents#\d+$/);
    const incidents = sandbox.gitlab.issues('tmf/incidents');
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident).toMatchObject({ issueType: 'incident', confidential: true, severity: 'HIGH' });
    expect(incident?.description).toContain(`**Car:** ${SEED.carId}`);
    const webUrl = await link.getAttribute('href');
    expect(webUrl).toMatch(new RegExp(`/tmf/incidents/-/issues/${incident?.iid}$`));

    // The ticket's note carries the marked link the sidebar's "Linked GitLab issues" reads.
    await expect
      .poll(() => sandbox.odoo.messages(TICKET).filter((message) => message.body.includes(`GitLab issue: ${webUrl}`) || message.body.includes(`GitLab issue: <a href="${webUrl}"`)).length)
      .toBe(1);
    await ticket.reload();
    const linked = ticket.getByRole('complementary', { name: 'Support Overlay' }).getByRole('region', { name: 'Linked GitLab issues' });
    await expect(linked.getByRole('link', { name: `tmf/incidents#${incident?.iid}` })).toBeVisible();

    // Asked again (dialog reopened): the one incident, never a second.
    await controlCenter.reload();
    await controlCenter.getByRole('button', { name: 'Repair start status' }).click();
    await repairDialog(controlCenter).getByRole('button', { name: 'Open a GitLab incident for the cause' }).click();
    await expect(repairDialog(controlCenter).getByTestId('incident-link')).toHaveText(`tmf/incidents#${incident?.iid}`);
    expect(sandbox.gitlab.issues('tmf/incidents')).toHaveLength(1);
  });

  test('GitLab refuses the token (403, read-only scope): its sentence, nothing created, the form kept; then it goes through', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const page = await context.newPage();
    await page.goto(`${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await page.getByRole('button', { name: 'Repair start status' }).click();
    const dialog = repairDialog(page);
    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await dialog.getByRole('button', { name: 'Open a GitLab incident for the cause' }).click();
    const form = dialog.getByRole('form', { name: 'GitLab incident' });
    await form.getByLabel('Title').fill('CloudBoxx antenna of car-1234 dead');
    sandbox.gitlab.failNext({ status: 403, method: 'POST' });
    await form.getByRole('button', { name: 'Create the incident in GitLab' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'Your GitLab token can only read (it lacks the api scope): create a new personal access token with scope api in GitLab and paste it in the extension’s popup.',
    );
    expect(sandbox.gitlab.issues('tmf/incidents')).toHaveLength(0);
    await expect(form.getByLabel('Title')).toHaveValue('CloudBoxx antenna of car-1234 dead');

    await form.getByRole('button', { name: 'Create the incident in GitLab' }).click();
    await expect(dialog.getByTestId('incident-link')).toBeVisible();
    expect(sandbox.gitlab.issues('tmf/incidents').map((issue) => issue.title)).toEqual(['CloudBoxx antenna of car-1234 dead']);
  });
});
