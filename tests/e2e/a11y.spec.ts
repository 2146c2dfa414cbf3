/**
 * What users expect of every surface: no serious or critical accessibility violation (axe-core), in light
 * and dark, and keyboard use with visible focus. Surfaces: the popup, the settings page, the Odoo sidebar
 * (in its shadow root) and the Control Center repair dialog, before and after a repair.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { SANDBOX_TICKETS } from '../sandbox/odoo/server.ts';
import { SEED } from '../sandbox/rtdb-seed.ts';
import { SANDBOX_ACCOUNTS } from '../sandbox/auth-emulator.ts';
import { signInToFirebase } from '../tools/extension-browser.ts';

/** Serious and critical violations, as "rule: target" lines (readable when the test fails). */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations, passes } = await builder.analyze();
  // A scope that matched nothing would pass vacuously: the surface must have been checked.
  expect(passes.length).toBeGreaterThan(0);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme, gitlabToken: 'expiringSoon' });

    test('popup', async ({ context, extensionId }) => {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await expect(popup.getByRole('listitem', { name: 'GitLab' })).toContainText('expires on');
      expect(await seriousViolations(popup)).toEqual([]);
    });

    test('settings page, with test results and a field in error', async ({ context, extensionId }) => {
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.getByRole('button', { name: 'Test GitLab token and projects' }).click();
      await expect(options.locator('#gitlab-check')).toContainText('The token belongs to @mitchell.admin');
      await options.getByLabel('Public holidays of country').fill('Belgium');
      await expect(options.getByText('The holiday country is a two-letter code like BE.')).toBeVisible();
      expect(await seriousViolations(options)).toEqual([]);
    });

    test('Odoo sidebar', async ({ context, sandbox }) => {
      const ticket = await context.newPage();
      await ticket.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.newTicket, 'path'));
      await expect(ticket.getByTestId('process-stage')).toHaveText('NEW');
      expect(await seriousViolations(ticket, 'support-overlay-sidebar')).toEqual([]);
    });

    test('Control Center repair dialog', async ({ context, sandbox }) => {
      const page = await context.newPage();
      await page.goto(`${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
      await page.getByRole('button', { name: 'Repair start status' }).click();
      await expect(page.getByRole('dialog', { name: 'Repair start status' })).toBeVisible();
      expect(await seriousViolations(page, 'support-overlay-repair')).toEqual([]);
    });

    test('Control Center dialog after a repair: linked ticket, steps, the incident form', async ({ context, sandbox, extensionId }) => {
      await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
      const page = await context.newPage();
      await page.goto(`${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
      await page.getByRole('button', { name: 'Repair start status' }).click();
      const dialog = page.getByRole('dialog', { name: 'Repair start status' });
      await dialog.getByLabel('Odoo ticket address (the repair’s audit is noted on it)').fill(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.startStatusTicket, 'path'));
      await dialog.getByRole('button', { name: 'Link the ticket' }).click();
      await expect(dialog.getByTestId('linked-ticket')).toContainText(`ticket #${SANDBOX_TICKETS.startStatusTicket}`);
      await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
      await dialog.getByRole('button', { name: 'Open a GitLab incident for the cause' }).click();
      await expect(dialog.getByRole('form', { name: 'GitLab incident' })).toBeVisible();
      expect(await seriousViolations(page, 'support-overlay-repair')).toEqual([]);
    });
  });
}

test.describe('keyboard', () => {
  test.use({ gitlabToken: 'valid' });

  test('the popup is usable from the keyboard, focus visible', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('listitem', { name: 'GitLab' })).toContainText('Connected');
    await popup.keyboard.press('Tab');
    const checkAgain = popup.getByRole('button', { name: 'Check again' });
    await expect(checkAgain).toBeFocused();
    expect(await checkAgain.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('listitem', { name: 'GitLab' })).toContainText('Connected');
    await popup.keyboard.press('Tab');
    await expect(popup.getByRole('link', { name: 'Odoo helpdesk' })).toBeFocused();
  });

  test('the settings page: tab through a field to its test button, run it with Enter', async ({ context, extensionId }) => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('Integration needs project').focus();
    await options.keyboard.press('Tab');
    const test = options.getByRole('button', { name: 'Test GitLab token and projects' });
    await expect(test).toBeFocused();
    expect(await test.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');
    await options.keyboard.press('Enter');
    await expect(options.locator('#gitlab-check')).toContainText('The token belongs to @mitchell.admin');
  });

  test('the Control Center repair dialog opens from the keyboard and Escape closes it, focus back on the button', async ({ context, sandbox }) => {
    const page = await context.newPage();
    await page.goto(`${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    const button = page.getByRole('button', { name: 'Repair start status' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Repair start status' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();
  });
});
