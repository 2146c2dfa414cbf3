import { describe, expect, it } from 'vitest';
import { controlCenterIds, DEFAULT_CONTROL_CENTER_PATTERNS, reservationPageUrl } from './url-patterns';

describe('reservationPageUrl', () => {
  it('builds the reservation page from the first pattern with only :reservationId, and reads back the same id', () => {
    const url = reservationPageUrl('https://cc.example.com', DEFAULT_CONTROL_CENTER_PATTERNS, '-Nx3kQ2aBcDeFgHiJkLm');
    expect(url).toBe('https://cc.example.com/reservations/-Nx3kQ2aBcDeFgHiJkLm');
    expect(controlCenterIds(url!, DEFAULT_CONTROL_CENTER_PATTERNS)).toEqual({ reservationId: '-Nx3kQ2aBcDeFgHiJkLm' });
  });

  it('follows hash and query patterns', () => {
    expect(reservationPageUrl('https://cc.example.com', ['#/cars/:carId', '#/reservations/:reservationId'], 'r1')).toBe('https://cc.example.com#/reservations/r1');
    expect(reservationPageUrl('https://cc.example.com', ['?reservationId=:reservationId'], 'r 1')).toBe('https://cc.example.com?reservationId=r%201');
  });

  it('gives nothing rather than a guess', () => {
    expect(reservationPageUrl('https://cc.example.com', ['/cars/:carId'], 'r1')).toBeNull();
    expect(reservationPageUrl('', DEFAULT_CONTROL_CENTER_PATTERNS, 'r1')).toBeNull();
    expect(reservationPageUrl('https://cc.example.com', DEFAULT_CONTROL_CENTER_PATTERNS, 'a/b')).toBeNull();
  });
});
