/**
 * What the engineer is asked at install: the release build (Chrome MV3) requests no host at all and
 * injects nothing by manifest; company origins come later from the settings page (optional host access,
 * content scripts registered at runtime). The Firefox build (MV2) says the same in MV2's words and passes
 * `web-ext lint`. No browser here: both release builds are made into a scratch folder and read.
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BLANKET = ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: Array<{ matches?: string[] }>;
  browser_specific_settings?: { gecko?: { id?: string } };
}

let outDir: string;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  outDir = await mkdtemp(join(tmpdir(), 'support-overlay-release-'));
  const env = { ...process.env, WXT_OUT_DIR: outDir };
  await run('npx', ['wxt', 'build'], { cwd: ROOT, env });
  await run('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, env });
});
test.afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const manifest = async (target: string): Promise<Manifest> => JSON.parse(await readFile(join(outDir, target, 'manifest.json'), 'utf8'));

test('the Chrome release build asks for no host at install and injects nothing by manifest', async () => {
  const chrome = await manifest('chrome-mv3');
  expect(chrome.manifest_version).toBe(3);
  expect(chrome.host_permissions ?? []).toEqual([]);
  expect(chrome.permissions).toEqual(['storage', 'scripting', 'downloads']);
  for (const pattern of BLANKET) expect(chrome.permissions ?? []).not.toContain(pattern);
  expect(chrome.content_scripts ?? []).toEqual([]);
  // Company origins are asked for when configured: they must be declared optional.
  expect(chrome.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
});

test('the Firefox build says the same in MV2 words and passes web-ext lint', async () => {
  test.setTimeout(180_000); // web-ext lint reads every bundle: tens of seconds on a busy machine
  const firefox = await manifest('firefox-mv2');
  expect(firefox.manifest_version).toBe(2);
  expect(firefox).not.toHaveProperty('optional_host_permissions');
  expect(firefox).not.toHaveProperty('host_permissions');
  expect(firefox.optional_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect((firefox.permissions ?? []).filter((permission) => permission.includes('://') || permission === '<all_urls>')).toEqual([]);
  expect(firefox.content_scripts ?? []).toEqual([]);
  expect(firefox.browser_specific_settings?.gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);

  // web-ext exits 1 on errors; its JSON report lists them.
  const lint = await run('npx', ['web-ext', 'lint', '--source-dir', join(outDir, 'firefox-mv2'), '--output', 'json', '--no-input'], { cwd: ROOT }).catch(
    (failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }),
  );
  const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as { errors: Array<{ code: string; message: string }> };
  expect(report.errors.map((error) => `${error.code}: ${error.message}`)).toEqual([]);
});
