import { describe, expect, it } from 'vitest';
import { controlCenterIds, DEFAULT_CONTROL_CENTER_PATTERNS, validatePattern } from './url-patterns';

const CC = 'https://control-center.example.com';
const PUSH_ID = '-Nx3kQ2aBcDeFgHiJkLm';
const ids = (url: string, patterns = DEFAULT_CONTROL_CENTER_PATTERNS) => controlCenterIds(url, patterns);

describe('controlCenterIds with the default patterns', () => {
  it.each([
    // path
    [`${CC}/reservations/${PUSH_ID}`, { reservationId: PUSH_ID }],
    [`${CC}/reservations/${PUSH_ID}/`, { reservationId: PUSH_ID }],
    [`${CC}/reservations/${PUSH_ID}/logbook`, { reservationId: PUSH_ID }],
    [`${CC}/admin/reservations/${PUSH_ID}`, { reservationId: PUSH_ID }],
    [`${CC}//reservations//${PUSH_ID}`, { reservationId: PUSH_ID }],
    [`${CC}/Reservations/${PUSH_ID}`, { reservationId: PUSH_ID }],
    [`${CC}/cars/car-1234`, { carId: 'car-1234' }],
    [`${CC}/cars/car-1234/`, { carId: 'car-1234' }],
    [`${CC}/cars/car-1234/reservations/${PUSH_ID}`, { carId: 'car-1234', reservationId: PUSH_ID }],
    [`${CC}/cars/car-1234/reservations/${PUSH_ID}/edit?tab=trip`, { carId: 'car-1234', reservationId: PUSH_ID }],
    [`http://127.0.0.1:4321/reservations/${PUSH_ID}`, { reservationId: PUSH_ID }],
    // hash routers
    [`${CC}/#/reservations/${PUSH_ID}`, { reservationId: PUSH_ID }],
    [`${CC}/#!/reservations/${PUSH_ID}`, { reservationId: PUSH_ID }],
    [`${CC}/app#/cars/car-1234/reservations/${PUSH_ID}`, { carId: 'car-1234', reservationId: PUSH_ID }],
    [`${CC}/#/cars/car-1234?tab=reservations`, { carId: 'car-1234' }],
    // query, in the search or in the hash
    [`${CC}/reservation?reservationId=${PUSH_ID}`, { reservationId: PUSH_ID }],
    [`${CC}/?carId=car-1234&reservationId=${PUSH_ID}`, { carId: 'car-1234', reservationId: PUSH_ID }],
    [`${CC}/#/reservation?reservationId=${PUSH_ID}`, { reservationId: PUSH_ID }],
    // a path id plus a query id from two patterns
    [`${CC}/reservations/${PUSH_ID}?carId=car-1234`, { carId: 'car-1234', reservationId: PUSH_ID }],
    // encoded ids are decoded
    [`${CC}/cars/car%201234`, { carId: 'car 1234' }],
    [`${CC}/cars/auto-%C3%A9t%C3%A9`, { carId: 'auto-été' }],
    [`${CC}/?reservationId=%2DNx3kQ2aBcDeFgHiJkLm`, { reservationId: PUSH_ID }],
  ])('%s', (url, expected) => {
    expect(ids(url)).toEqual(expected);
  });

  it.each([
    [`${CC}/`, 'the index'],
    [`${CC}/reservations`, 'a list without id'],
    [`${CC}/reservations/`, 'a list with trailing slash'],
    [`${CC}/cars`, 'a list of cars'],
    [`${CC}/members/42`, 'another kind of page'],
    [`${CC}/#/`, 'an empty hash route'],
    [`${CC}/?reservationId=`, 'an empty query id'],
    ['not a url', 'text that is no URL'],
    ['/reservations/abc', 'a relative URL'],
  ])('%s (%s) is not recognised', (url) => {
    expect(ids(url)).toBeNull();
  });

  it.each([
    [`${CC}/cars/car.1234`, 'dot'],
    [`${CC}/cars/car%231234`, 'encoded #'],
    [`${CC}/cars/car$1234`, 'dollar'],
    [`${CC}/cars/car%5B1%5D`, 'brackets'],
    [`${CC}/cars/car%2F1234`, 'encoded slash'],
    [`${CC}/cars/car%0A1234`, 'control character'],
    [`${CC}/cars/car%E0%A4%A`, 'malformed escape'],
    [`${CC}/?reservationId=a.b`, 'dot in a query id'],
  ])('rejects an id that is not a Firebase key: %s (%s)', (url) => {
    expect(ids(url)).toBeNull();
  });

  it('keeps the valid id when the other is unsafe', () => {
    expect(ids(`${CC}/cars/car.1/reservations/${PUSH_ID}`)).toEqual({ reservationId: PUSH_ID });
  });
});

describe('controlCenterIds with custom patterns', () => {
  it('requires literal query values and every query part', () => {
    const patterns = ['/detail?type=reservation&id=:reservationId'];
    expect(controlCenterIds(`${CC}/detail?id=r1&type=reservation`, patterns)).toEqual({ reservationId: 'r1' });
    expect(controlCenterIds(`${CC}/detail?id=r1&type=car`, patterns)).toBeNull();
    expect(controlCenterIds(`${CC}/detail?type=reservation`, patterns)).toBeNull();
    expect(controlCenterIds(`${CC}/other?id=r1&type=reservation`, patterns)).toBeNull();
  });

  it('lets the first listed pattern win when two disagree', () => {
    const url = `${CC}/reservations/r-path?reservationId=r-query`;
    expect(controlCenterIds(url, ['?reservationId=:reservationId', '/reservations/:reservationId'])).toEqual({
      reservationId: 'r-query',
    });
    expect(controlCenterIds(url, ['/reservations/:reservationId', '?reservationId=:reservationId'])).toEqual({
      reservationId: 'r-path',
    });
  });

  it('matches a hash pattern only against the hash, a path pattern only against the path', () => {
    expect(controlCenterIds(`${CC}/#/cars/c1`, ['/cars/:carId'])).toBeNull();
    expect(controlCenterIds(`${CC}/cars/c1`, ['#/cars/:carId'])).toBeNull();
    expect(controlCenterIds(`${CC}/cc/#/cars/c1`, ['/cc#/cars/:carId'])).toEqual({ carId: 'c1' });
    expect(controlCenterIds(`${CC}/other/#/cars/c1`, ['/cc#/cars/:carId'])).toBeNull();
  });

  it('skips invalid patterns instead of failing', () => {
    expect(controlCenterIds(`${CC}/cars/c1`, ['cars/:carId', '/cars/:memberId', '/cars/:carId'])).toEqual({ carId: 'c1' });
    expect(controlCenterIds(`${CC}/cars/c1`, [])).toBeNull();
  });
});

describe('validatePattern', () => {
  it('accepts every default pattern', () => {
    for (const pattern of DEFAULT_CONTROL_CENTER_PATTERNS) expect(validatePattern(pattern), pattern).toBeNull();
  });

  it.each([
    '/reservations/:reservationId',
    '/cc#/cars/:carId?tab=reservations',
    '?type=reservation&id=:reservationId',
    '#!/reservations/:reservationId',
    '  /cars/:carId  ',
  ])('accepts %s', (pattern) => {
    expect(validatePattern(pattern)).toBeNull();
  });

  it.each([
    ['', 'A pattern cannot be empty.'],
    ['   ', 'A pattern cannot be empty.'],
    ['/reservations/list', 'A pattern needs :carId or :reservationId.'],
    ['/reservations/:id', 'Unknown placeholder :id: use :carId or :reservationId.'],
    ['/cars/:carid', 'Unknown placeholder :carid: use :carId or :reservationId.'],
    ['reservations/:reservationId', 'A pattern starts with /, ? or #, e.g. /reservations/:reservationId.'],
    [
      'https://cc.example.com/reservations/:reservationId',
      'Leave out the address (https://…): start the pattern at the path, e.g. /reservations/:reservationId.',
    ],
    ['/reservations/ :reservationId', 'A pattern cannot contain spaces.'],
    ['/cars/car-:carId', ':carId must fill a whole path segment or query value, e.g. /cars/:carId or ?id=:carId.'],
    ['/cars/:carId/again/:carId', ':carId appears more than once; use it once per pattern.'],
    ['?reservationId', 'Write query parts as name=:reservationId or name=value.'],
    ['?:reservationId=x', 'Placeholders go in the query value, e.g. ?reservationId=:reservationId.'],
  ])('rejects %j', (pattern, sentence) => {
    expect(validatePattern(pattern)).toBe(sentence);
  });
});
