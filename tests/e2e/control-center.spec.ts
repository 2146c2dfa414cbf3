import { test, expect } from './fixtures.ts';
import { SEED } from '../sandbox/rtdb-seed.ts';
import { SANDBOX_TICKETS } from '../sandbox/odoo/server.ts';

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

test('a ticket that mentions the start-status error offers the playbook and opens the repair in Control Center', async ({ context, sandbox }) => {
  const page = await context.newPage();
  await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.startStatusTicket, 'path'));
  const playbook = page.getByRole('complementary', { name: 'Support Overlay' }).getByRole('region', { name: 'Start status repair' });
  await expect(playbook).toContainText('This ticket mentions “Could not determine the start status of this reservation”');
  await expect(playbook.getByRole('button', { name: 'Open the repair in Control Center' })).toBeDisabled();
  await playbook.getByLabel('Reservation id or its Control Center URL').fill('not/an id');
  await expect(playbook.getByRole('alert')).toHaveText('That is not a reservation id or a Control Center reservation URL.');
  await playbook.getByLabel('Reservation id or its Control Center URL').fill(SEED.brokenReservationId);
  const [controlCenter] = await Promise.all([
    context.waitForEvent('page'),
    playbook.getByRole('button', { name: 'Open the repair in Control Center' }).click(),
  ]);
  await expect(controlCenter).toHaveURL(`${sandbox.controlCenter.url}/reservations/${SEED.brokenReservationId}`);
  await expect(controlCenter.getByRole('button', { name: 'Repair start status' })).toBeVisible();
});

test('tickets that do not mention the error get no playbook', async ({ context, sandbox }) => {
  const page = await context.newPage();
  await page.goto(sandbox.odoo.ticketUrl(SANDBOX_TICKETS.triageTicket, 'path'));
  const panel = page.getByRole('complementary', { name: 'Support Overlay' });
  await expect(panel.getByTestId('process-stage')).toHaveText('TRIAGE');
  await expect(panel.getByRole('region', { name: 'Start status repair' })).toHaveCount(0);
});
