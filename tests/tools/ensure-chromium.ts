/**
 * Finds the Chromium the e2e suite drives (CHROMIUM_PATH or Debian's /usr/bin/chromium).
 * Where none is found and we may install one (root with apt-get), installs Debian's `chromium`;
 * otherwise says in one sentence how to get one and fails.
 */
import { execFileSync } from 'node:child_process';
import { chromiumPath } from './chromium-path.ts';

function canApt(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}

if (chromiumPath()) process.exit(0);

if (!canApt()) {
  console.error(
    'No Chromium found: install Debian\'s chromium (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary, then run npm test again.',
  );
  process.exit(1);
}

console.log("No Chromium found: installing Debian's chromium with apt-get (about 30 s)…");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
if (!chromiumPath()) {
  console.error('apt-get installed chromium but /usr/bin/chromium is still missing; set CHROMIUM_PATH to its binary.');
  process.exit(1);
}
