/**
 * The extension runs only on the company origins the team configured and the engineer granted: the
 * release manifest asks for no host at install (only `optional_host_permissions`), the settings page
 * requests the configured origins when saving, the Control Center content script is registered at runtime
 * for exactly its origin (the Odoo sidebar is injected on demand: lib/odoo/sidebar-injection.ts), and an
 * origin removed from the settings loses its access. The background calls
 * `syncContentScripts` at start-up, on every settings change and on every permission change.
 */
import { browser } from '#imports';
import type { Settings } from './settings';

interface ContentScript {
  id: string;
  /** Path of the built script (WXT's output for `entrypoints/<name>.content`). */
  js: string;
  origins: (settings: Settings) => string[];
}

export const CONTENT_SCRIPTS: readonly ContentScript[] = [
  {
    id: 'control-center',
    js: 'content-scripts/control-center.js',
    origins: (settings) => (settings.controlCenter.origin ? [settings.controlCenter.origin] : []),
  },
];

/**
 * The match pattern of one origin. Chrome matches ports (`http://127.0.0.1:8069/*`); Firefox does not
 * accept a port in a match pattern (bug 1362809), so there the pattern covers the host on every port.
 */
export function matchPatternFor(origin: string, browserName: string): string {
  if (browserName !== 'firefox') return `${origin}/*`;
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

export function matchPattern(origin: string): string {
  return matchPatternFor(origin, import.meta.env.BROWSER);
}

/**
 * Every company origin these settings need access to: Odoo (content script), Control Center (content
 * script), GitLab (the background's API calls) and the Firebase database (its REST check). A local
 * database emulator (sandbox) is no company origin.
 */
export function companyOrigins(settings: Settings): string[] {
  const database = settings.firebase.emulators?.database ? '' : originOf(settings.firebase.databaseURL);
  const all = [...settings.odooOrigins, settings.controlCenter.origin, settings.gitlab.host, database].filter(Boolean);
  return [...new Set(all)];
}

function originOf(url: string): string {
  try {
    return url ? new URL(url).origin : '';
  } catch {
    return '';
  }
}

/**
 * Asks the browser for the company origins of these settings that are not granted yet. Must run inside
 * the click that saves (a user gesture): the browser shows its own prompt. False when refused.
 */
export async function requestCompanyOrigins(settings: Settings): Promise<boolean> {
  const wanted = [...new Set(companyOrigins(settings).map(matchPattern))];
  if (wanted.length === 0) return true;
  // Asking for granted origins too would be harmless, but one call keeps the gesture valid for all.
  return browser.permissions.request({ origins: wanted });
}

/** Re-registers each content script for the configured origins the extension may access. */
export async function syncContentScripts(settings: Settings): Promise<void> {
  // All of them, including scripts an earlier version registered and this one no longer has (they persist
  // across sessions and updates): the list only ever holds this extension's own.
  const registered = await browser.scripting.getRegisteredContentScripts();
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: registered.map((script) => script.id) });

  for (const script of CONTENT_SCRIPTS) {
    const granted: string[] = [];
    for (const origin of script.origins(settings)) {
      const pattern = matchPattern(origin);
      if (!granted.includes(pattern) && (await browser.permissions.contains({ origins: [pattern] }))) granted.push(pattern);
    }
    if (granted.length === 0) continue;
    await browser.scripting.registerContentScripts([
      { id: script.id, js: [script.js], matches: granted, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
}

/** Host patterns the manifest itself grants (the sandbox build's loopback): they cannot be given back. */
function manifestHostPatterns(): string[] {
  const manifest = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
  // MV2 (Firefox) lists hosts among `permissions`.
  return [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])].filter((item) => item.includes('://'));
}

/** Does a manifest pattern like `http://127.0.0.1/*` or `https://*.example.com/*` cover this origin? */
export function patternCoversOrigin(pattern: string, origin: string): boolean {
  const match = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!match) return false;
  const [, scheme = '', host = ''] = match;
  const url = new URL(origin);
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  const [hostname = '', port] = host.split(':');
  if (port !== undefined && port !== '*' && port !== url.port) return false;
  if (hostname === '*') return true;
  if (hostname.startsWith('*.')) return url.hostname === hostname.slice(2) || url.hostname.endsWith(hostname.slice(1));
  return url.hostname === hostname;
}

/**
 * Gives back the access to origins the new settings no longer use (an Odoo removed from the list, a
 * GitLab moved elsewhere). Origins still used, and those the manifest itself grants, are kept.
 */
export async function releaseRemovedOrigins(previous: Settings, next: Settings): Promise<string[]> {
  const kept = new Set(companyOrigins(next).map(matchPattern));
  const fixed = manifestHostPatterns();
  const removed = companyOrigins(previous)
    .filter((origin) => !fixed.some((pattern) => patternCoversOrigin(pattern, origin)))
    .map(matchPattern)
    .filter((pattern) => !kept.has(pattern));
  const unique = [...new Set(removed)];
  if (unique.length > 0) await browser.permissions.remove({ origins: unique });
  return unique;
}
