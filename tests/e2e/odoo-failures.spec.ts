// What the Odoo sidebar does when things go wrong: a sentence, nothing changed, what was typed kept.
// Also: unsaved edits in Odoo's form are never thrown away, and customer text never runs as HTML.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { SANDBOX_STAGES, SANDBOX_TICKETS, SANDBOX_XSS_MARKER } from '../sandbox/odoo/server.ts';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Support Overlay' });
const odooStage = (page: Page) => page.locator('.o_field_statusbar[name="stage_id"] .o_arrow_button_current');

/** Opens the NEW ticket and prepares a move to CANCELED (no email), up to the confirm button. */
async function prepareCancel(page: Page, url: string) {
  await page.goto(url);
  const panel = sidebar(page);
  await expect(panel.getByTestId('process-stage')).toHaveText('NEW');
  await panel.getByRole('button', { name: '→ CANCELED', exact: true }).click();
  return panel.getByRole('region', { name: 'Move to CANCELED' });
}

test('an expired Odoo session: a sentence, a reload offer, nothing moved', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const dialog = await prepareCancel(page, sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket));
  sandbox.odoo.expireSessions();
  await dialog.getByRole('button', { name: 'Move to CANCELED' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Your Odoo session has expired. Reload the page and sign in again; nothing was changed.');
  await expect(dialog.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  expect(sandbox.odoo.ticket(SANDBOX_TICKETS.newTicket)?.['stage_id']).toBe(SANDBOX_STAGES.new);
});

test('an access error: Odoo\'s sentence without its traceback, nothing moved', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const dialog = await prepareCancel(page, sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket));
  sandbox.odoo.denyAccess('helpdesk.ticket', 'write');
  await dialog.getByRole('button', { name: 'Move to CANCELED' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText("Odoo refused: your account may not do this on this record; ask an Odoo administrator for access (Odoo said: You are not allowed to modify 'Helpdesk Ticket' (helpdesk.ticket) records.)");
  await expect(alert).not.toContainText('Traceback');
  await expect(alert).not.toContainText('.py');
  expect(sandbox.odoo.ticket(SANDBOX_TICKETS.newTicket)?.['stage_id']).toBe(SANDBOX_STAGES.new);
  expect(sandbox.odoo.messages(SANDBOX_TICKETS.newTicket).filter((m) => m.body.includes('Support Overlay:'))).toEqual([]);
});

test('a ticket deleted meanwhile: said so, no email', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const dialog = await prepareCancel(page, sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket));
  const emails = sandbox.odoo.sentEmails().length;
  sandbox.odoo.deleteTicket(SANDBOX_TICKETS.newTicket);
  await dialog.getByRole('button', { name: 'Move to CANCELED' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This ticket no longer exists in Odoo (deleted meanwhile?).');
  expect(sandbox.odoo.sentEmails().length).toBe(emails);
});

test('a stage the ticket\'s team does not have: said so, nothing written', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const id = SANDBOX_TICKETS.partnersTeamTicket;
  await page.goto(sandbox.odoo.ticketUrl(id));
  const panel = sidebar(page);
  await expect(panel.getByTestId('process-stage')).toHaveText('NEW');
  const calls = sandbox.odoo.rpcLog().filter((e) => e.method === 'write').length;
  await panel.getByRole('button', { name: 'Other stage…' }).click();
  await panel.getByLabel('Outside the process:').selectOption({ label: '2nd line' });
  await expect(panel.getByTestId('move-notice')).toHaveText(
    'The team Partners has no Odoo stage “2nd line” for 2nd line, so the ticket cannot move there. Nothing was changed; the team setup check below says how to fix it.',
  );
  expect(sandbox.odoo.rpcLog().filter((e) => e.method === 'write').length).toBe(calls);
  expect(sandbox.odoo.ticket(id)?.['stage_id']).toBe(SANDBOX_STAGES.new);
});

test('the network down while logging a note: a sentence, the typed note kept, a retry works', async ({ context, sandbox }) => {
  const page = await context.newPage();
  await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket));
  const notes = sidebar(page).getByRole('region', { name: 'Log a note' });
  await notes.getByLabel('Internal note').fill('Called An: the car is parked at Dampoort.');
  await context.setOffline(true); // the network is down for the browser, extension included
  await notes.getByRole('button', { name: 'Log note' }).click();
  await expect(notes.getByRole('alert')).toHaveText('Odoo could not be reached (network down?). Nothing was changed; try again.');
  await expect(notes.getByLabel('Internal note')).toHaveValue('Called An: the car is parked at Dampoort.');
  expect(sandbox.odoo.messages(SANDBOX_TICKETS.newTicket).filter((m) => m.body.includes('the car is parked at Dampoort'))).toEqual([]);
  await context.setOffline(false);
  await notes.getByRole('button', { name: 'Log note' }).click();
  await expect(sidebar(page).getByTestId('done-message')).toHaveText('Note logged on the ticket (internal, not emailed).');
  const logged = sandbox.odoo.messages(SANDBOX_TICKETS.newTicket).filter((m) => m.body.includes('Called An: the car is parked at Dampoort.'));
  expect(logged.map((m) => [m.subtype, m.messageType])).toEqual([['Note', 'comment']]);
});

test('unsaved edits in Odoo\'s form are kept: the sidebar asks before reloading', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const dialog = await prepareCancel(page, sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, 'path'));
  const customerName = page.locator('.o_field_widget[name="partner_name"] input');
  await customerName.fill('An Claes-Peeters');
  const callKw = () => sandbox.odoo.rpcLog().filter((e) => e.url.includes('/web/dataset/call_kw')).length;
  const before = callKw();
  await dialog.getByRole('button', { name: 'Move to CANCELED' }).click();
  const done = sidebar(page).getByTestId('done-message');
  await expect(done).toContainText("Moved to CANCELED. No email was sent to the customer. Odoo's form has unsaved edits");
  expect(callKw() - before).toBeLessThanOrEqual(4); // stage check, write, audit note, re-read
  await expect(sidebar(page).getByTestId('process-stage')).toHaveText('CANCELED');
  await expect(customerName).toHaveValue('An Claes-Peeters'); // not reloaded
  await expect(odooStage(page)).toHaveText('NEW');
  expect(sandbox.odoo.ticket(SANDBOX_TICKETS.newTicket)?.['stage_id']).toBe(SANDBOX_STAGES.canceled);
  await done.getByRole('button', { name: 'Reload the page now' }).click();
  await expect(odooStage(page)).toHaveText('CANCELED');
  await expect(sidebar(page).getByTestId('done-message')).toHaveText('Moved to CANCELED. No email was sent to the customer.');
});

test('the <script>/<img onerror> ticket is shown and previewed as text, never run', async ({ context, sandbox }) => {
  const page = await context.newPage();
  await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.unsafeHtmlTicket));
  const panel = sidebar(page);
  await expect(panel.getByTestId('ticket-ref')).toContainText(`Key box does not open <img src=x onerror="window.${SANDBOX_XSS_MARKER} = 1">`);
  await panel.getByRole('button', { name: 'Other stage…' }).click();
  await panel.getByLabel('Outside the process:').selectOption({ label: 'DONE' });
  const dialog = panel.getByRole('region', { name: 'Move to DONE' });
  await expect(dialog).toContainText('Moving from TRIAGE to DONE is outside the support process (TRIAGE leads to 1st line or CANCELED). Move anyway?');
  await expect(dialog.getByTestId('email-subject')).toHaveText(`Key box does not open <img src=x onerror="window.${SANDBOX_XSS_MARKER} = 1"> [45] - your ticket is closed`);
  await expect(dialog.getByTestId('email-body')).toContainText(`We consider your request "Key box does not open <img src=x onerror="window.${SANDBOX_XSS_MARKER} = 1">" (45) resolved`);
  await dialog.getByRole('button', { name: 'Move anyway to DONE and email the customer' }).click();
  await expect(panel.getByTestId('done-message')).toContainText('Moved to DONE. Odoo emailed els.vermeulen@mail.example “Key box does not open <img src=x');
  expect(await page.locator('support-overlay-sidebar').locator('img, script').count()).toBe(0);
  expect(await page.evaluate((marker) => (window as unknown as Record<string, unknown>)[marker], SANDBOX_XSS_MARKER)).toBeUndefined();
  expect(sandbox.odoo.sentEmails().filter((m) => m.ticketId === SANDBOX_TICKETS.unsafeHtmlTicket).map((m) => m.template)).toEqual(['closing ticket']);
});

test.describe('without the Sales app', () => {
  test.use({ sandboxOptions: { odoo: { salesInstalled: false } } });

  test('the offer button says so instead of failing', async ({ context, sandbox }) => {
    const page = await context.newPage();
    await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.secondLineTicket));
    const offer = sidebar(page).getByRole('region', { name: 'Create an offer' });
    await expect(offer.getByRole('button', { name: 'Create offer: the Sales app is not installed in this Odoo' })).toBeDisabled();
  });
});
