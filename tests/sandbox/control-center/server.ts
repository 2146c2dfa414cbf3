/**
 * A stand-in for Control Center, the team's admin console: reservation pages with "End reservation",
 * car pages with an editable QNR, and a backend that refuses to end a reservation whose start status it
 * cannot determine, exactly like the real one (see support-process.md, "Could not determine the start
 * status of this reservation").
 *
 * The backend knows the start status when `/reservationDetails/{id}/originalStartStatus` is non-null in the
 * Realtime Database, or when the car's QNR starts with `mock-` (the mock box answers for the offline one).
 * It reads the database over the Realtime Database REST protocol; firebase-server only speaks REST when
 * started with `{ rest: true }`. Tests without a database pass `readStartStatus` instead.
 *
 * Pages (URLs match DEFAULT_CONTROL_CENTER_PATTERNS):
 *   GET  /                               index of cars and reservations
 *   GET  /reservations/:reservationId    reservation page: #reservation-status, button "End reservation",
 *                                        error box #error (role="alert")
 *   GET  /cars/:carId                    car page: QNR field #qnr + "Save", #qnr-saved (role="status"),
 *                                        the car's reservations
 * Backend (JSON; errors are `{ error: { message } }`):
 *   POST /api/reservations/:reservationId/end   → 200 { reservationId, status: 'Ended' } | 404 | 409 | 422 | 502
 *   POST /api/cars/:carId/qnr  body { qnr }      → 200 { carId, qnr } | 400 | 404
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_CENTER_SEED, type SeedCar, type SeedReservation } from './seed';

/** Written out here rather than imported from lib/: the stand-in plays the backend, not the extension. */
const START_STATUS_ERROR = 'Could not determine the start status of this reservation';

export type RtdbAddress = { port: number; namespace: string; host?: string };
export type ReadStartStatus = (reservationId: string) => Promise<unknown>;

export type ControlCenterSandboxOptions = {
  /** 0 or absent: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
} & (
  | { rtdb: RtdbAddress; readStartStatus?: ReadStartStatus }
  | { rtdb?: RtdbAddress; readStartStatus: ReadStartStatus }
);

export type ControlCenterSandbox = {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  close(): Promise<void>;
  /** The car's QNR as Control Center currently shows it. Throws for an unknown car. */
  qnrOf(carId: string): string;
  /** Ids of the reservations ended since start, in the order they were ended. */
  endedReservations(): string[];
};

type Car = SeedCar & { qnr: string };
type Reservation = SeedReservation & { status: 'Active' | 'Ended' };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startControlCenterSandbox(options: ControlCenterSandboxOptions): Promise<ControlCenterSandbox> {
  const { rtdb, readStartStatus: injectedRead } = options;
  const readStartStatus: ReadStartStatus =
    injectedRead ??
    (rtdb
      ? (reservationId) => readStartStatusOverRest(rtdb, reservationId)
      : () => Promise.reject(new Error('The Control Center stand-in has no database to read.')));

  // Fresh copies: every start begins from the seed, so tests do not leak into each other.
  const cars = new Map<string, Car>(CONTROL_CENTER_SEED.cars.map((car) => [car.carId, { ...car }]));
  const reservations = new Map<string, Reservation>(
    CONTROL_CENTER_SEED.reservations.map((reservation) => [reservation.reservationId, { ...reservation, status: 'Active' }]),
  );
  const ended: string[] = [];

  async function endReservation(reservationId: string): Promise<Reservation> {
    const reservation = reservations.get(reservationId);
    if (!reservation) throw new HttpError(404, `No reservation with id ${reservationId}.`);
    if (reservation.status === 'Ended') throw new HttpError(409, 'This reservation has already ended.');
    const car = cars.get(reservation.carId);
    if (!car?.qnr.startsWith('mock-')) {
      let startStatus: unknown;
      try {
        startStatus = await readStartStatus(reservationId);
      } catch (error) {
        throw new HttpError(502, `The backend could not read the database: ${messageOf(error)}`);
      }
      if (startStatus === null || startStatus === undefined) throw new HttpError(422, START_STATUS_ERROR);
    }
    reservation.status = 'Ended';
    ended.push(reservationId);
    return reservation;
  }

  function setQnr(carId: string, body: unknown): Car {
    const car = cars.get(carId);
    if (!car) throw new HttpError(404, `No car with id ${carId}.`);
    const qnr = isRecord(body) && typeof body.qnr === 'string' ? body.qnr.trim() : '';
    if (qnr === '') throw new HttpError(400, 'The QNR cannot be empty.');
    car.qnr = qnr;
    return car;
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const segments = pathSegments(new URL(request.url ?? '/', 'http://stand-in').pathname);
    const [first, id] = segments;
    const method = request.method ?? 'GET';

    if (method === 'GET') {
      if (segments.length === 0) return sendHtml(response, 200, indexPage([...cars.values()], [...reservations.values()]));
      if (first === 'reservations' && id !== undefined && segments.length === 2) {
        const reservation = reservations.get(id);
        if (!reservation) return sendHtml(response, 404, notFoundPage(`No reservation with id ${id}.`));
        return sendHtml(response, 200, reservationPage(reservation));
      }
      if (first === 'cars' && id !== undefined && segments.length === 2) {
        const car = cars.get(id);
        if (!car) return sendHtml(response, 404, notFoundPage(`No car with id ${id}.`));
        const ofCar = [...reservations.values()].filter((reservation) => reservation.carId === id);
        return sendHtml(response, 200, carPage(car, ofCar));
      }
      return sendHtml(response, 404, notFoundPage('This page does not exist in Control Center.'));
    }

    if (method === 'POST' && first === 'api' && segments.length === 4) {
      const [, kind, apiId = '', apiAction] = segments;
      if (kind === 'reservations' && apiAction === 'end') {
        const reservation = await endReservation(apiId);
        return sendJson(response, 200, { reservationId: reservation.reservationId, status: reservation.status });
      }
      if (kind === 'cars' && apiAction === 'qnr') {
        const car = setQnr(apiId, await readJson(request));
        return sendJson(response, 200, { carId: car.carId, qnr: car.qnr });
      }
    }
    throw new HttpError(first === 'api' ? 404 : 405, `${method} ${request.url ?? ''} is not supported.`);
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!response.headersSent) sendJson(response, status, { error: { message: messageOf(error) } });
      else response.end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo; // listening on TCP, so an AddressInfo, not a pipe name

  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    qnrOf(carId) {
      const car = cars.get(carId);
      if (!car) throw new Error(`The Control Center stand-in has no car ${carId}.`);
      return car.qnr;
    },
    endedReservations: () => [...ended],
  };
}

/** GET {db}/reservationDetails/{id}/originalStartStatus.json?ns={namespace}: null when absent. */
async function readStartStatusOverRest(rtdb: RtdbAddress, reservationId: string): Promise<unknown> {
  const path = `reservationDetails/${encodeURIComponent(reservationId)}/originalStartStatus.json`;
  const url = `http://${rtdb.host ?? '127.0.0.1'}:${rtdb.port}/${path}?ns=${encodeURIComponent(rtdb.namespace)}`;
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`GET ${url} answered ${response.status} (is firebase-server started with { rest: true }?)`);
  }
  return (await response.json()) as unknown;
}

// ---- HTTP helpers ----

function pathSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw new HttpError(400, 'The address contains a malformed %-escape.');
      }
    });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > 10_000) throw new HttpError(413, 'The request is too large.');
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not JSON.');
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(html);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---- Pages: every value goes through escapeHtml; scripts read data from data-* attributes, never from
// interpolated JS, so an id or QNR can never break out of the markup. ----

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
body { font: 15px/1.4 system-ui, sans-serif; margin: 0; color: #1d2733; }
header { background: #1d3557; color: #fff; padding: .6rem 1rem; }
header a { color: #fff; text-decoration: none; font-weight: 600; }
main { padding: 1rem 1.5rem; max-width: 50rem; }
dl { display: grid; grid-template-columns: 10rem 1fr; gap: .3rem 1rem; }
dt { color: #5b6b7b; }
dd { margin: 0; }
table { border-collapse: collapse; } td, th { border-bottom: 1px solid #dde3ea; padding: .3rem .8rem; text-align: left; }
.error { border: 1px solid #b3261e; background: #fdecea; color: #8c1d18; padding: .6rem .8rem; margin: 1rem 0; }
button { padding: .35rem .9rem; }
`;

function layout(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} · Control Center</title>
<style>${STYLE}</style>
</head>
<body>
<header><a href="/">Control Center</a> <small>(sandbox)</small></header>
${body}
${script ? `<script>${script}</script>` : ''}
</body>
</html>`;
}

const link = (href: string, text: string, id?: string) =>
  `<a href="${escapeHtml(href)}"${id ? ` id="${id}"` : ''}>${escapeHtml(text)}</a>`;
const reservationHref = (reservationId: string) => `/reservations/${encodeURIComponent(reservationId)}`;
const carHref = (carId: string) => `/cars/${encodeURIComponent(carId)}`;

/** "2025-11-24 08:15 UTC": fixed, so pages do not depend on the machine's time zone. */
function startTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function indexPage(cars: Car[], reservations: Reservation[]): string {
  const carRows = cars
    .map((car) => `<tr><td>${link(carHref(car.carId), car.carId)}</td><td>${escapeHtml(car.model)}</td><td>${escapeHtml(car.qnr)}</td></tr>`)
    .join('\n');
  const reservationRows = reservations
    .map(
      (reservation) =>
        `<tr><td>${link(reservationHref(reservation.reservationId), reservation.reservationId)}</td>` +
        `<td>${link(carHref(reservation.carId), reservation.carId)}</td><td>${escapeHtml(reservation.member)}</td>` +
        `<td>${escapeHtml(reservation.status)}</td></tr>`,
    )
    .join('\n');
  return layout(
    'Overview',
    `<main data-page="index">
<h1>Control Center</h1>
<h2>Reservations</h2>
<table><thead><tr><th>Reservation</th><th>Car</th><th>Member</th><th>Status</th></tr></thead><tbody>
${reservationRows}
</tbody></table>
<h2>Cars</h2>
<table><thead><tr><th>Car</th><th>Model</th><th>QNR</th></tr></thead><tbody>
${carRows}
</tbody></table>
</main>`,
  );
}

function reservationPage(reservation: Reservation): string {
  const active = reservation.status === 'Active';
  return layout(
    `Reservation ${reservation.reservationId}`,
    `<main data-page="reservation" data-reservation-id="${escapeHtml(reservation.reservationId)}">
<h1>Reservation ${escapeHtml(reservation.reservationId)}</h1>
<dl>
<dt>Reservation</dt><dd id="reservation-id">${escapeHtml(reservation.reservationId)}</dd>
<dt>Car</dt><dd>${link(carHref(reservation.carId), reservation.carId, 'car-link')}</dd>
<dt>Member</dt><dd id="member">${escapeHtml(reservation.member)}</dd>
<dt>Start</dt><dd><time datetime="${escapeHtml(reservation.startedAt)}">${escapeHtml(startTime(reservation.startedAt))}</time></dd>
<dt>Status</dt><dd id="reservation-status">${escapeHtml(reservation.status)}</dd>
</dl>
${active ? '<button type="button" id="end-reservation">End reservation</button>' : ''}
<div id="error" class="error" role="alert" hidden></div>
</main>`,
    active ? END_RESERVATION_SCRIPT : '',
  );
}

const END_RESERVATION_SCRIPT = `
const main = document.querySelector('main');
const button = document.getElementById('end-reservation');
const errorBox = document.getElementById('error');
button.addEventListener('click', async () => {
  button.disabled = true;
  errorBox.hidden = true;
  errorBox.textContent = '';
  try {
    const response = await fetch('/api/reservations/' + encodeURIComponent(main.dataset.reservationId) + '/end', { method: 'POST' });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error((body && body.error && body.error.message) || 'Control Center could not end the reservation.');
    document.getElementById('reservation-status').textContent = body.status;
    button.remove();
  } catch (error) {
    errorBox.textContent = error.message;
    errorBox.hidden = false;
    button.disabled = false;
  }
});
`;

function carPage(car: Car, reservations: Reservation[]): string {
  const rows = reservations
    .map(
      (reservation) =>
        `<tr><td>${link(reservationHref(reservation.reservationId), reservation.reservationId)}</td>` +
        `<td>${escapeHtml(reservation.member)}</td><td>${escapeHtml(reservation.status)}</td></tr>`,
    )
    .join('\n');
  return layout(
    `Car ${car.carId}`,
    `<main data-page="car" data-car-id="${escapeHtml(car.carId)}">
<h1>Car ${escapeHtml(car.carId)}</h1>
<dl>
<dt>Car</dt><dd id="car-id">${escapeHtml(car.carId)}</dd>
<dt>Model</dt><dd>${escapeHtml(car.model)}</dd>
<dt>Plate</dt><dd>${escapeHtml(car.plate)}</dd>
</dl>
<form id="qnr-form">
<label for="qnr">QNR (CloudBoxx)</label>
<input id="qnr" name="qnr" value="${escapeHtml(car.qnr)}" autocomplete="off" spellcheck="false">
<button type="submit" id="save-qnr">Save</button>
</form>
<p id="qnr-saved" role="status"></p>
<div id="error" class="error" role="alert" hidden></div>
<h2>Reservations</h2>
<table><thead><tr><th>Reservation</th><th>Member</th><th>Status</th></tr></thead><tbody>
${rows}
</tbody></table>
</main>`,
    SAVE_QNR_SCRIPT,
  );
}

const SAVE_QNR_SCRIPT = `
const main = document.querySelector('main');
const form = document.getElementById('qnr-form');
const input = document.getElementById('qnr');
const saved = document.getElementById('qnr-saved');
const errorBox = document.getElementById('error');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  saved.textContent = '';
  errorBox.hidden = true;
  errorBox.textContent = '';
  try {
    const response = await fetch('/api/cars/' + encodeURIComponent(main.dataset.carId) + '/qnr', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ qnr: input.value }),
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error((body && body.error && body.error.message) || 'Control Center could not save the QNR.');
    input.value = body.qnr;
    saved.textContent = 'Saved: QNR is ' + body.qnr + '.';
  } catch (error) {
    errorBox.textContent = error.message;
    errorBox.hidden = false;
  }
});
`;

function notFoundPage(message: string): string {
  return layout('Not found', `<main data-page="not-found"><h1>Not found</h1><p>${escapeHtml(message)}</p></main>`);
}
