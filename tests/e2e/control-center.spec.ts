import { test, expect } from './fixtures.ts';
import { SEED } from '../sandbox/rtdb-seed.ts';

test.describe('Control Center page', () => {
  test('a reservation page shows the repair button with the ids from its URL', async ({ context, sandbox }) => {
    const page = await context.newPage();
    await page.goto(`${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await page.getByRole('button', { name: 'Repair start status' }).click();
    const dialog = page.getByRole('dialog', { name: 'Repair start status' });
    await expect(dialog.getByTestId('reservation-id')).toHaveText(SEED.brokenReservationId);
  });

  test('the button turns into an alert when ending the reservation fails on its start status', async ({ context, sandbox }) => {
    const page = await context.newPage();
    await page.goto(`${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await expect(page.getByRole('button', { name: 'Repair start status' })).toBeVisible();
    await page.getByRole('button', { name: 'End reservation' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not determine the start status of this reservation' })).toBeVisible();
    const dialog = page.getByRole('dialog', { name: 'Repair start status' });
    await expect(dialog).toContainText('This page shows “Could not determine the start status of this reservation”');
  });

  test('no button on a Control Center page without ids, nor on an origin that is not configured', async ({ context, sandbox }) => {
    const page = await context.newPage();
    await page.goto(`${sandbox.controlCenter.url}/`);
    await expect(page.getByRole('link').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Repair start status' })).toHaveCount(0);
    // Same server under another origin (localhost instead of 127.0.0.1): not configured, so nothing runs.
    await page.goto(`${sandbox.controlCenter.url.replace('127.0.0.1', 'localhost')}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await expect(page.getByRole('button', { name: 'End reservation' })).toBeVisible();
    // A negative check needs time to be meaningful: the button shows well within this on configured pages.
    await page.waitForTimeout(1000);
    await expect(page.getByRole('button', { name: 'Repair start status' })).toHaveCount(0);
  });
});
