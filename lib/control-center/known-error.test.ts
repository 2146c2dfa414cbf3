import { describe, expect, it } from 'vitest';
import { mentionsStartStatusError, START_STATUS_ERROR } from './known-error';

describe('mentionsStartStatusError', () => {
  it.each([
    START_STATUS_ERROR,
    'Could not determine the start status of this reservation',
    'Error: Could not determine the start status of this reservation.',
    'COULD NOT DETERMINE THE START STATUS OF THIS RESERVATION',
    'could not determine the\n  start status of this\treservation',
    'Hello,\r\nthe app says "Could not determine the start\u00a0status of this reservation" when I end my trip.',
  ])('finds it in %j', (text) => {
    expect(mentionsStartStatusError(text)).toBe(true);
  });

  it.each([
    '',
    'Could not determine the end status of this reservation',
    'Could not determine the start status',
    'The reservation could not be started',
  ])('does not find it in %j', (text) => {
    expect(mentionsStartStatusError(text)).toBe(false);
  });
});
