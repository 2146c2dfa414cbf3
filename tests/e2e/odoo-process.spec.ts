// The support process from the Odoo sidebar, end to end against the Odoo stand-in: stage moves with the
// email preview, TRIAGE's stars and assignee, the 2nd line's To-Do and offer, the audit notes, a
// colleague's concurrent move, and the team setup check. Both helpdesks, both URL styles.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { SANDBOX_COLLEAGUES, SANDBOX_TICKETS, type OdooSandbox } from '../sandbox/odoo/server.ts';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Support Overlay' });
const odooStage = (page: Page) => page.locator('.o_field_statusbar[name="stage_id"] .o_arrow_button_current');
const auditNotes = (odoo: OdooSandbox, id: number) =>
  odoo.messages(id).filter((m) => m.subtype === 'Note' && m.body.includes('Support Overlay:')).map((m) => m.body);

/** Clicks the move button, checks the preview, confirms; returns once the sidebar shows the new stage. */
async function move(page: Page, to: string, check?: (dialog: ReturnType<Page['locator']>) => Promise<void>) {
  const panel = sidebar(page);
  await panel.getByRole('button', { name: `→ ${to}`, exact: true }).click();
  const dialog = panel.getByRole('region', { name: `Move to ${to}` });
  if (check) await check(dialog);
  await dialog.getByRole('button', { name: new RegExp(`^Move to ${to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  await expect(panel.getByTestId('done-message')).toContainText(`Moved to ${to}.`);
  await expect(panel.getByTestId('process-stage')).toHaveText(to);
  await expect(odooStage(page)).toHaveText(to); // Odoo's own form shows it too (reloaded)
}

const FLAVOURS = [
  { flavour: 'enterprise', version: 17, style: 'hash', ref: '42', origin: '#42' },
  { flavour: 'enterprise', version: 16, style: 'hash', ref: '42', origin: '#42' },
  { flavour: 'enterprise', version: 18, style: 'path', ref: '42', origin: '#42' },
  { flavour: 'enterprise', version: 19, style: 'path', ref: '42', origin: '#42' },
  { flavour: 'oca', version: 16, style: 'hash', ref: 'HT00042', origin: 'HT00042' },
  { flavour: 'oca', version: 17, style: 'path', ref: 'HT00042', origin: 'HT00042' },
] as const;

for (const { flavour, version, style, ref, origin } of FLAVOURS) {
  test.describe(`${flavour} helpdesk, Odoo ${version}, ${style} URL`, () => {
    test.use({ sandboxOptions: { odoo: { flavour, version } } });

    test('NEW → TRIAGE (stars + assignee) → 1st line → 2nd line (To-Do, offer) → DONE', async ({ context, sandbox }) => {
      const odoo = sandbox.odoo;
      const id = SANDBOX_TICKETS.newTicket;
      const emailsBefore = odoo.sentEmails().length;
      const page = await context.newPage();
      await page.goto(odoo.ticketUrl(id, style));
      const panel = sidebar(page);
      await expect(panel.getByTestId('process-stage')).toHaveText('NEW');

      await move(page, 'TRIAGE', async (dialog) => {
        await expect(dialog.getByTestId('email-to')).toHaveText('an.claes@mail.example');
        await expect(dialog.getByTestId('email-subject')).toHaveText(`Could not determine the start status of this reservation [${ref}] - a team member is on it`);
        await expect(dialog.getByRole('button', { name: /^Move to TRIAGE/ })).toBeDisabled(); // stars and assignee first
        await dialog.getByRole('radio', { name: /2 stars: within 1 business day/ }).check();
        await expect(dialog.getByTestId('triage-deadline')).toContainText(/Deadline: (due in|overdue by) \d+/);
        await dialog.getByLabel('Assigned to').selectOption({ label: SANDBOX_COLLEAGUES.sofie.name });
        await expect(dialog.getByTestId('email-body')).toContainText('Sofie Peeters is now addressing your request');
      });
      expect(odoo.ticket(id)).toMatchObject({ priority: '2', user_id: SANDBOX_COLLEAGUES.sofie.uid });
      await expect(page.locator('.o_field_widget[name="user_id"] input')).toHaveValue('Sofie Peeters');

      await move(page, '1st line', async (dialog) => {
        await expect(dialog.getByTestId('email-preview')).toHaveText('This move sends no email to the customer.');
      });
      await move(page, '2nd line');

      // 2nd line: a To-Do for Jonas, shown afterwards in the sidebar.
      const todo = panel.getByRole('region', { name: 'Ask a colleague (To-Do)' });
      await todo.getByLabel('Colleague').selectOption({ label: SANDBOX_COLLEAGUES.jonas.name });
      await todo.getByLabel('Summary').fill('Check the cloudboxx logbook');
      await todo.getByLabel('Note').fill('Was it offline at the start?');
      await todo.getByLabel('Due').fill('2030-01-31');
      await todo.getByRole('button', { name: 'Create To-Do' }).click();
      await expect(panel.getByTestId('done-message')).toContainText('To-Do “Check the cloudboxx logbook” created for Jonas Maes, due 2030-01-31.');
      await expect(panel.getByRole('region', { name: 'Ask a colleague (To-Do)' }).getByTestId('todos')).toContainText('Check the cloudboxx logbook for Jonas Maes, due 2030-01-31');
      expect(odoo.activities(id)).toEqual([expect.objectContaining({ summary: 'Check the cloudboxx logbook', userId: SANDBOX_COLLEAGUES.jonas.uid, activityType: 'To Do', dateDeadline: '2030-01-31' })]);

      // 2nd line: a draft offer, opened in Odoo.
      const opened = context.waitForEvent('page');
      await panel.getByRole('button', { name: /^Create offer/ }).click();
      const offerTab = await opened;
      await expect(panel.getByTestId('done-message')).toContainText(/Draft quotation S\d+ created for Deelwagen Gent cv, An Claes and opened in a new tab\./);
      const [offer] = odoo.saleOrders().filter((o) => o.origin === origin);
      expect(offer).toMatchObject({ partnerId: 23, state: 'draft' });
      expect(offerTab.url()).toContain(version >= 18 ? `/odoo/sale.order/${offer?.id}` : `id=${offer?.id}&model=sale.order`);

      await move(page, 'DONE', async (dialog) => {
        await expect(dialog.getByTestId('email-subject')).toHaveText(`Could not determine the start status of this reservation [${ref}] - your ticket is closed`);
      });

      const sent = odoo.sentEmails().slice(emailsBefore).filter((m) => m.ticketId === id);
      expect(sent.map((m) => [m.template, m.to])).toEqual([
        ['Team member is addressing your support request', expect.stringContaining('an.claes@mail.example')],
        ['closing ticket', expect.stringContaining('an.claes@mail.example')],
      ]);
      const notes = auditNotes(odoo, id);
      expect(notes).toHaveLength(6);
      expect(notes[0]).toContain('moved the ticket from NEW to TRIAGE; set the priority to 2 stars (within 1 business day); assigned it to Sofie Peeters.');
      expect(notes[1]).toContain('moved the ticket from TRIAGE to 1st line. No email goes to the customer.');
      expect(notes[3]).toContain('asked Jonas Maes for help with a To-Do “Check the cloudboxx logbook”, due 2030-01-31.');
      expect(notes[4]).toMatch(new RegExp(`created the draft quotation S\\d+ for Deelwagen Gent cv, An Claes \\(origin ${origin}\\)\\.`));
      expect(notes[5]).toContain('moved the ticket from 2nd line to DONE.');
      expect(odoo.messages(id).filter((m) => m.body.includes('Support Overlay:')).every((m) => m.subtype === 'Note')).toBe(true);
      // Every write carries the company context the web client would send.
      const writes = odoo.rpcLog().filter((e) => e.model === 'helpdesk.ticket' && e.method === 'write');
      expect(writes.length).toBeGreaterThanOrEqual(4);
      expect(writes.every((e) => JSON.stringify(e.context?.['allowed_company_ids']) === '[1]')).toBe(true);
    });

    test('a colleague moving the ticket meanwhile is caught: nothing written, no second email', async ({ context, sandbox }) => {
      const odoo = sandbox.odoo;
      const id = SANDBOX_TICKETS.newTicket;
      const page = await context.newPage();
      await page.goto(odoo.ticketUrl(id, style));
      const panel = sidebar(page);
      await panel.getByRole('button', { name: '→ CANCELED', exact: true }).click();
      const dialog = panel.getByRole('region', { name: 'Move to CANCELED' });
      await expect(dialog.getByTestId('email-preview')).toHaveText('This move sends no email to the customer.');
      odoo.moveTicketAsColleague(id, 'TRIAGE');
      const emails = odoo.sentEmails().length;
      await dialog.getByRole('button', { name: 'Move to CANCELED' }).click();
      await expect(panel.getByTestId('move-notice')).toContainText('While you were looking, Sofie Peeters changed the ticket: it is now in TRIAGE, not NEW. Nothing was changed and no email was sent.');
      expect(odoo.ticket(id)?.['stage_id']).toBe(2);
      expect(odoo.sentEmails().length).toBe(emails);
      expect(auditNotes(odoo, id)).toEqual([]);
      await panel.getByRole('button', { name: 'Show the ticket as it is now' }).click();
      await expect(panel.getByTestId('process-stage')).toHaveText('TRIAGE');
      await expect(odooStage(page)).toHaveText('TRIAGE');
    });

    test('a triaged ticket gets new stars and a new assignee without moving', async ({ context, sandbox }) => {
      const odoo = sandbox.odoo;
      const id = SANDBOX_TICKETS.triageTicket;
      const page = await context.newPage();
      await page.goto(odoo.ticketUrl(id, style));
      const triage = sidebar(page).getByRole('region', { name: 'Priority and assignee' });
      await expect(triage.getByTestId('triage-summary')).toHaveText('★★ 2 stars: within 1 business day · assigned to Sofie Peeters');
      await triage.getByRole('button', { name: 'Change priority or assignee' }).click();
      await triage.getByRole('radio', { name: /3 stars: immediate attention/ }).check();
      await triage.getByRole('button', { name: 'Assign to me' }).click();
      await triage.getByRole('button', { name: 'Save priority and assignee' }).click();
      await expect(sidebar(page).getByTestId('done-message')).toHaveText('Saved: priority 3 stars, assigned to Mitchell Admin.');
      expect(odoo.ticket(id)).toMatchObject({ priority: '3', user_id: 2, stage_id: 2 });
      expect(auditNotes(odoo, id)).toEqual([expect.stringContaining('set the priority to 3 stars (immediate attention); assigned it to Mitchell Admin.')]);
      await expect(page.locator('.o_priority .o_priority_star.fa-star')).toHaveCount(3);
    });

    test('the process check lists what team Partners does differently, with the fix', async ({ context, sandbox }) => {
      const page = await context.newPage();
      await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.partnersTeamTicket, style));
      const check = sidebar(page).getByTestId('process-check');
      await expect(check).toContainText("The team Partners's Odoo setup differs from the process in 3 points.");
      await expect(check.locator('li[data-kind="missing-stage"]')).toContainText('The team Partners has no stage “2nd line”');
      await expect(check.locator('li[data-kind="wrong-email"]')).toContainText('“DONE” sends “Ticket created”; the process sends “closing ticket”. Fix: In Helpdesk › Configuration › Stages, set the email template of “DONE” to “closing ticket”.');
      await expect(check.locator('li[data-kind="canceled-emails"]')).toContainText('“CANCELED” would email the customer “closing ticket”');
    });
  });
}
