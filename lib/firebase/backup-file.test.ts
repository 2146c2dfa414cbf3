import { describe, expect, it } from 'vitest';
import { backupContent, backupFileName } from './backup-file';

describe('backupFileName', () => {
  it('names the car, the reservation and the time', () => {
    expect(backupFileName({ carId: 'car-1234', reservationId: '-Nx3kQ2aBcDeFgHiJkLm' }, new Date('2026-11-27T16:10:00.123Z'))).toBe(
      'start-status-backup_car-1234_-Nx3kQ2aBcDeFgHiJkLm_2026-11-27T16-10-00Z.json',
    );
  });
  it('replaces characters a file system may refuse', () => {
    expect(backupFileName({ carId: 'car:1 2', reservationId: 'r*?"<>|\\' }, new Date('2026-01-01T00:00:00Z'))).toBe(
      'start-status-backup_car_1_2_r________2026-01-01T00-00-00Z.json',
    );
  });
});

describe('backupContent', () => {
  it('is the status as JSON, read back equal', () => {
    const status = { qnr: 'QNR-1', mileageKm: 3, position: { lat: 1.5, lng: 2 } };
    expect(JSON.parse(backupContent(status))).toEqual(status);
  });
});
