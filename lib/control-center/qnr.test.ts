import { describe, expect, it } from 'vitest';
import { isMockQnr, mockQnr, originalQnr } from './qnr';

describe('mockQnr', () => {
  it('prefixes mock-', () => {
    expect(mockQnr('QNR-10442')).toBe('mock-QNR-10442');
  });

  it('is idempotent: never mock-mock-', () => {
    expect(mockQnr(mockQnr('QNR-10442'))).toBe('mock-QNR-10442');
    expect(mockQnr('mock-mock-QNR-10442')).toBe('mock-QNR-10442');
    expect(mockQnr('MOCK-QNR-10442')).toBe('mock-QNR-10442');
  });

  it('ignores the spaces around a pasted QNR', () => {
    expect(mockQnr('  QNR-10442\n')).toBe('mock-QNR-10442');
  });

  it('refuses a blank QNR, which could not be restored', () => {
    expect(() => mockQnr('')).toThrow('The QNR is empty');
    expect(() => mockQnr('mock-')).toThrow('The QNR is empty');
  });
});

describe('originalQnr', () => {
  it.each([
    ['mock-QNR-10442', 'QNR-10442'],
    ['mock-mock-QNR-10442', 'QNR-10442'],
    ['Mock-QNR-10442', 'QNR-10442'],
    ['QNR-10442', 'QNR-10442'],
    [' mock-QNR-10442 ', 'QNR-10442'],
    ['QNR-mock-1', 'QNR-mock-1'],
  ])('%j → %j', (qnr, original) => {
    expect(originalQnr(qnr)).toBe(original);
  });

  it('round-trips with mockQnr', () => {
    expect(originalQnr(mockQnr('QNR-20871'))).toBe('QNR-20871');
  });
});

describe('isMockQnr', () => {
  it.each([
    ['mock-QNR-10442', true],
    ['MOCK-QNR-10442', true],
    [' mock-QNR-10442', true],
    ['QNR-10442', false],
    ['QNR-mock-10442', false],
    ['mockQNR-10442', false],
    ['', false],
  ])('%j → %s', (qnr, mocked) => {
    expect(isMockQnr(qnr)).toBe(mocked);
  });
});
