/**
 * `node tests/support/ensure-chromium.ts`, the first step of `npm test`: makes sure a Chromium
 * exists before the build and the browser tests need one. Tries, in order: one already installed; Playwright's download; Debian's headless shell package, else `chromium` (as root).
 * Fails with one line saying how to install a browser when none of these works.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, installHint, type FoundChromium } from '../../src/build/chromium.ts';

function attempt(label: string, command: string, args: string[], timeoutMs: number): void {
  console.log(`[chromium] ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: timeoutMs });
  if (result.status !== 0) console.log(`[chromium] ${label} did not succeed (exit ${result.status ?? result.signal}).`);
}

export function ensureChromium(): FoundChromium {
  const existing = findChromium();
  if (existing) return existing;
  if (process.env['CHROMIUM_PATH']) {
    throw new Error(`CHROMIUM_PATH=${process.env['CHROMIUM_PATH']} is not an executable. ${installHint}`);
  }
  attempt('Playwright download', 'npx', ['--no-install', 'playwright', 'install', 'chromium'], 180_000);
  const downloaded = findChromium();
  if (downloaded) return downloaded;
  const isRoot = process.getuid?.() === 0;
  if (process.platform === 'linux' && isRoot && existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // Ubuntu has no headless-shell package, so `chromium` is the fallback.
    console.log('[chromium] installing the Debian package `chromium-headless-shell` with apt-get');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const shell = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium-headless-shell'], { stdio: 'inherit', env });
    if (shell.status !== 0) spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    const packaged = findChromium();
    if (packaged) return packaged;
  }
  throw new Error(installHint);
}

if (import.meta.main) {
  try {
    const browser = ensureChromium();
    console.log(`[chromium] using ${browser.path} (${browser.source})`);
  } catch (error) {
    console.error(`npm test: ${(error as Error).message}`);
    process.exit(1);
  }
}
