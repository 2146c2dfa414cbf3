/**
 * Every way the start-status repair can fail: one sentence each in the Control Center dialog, and nothing
 * written to the sandbox database.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { SEED } from '../sandbox/rtdb-seed.ts';
import { SANDBOX_ACCOUNTS } from '../sandbox/auth-emulator.ts';
import { signInToFirebase } from '../tools/extension-browser.ts';

const startStatus = (reservationId: string) => `reservationDetails/${reservationId}/originalStartStatus`;

async function fillFirebaseSignIn(page: Page, account: { email: string; password: string }) {
  const form = page.getByRole('form', { name: 'Sign in to Firebase' });
  await form.getByLabel('Email').fill(account.email);
  await form.getByLabel('Password').fill(account.password);
  await form.getByRole('button', { name: 'Sign in to Firebase' }).click();
  await expect(page.getByTestId('firebase-email')).toHaveText(account.email);
}

async function openRepair(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Repair start status' }).click();
  return { page, dialog: page.getByRole('dialog', { name: 'Repair start status' }) };
}

test.describe('Start-status repair failures', () => {
  test('not signed in: a sentence and a button to the sign-in; no password field in the page; then it continues', async ({
    context,
    sandbox,
  }) => {
    const { page, dialog } = await openRepair(context, `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await expect(dialog.getByRole('alert')).toHaveText(
      "You are not signed in to Firebase (project demo-support). Sign in from the extension's popup, then check again. Nothing was changed.",
    );
    await expect(page.locator('input[type="password"]')).toHaveCount(0);
    await expect(dialog.locator('input[type="password"]')).toHaveCount(0);

    const [signInPage] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Sign in to Firebase' }).click()]);
    await expect(signInPage).toHaveURL(/^chrome-extension:\/\/[a-p]{32}\/popup\.html$/);
    await fillFirebaseSignIn(signInPage, SANDBOX_ACCOUNTS.engineer);

    await page.bringToFront();
    await dialog.getByRole('button', { name: 'Check again' }).click();
    await expect(dialog.getByRole('button', { name: 'Save backup and write the start status' })).toBeVisible();
    expect(await sandbox.rtdb.getValue(startStatus(SEED.brokenReservationId))).toBeNull();
  });

  test('permission denied by the database rules (read-only account): a sentence, nothing written', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.readonly);
    const { dialog } = await openRepair(context, `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      `Your Firebase account (${SANDBOX_ACCOUNTS.readonly.email}) may not change /reservationDetails/${SEED.brokenReservationId}/originalStartStatus: the database rules refuse it. Ask an administrator for write access. Nothing was changed.`,
    );
    expect(await sandbox.rtdb.getValue(startStatus(SEED.brokenReservationId))).toBeNull();
  });

  test('a car missing from the database', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const { dialog } = await openRepair(context, `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}?carId=car-0000`);
    await expect(dialog.getByRole('alert')).toHaveText('There is no car car-0000 in the database. Check the car id. Nothing was changed.');
    expect(await sandbox.rtdb.getValue(startStatus(SEED.brokenReservationId))).toBeNull();
  });

  test('a car on the page that is not the reservation’s own car is pointed out before the write', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const { dialog } = await openRepair(context, `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}?carId=${SEED.repairedCarId}`);
    await expect(dialog.getByTestId('other-car')).toHaveText(
      `The reservation’s own data names car ${SEED.carId}, not car ${SEED.repairedCarId}. The status of car ${SEED.repairedCarId} will be written: check which car the member used before writing.`,
    );
    expect(await sandbox.rtdb.getValue(startStatus(SEED.brokenReservationId))).toBeNull();
  });

  test('a reservation missing from the database is not created', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const { dialog } = await openRepair(context, `${sandbox.controlCenter.url}/reservations/-NoSuchReservation01?carId=${SEED.carId}`);
    await expect(dialog.getByRole('alert')).toHaveText('There is no reservation -NoSuchReservation01 in the database. Check the reservation id. Nothing was changed.');
    expect(await sandbox.rtdb.getValue('reservationDetails/-NoSuchReservation01')).toBeNull();
  });

  test('a car without status: nothing to copy', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const { dialog } = await openRepair(context, `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.reservationOnCarWithoutStatusId)}`);
    await expect(dialog.getByRole('alert')).toHaveText(
      `Car ${SEED.carWithoutStatusId} has no status in the database (its CloudBoxx never reported), so there is no start status to copy. Nothing was changed. The box itself needs checking (e.g. its antenna).`,
    );
    expect(await sandbox.rtdb.getValue(startStatus(SEED.reservationOnCarWithoutStatusId))).toBeNull();
  });

  test('a start status already set is shown, not overwritten', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const before = await sandbox.rtdb.getValue(startStatus(SEED.repairedReservationId));
    const { dialog } = await openRepair(context, `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.repairedReservationId)}`);
    await expect(dialog.getByRole('alert')).toHaveText(
      'This reservation already has a start status (below), so there is nothing to repair and nothing was changed. Try ending the reservation again.',
    );
    const current = dialog.getByRole('definition').filter({ hasText: 'km' });
    await expect(current).toHaveText('102,774 km');
    expect(await sandbox.rtdb.getValue(startStatus(SEED.repairedReservationId))).toEqual(before);
  });

  test('a start status set by someone else between the look and the write is not overwritten', async ({ context, sandbox, extensionId }) => {
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const { dialog } = await openRepair(context, `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await expect(dialog.getByRole('button', { name: 'Save backup and write the start status' })).toBeVisible();
    const colleague = { qnr: SEED.qnr, mileageKm: 48300, lastReportAt: 1763990000000 };
    await sandbox.rtdb.setValue(startStatus(SEED.brokenReservationId), colleague);
    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await expect(dialog.getByRole('alert')).toContainText('This reservation already has a start status (below)');
    await expect(dialog.getByRole('definition').filter({ hasText: 'km' })).toHaveText('48,300 km');
    expect(await sandbox.rtdb.getValue(startStatus(SEED.brokenReservationId))).toEqual(colleague);
  });

  test('the database going away before the write: a sentence saying nothing was written', async ({ context, sandbox, extensionId }) => {
    test.setTimeout(60_000); // the extension waits up to 10 s for a silent database before saying so
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const { dialog } = await openRepair(context, `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await expect(dialog.getByRole('button', { name: 'Save backup and write the start status' })).toBeVisible();
    await sandbox.rtdb.close();
    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'The database did not answer (network lost?). Nothing was written; check your connection and try again.',
      { timeout: 20_000 },
    );
  });

  test('the connection lost during the write, the write lost too: read back from the server, NOT written, nothing lands later', async ({
    context,
    sandbox,
    extensionId,
  }) => {
    test.setTimeout(60_000); // the extension waits up to 10 s for the write's answer before reading back
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const { dialog } = await openRepair(context, `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await expect(dialog.getByRole('button', { name: 'Save backup and write the start status' })).toBeVisible();
    sandbox.rtdb.loseNextWrite(startStatus(SEED.brokenReservationId), { landed: false });
    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'The connection was lost during the write; reading back shows it was NOT written. Nothing was changed; try again when the connection is back.',
      { timeout: 30_000 },
    );
    sandbox.rtdb.dropConnections(); // the network is back
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await sandbox.rtdb.getValue(startStatus(SEED.brokenReservationId))).toBeNull();
  });

  test('the connection lost during the write, the write landed: read back from the server, WAS written, the repair goes on', async ({
    context,
    sandbox,
    extensionId,
  }) => {
    test.setTimeout(60_000);
    await signInToFirebase(context, extensionId, SANDBOX_ACCOUNTS.engineer);
    const { dialog } = await openRepair(context, `${sandbox.controlCenter.url}/reservations/${encodeURIComponent(SEED.brokenReservationId)}`);
    await expect(dialog.getByRole('button', { name: 'Save backup and write the start status' })).toBeVisible();
    sandbox.rtdb.loseNextWrite(startStatus(SEED.brokenReservationId), { landed: true });
    await dialog.getByRole('button', { name: 'Save backup and write the start status' }).click();
    // On the dead connection the SDK would answer from its own cache ("not written"): the server says it was.
    await expect(dialog.getByText('The connection was lost during the write; reading back shows the start status WAS written.')).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByRole('button', { name: 'Undo the repair' })).toBeVisible();
    expect(await sandbox.rtdb.getValue(startStatus(SEED.brokenReservationId))).toEqual(await sandbox.rtdb.getValue(`cars/${SEED.carId}/status`));
  });
});
