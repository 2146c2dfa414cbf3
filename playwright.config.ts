import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  // One Firebase Auth emulator for the whole run (free ports; its address reaches the fixtures by env).
  globalSetup: './tests/sandbox/auth-emulator.ts',
  // Each worker runs its own Chromium with the extension; two fit this 2-core machine.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
});
