/**
 * Playwright fixtures: a Chromium with the built sandbox extension loaded (one per test),
 * its id, its service worker, and helpers to open the extension's pages.
 */
import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../tools/chromium-path.ts';

export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3-sandbox', import.meta.url));

export async function launchWithExtension(options: { headless?: boolean; userDataDir?: string } = {}): Promise<BrowserContext> {
  if (!existsSync(EXTENSION_DIR)) throw new Error(`No sandbox build at ${EXTENSION_DIR}: run npm run build:sandbox first.`);
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH or install Debian\'s chromium.');
  return chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath,
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

interface ExtensionFixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

export const test = base.extend<ExtensionFixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

export const expect = test.expect;
