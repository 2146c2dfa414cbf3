// The popup's Odoo line, from an open Odoo tab's own session (relayed to its content script). The fake
// browser's tabs know no URLs nor content scripts: the stand-in below answers as Chrome does (a tab
// without our script rejects "Receiving end does not exist").
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { odooState } from './systems-status';

const settings: Settings = { ...DEFAULT_SETTINGS, odooOrigins: ['https://odoo.example.com'] };

function openTabs(tabs: Array<{ id: number; url: string; answer: unknown }>) {
  const queried: unknown[] = [];
  Object.assign(fakeBrowser.tabs, {
    async query(filter: { url?: string[] }) {
      queried.push(filter);
      return tabs.filter((tab) => filter.url?.some((pattern) => tab.url.startsWith(pattern.replace(/\*$/, ''))));
    },
    async sendMessage(tabId: number) {
      const tab = tabs.find((candidate) => candidate.id === tabId);
      if (!tab || tab.answer === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
      return tab.answer;
    },
  });
  return queried;
}

beforeEach(() => fakeBrowser.reset());

describe('the popup’s Odoo line', () => {
  it('names the engineer from the first Odoo tab whose script answers', async () => {
    const queried = openTabs([
      { id: 1, url: 'https://odoo.example.com/odoo/helpdesk/1', answer: undefined }, // opened before install
      { id: 2, url: 'https://odoo.example.com/odoo/helpdesk/2', answer: { ok: true, value: { name: 'Mitchell Admin', login: 'admin', db: 'prod', version: 17 } } },
    ]);
    expect(await odooState(settings)).toEqual({ state: 'ok', who: 'Mitchell Admin', detail: 'admin on prod (Odoo 17)' });
    expect(queried).toEqual([{ url: ['https://odoo.example.com/*'] }]);
  });

  it('says the session expired, with the fix', async () => {
    openTabs([{ id: 3, url: 'https://odoo.example.com/web', answer: { ok: false, error: 'Your Odoo session has expired. Reload the page and sign in again; nothing was changed.' } }]);
    expect(await odooState(settings)).toEqual({ state: 'signed-out', detail: 'Your Odoo session has expired: sign in to Odoo again.' });
  });

  it('without an Odoo tab, or without an Odoo address, says what to do', async () => {
    openTabs([{ id: 4, url: 'https://elsewhere.example.com/', answer: { ok: true, value: {} } }]);
    expect(await odooState(settings)).toEqual({ state: 'warning', detail: 'Open an Odoo ticket in a tab to check your Odoo session.' });
    expect(await odooState(DEFAULT_SETTINGS)).toEqual({ state: 'not-configured', detail: 'Add your Odoo address in the settings.' });
  });
});
