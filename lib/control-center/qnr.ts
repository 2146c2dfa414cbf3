/**
 * QNR = the CloudBoxx id of a car as Control Center shows it (e.g. "QNR-10442").
 * While the box is offline, the process ends a reservation by setting the QNR to `mock-{QNR}` and
 * restoring it afterwards; forgetting the restore is the dangerous part, so these helpers never stack
 * prefixes and always find the original back.
 */

const MOCK_PREFIX = 'mock-';
const MOCK_PREFIXES = /^(?:mock-)+/i;

/** Whether the QNR currently carries the mock- prefix (any case: it still has to be removed). */
export function isMockQnr(qnr: string): boolean {
  return MOCK_PREFIXES.test(qnr.trim());
}

/** The QNR without any mock- prefix: the value to put back once the reservation has ended. */
export function originalQnr(qnr: string): string {
  return qnr.trim().replace(MOCK_PREFIXES, '');
}

/**
 * `mock-{QNR}`; idempotent (never `mock-mock-…`). Throws on a QNR that is blank once the prefix is
 * removed, since the process must be able to restore the original afterwards.
 */
export function mockQnr(qnr: string): string {
  const original = originalQnr(qnr);
  if (original === '') throw new RangeError('The QNR is empty: copy the QNR from Control Center first.');
  return MOCK_PREFIX + original;
}
