// Host access and content-script registration, with the fake browser. It lacks `permissions` and
// `scripting`: the stand-ins below behave as Chrome's do (match patterns without a port cover every
// port, required permissions cannot be removed, a duplicate or unknown script id is an error).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import {
  companyOrigins,
  matchPattern,
  matchPatternFor,
  patternCoversOrigin,
  releaseRemovedOrigins,
  requestCompanyOrigins,
  syncContentScripts,
} from './content-scripts';

type Script = Browser.scripting.RegisteredContentScript;

/** Chrome's host access for one extension: the manifest's required hosts plus what the engineer granted. */
function fakeHostAccess(options: { required?: string[]; userAccepts?: boolean } = {}) {
  const required = options.required ?? [];
  const granted = new Set<string>();
  const scripts = new Map<string, Script>();
  const prompts: string[][] = [];
  const covered = (pattern: string) => {
    const origin = /^(https?:\/\/[^/]+)\//.exec(pattern)?.[1];
    return origin !== undefined && [...required, ...granted].some((have) => patternCoversOrigin(have, origin));
  };
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({ manifest_version: 3, name: 'Support Overlay', version: '0.1.0', host_permissions: required }),
  });
  Object.assign(fakeBrowser.permissions, {
    async contains({ origins = [] }: { origins?: string[] }) {
      return origins.every(covered);
    },
    async request({ origins = [] }: { origins?: string[] }) {
      prompts.push(origins);
      if (!options.userAccepts) return false;
      origins.forEach((origin) => granted.add(origin));
      return true;
    },
    async remove({ origins = [] }: { origins?: string[] }) {
      if (origins.some((origin) => required.includes(origin))) throw new Error('You cannot remove required permissions.');
      const had = origins.every((origin) => granted.has(origin));
      origins.forEach((origin) => granted.delete(origin));
      return had;
    },
  });
  Object.assign(fakeBrowser.scripting, {
    async getRegisteredContentScripts() {
      return [...scripts.values()].map((script) => structuredClone(script));
    },
    async registerContentScripts(list: Script[]) {
      for (const script of list) if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      for (const script of list) scripts.set(script.id, structuredClone(script));
    },
    async unregisterContentScripts({ ids = [] }: { ids?: string[] } = {}) {
      for (const id of ids) if (!scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      ids.forEach((id) => scripts.delete(id));
    },
  });
  return {
    granted,
    prompts,
    grant: (origin: string) => granted.add(matchPattern(origin)),
    matches: (id: string) => scripts.get(id)?.matches ?? null,
  };
}

const ODOO = 'https://odoo.example.com';
const ODOO_OLD = 'https://odoo-old.example.com';
const CC = 'https://cc.example.com';
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  odooOrigins: [ODOO, ODOO_OLD],
  controlCenter: { ...DEFAULT_SETTINGS.controlCenter, origin: CC },
  gitlab: { ...DEFAULT_SETTINGS.gitlab, host: 'https://gitlab.example.com' },
  firebase: { apiKey: 'k', authDomain: 'p.firebaseapp.com', databaseURL: 'https://p-default-rtdb.firebaseio.com/', projectId: 'p' },
};

beforeEach(() => fakeBrowser.reset());

describe('which origins the settings need', () => {
  it('Odoo, Control Center, GitLab and the database, each once; never a local emulator', () => {
    expect(companyOrigins(settings)).toEqual([ODOO, ODOO_OLD, CC, 'https://gitlab.example.com', 'https://p-default-rtdb.firebaseio.com']);
    expect(companyOrigins({ ...settings, firebase: { ...settings.firebase, emulators: { database: '127.0.0.1:9000' } } })).not.toContain(
      'https://p-default-rtdb.firebaseio.com',
    );
    expect(companyOrigins({ ...DEFAULT_SETTINGS, gitlab: { ...DEFAULT_SETTINGS.gitlab, host: '' } })).toEqual([]);
  });

  it('asks the browser for all of them in one prompt, and reports a refusal', async () => {
    const refused = fakeHostAccess({ userAccepts: false });
    expect(await requestCompanyOrigins(settings)).toBe(false);
    expect(refused.prompts).toEqual([companyOrigins(settings).map((origin) => `${origin}/*`)]);
    expect(refused.granted.size).toBe(0);

    const accepted = fakeHostAccess({ userAccepts: true });
    expect(await requestCompanyOrigins(settings)).toBe(true);
    expect(await fakeBrowser.permissions.contains({ origins: [`${ODOO}/*`, `${CC}/*`] })).toBe(true);
    expect(accepted.prompts).toHaveLength(1);
  });
});

describe('content scripts follow the configured and granted origins', () => {
  it('registers each script for exactly its granted origins', async () => {
    const access = fakeHostAccess();
    access.grant(ODOO);
    access.grant(CC);
    await syncContentScripts(settings);
    expect(access.matches('odoo')).toEqual([`${ODOO}/*`]); // ODOO_OLD not granted: no script there
    expect(access.matches('control-center')).toEqual([`${CC}/*`]);
  });

  it('re-syncing after a change replaces the registration (no duplicate id)', async () => {
    const access = fakeHostAccess();
    access.grant(ODOO);
    access.grant(ODOO_OLD);
    await syncContentScripts(settings);
    expect(access.matches('odoo')).toEqual([`${ODOO}/*`, `${ODOO_OLD}/*`]);
    await syncContentScripts({ ...settings, odooOrigins: [ODOO], controlCenter: { ...settings.controlCenter, origin: '' } });
    expect(access.matches('odoo')).toEqual([`${ODOO}/*`]);
    expect(access.matches('control-center')).toBeNull();
  });

  it('removing an origin from the settings gives its access back; the others keep theirs', async () => {
    const access = fakeHostAccess();
    for (const origin of companyOrigins(settings)) access.grant(origin);
    const next = { ...settings, odooOrigins: [ODOO] };
    expect(await releaseRemovedOrigins(settings, next)).toEqual([`${ODOO_OLD}/*`]);
    expect(await fakeBrowser.permissions.contains({ origins: [`${ODOO_OLD}/*`] })).toBe(false);
    expect(await fakeBrowser.permissions.contains({ origins: [`${ODOO}/*`, `${CC}/*`, 'https://gitlab.example.com/*'] })).toBe(true);
    await syncContentScripts(next);
    expect(access.matches('odoo')).toEqual([`${ODOO}/*`]);
  });

  it('never tries to give back what the manifest grants (the sandbox build’s loopback)', async () => {
    const access = fakeHostAccess({ required: ['http://127.0.0.1/*'] });
    const local = { ...DEFAULT_SETTINGS, odooOrigins: ['http://127.0.0.1:8069'], gitlab: { ...DEFAULT_SETTINGS.gitlab, host: '' } };
    expect(await releaseRemovedOrigins(local, DEFAULT_SETTINGS)).toEqual([]);
    await syncContentScripts(local);
    expect(access.matches('odoo')).toEqual(['http://127.0.0.1:8069/*']);
  });
});

describe('match patterns per browser', () => {
  it('Chrome keeps the port; Firefox cannot, so it covers the host on every port', () => {
    expect(matchPatternFor('http://127.0.0.1:8069', 'chrome')).toBe('http://127.0.0.1:8069/*');
    expect(matchPatternFor('http://127.0.0.1:8069', 'firefox')).toBe('http://127.0.0.1/*');
    expect(matchPatternFor('https://odoo.example.com', 'firefox')).toBe('https://odoo.example.com/*');
  });

  it('a manifest pattern covers an origin as the browser would', () => {
    expect(patternCoversOrigin('http://127.0.0.1/*', 'http://127.0.0.1:8069')).toBe(true);
    expect(patternCoversOrigin('http://127.0.0.1:8069/*', 'http://127.0.0.1:9000')).toBe(false);
    expect(patternCoversOrigin('https://*.example.com/*', 'https://odoo.example.com')).toBe(true);
    expect(patternCoversOrigin('https://*.example.com/*', 'https://example.org')).toBe(false);
    expect(patternCoversOrigin('*://*/*', 'http://anything.test')).toBe(true);
    expect(patternCoversOrigin('https://odoo.example.com/*', 'http://odoo.example.com')).toBe(false);
  });
});
