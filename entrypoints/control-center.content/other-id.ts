/**
 * The id the page does not show, pasted by the engineer: another Control Center page's URL, or the id
 * itself. Never guessed: text that is neither gives a sentence.
 */
import { controlCenterIds } from '@/lib/control-center/url-patterns';

type Wanted = 'carId' | 'reservationId';

/** Firebase keys may not be empty nor contain . # $ [ ] / or control characters (nor spaces, in a pasted id). */
const BARE_ID = /^[^.#$[\]/\u0000-\u001f\u007f\s]+$/;

export function otherIdFrom(text: string, wanted: Wanted, patterns: readonly string[]): { id: string } | { sentence: string } {
  const pasted = text.trim();
  const what = wanted === 'carId' ? 'car' : 'reservation';
  if (pasted === '') return { sentence: `Paste the ${what} page's URL or the ${what} id.` };
  if (/^https?:\/\//i.test(pasted)) {
    const id = controlCenterIds(pasted, patterns)?.[wanted];
    return id ? { id } : { sentence: `This URL does not show a ${what} id. Open the ${what}'s page in Control Center and copy its URL.` };
  }
  return BARE_ID.test(pasted) ? { id: pasted } : { sentence: `“${pasted}” is not a ${what} id: an id has no spaces, dots or slashes.` };
}
