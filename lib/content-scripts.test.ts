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
  it('registers the Control Center script for its granted origin only; Odoo gets none (its sidebar is injected on demand)', async () => {
    const access = fakeHostAccess();
    access.grant(ODOO);
    await syncContentScripts(settings);
    expect(access.matches('control-center')).toBeNull(); // not granted: no script there
    access.grant(CC);
    await syncContentScripts(settings);
    expect(access.matches('control-center')).toEqual([`${CC}/*`]);
    expect(await fakeBrowser.scripting.getRegisteredContentScripts()).toHaveLength(1);
  });

  it('re-syncing after a change replaces the registration (no duplicate id)', async () => {
    const access = fakeHostAccess();
    access.grant(CC);
    await syncContentScripts(settings);
    await syncContentScripts(settings);
    expect(access.matches('control-center')).toEqual([`${CC}/*`]);
    await syncContentScripts({ ...settings, controlCenter: { ...settings.controlCenter, origin: '' } });
    expect(access.matches('control-center')).toBeNull();
  });

  it('drops a script an earlier version registered (the Odoo loader persisted across the update)', async () => {
    const access = fakeHostAccess();
    access.grant(ODOO);
    access.grant(CC);
    await fakeBrowser.scripting.registerContentScripts([{ id: 'odoo', js: ['content-scripts/odoo-loader.js'], matches: [`${ODOO}/*`] }]);
    await syncContentScripts(settings);
    expect(access.matches('odoo')).toBeNull();
    expect(access.matches('control-center')).toEqual([`${CC}/*`]);
  });

  it('removing an origin from the settings gives its access back; the others keep theirs', async () => {
    const access = fakeHostAccess();
    for (const origin of companyOrigins(settings)) access.grant(origin);
    const next = { ...settings, odooOrigins: [ODOO] };
    expect(await releaseRemovedOrigins(settings, next)).toEqual([`${ODOO_OLD}/*`]);
    expect(await fakeBrowser.permissions.contains({ origins: [`${ODOO_OLD}/*`] })).toBe(false);
    expect(await fakeBrowser.permissions.contains({ origins: [`${ODOO}/*`, `${CC}/*`, 'https://gitlab.example.com/*'] })).toBe(true);
  });

  it('never tries to give back what the manifest grants (the sandbox build’s loopback)', async () => {
    const access = fakeHostAccess({ required: ['http://127.0.0.1/*'] });
    const local = {
      ...DEFAULT_SETTINGS,
      odooOrigins: ['http://127.0.0.1:8069'],
      controlCenter: { ...DEFAULT_SETTINGS.controlCenter, origin: 'http://127.0.0.1:8070' },
      gitlab: { ...DEFAULT_SETTINGS.gitlab, host: '' },
    };
    expect(await releaseRemovedOrigins(local, DEFAULT_SETTINGS)).toEqual([]);
    await syncContentScripts(local);
    expect(access.matches('control-center')).toEqual(['http://127.0.0.1:8070/*']);
  });
});
