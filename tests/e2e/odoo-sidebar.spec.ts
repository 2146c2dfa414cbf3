import { test, expect } from './fixtures.ts';
import { SANDBOX_TICKETS } from '../sandbox/odoo/server.ts';

const sidebar = (page: import('@playwright/test').Page) => page.getByRole('complementary', { name: 'Support Overlay' });

for (const style of ['hash', 'path'] as const) {
  test(`a NEW ticket (${style} URL) shows its process stage, actions, email and next stages`, async ({ context, sandbox }) => {
    const page = await context.newPage();
    await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, style));
    const panel = sidebar(page);
    await expect(panel.getByTestId('process-stage')).toHaveText('NEW');
    await expect(panel).toContainText('support email inbox');
    await expect(panel.getByTestId('stage-email')).toContainText('“Ticket created”');
    await expect(panel.getByTestId('deadline')).toHaveText('Deadline: not triaged yet');
    await expect(panel.getByRole('list', { name: 'Next stages' })).toHaveText(/TRIAGE\s*CANCELED/);
  });
}

test('a triaged ticket shows the TRIAGE checklist and its deadline from the stars', async ({ context, sandbox }) => {
  const page = await context.newPage();
  await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.triageTicket, 'path'));
  const panel = sidebar(page);
  await expect(panel.getByTestId('process-stage')).toHaveText('TRIAGE');
  await expect(panel).toContainText('Determine the priority with the Odoo stars');
  await expect(panel.getByTestId('stage-email')).toContainText('Team member is addressing your support request');
  await expect(panel.getByTestId('deadline')).toContainText(/(due in|overdue by)/);
});

test('navigating to another ticket inside Odoo updates the sidebar without a reload', async ({ context, sandbox }) => {
  const page = await context.newPage();
  await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, 'hash'));
  await expect(sidebar(page).getByTestId('process-stage')).toHaveText('NEW');
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same document'));
  await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.triageTicket, 'hash')); // hash change: same document
  await expect(sidebar(page).getByTestId('process-stage')).toHaveText('TRIAGE');
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same document');
});

test('the sidebar follows pushState navigation to the list and back to a ticket', async ({ context, sandbox }) => {
  const page = await context.newPage();
  await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, 'path'));
  await expect(sidebar(page).getByTestId('process-stage')).toHaveText('NEW');
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same document'));
  await page.evaluate((url) => {
    history.pushState({}, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, new URL(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, 'path')).pathname.replace(/\/\d+$/, ''));
  await expect(sidebar(page)).toHaveCount(0);
  await page.evaluate((url) => {
    history.pushState({}, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, new URL(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.triageTicket, 'path')).pathname);
  await expect(sidebar(page).getByTestId('process-stage')).toHaveText('TRIAGE');
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same document');
});

test.describe('OCA helpdesk_mgmt', () => {
  test.use({ sandboxOptions: { odoo: { flavour: 'oca', version: 16 } } });

  test('the sidebar reads the OCA stage model and ticket number', async ({ context, sandbox }) => {
    const page = await context.newPage();
    await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, 'hash'));
    await expect(sidebar(page).getByTestId('process-stage')).toHaveText('NEW');
    await expect(sidebar(page).getByTestId('ticket-ref')).toContainText(/^HT\d+/);
  });
});

test('an unmapped Odoo stage says so and offers the mapping', async ({ context, sandbox, serviceWorker }) => {
  await serviceWorker.evaluate(async () => {
    const chromeApi = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const { settings } = (await chromeApi.storage.local.get('settings')) as { settings: { stageMapping: Record<string, string> } };
    settings.stageMapping.new = 'Inbox';
    await chromeApi.storage.local.set({ settings });
  });
  const page = await context.newPage();
  await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, 'path'));
  await expect(sidebar(page)).toContainText('The Odoo stage “NEW” is not mapped to a stage of the support process');
  await expect(sidebar(page).getByRole('button', { name: 'Map Odoo stages in the settings' })).toBeVisible();
});

test('opened on the ticket list, the sidebar appears once Odoo navigates to a ticket', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const ticketPath = new URL(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.triageTicket, 'path')).pathname;
  await page.goto(`${sandbox.odoo.url}${ticketPath.replace(/\/\d+$/, '')}`);
  await expect(page.locator('.o_list_view, .o_list_renderer, table').first()).toBeVisible();
  await expect(sidebar(page)).toHaveCount(0);
  await page.evaluate((url) => {
    history.pushState({}, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, ticketPath);
  await expect(sidebar(page).getByTestId('process-stage')).toHaveText('TRIAGE');
});

test('an Odoo page without a ticket runs no extension script; a ticket gets exactly one, after its form', async ({ context, sandbox }) => {
  const page = await context.newPage();
  // Each content script runs in an isolated world: the DevTools protocol announces every one created.
  const cdp = await context.newCDPSession(page);
  const isolatedWorlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    if (created.origin.startsWith('chrome-extension://')) isolatedWorlds.push(created.name);
  });
  await cdp.send('Runtime.enable');
  const ticketPath = new URL(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.triageTicket, 'path')).pathname;
  await page.goto(`${sandbox.odoo.url}${ticketPath.replace(/\/\d+$/, '')}`);
  await expect(page.locator('.o_list_view, .o_list_renderer, table').first()).toBeVisible();
  await page.waitForTimeout(1_000); // idle time in which a loader would have run
  expect(isolatedWorlds).toEqual([]);

  await page.evaluate((url) => {
    history.pushState({}, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, ticketPath);
  await expect(sidebar(page).getByTestId('process-stage')).toHaveText('TRIAGE');
  await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.firstLineTicket, 'path')); // a new document
  await expect(sidebar(page).getByTestId('process-stage')).toHaveText('1st line');
  expect(isolatedWorlds).toEqual(['Support Overlay', 'Support Overlay']); // one per document, never two
});
