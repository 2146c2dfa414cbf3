import { test, expect } from './fixtures.ts';
import { SANDBOX_TICKETS } from '../sandbox/odoo/server.ts';

test('the popup shows who you are on Odoo and the state of GitLab and Firebase', async ({ context, sandbox, extensionId }) => {
  const ticket = await context.newPage();
  await ticket.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, 'path'));
  await expect(ticket.getByTestId('process-stage')).toHaveText('NEW');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Support Overlay' })).toBeVisible();
  const odoo = popup.getByRole('listitem', { name: 'Odoo' });
  await expect(odoo).toContainText('Connected');
  await expect(odoo).toContainText('Mitchell Admin');
  await expect(popup.getByRole('listitem', { name: 'GitLab' })).toContainText('Add your GitLab personal access token');
  await expect(popup.getByRole('listitem', { name: 'Firebase' })).toContainText('Not signed in to Firebase');
});

test('without an Odoo tab the popup says how to check the Odoo session', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('listitem', { name: 'Odoo' })).toContainText('Open Odoo in a tab to check your Odoo session.');
});
