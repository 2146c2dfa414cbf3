// @vitest-environment node
import { startRtdbServer, type RtdbServer } from '../rtdb-server.ts';
import { Browser, type HTMLButtonElement, type HTMLElement, type HTMLInputElement } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BROKEN_CAR_ID,
  BROKEN_CAR_QNR,
  BROKEN_RESERVATION_ID,
  CONTROL_CENTER_SEED,
  NO_STATUS_RESERVATION_ID,
  REPAIRED_RESERVATION_ID,
} from './seed';
import { startControlCenterSandbox, type ControlCenterSandbox } from './server';

const MESSAGE = 'Could not determine the start status of this reservation';
const CAR_STATUS = { doorsLocked: true, mileageKm: 20431, fuelLevelPercent: 74 };

async function post(sandbox: ControlCenterSandbox, path: string, body?: unknown) {
  const response = await fetch(sandbox.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function getHtml(sandbox: ControlCenterSandbox, path: string) {
  const response = await fetch(sandbox.url + path);
  return { status: response.status, html: await response.text() };
}

const endReservation = (sandbox: ControlCenterSandbox, reservationId: string) =>
  post(sandbox, `/api/reservations/${encodeURIComponent(reservationId)}/end`);
const setQnr = (sandbox: ControlCenterSandbox, carId: string, qnr: unknown) =>
  post(sandbox, `/api/cars/${encodeURIComponent(carId)}/qnr`, { qnr });

describe('Control Center stand-in backed by a real database over REST', () => {
  let database: RtdbServer;
  let sandbox: ControlCenterSandbox;

  beforeEach(async () => {
    database = await startRtdbServer(); // the sandbox database, seeded: broken and repaired reservations
    sandbox = await startControlCenterSandbox({ rtdb: { port: database.port, namespace: database.namespace } });
  });
  afterEach(async () => {
    await sandbox.close();
    await database.close();
  });

  it('renders a reservation page with its ids, member, start, status and the End button', async () => {
    const { status, html } = await getHtml(sandbox, `/reservations/${BROKEN_RESERVATION_ID}`);
    expect(status).toBe(200);
    expect(html).toContain(`<dd id="reservation-id">${BROKEN_RESERVATION_ID}</dd>`);
    expect(html).toContain(`<a href="/cars/${BROKEN_CAR_ID}" id="car-link">${BROKEN_CAR_ID}</a>`);
    expect(html).toContain('An Peeters');
    expect(html).toContain('2025-11-24 08:15 UTC');
    expect(html).toContain('<dd id="reservation-status">Active</dd>');
    expect(html).toContain('>End reservation</button>');
    expect(html).toMatch(/<div id="error" class="error" role="alert" hidden><\/div>/);
  });

  it('renders a car page with its QNR field and reservations, and an index of everything', async () => {
    const car = await getHtml(sandbox, `/cars/${BROKEN_CAR_ID}/`);
    expect(car.status).toBe(200);
    expect(car.html).toContain(`<dd id="car-id">${BROKEN_CAR_ID}</dd>`);
    expect(car.html).toContain(`value="${BROKEN_CAR_QNR}"`);
    expect(car.html).toContain('>Save</button>');
    expect(car.html).toContain(`href="/reservations/${BROKEN_RESERVATION_ID}"`);
    expect(car.html).not.toContain(REPAIRED_RESERVATION_ID);

    const index = await getHtml(sandbox, '/');
    for (const { carId } of CONTROL_CENTER_SEED.cars) expect(index.html).toContain(`href="/cars/${carId}"`);
    for (const { reservationId } of CONTROL_CENTER_SEED.reservations) {
      expect(index.html).toContain(`href="/reservations/${reservationId}"`);
    }
  });

  it('answers 404 pages for unknown cars and reservations', async () => {
    expect((await getHtml(sandbox, '/reservations/-Nope')).status).toBe(404);
    expect((await getHtml(sandbox, '/cars/car-0000')).status).toBe(404);
    expect((await getHtml(sandbox, '/members/1')).status).toBe(404);
    expect(await endReservation(sandbox, '-Nope')).toEqual({ status: 404, body: { error: { message: 'No reservation with id -Nope.' } } });
  });

  it('refuses to end a broken reservation with the exact backend message', async () => {
    expect(await endReservation(sandbox, BROKEN_RESERVATION_ID)).toEqual({ status: 422, body: { error: { message: MESSAGE } } });
    expect(sandbox.endedReservations()).toEqual([]);
    expect((await getHtml(sandbox, `/reservations/${BROKEN_RESERVATION_ID}`)).html).toContain('<dd id="reservation-status">Active</dd>');
  });

  it('ends the reservation once originalStartStatus is set in the database', async () => {
    await database.setValue(`reservationDetails/${BROKEN_RESERVATION_ID}/originalStartStatus`, CAR_STATUS);

    expect(await endReservation(sandbox, BROKEN_RESERVATION_ID)).toEqual({
      status: 200,
      body: { reservationId: BROKEN_RESERVATION_ID, status: 'Ended' },
    });
    expect(sandbox.endedReservations()).toEqual([BROKEN_RESERVATION_ID]);
    const page = await getHtml(sandbox, `/reservations/${BROKEN_RESERVATION_ID}`);
    expect(page.html).toContain('<dd id="reservation-status">Ended</dd>');
    expect(page.html).not.toContain('End reservation');
    expect(await endReservation(sandbox, BROKEN_RESERVATION_ID)).toEqual({
      status: 409,
      body: { error: { message: 'This reservation has already ended.' } },
    });
  });

  it('ends the already repaired reservation straight away and leaves the others alone', async () => {
    expect((await endReservation(sandbox, REPAIRED_RESERVATION_ID)).status).toBe(200);
    expect((await endReservation(sandbox, NO_STATUS_RESERVATION_ID)).status).toBe(422);
    expect(sandbox.endedReservations()).toEqual([REPAIRED_RESERVATION_ID]);
  });

  it('ends a broken reservation while the QNR is mock-, and the QNR goes back', async () => {
    expect(await setQnr(sandbox, BROKEN_CAR_ID, `mock-${BROKEN_CAR_QNR}`)).toEqual({
      status: 200,
      body: { carId: BROKEN_CAR_ID, qnr: `mock-${BROKEN_CAR_QNR}` },
    });
    expect(sandbox.qnrOf(BROKEN_CAR_ID)).toBe(`mock-${BROKEN_CAR_QNR}`);
    expect((await getHtml(sandbox, `/cars/${BROKEN_CAR_ID}`)).html).toContain(`value="mock-${BROKEN_CAR_QNR}"`);

    expect((await endReservation(sandbox, BROKEN_RESERVATION_ID)).status).toBe(200);

    expect((await setQnr(sandbox, BROKEN_CAR_ID, ` ${BROKEN_CAR_QNR} `)).status).toBe(200);
    expect(sandbox.qnrOf(BROKEN_CAR_ID)).toBe(BROKEN_CAR_QNR);
    expect((await getHtml(sandbox, `/cars/${BROKEN_CAR_ID}`)).html).toContain(`value="${BROKEN_CAR_QNR}"`);
  });

  it('only honours a lowercase mock- prefix, like the backend', async () => {
    await setQnr(sandbox, BROKEN_CAR_ID, `MOCK-${BROKEN_CAR_QNR}`);
    expect((await endReservation(sandbox, BROKEN_RESERVATION_ID)).status).toBe(422);
  });

  it('refuses a blank QNR and keeps the old one', async () => {
    expect(await setQnr(sandbox, BROKEN_CAR_ID, '  ')).toEqual({ status: 400, body: { error: { message: 'The QNR cannot be empty.' } } });
    expect((await setQnr(sandbox, BROKEN_CAR_ID, 42)).status).toBe(400);
    expect((await setQnr(sandbox, 'car-0000', 'QNR-1')).status).toBe(404);
    expect(sandbox.qnrOf(BROKEN_CAR_ID)).toBe(BROKEN_CAR_QNR);
    expect(() => sandbox.qnrOf('car-0000')).toThrow('no car car-0000');
  });

  it('escapes what it shows', async () => {
    await setQnr(sandbox, BROKEN_CAR_ID, '"><script>alert(1)</script>');
    const { html } = await getHtml(sandbox, `/cars/${BROKEN_CAR_ID}`);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('value="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
  });
});

describe('Control Center stand-in with an injected start-status reader', () => {
  let startStatuses: Map<string, unknown>;
  let sandbox: ControlCenterSandbox;
  let browser: Browser;

  beforeEach(async () => {
    startStatuses = new Map();
    sandbox = await startControlCenterSandbox({ readStartStatus: async (id) => startStatuses.get(id) ?? null });
    // Our own pages' scripts run here: trusted code, so happy-dom's warning about untrusted code does not apply.
    browser = new Browser({ settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
  });
  afterEach(async () => {
    await browser.close();
    await sandbox.close();
  });

  async function open(path: string) {
    const page = browser.newPage();
    await page.goto(sandbox.url + path);
    await page.waitUntilComplete();
    return { page, document: page.mainFrame.document };
  }

  it('shows the error in a visible alert when the page ends a broken reservation, then Ended after the repair', async () => {
    const { page, document } = await open(`/reservations/${BROKEN_RESERVATION_ID}`);
    const button = document.querySelector<HTMLButtonElement>('#end-reservation');
    const alert = document.querySelector<HTMLElement>('[role="alert"]');

    button?.click();
    await page.waitUntilComplete();
    expect(alert?.textContent).toBe(MESSAGE);
    expect(alert?.hidden).toBe(false);
    expect(document.querySelector('#reservation-status')?.textContent).toBe('Active');

    startStatuses.set(BROKEN_RESERVATION_ID, { locked: true });
    button?.click();
    await page.waitUntilComplete();
    expect(alert?.hidden).toBe(true);
    expect(document.querySelector('#reservation-status')?.textContent).toBe('Ended');
    expect(document.querySelector('#end-reservation')).toBeNull();
    expect(sandbox.endedReservations()).toEqual([BROKEN_RESERVATION_ID]);
  });

  it('saves the QNR from the car page form', async () => {
    const { page, document } = await open(`/cars/${BROKEN_CAR_ID}`);
    const input = document.querySelector<HTMLInputElement>('#qnr');
    if (!input) throw new Error('no QNR field');
    input.value = `mock-${BROKEN_CAR_QNR}`;
    document.querySelector<HTMLButtonElement>('#save-qnr')?.click();
    await page.waitUntilComplete();
    expect(document.querySelector('#qnr-saved')?.textContent).toBe(`Saved: QNR is mock-${BROKEN_CAR_QNR}.`);
    expect(sandbox.qnrOf(BROKEN_CAR_ID)).toBe(`mock-${BROKEN_CAR_QNR}`);
  });

  it('says so when the database cannot be read, instead of blaming the start status', async () => {
    await sandbox.close();
    sandbox = await startControlCenterSandbox({ readStartStatus: () => Promise.reject(new Error('connection refused')) });
    expect(await endReservation(sandbox, BROKEN_RESERVATION_ID)).toEqual({
      status: 502,
      body: { error: { message: 'The backend could not read the database: connection refused' } },
    });
  });
});
