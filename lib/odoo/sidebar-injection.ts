/**
 * Brings the sidebar to the engineer's Odoo ticket tabs without any content script running while Odoo loads.
 *
 * Why: Odoo stays open all day. Even a tiny registered content script makes the browser build an isolated
 * world during Odoo's own first render, which `npm run bench` measured at about 5 % of the ticket page's
 * load. So the background watches the tabs instead: on a ticket URL of a configured, granted Odoo origin it
 * asks the page (in its MAIN world, which needs no isolated world) to wait until Odoo has rendered a form,
 * and only then injects the sidebar bundle, which from then on follows Odoo's in-page navigation itself.
 */
import { browser, type Browser } from '#imports';
import type { Settings } from '../settings';
import { sendToTab } from '../messaging';
import { isOdooOrigin } from '../configured-origins';
import { matchPattern } from '../content-scripts';
import { ticketFromUrl } from './ticket-url';
import { RENDERED_FORM_WITH_STAGES } from './selectors';

/** The sidebar bundle (WXT's output for entrypoints/odoo.content). */
export const ODOO_SIDEBAR_SCRIPT = '/content-scripts/odoo.js';

/** How long the page is asked to wait for Odoo to render the form (a slow server, a long ticket). */
const FORM_WAIT_MS = 60_000;

/**
 * Runs in the page's MAIN world, so it must stay self-contained (it is serialised). Resolves true once a
 * form matching `selector` is rendered, false after `waitMs`. It looks on idle callbacks, never on every
 * DOM mutation, so it costs nothing while Odoo renders.
 */
function formRendered(selector: string, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const until = Date.now() + waitMs;
    const look = () => {
      if (document.querySelector(selector)) resolve(true);
      else if (Date.now() > until) resolve(false);
      else requestIdleCallback(look, { timeout: 500 });
    };
    look();
  });
}

async function sidebarPresent(tabId: number): Promise<boolean> {
  // A tab without the sidebar has no receiving end: the message fails, which means "not there".
  return sendToTab(tabId, 'odoo.sidebarPresent', {}).catch(() => false);
}

/** Tabs whose probe is running: one at a time per tab (Odoo fires several updates per navigation). */
const probing = new Set<number>();

/** Waits for the ticket form in this tab, then injects the sidebar unless it is already there. */
export async function bringSidebar(tabId: number): Promise<void> {
  if (probing.has(tabId)) return;
  probing.add(tabId);
  try {
    // Probe first, ask the tab second: on a fresh page the sidebar cannot be there yet, and a message
    // to the tab would be one more task for its renderer while Odoo renders.
    const [probe] = await browser.scripting.executeScript({
      target: { tabId },
      world: 'MAIN',
      func: formRendered,
      args: [RENDERED_FORM_WITH_STAGES, FORM_WAIT_MS],
    });
    if (probe?.result !== true || (await sidebarPresent(tabId))) return;
    await browser.scripting.executeScript({ target: { tabId }, files: [ODOO_SIDEBAR_SCRIPT] });
  } catch (error) {
    // The tab was closed or navigated away mid-probe, or the page is an error page: the next update retries.
    if (!/no tab|closed|removed|cannot access|error page|frame/i.test(String(error))) {
      console.warn('Support Overlay: the sidebar could not be loaded.', error);
    }
  } finally {
    probing.delete(tabId);
  }
}

/** Should this tab get the sidebar? A ticket URL of a configured Odoo origin the engineer granted. */
async function wantsSidebar(url: string | undefined, settings: Settings): Promise<boolean> {
  if (!url || !ticketFromUrl(url)) return false;
  const origin = new URL(url).origin;
  return isOdooOrigin(settings, origin) && browser.permissions.contains({ origins: [matchPattern(origin)] });
}

/**
 * Follows the engineer's tabs: a page load that completes, or Odoo's in-page navigation (pushState or a
 * hash change: the tab's URL changes while it stays complete), on a ticket brings the sidebar. Tabs open
 * before the extension was installed or updated get it too.
 */
export function followOdooTabs(currentSettings: () => Promise<Settings>): void {
  const consider = async (tab: Browser.tabs.Tab) => {
    if (tab.id === undefined || tab.status !== 'complete') return;
    if (await wantsSidebar(tab.url, await currentSettings())) await bringSidebar(tab.id);
  };
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    if (change.status === 'complete' || change.url !== undefined) void consider(tab).catch(() => undefined);
  });
  browser.runtime.onInstalled.addListener(() => {
    void browser.tabs
      .query({ status: 'complete' })
      .then((tabs) => Promise.all(tabs.map(consider)))
      .catch(() => undefined);
  });
}
