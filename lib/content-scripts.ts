/**
 * The content scripts run only on the origins the team configured (and the engineer granted): they are
 * registered at runtime rather than declared in the manifest, so the release build carries no blanket
 * host access. Called by the background at start-up and whenever the settings change.
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
  { id: 'odoo', js: 'content-scripts/odoo.js', origins: (settings) => settings.odooOrigins },
  {
    id: 'control-center',
    js: 'content-scripts/control-center.js',
    origins: (settings) => (settings.controlCenter.origin ? [settings.controlCenter.origin] : []),
  },
];

export function matchPattern(origin: string): string {
  return `${origin}/*`;
}

/** Re-registers each content script for the configured origins the extension may access. */
export async function syncContentScripts(settings: Settings): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.map((script) => script.id).filter((id) => CONTENT_SCRIPTS.some((script) => script.id === id));
  if (ours.length > 0) await browser.scripting.unregisterContentScripts({ ids: ours });

  for (const script of CONTENT_SCRIPTS) {
    const granted: string[] = [];
    for (const origin of script.origins(settings)) {
      if (await browser.permissions.contains({ origins: [matchPattern(origin)] })) granted.push(matchPattern(origin));
    }
    if (granted.length === 0) continue;
    await browser.scripting.registerContentScripts([
      { id: script.id, js: [script.js], matches: granted, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
}
