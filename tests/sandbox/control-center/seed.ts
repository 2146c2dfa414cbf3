/**
 * The cars and reservations Control Center's stand-in starts with. The ids match the Realtime Database
 * seed so each case of the start-status procedure can be played:
 * - car-1234: the broken case: `/reservationDetails/{BROKEN_RESERVATION_ID}/originalStartStatus` is null,
 *   `/cars/car-1234/status` exists, so the repair can copy it.
 * - car-5678: already repaired: originalStartStatus is set, ending works.
 * - car-9999: broken too, but `/cars/car-9999/status` is null: the repair must refuse with a sentence.
 */

import { SEED } from '../rtdb-seed.ts';

// One source of ids: the database seed.
export const BROKEN_CAR_ID = SEED.carId;
export const BROKEN_CAR_QNR = SEED.qnr;
export const BROKEN_RESERVATION_ID = SEED.brokenReservationId;

export const REPAIRED_CAR_ID = SEED.repairedCarId;
export const REPAIRED_CAR_QNR = SEED.repairedCarQnr;
export const REPAIRED_RESERVATION_ID = SEED.repairedReservationId;

export const NO_STATUS_CAR_ID = SEED.carWithoutStatusId;
export const NO_STATUS_CAR_QNR = SEED.carWithoutStatusQnr;
export const NO_STATUS_RESERVATION_ID = SEED.reservationOnCarWithoutStatusId;

export type SeedCar = { readonly carId: string; readonly qnr: string; readonly model: string; readonly plate: string };
export type SeedReservation = {
  readonly reservationId: string;
  readonly carId: string;
  readonly member: string;
  /** ISO 8601, when the member started the trip. */
  readonly startedAt: string;
};

export const CONTROL_CENTER_SEED: {
  readonly cars: readonly SeedCar[];
  readonly reservations: readonly SeedReservation[];
} = {
  cars: [
    { carId: BROKEN_CAR_ID, qnr: BROKEN_CAR_QNR, model: 'Renault Zoe', plate: '1-ABC-123' },
    { carId: REPAIRED_CAR_ID, qnr: REPAIRED_CAR_QNR, model: 'Volkswagen ID.3', plate: '1-DEF-456' },
    { carId: NO_STATUS_CAR_ID, qnr: NO_STATUS_CAR_QNR, model: 'Kia e-Niro', plate: '1-GHI-789' },
  ],
  reservations: [
    { reservationId: BROKEN_RESERVATION_ID, carId: BROKEN_CAR_ID, member: 'An Peeters', startedAt: '2025-11-24T08:15:00Z' },
    { reservationId: REPAIRED_RESERVATION_ID, carId: REPAIRED_CAR_ID, member: 'Joris Maes', startedAt: '2025-11-24T09:30:00Z' },
    { reservationId: NO_STATUS_RESERVATION_ID, carId: NO_STATUS_CAR_ID, member: 'Lotte Claes', startedAt: '2025-11-25T07:45:00Z' },
  ],
};
