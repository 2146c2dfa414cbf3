/**
 * Is a page one the extension is configured for? Used by the background's sender checks and by the content
 * scripts; kept apart from the settings schema so that content scripts needing only this stay small.
 */
import type { Settings } from './settings-schema';

/** Is this origin one of the configured Odoo origins? */
export function isOdooOrigin(settings: Settings, pageOrigin: string): boolean {
  return settings.odooOrigins.includes(pageOrigin);
}

export function isControlCenterOrigin(settings: Settings, pageOrigin: string): boolean {
  return settings.controlCenter.origin !== '' && settings.controlCenter.origin === pageOrigin;
}
