// 3rd line: a vendor escalation drafted from the ticket, edited, logged on the ticket, the ticket moved to 3rd line without a customer email.
import { test, expect } from './fixtures.ts';
import { SANDBOX_STAGES, SANDBOX_TICKETS } from '../sandbox/odoo/server.ts';
import { openTicket, ticketStage } from './gitlab-helpers.ts';

const TICKET = SANDBOX_TICKETS.secondLineTicket;

test('escalate to Invers: drafted from the ticket, mailed or copied, logged, moved to 3rd line', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const { sidebar } = await openTicket(page, sandbox, TICKET);
  const panel = sidebar.getByRole('region', { name: '3rd line: escalate to a vendor' });
  const message = panel.getByRole('textbox', { name: 'Message', exact: true });
  await expect(message).toHaveValue(/^Hello Invers support,/);
  await expect(message).toHaveValue(/Autodelen Kempen would like to add a second shared car/);
  await expect(panel.getByRole('textbox', { name: 'Subject', exact: true })).toHaveValue('[TMF support 44] Quote request: a second car for our cooperative');
  await panel.getByLabel('Vendor', { exact: true }).fill('Invers GmbH');
  await expect(message).toHaveValue(/^Hello Invers GmbH support,/);
  await panel.getByLabel('Vendor’s support address (optional)').fill('support@invers.example');
  await expect(panel.getByRole('link', { name: 'Write the email' })).toHaveAttribute('href', /^mailto:support%40invers\.example\?subject=%5BTMF%20support%2044%5D/);
  await message.fill(`${await message.inputValue()}\nPS: the cloudboxx firmware is 4.2.`);

  const emails = sandbox.odoo.sentEmails().length;
  await panel.getByRole('button', { name: 'Log it and move to 3rd line' }).click();
  await expect.poll(() => ticketStage(sandbox, TICKET)).toBe(SANDBOX_STAGES.thirdLine);
  // The note is logged right after the stage write: wait for it rather than read the chatter once.
  const note = () => sandbox.odoo.messages(TICKET).find((m) => m.body.includes('escalated to Invers GmbH'))?.body;
  await expect.poll(note).toContain('PS: the cloudboxx firmware is 4.2.');
  expect(sandbox.odoo.sentEmails().length).toBe(emails); // 3rd line sends the customer nothing
});
