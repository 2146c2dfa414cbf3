// When the background brings the sidebar to an Odoo tab. The fake browser has no scripting nor host
// access: the stand-ins below record the injections and answer as Chrome does (a tab without the sidebar
// rejects the "present?" message; the page's answer to the form probe is the test's to choose).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { ODOO_SIDEBAR_SCRIPT, followOdooTabs } from './sidebar-injection';
import { RENDERED_FORM_WITH_STAGES } from './selectors';

const ODOO = 'https://odoo.example.com';
const TICKET = `${ODOO}/odoo/helpdesk/1/tickets/42`;
const settings: Settings = { ...DEFAULT_SETTINGS, odooOrigins: [ODOO] };

/** What the fakes see of an injection (the real type is a union of the file and the function forms). */
interface Injection {
  target: { tabId: number };
  world?: string;
  files?: string[];
  args?: unknown[];
  func?: unknown;
}

function fakeTab(options: { granted?: string[]; formRendered?: boolean; sidebarPresent?: boolean }) {
  const injections: Injection[] = [];
  let present = options.sidebarPresent ?? false;
  Object.assign(fakeBrowser.permissions, {
    async contains({ origins = [] }: { origins?: string[] }) {
      return origins.every((origin) => (options.granted ?? [`${ODOO}/*`]).includes(origin));
    },
  });
  Object.assign(fakeBrowser.scripting, {
    async executeScript(injection: Injection) {
      injections.push(injection);
      if (injection.files) present = true;
      return [{ frameId: 0, result: injection.func ? (options.formRendered ?? true) : undefined }];
    },
  });
  Object.assign(fakeBrowser.tabs, {
    async sendMessage() {
      if (!present) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, value: true };
    },
  });
  return injections;
}

async function update(change: Browser.tabs.OnUpdatedInfo, tab: Partial<Browser.tabs.Tab>) {
  await fakeBrowser.tabs.onUpdated.trigger(7, change, { id: 7, status: 'complete', ...tab } as Browser.tabs.Tab);
  // The listener works on in the background: let its awaits settle.
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  fakeBrowser.reset();
  followOdooTabs(async () => settings);
});

describe('the sidebar comes to an Odoo ticket tab', () => {
  it('once the page says the form is rendered: a probe in the page’s own world, then the sidebar bundle', async () => {
    const injections = fakeTab({});
    await update({ status: 'complete' }, { url: TICKET });
    expect(injections.map((injection) => ({ world: injection.world, files: injection.files, args: injection.args }))).toEqual([
      { world: 'MAIN', files: undefined, args: [RENDERED_FORM_WITH_STAGES, 60_000] },
      { world: undefined, files: [ODOO_SIDEBAR_SCRIPT], args: undefined },
    ]);
    expect(injections.every((injection) => injection.target.tabId === 7)).toBe(true);
  });

  it('after Odoo’s in-page navigation to a ticket (the URL changes, the tab stays complete)', async () => {
    const injections = fakeTab({});
    await update({ url: `${ODOO}/web#id=42&model=helpdesk.ticket&view_type=form` }, { url: `${ODOO}/web#id=42&model=helpdesk.ticket&view_type=form` });
    expect(injections.map((injection) => injection.files ?? injection.world)).toEqual(['MAIN', [ODOO_SIDEBAR_SCRIPT]]);
  });

  it('only once per page: a tab whose sidebar answers gets no second bundle', async () => {
    const injections = fakeTab({ sidebarPresent: true });
    await update({ url: `${ODOO}/odoo/helpdesk/1/tickets/43` }, { url: `${ODOO}/odoo/helpdesk/1/tickets/43` });
    expect(injections.map((injection) => injection.files ?? injection.world)).toEqual(['MAIN']);
  });

  it('not when the form never shows (an error page, another record)', async () => {
    const injections = fakeTab({ formRendered: false });
    await update({ status: 'complete' }, { url: TICKET });
    expect(injections.map((injection) => injection.world)).toEqual(['MAIN']);
  });
});

describe('nothing runs', () => {
  it('on an Odoo page that is no ticket, while a page still loads, or on updates that are no navigation', async () => {
    const injections = fakeTab({});
    await update({ status: 'complete' }, { url: `${ODOO}/odoo/helpdesk` });
    await update({ status: 'loading', url: TICKET }, { url: TICKET, status: 'loading' });
    await update({ title: 'Ticket 42' }, { url: TICKET });
    expect(injections).toEqual([]);
  });

  it('on an origin that is not configured, or configured but not granted', async () => {
    const injections = fakeTab({ granted: [] });
    await update({ status: 'complete' }, { url: TICKET });
    await update({ status: 'complete' }, { url: 'https://elsewhere.example.com/odoo/helpdesk/1/tickets/42' });
    expect(injections).toEqual([]);
  });
});
