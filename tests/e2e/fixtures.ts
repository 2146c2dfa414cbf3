/**
 * Playwright fixtures: per test, a fresh sandbox (Odoo, Control Center, Realtime Database) and a Chromium
 * with the built extension loaded and configured for it, signed in to Odoo.
 */
import { test as base, type BrowserContext, type Worker } from '@playwright/test';
import { configureExtension, extensionWorker, launchChromium, signInToOdoo, storeGitLabToken } from '../tools/extension-browser.ts';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/index.ts';
import { AUTH_EMULATOR_ENV } from '../sandbox/auth-emulator.ts';

interface ExtensionFixtures {
  sandboxOptions: SandboxOptions;
  /** Which of the GitLab stand-in's tokens the engineer has stored (popup), e.g. 'valid'; '' (default): none yet. */
  gitlabToken: keyof Sandbox['gitlab']['tokens'] | '';
  sandbox: Sandbox;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

export const test = base.extend<ExtensionFixtures>({
  sandboxOptions: [{}, { option: true }],
  gitlabToken: ['', { option: true }],
  sandbox: async ({ sandboxOptions }, use) => {
    // The run's one Auth emulator (playwright.config.ts globalSetup) serves every sandbox.
    const sandbox = await startSandbox({ authEmulator: process.env[AUTH_EMULATOR_ENV], ...sandboxOptions });
    await use(sandbox);
    await sandbox.close();
  },
  context: async ({ sandbox, gitlabToken }, use) => {
    const context = await launchChromium();
    const worker = await extensionWorker(context);
    await configureExtension(worker, sandbox.settings);
    if (gitlabToken) await storeGitLabToken(worker, sandbox.gitlab.tokens[gitlabToken]);
    await signInToOdoo(context, sandbox.odoo);
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
