/**
 * Seed data of the sandbox Realtime Database: the cars and reservation details the
 * "Could not determine the start status" repair works on.
 *
 * Shapes: `/cars/{carId}/status` is the last report of the car's CloudBoxx; `/reservationDetails/{reservationId}`
 * holds the reservation and, once started normally, its `originalStartStatus` (a copy of the car status).
 * Ids, QNRs, plates and members match the Control Center stand-in (control-center/seed.ts).
 * Tests and e2e specs refer to the ids through `SEED`, never through literals.
 */

/** Ids used in the seed (Control Center URLs carry these as `carId` / `reservationId`). */
export const SEED = {
  /** Car whose box went offline; it has a last known status. */
  carId: 'car-1234',
  /** QNR (CloudBoxx id) of `carId`: the one to turn into `mock-{QNR}` and back. */
  qnr: 'QNR-10442',
  /** The broken case: started while the box was offline, `originalStartStatus` absent, on `carId`. */
  brokenReservationId: '-Nx3kQ2aBcDeFgHiJkLm',
  /** Car of the already repaired reservation. */
  repairedCarId: 'car-5678',
  repairedCarQnr: 'QNR-20871',
  /** `originalStartStatus` already set: the repair must refuse to overwrite it. */
  repairedReservationId: '-Nx3kQ2aBcDeFgHiJkLn',
  /** Car whose box never reported: `/cars/{id}/status` is missing. */
  carWithoutStatusId: 'car-9999',
  carWithoutStatusQnr: 'QNR-30115',
  /** Broken as well, but on `carWithoutStatusId`: there is no status to copy. */
  reservationOnCarWithoutStatusId: '-Nx3kQ2aBcDeFgHiJkLo',
} as const;

/** Last report of `SEED.carId`'s box, a few minutes before the broken reservation started. */
const offlineCarStatus = {
  qnr: SEED.qnr,
  lastReportAt: 1763971357000, // 2025-11-24T08:02:37Z, ms
  mileageKm: 48213,
  fuelLevelPercent: 64,
  doorsLocked: true,
  doorsClosed: true,
  ignitionOn: false,
  batteryVoltage: 12.4,
  position: { lat: 51.05434, lng: 3.71742 }, // Ghent, Sint-Pietersplein
};

/** Status of `SEED.repairedCarId` when its reservation started; copied into that reservation. */
const repairedCarStartStatus = {
  qnr: SEED.repairedCarQnr,
  lastReportAt: 1763976461000, // 2025-11-24T09:27:41Z
  mileageKm: 102774,
  fuelLevelPercent: 38,
  doorsLocked: true,
  doorsClosed: true,
  ignitionOn: false,
  batteryVoltage: 12.2,
  position: { lat: 50.87959, lng: 4.70093 }, // Leuven, station
};

export const SANDBOX_DATA = {
  cars: {
    [SEED.carId]: {
      qnr: SEED.qnr,
      licensePlate: '1-ABC-123',
      model: 'Renault Zoe',
      status: offlineCarStatus,
    },
    [SEED.repairedCarId]: {
      qnr: SEED.repairedCarQnr,
      licensePlate: '1-DEF-456',
      model: 'Volkswagen ID.3',
      status: {
        ...repairedCarStartStatus,
        lastReportAt: 1763991672000, // 2025-11-24T13:41:12Z, after the trip
        mileageKm: 102861,
        fuelLevelPercent: 21,
        position: { lat: 50.85045, lng: 4.34878 }, // Brussels, Grand-Place
      },
    },
    [SEED.carWithoutStatusId]: {
      qnr: SEED.carWithoutStatusQnr,
      licensePlate: '1-GHI-789',
      model: 'Kia e-Niro',
      // no status: the box (antenna) never came online
    },
  },
  reservationDetails: {
    [SEED.brokenReservationId]: {
      carId: SEED.carId,
      memberId: 'member-0042',
      memberName: 'An Peeters',
      startAt: 1763972100000, // 2025-11-24T08:15:00Z
      endAt: 1763986500000, // 2025-11-24T12:15:00Z (planned)
      state: 'started',
      // originalStartStatus absent: the box was offline and the member had no Bluetooth
    },
    [SEED.repairedReservationId]: {
      carId: SEED.repairedCarId,
      memberId: 'member-0107',
      memberName: 'Joris Maes',
      startAt: 1763976600000, // 2025-11-24T09:30:00Z
      endAt: 1763991000000, // 2025-11-24T13:30:00Z
      state: 'started',
      originalStartStatus: repairedCarStartStatus,
    },
    [SEED.reservationOnCarWithoutStatusId]: {
      carId: SEED.carWithoutStatusId,
      memberId: 'member-0311',
      memberName: 'Lotte Claes',
      startAt: 1764056700000, // 2025-11-25T07:45:00Z
      endAt: 1764067500000, // 2025-11-25T10:45:00Z
      state: 'started',
    },
  },
};
