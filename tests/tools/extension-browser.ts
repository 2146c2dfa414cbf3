/**
 * Chromium with the built sandbox extension loaded, configured for a sandbox. Shared by the e2e fixtures,
 * `npm start` and `npm run bench`.
 */
import { chromium, expect, type BrowserContext, type Worker } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium-path.ts';
import type { Settings } from '../../lib/settings-schema.ts';
import type { browser } from 'wxt/browser';

/** The extension API inside the service worker, where `worker.evaluate` runs. */
declare const chrome: typeof browser;

export const EXTENSION_DIR = process.env.EXTENSION_DIR ?? fileURLToPath(new URL(`../../${process.env.WXT_OUT_DIR ?? '.output'}/chrome-mv3-sandbox`, import.meta.url));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchChromium(options: { extension?: boolean; headless?: boolean; userDataDir?: string } = {}): Promise<BrowserContext> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("No Chromium found: set CHROMIUM_PATH or install Debian's chromium.");
  const withExtension = options.extension ?? true;
  if (withExtension && !existsSync(EXTENSION_DIR)) {
    throw new Error(`No sandbox build at ${EXTENSION_DIR}: run npm run build:sandbox first.`);
  }
  return chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath,
    headless: options.headless ?? true,
    viewport: { width: 1440, height: 900 },
    args: [
      ...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
      ...CHROMIUM_ARGS,
    ],
  });
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/**
 * Stores the settings as the settings page would, then waits until the background has registered the
 * Control Center content script (registration follows the settings asynchronously).
 */
export async function configureExtension(worker: Worker, settings: Settings): Promise<void> {
  await worker.evaluate(async (value) => {
    await chrome.storage.local.set({ settings: value });
  }, settings);
  // Only Control Center has a registered script; the Odoo sidebar is injected on demand (settings read then).
  const wanted = [settings.controlCenter.origin].filter(Boolean).map((origin) => `${origin}/*`);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const registered = await worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []),
    );
    if (wanted.every((pattern) => registered.includes(pattern))) return;
    if (Date.now() > deadline) throw new Error(`Content scripts not registered for ${wanted.join(', ')} (have ${registered.join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Signs the browser in to the Odoo stand-in (its session cookie), as the engineer would be. */
export async function signInToOdoo(context: BrowserContext, odoo: { url: string; login(): Promise<string> }): Promise<void> {
  await context.addCookies([{ name: 'session_id', value: await odoo.login(), url: odoo.url }]);
}

/** Stores the engineer's GitLab token where the popup keeps it (lib/settings.ts `gitlabTokenItem`). */
export async function storeGitLabToken(worker: Worker, token: string): Promise<void> {
  await worker.evaluate(async (value) => {
    await chrome.storage.local.set({ gitlabToken: value });
  }, token);
}

/** Signs in to Firebase from the popup, as the engineer does before a repair, and waits until it shows the account. */
export async function signInToFirebase(context: BrowserContext, extensionId: string, account: { email: string; password: string }): Promise<void> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const form = popup.getByRole('form', { name: 'Sign in to Firebase' });
  await form.getByLabel('Email').fill(account.email);
  await form.getByLabel('Password').fill(account.password);
  await form.getByRole('button', { name: 'Sign in to Firebase' }).click();
  await expect(popup.getByTestId('firebase-email')).toHaveText(account.email);
  await popup.close();
}
