/**
 * The start-status repair end to end: Control Center stand-in page → dialog → background (Firebase web SDK
 * signed in through the Auth emulator) → sandbox Realtime Database, with the backup file on disk.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { SEED } from '../sandbox/rtdb-seed.ts';
import { SANDBOX_ACCOUNTS } from '../sandbox/auth-emulator.ts';
import { configureExtension, extensionWorker, launchChromium, signInToFirebase } from '../tools/extension-browser.ts';

declare const chrome: {
  downloads: { search(query: object): Promise<{ filename: string; state: string }[]> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: object): Promise<string> };
  runtime: { reload(): void };
};

const startStatus = (reservationId: string) => `reservationDetails/${reservationId}/originalStartStatus`;

async function openRepair(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Repair start status' }).click();
  return page.getByRole('dialog', { name: 'Repair start status' });
}

/** The backup files the extension saved, with their content, as on disk. */
async function backups(worker: Worker): Promise<{ path: string; content: unknown }[]> {
  // Playwright saves downloads under generated names in its artifacts folder; the item says where.
  const items = await worker.evaluate(() => chrome.downloads.search({}));
  return items.filter((item) => item.state === 'complete').map((item) => ({ path: item.filename, content: JSON.parse(readFileSync(item.filename, 'utf8')) as unknown }));
}

test.describe('Start-status repair from Control Center', () => {
  test('from the page’s error to a repaired reservation that then ends, with the backup file and the audit', async ({
    context,
    sandbox,
    extensionId,
    serviceWorker,
  }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const page = await context.newPage();
    await page.goto(`${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await page.getByRole('button', { name: 'End reservation' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not determine the start status of this reservation' })).toBeVisible();

    // The known error opens the repair for this reservation; the car comes from the reservation's own data.
    const dialog = page.getByRole('dialog', { name: 'Repair start status' });
    await expect(dialog.getByTestId('car-id')).toHaveText(`${SEED.carId} (from the reservation’s data), QNR ${SEED.qnr}`);
    await expect(dialog.getByTestId('reservation-id')).toHaveText(SEED.brokenReservationId);
    const preview = dialog.getByRole('definition').filter({ hasText: 'km' });
    await expect(preview).toHaveText('48,213 km');
    await expect(dialog).toContainText(/The CloudBoxx’s last report \d+ (h|days) ago/);
    await expect(dialog.getByRole('note')).toHaveText(
      'Trip info and billing for this reservation will not be correct after this repair: billing needs a manual check.',
    );
    expect(await sandbox.rtdb.getValue(startStatus(SEED.brokenReservationId))).toBeNull();

    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await expect(dialog.getByRole('status').first()).toContainText(`Start status written for reservation ${SEED.brokenReservationId}`);

    const carStatus = await sandbox.rtdb.getValue(`cars/${SEED.carId}/status`);
    expect(await sandbox.rtdb.getValue(startStatus(SEED.brokenReservationId))).toEqual(carStatus);
    const files = await backups(serviceWorker);
    expect(files).toHaveLength(1);
    expect(files[0]?.content).toEqual(carStatus);
    const shownName = await dialog.getByTestId('backup-file').textContent();
    expect(shownName).toMatch(new RegExp(`^start-status-backup_${SEED.carId}_${SEED.brokenReservationId}_\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.json$`));

    // Ending the reservation in Control Center now works.
    await page.getByRole('button', { name: 'End reservation' }).click();
    await expect(page.locator('#reservation-status')).toHaveText('Ended');
    expect(sandbox.controlCenter.endedReservations()).toEqual([SEED.brokenReservationId]);

    await dialog.getByRole('button', { name: 'The reservation has ended' }).click();
    await expect(dialog.getByText('Marked ended.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Undo the repair' })).toHaveCount(0);

    const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('startStatusAudit'));
    expect(stored.startStatusAudit).toEqual([
      expect.objectContaining({
        action: 'repair',
        by: SANDBOX_ACCOUNTS.engineer.email,
        carId: SEED.carId,
        reservationId: SEED.brokenReservationId,
        value: carStatus,
        note: expect.stringContaining('billing needs a manual check'),
      }),
    ]);
  });

  test('undo puts the start status back to null, and ending fails again', async ({ context, sandbox, extensionId, serviceWorker }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const page = await context.newPage();
    // Both ids in the address (the stand-in shows the reservation page; the car id comes from the query).
    const dialog = await openRepair(page, `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}?carId=${SEED.carId}`);
    await expect(dialog.getByTestId('car-id')).toHaveText(`${SEED.carId}, QNR ${SEED.qnr}`);
    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await expect(dialog.getByTestId('backup-file')).toBeVisible();
    expect(await sandbox.rtdb.getValue(startStatus(SEED.brokenReservationId))).not.toBeNull();

    await dialog.getByRole('button', { name: 'Undo the repair' }).click();
    await expect(dialog.getByRole('status')).toHaveText(
      `Repair undone: the start status of reservation ${SEED.brokenReservationId} is empty again. The backup file stays in your downloads.`,
    );
    expect(await sandbox.rtdb.getValue(startStatus(SEED.brokenReservationId))).toBeNull();
    await page.getByRole('button', { name: 'End reservation' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not determine the start status of this reservation' })).toBeVisible();

    const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('startStatusAudit'));
    expect((stored.startStatusAudit as { action: string }[]).map((entry) => entry.action)).toEqual(['repair', 'undo']);
  });

  test('a QNR switched to mock- is pending work in the popup, with a badge, across a browser restart, until confirmed restored', async ({
    sandbox,
  }) => {
    // Its own browser profile, so the browser can be closed and started again on it.
    const profile = mkdtempSync(join(tmpdir(), 'support-overlay-profile-'));
    let context = await launchChromium({ userDataDir: profile });
    try {
      let worker = await extensionWorker(context);
      await configureExtension(worker, sandbox.settings);
      const extensionId = new URL(worker.url()).host;
      await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
      const page = await context.newPage();
      const dialog = await openRepair(page, `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
      await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();

      const steps = dialog.getByTestId('next-steps');
      await expect(steps.getByLabel(`QNR of car ${SEED.carId}`)).toHaveValue(SEED.qnr);
      await steps.getByRole('button', { name: `Copy mock-${SEED.qnr}` }).click();
      await expect(steps.getByRole('status')).toHaveText(`Copied mock-${SEED.qnr}`);
      await steps.getByRole('button', { name: 'I changed the QNR to mock-' }).click();
      await expect(steps.getByRole('button', { name: `QNR ${SEED.qnr} is restored` })).toBeVisible();
      expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

      await context.close();
      context = await launchChromium({ userDataDir: profile });
      worker = await extensionWorker(context);
      await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      const pending = popup.getByRole('region', { name: 'Pending work' });
      await expect(pending).toContainText(`Car ${SEED.carId}: the QNR is still mock-${SEED.qnr}. Change it back to ${SEED.qnr} in Control Center`);
      await pending.getByRole('button', { name: `QNR ${SEED.qnr} is restored` }).click();
      await expect(popup.getByRole('region', { name: 'Pending work' })).toHaveCount(0);
      await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('a car page alone asks for the reservation; a pasted reservation URL continues the repair', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const page = await context.newPage();
    const dialog = await openRepair(page, `${sandbox.controlCenter.url}/cars/${SEED.carId}`);
    await expect(dialog.getByRole('alert')).toHaveText(
      `This page shows car ${SEED.carId} but no reservation. Paste the reservation page's URL or the reservation id. Nothing was changed.`,
    );
    await dialog.getByLabel('The reservation page’s URL or the reservation id').fill('not an id at all');
    await dialog.getByRole('button', { name: 'Use this reservation' }).click();
    await expect(dialog.getByRole('alert').last()).toHaveText('“not an id at all” is not a reservation id: an id has no spaces, dots or slashes.');
    await dialog
      .getByLabel('The reservation page’s URL or the reservation id')
      .fill(`${sandbox.controlCenter.url}/reservations/${SEED.brokenReservationId}`);
    await dialog.getByRole('button', { name: 'Use this reservation' }).click();
    await expect(dialog.getByTestId('reservation-id')).toHaveText(SEED.brokenReservationId);
    await expect(dialog.getByRole('button', { name: 'Save backup and write the start status' })).toBeVisible();
  });
});
