/**
 * The backend error the support process has a procedure for ("Common support requests" in the process):
 * the reservation was started while the CloudBoxx was offline and the member had no Bluetooth.
 */
export const START_STATUS_ERROR = 'Could not determine the start status of this reservation';

const NEEDLE = normalise(START_STATUS_ERROR);

/** Whether a text (a page's error box, a ticket body) mentions that error, whatever its case or line breaks. */
export function mentionsStartStatusError(text: string): boolean {
  return normalise(text).includes(NEEDLE);
}

// \s covers non-breaking spaces and line breaks, which pasted mails and HTML are full of.
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}
