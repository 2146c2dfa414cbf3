/**
 * "Who am I on each system" for the popup, computed in the background: Odoo from an open Odoo tab's own
 * session (asked inside that tab), GitLab from the stored token, Firebase from the auth session.
 */
import { browser } from '#imports';
import type { Settings } from './settings';
import type { SystemState, SystemsStatus } from './messaging';
import { matchPattern } from './content-scripts';
import { OdooError, createOdooRpc } from './odoo/rpc';
import { tabFetch } from './odoo/tab-fetch';

export async function odooState(settings: Settings, fetchIn: (tabId: number) => typeof fetch = tabFetch): Promise<SystemState> {
  if (settings.odooOrigins.length === 0) {
    return { state: 'not-configured', detail: 'Add your Odoo address in the settings.' };
  }
  const tabs = await browser.tabs.query({ url: settings.odooOrigins.map(matchPattern) });
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url) continue;
    try {
      const session = await createOdooRpc({ origin: new URL(tab.url).origin, fetch: fetchIn(tab.id) }).sessionInfo();
      return { state: 'ok', who: session.name, detail: `${session.username} on ${session.db} (Odoo ${session.serverVersion})` };
    } catch (error) {
      if (error instanceof OdooError && error.kind === 'session-expired') {
        return { state: 'signed-out', detail: 'Your Odoo session has expired: sign in to Odoo again.' };
      }
      // A tab that cannot answer (still loading, discarded, an error page): try the next one.
    }
  }
  return { state: 'warning', detail: 'Open Odoo in a tab to check your Odoo session.' };
}

export async function systemsStatus(
  settings: Settings,
  others: { gitlab: () => Promise<SystemState>; firebase: () => Promise<SystemState> },
): Promise<SystemsStatus> {
  const [odoo, gitlab, firebase] = await Promise.all([odooState(settings), others.gitlab(), others.firebase()]);
  return { odoo, gitlab, firebase };
}
