// Code paths where Firefox differs from Chrome (Playwright's Firefox cannot run here, so these are unit
// tests): extension pages live at moz-extension://<per-install UUID>, not at the extension id; an MV2
// manifest lists its hosts among `permissions`; match patterns carry no port (content-scripts.test.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { senderAudience } from './messaging';
import { DEFAULT_SETTINGS } from './settings';
import { releaseRemovedOrigins } from './content-scripts';

const GECKO_ID = 'support-overlay@support-team.example';
const OWN_ORIGIN = 'moz-extension://0b8f7c2e-5d1a-4c3b-9e6f-2a7d4c1b8e90';

describe('Firefox: the extension’s own pages', () => {
  const ours = { extensionId: GECKO_ID, extensionOrigin: OWN_ORIGIN, settings: DEFAULT_SETTINGS };

  it('are recognised by their moz-extension origin, since the host is no extension id there', () => {
    expect(senderAudience({ id: GECKO_ID, url: `${OWN_ORIGIN}/options.html` }, ours)).toBe('extension');
    expect(senderAudience({ id: GECKO_ID, url: `${OWN_ORIGIN}/popup.html` }, ours)).toBe('extension');
  });

  it('another add-on’s page, or ours without the origin known, is refused', () => {
    expect(senderAudience({ id: GECKO_ID, url: 'moz-extension://11111111-2222-3333-4444-555555555555/options.html' }, ours)).toBeNull();
    expect(senderAudience({ id: 'other@addon', url: `${OWN_ORIGIN}/options.html` }, ours)).toBeNull();
    expect(senderAudience({ id: GECKO_ID, url: `${OWN_ORIGIN}/options.html` }, { extensionId: GECKO_ID, settings: DEFAULT_SETTINGS })).toBeNull();
  });
});

describe('Firefox: an MV2 manifest lists its hosts among permissions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a host the manifest grants is never given back (MV2 would refuse, as Chrome does)', async () => {
    const removed: string[][] = [];
    Object.assign(fakeBrowser.runtime, {
      getManifest: () => ({ manifest_version: 2, name: 'Support Overlay', version: '0.1.0', permissions: ['storage', 'scripting', 'http://127.0.0.1/*'] }),
    });
    Object.assign(fakeBrowser.permissions, {
      async remove({ origins = [] }: { origins?: string[] }) {
        removed.push(origins);
        return true;
      },
    });
    const local = { ...DEFAULT_SETTINGS, odooOrigins: ['http://127.0.0.1:8069', 'https://odoo.example.com'], gitlab: { ...DEFAULT_SETTINGS.gitlab, host: '' } };
    expect(await releaseRemovedOrigins(local, { ...local, odooOrigins: [] })).toEqual(['https://odoo.example.com/*']);
    expect(removed).toEqual([['https://odoo.example.com/*']]);
  });
});
