// The popup's Odoo line, from an open Odoo tab's own session, asked inside that tab. The fake browser's
// tabs know no URLs: the stand-in below filters by match pattern as Chrome does, and each tab's fetch
// answers with the real Odoo 16 samples (or fails, as a discarded tab or an error page does).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { odooState } from './systems-status';
import { loadSample, sampleFetch } from './odoo/odoo16-samples.testkit';

const settings: Settings = { ...DEFAULT_SETTINGS, odooOrigins: ['https://odoo.example.com'] };

function openTabs(tabs: Array<{ id: number; url: string }>) {
  const queried: unknown[] = [];
  Object.assign(fakeBrowser.tabs, {
    async query(filter: { url?: string[] }) {
      queried.push(filter);
      return tabs.filter((tab) => filter.url?.some((pattern) => tab.url.startsWith(pattern.replace(/\*$/, ''))));
    },
  });
  return queried;
}

const unreachable: typeof fetch = () => Promise.reject(new TypeError('The Odoo tab did not answer.'));

beforeEach(() => fakeBrowser.reset());

describe('the popup’s Odoo line', () => {
  it('names the engineer from the first Odoo tab that answers, asking on that tab’s origin', async () => {
    const queried = openTabs([
      { id: 1, url: 'https://odoo.example.com/odoo/helpdesk/1' }, // discarded: cannot answer
      { id: 2, url: 'https://odoo.example.com/web#action=12' },
    ]);
    const session = sampleFetch(loadSample('session-get_session_info.json'));
    const asked: number[] = [];
    const state = await odooState(settings, (tabId) => {
      asked.push(tabId);
      return tabId === 2 ? session.fetch : unreachable;
    });
    expect(state).toEqual({ state: 'ok', who: 'Mitchell Admin', detail: 'admin on helpdesk (Odoo 16)' });
    expect(asked).toEqual([1, 2]);
    expect(session.requests.map((request) => request.url)).toEqual(['https://odoo.example.com/web/session/get_session_info']);
    expect(queried).toEqual([{ url: ['https://odoo.example.com/*'] }]);
  });

  it('says the session expired, with the fix', async () => {
    openTabs([{ id: 3, url: 'https://odoo.example.com/web' }]);
    const expired = sampleFetch(loadSample('err-session-expired.json'));
    expect(await odooState(settings, () => expired.fetch)).toEqual({ state: 'signed-out', detail: 'Your Odoo session has expired: sign in to Odoo again.' });
  });

  it('without an Odoo tab that answers, or without an Odoo address, says what to do', async () => {
    openTabs([
      { id: 4, url: 'https://elsewhere.example.com/' },
      { id: 5, url: 'https://odoo.example.com/web' },
    ]);
    expect(await odooState(settings, () => unreachable)).toEqual({ state: 'warning', detail: 'Open Odoo in a tab to check your Odoo session.' });
    expect(await odooState(DEFAULT_SETTINGS, () => unreachable)).toEqual({ state: 'not-configured', detail: 'Add your Odoo address in the settings.' });
  });
});
