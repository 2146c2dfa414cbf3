// 2nd line → GitLab: a new need in the integration project labelled with the member, a "script to fix"; the ticket stays in 2nd line.
import { test, expect } from './fixtures.ts';
import { SANDBOX_STAGES, SANDBOX_TICKETS } from '../sandbox/odoo/server.ts';
import { openTicket, ticketStage } from './gitlab-helpers.ts';

test.use({ gitlabToken: 'valid' });
const TICKET = SANDBOX_TICKETS.secondLineTicket;

test('a new need for the member and a script to fix, each noted on the ticket, no stage move', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const { sidebar, linked } = await openTicket(page, sandbox, TICKET);
  const panel = sidebar.getByRole('region', { name: '2nd line → GitLab' });
  await expect(sidebar.getByRole('region', { name: 'Incident → GitLab' })).toBeVisible();

  const need = panel.locator('[data-action="need"]');
  await need.getByRole('button', { name: 'File a new need for the member' }).click();
  await expect(need.getByLabel('Title')).toHaveValue('Quote request: a second car for our cooperative');
  const labels = await need.getByLabel('Labels (comma-separated)').inputValue();
  expect(labels).toMatch(/^need, support, \S/);
  await need.getByRole('button', { name: 'File the need in the integration project' }).click();
  await expect(need.getByRole('status')).toContainText('Done: created in GitLab and noted on the ticket.');
  const [filed] = sandbox.gitlab.issues('tmf/integration');
  expect(filed?.labels).toEqual(labels.split(', '));
  expect(filed?.labels[2]).not.toContain(',');

  const script = panel.locator('[data-action="script-to-fix"]');
  await script.getByRole('button', { name: 'Script to fix' }).click();
  await script.getByRole('button', { name: 'Create the “script to fix” issue' }).click();
  await expect(script.getByRole('status')).toContainText('Done');
  expect(sandbox.gitlab.issues('tmf/bugs')[4]).toMatchObject({ title: 'Script to fix: Quote request: a second car for our cooperative', labels: ['script to fix', 'support'] });

  expect(ticketStage(sandbox, TICKET)).toBe(SANDBOX_STAGES.secondLine);
  const notes = sandbox.odoo.messages(TICKET).filter((m) => m.body.includes('GitLab issue:'));
  expect(notes).toHaveLength(2);
  await expect(linked.getByRole('listitem')).toHaveCount(2);

  // Reopening shows what was done, never a second creation.
  await page.reload();
  const again = (await openTicket(page, sandbox, TICKET)).sidebar.getByRole('region', { name: '2nd line → GitLab' });
  await expect(again.locator('[data-action="need"]')).toContainText('tmf/integration#1');
  expect(sandbox.gitlab.issues('tmf/integration')).toHaveLength(1);
});
