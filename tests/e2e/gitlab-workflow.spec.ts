// One resumable workflow: a failure mid-way resumes without a second issue; Odoo steps wait for the ticket's tab.
import { test, expect } from './fixtures.ts';
import { SANDBOX_STAGES } from '../sandbox/odoo/server.ts';
import { TICKET, expectTicketLoggedIn, openTicket, ticketStage } from './gitlab-helpers.ts';

test.use({ gitlabToken: 'valid' });

async function startLinkedIncident(page: import('@playwright/test').Page, sandbox: import('../sandbox/index.ts').Sandbox) {
  const opened = await openTicket(page, sandbox);
  await opened.wizard.getByRole('radio', { name: 'Known bug' }).check();
  await opened.wizard.getByLabel('Words, bug number or bug URL').fill('4');
  await opened.wizard.getByRole('button', { name: 'Find' }).click();
  await expect(opened.wizard.getByRole('list', { name: 'Bugs found' }).getByRole('radio')).toBeChecked();
  await opened.wizard.getByRole('button', { name: 'Create the incident in GitLab' }).click();
  return opened;
}

test('a failure mid-way shows the failed step; reopening and retrying resume without a second issue', async ({ context, sandbox }) => {
  sandbox.gitlab.failNext({ status: 500, path: '/links' });
  const page = await context.newPage();
  const { wizard } = await startLinkedIncident(page, sandbox);
  await expect(wizard.getByRole('alert')).toContainText('Link to the known bug failed: GitLab is not answering properly (error 500)');
  await expect(wizard.locator('[data-step="create"]')).toContainText('✓ Incident tmf/incidents#1 created');
  await expect(wizard.locator('[data-step="note"]')).toHaveAttribute('data-status', 'pending');
  expect(ticketStage(sandbox)).toBe(SANDBOX_STAGES.firstLine);

  // Reopening the ticket shows the same workflow, not a new form.
  await page.reload();
  const again = (await openTicket(page, sandbox)).wizard;
  await expect(again.locator('[data-step="link"]')).toHaveAttribute('data-status', 'failed');
  await expect(again.getByRole('button', { name: 'Create the incident in GitLab' })).toHaveCount(0);
  await again.getByRole('button', { name: 'Retry from the failed step' }).click();
  await expect(again.getByRole('status')).toContainText('Done');

  expect(sandbox.gitlab.issues('tmf/incidents')).toHaveLength(1);
  expect(sandbox.gitlab.links()).toHaveLength(1);
  expect(sandbox.gitlab.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/issues'))).toHaveLength(1);
  await expectTicketLoggedIn(sandbox, `${sandbox.gitlab.url}/tmf/incidents/-/issues/1`);
});

test('Odoo steps wait in the journal while no tab shows the ticket, and run when it is opened', async ({ context, sandbox, extensionId }) => {
  sandbox.gitlab.failNext({ status: 503, path: '/links' });
  const page = await context.newPage();
  const { wizard } = await startLinkedIncident(page, sandbox);
  await expect(wizard.getByRole('alert')).toContainText('error 503');
  await page.close();

  // Later, from the popup's pending work (an extension page): retry with no ticket tab open.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const send = (type: string, payload: unknown) =>
    popup.evaluate(([t, p]) => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
  const retried = (await send('workflows.retry', { ticketId: TICKET })) as { ok: boolean; value: { steps: Array<{ id: string; status: string }> } };
  expect(retried.ok).toBe(true);
  expect(Object.fromEntries(retried.value.steps.map((s) => [s.id, s.status]))).toMatchObject({ create: 'done', link: 'done', note: 'waiting', stage: 'pending' });
  const pending = (await send('workflows.pending', {})) as { ok: boolean; value: Array<{ ticketId: number }> };
  expect(pending.value.map((w) => w.ticketId)).toEqual([TICKET]);
  // The popup lists it as pending work, with the way to resume.
  await popup.reload();
  const item = popup.getByRole('region', { name: 'Pending work' }).getByRole('listitem').filter({ hasText: 'wait for the ticket to be open in Odoo' });
  await expect(item).toContainText('“Note on the ticket”');
  await expect(item.getByRole('link', { name: 'Open the ticket to finish' })).toHaveAttribute("href", new RegExp(`\\b${TICKET}\\b`));
  expect(ticketStage(sandbox)).toBe(SANDBOX_STAGES.firstLine);
  expect(sandbox.odoo.messages(TICKET).some((m) => m.body.includes('GitLab issue:'))).toBe(false);

  // The engineer opens the ticket: the waiting steps run in its tab.
  const ticketPage = await context.newPage();
  const reopened = await openTicket(ticketPage, sandbox);
  await expectTicketLoggedIn(sandbox, `${sandbox.gitlab.url}/tmf/incidents/-/issues/1`);
  await expect(reopened.wizard.getByRole('status')).toContainText('Done');
  expect(((await send('workflows.pending', {})) as { value: unknown[] }).value).toEqual([]);
  expect(sandbox.gitlab.issues('tmf/incidents')).toHaveLength(1);
});

test('linked issues, live: state, severity, assignee; a closed issue is announced with a note to log', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const { wizard } = await openTicket(page, sandbox);
  await wizard.getByRole('radio', { name: 'Critical – S1' }).check();
  await wizard.getByRole('button', { name: 'Create the incident in GitLab' }).click();
  await expect(wizard.getByRole('status')).toContainText('Done');

  // A developer closes the incident in GitLab; the engineer opens the ticket again.
  sandbox.gitlab.setIssueState('tmf/incidents', 1, 'closed');
  const { linked } = await openTicket(page, sandbox);
  const row = linked.locator('[data-issue="tmf/incidents#1"]');
  await expect(row).toContainText('Closed');
  await expect(row).toContainText('Severity: Critical – S1');
  await expect(row).toContainText('Unassigned');
  await expect(row.getByRole('link', { name: 'tmf/incidents#1' })).toHaveAttribute('href', `${sandbox.gitlab.url}/tmf/incidents/-/issues/1`);
  await expect(linked.getByRole('status')).toContainText('tmf/incidents#1 is closed in GitLab: tell the customer.');
  await linked.getByRole('button', { name: 'Log a note' }).click();
  await expect.poll(() => sandbox.odoo.messages(TICKET).some((m) => m.body.includes('tmf/incidents#1 closed in GitLab'))).toBe(true);
});
