import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL_CENTER_PATTERNS } from '@/lib/control-center/url-patterns';
import { otherIdFrom } from './other-id';

const patterns = DEFAULT_CONTROL_CENTER_PATTERNS;

describe('otherIdFrom', () => {
  it('takes the car from a car page URL, or the id as typed', () => {
    expect(otherIdFrom('https://cc.example.com/cars/car-1234', 'carId', patterns)).toEqual({ id: 'car-1234' });
    expect(otherIdFrom('  car-1234 ', 'carId', patterns)).toEqual({ id: 'car-1234' });
    expect(otherIdFrom('https://cc.example.com/reservations/-Nx3k', 'reservationId', patterns)).toEqual({ id: '-Nx3k' });
  });

  it('refuses what is neither, with a sentence', () => {
    expect(otherIdFrom('', 'carId', patterns)).toEqual({ sentence: "Paste the car page's URL or the car id." });
    expect(otherIdFrom('https://cc.example.com/reservations/-Nx3k', 'carId', patterns)).toEqual({
      sentence: "This URL does not show a car id. Open the car's page in Control Center and copy its URL.",
    });
    expect(otherIdFrom('car 1234', 'carId', patterns)).toEqual({ sentence: '“car 1234” is not a car id: an id has no spaces, dots or slashes.' });
  });
});
