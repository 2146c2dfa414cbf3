/**
 * The Control Center "test this URL" field: which car and reservation the configured patterns read from
 * a URL the engineer pastes, and whether the page is on the configured Control Center address.
 */
import { controlCenterIds } from '../control-center/url-patterns';
import type { Settings } from '../settings-schema';
import { report, type CheckReport } from './report';

export function checkControlCenterUrl(url: string, controlCenter: Settings['controlCenter']): CheckReport {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return report('error', 'Paste a whole Control Center address, starting with https://.');
  }
  const ids = controlCenterIds(parsed.href, controlCenter.patterns);
  const found = ids
    ? [ids.carId !== undefined && `car ${ids.carId}`, ids.reservationId !== undefined && `reservation ${ids.reservationId}`].filter(Boolean).join(' and ')
    : '';
  const idsLine = ids
    ? `The repair button would open for ${found}.`
    : 'No pattern finds a car or reservation id in this URL: add a pattern that matches it (see the examples above).';
  if (!controlCenter.origin) return report('warning', idsLine, 'Fill in the Control Center address too, or the button shows nowhere.');
  if (parsed.origin !== controlCenter.origin) {
    return report('warning', idsLine, `This URL is on ${parsed.origin}, not on the configured Control Center ${controlCenter.origin}: the button shows only there.`);
  }
  return report(ids ? 'ok' : 'error', idsLine);
}
