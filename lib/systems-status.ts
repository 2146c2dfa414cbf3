/**
 * "Who am I on each system" for the popup, computed in the background: Odoo from an open Odoo tab's own
 * session (relayed to its content script), GitLab from the stored token, Firebase from the auth session.
 */
import { browser } from '#imports';
import type { Settings } from './settings';
import { sendToTab, type SystemState, type SystemsStatus } from './messaging';
import { matchPattern } from './content-scripts';

export async function odooState(settings: Settings): Promise<SystemState> {
  if (settings.odooOrigins.length === 0) {
    return { state: 'not-configured', detail: 'Add your Odoo address in the settings.' };
  }
  const tabs = await browser.tabs.query({ url: settings.odooOrigins.map(matchPattern) });
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      const session = await sendToTab(tab.id, 'odoo.session', {});
      return { state: 'ok', who: session.name, detail: `${session.login} on ${session.db} (Odoo ${session.version})` };
    } catch (error) {
      if (error instanceof Error && /expired/i.test(error.message)) {
        return { state: 'signed-out', detail: 'Your Odoo session has expired: sign in to Odoo again.' };
      }
      // Tab without our content script (not reloaded since install): try the next one.
    }
  }
  return { state: 'warning', detail: 'Open an Odoo ticket in a tab to check your Odoo session.' };
}

export async function systemsStatus(
  settings: Settings,
  others: { gitlab: () => Promise<SystemState>; firebase: () => Promise<SystemState> },
): Promise<SystemsStatus> {
  const [odoo, gitlab, firebase] = await Promise.all([odooState(settings), others.gitlab(), others.firebase()]);
  return { odoo, gitlab, firebase };
}
