/**
 * Which of Playwright's downloaded browsers src/lib/chromium.ts picks: the headless shell that
 * Playwright itself launches for headless runs, before the full Chromium that
 * `chromium.executablePath()` names (`npx playwright install chromium` installs both, and the
 * browser tests ran in about two thirds of the time on the shell).
 *
 * No browser can be downloaded here, so Playwright's browser folder (PLAYWRIGHT_BROWSERS_PATH) is
 * a temporary one holding stand-ins: scripts at the paths Playwright gives, each of which writes
 * its own path to a log when run, then exits. Playwright reads its folder once per process, so
 * each look is a child process.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const chromiumModule = pathToFileURL(join(import.meta.dirname, '../../src/lib/chromium.ts')).href;

type Look = {
  /** The full Chromium of the documented `chromium.executablePath()`. */
  full: string;
  /** The first line of a headless `chromium.launch()`'s error ('' if it started): it names a missing browser. */
  launchError: string;
  found: { path: string; source: string } | null;
};

/** In a child process: what Playwright names and launches, and what findChromium() returns. */
const child = `
  import { chromium } from 'playwright';
  import { findChromium } from ${JSON.stringify(chromiumModule)};
  let launchError = '';
  try { await (await chromium.launch({ timeout: 10000 })).close(); } catch (error) { launchError = String(error.message).split('\\n')[0]; }
  console.log(JSON.stringify({ full: chromium.executablePath(), launchError, found: findChromium() ?? null }));
`;

const browsers = mkdtempSync(join(tmpdir(), 'pw-browsers-'));
const launched = join(browsers, 'launched.log');
afterAll(() => rmSync(browsers, { recursive: true, force: true }));

function look(): Look {
  const env: NodeJS.ProcessEnv = { ...process.env, PLAYWRIGHT_BROWSERS_PATH: browsers };
  delete env['CHROMIUM_PATH'];
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', child], { env, encoding: 'utf8', timeout: 60_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Look;
}

/** A stand-in browser at `path`: logs its own path when run, and fails to start. */
function standIn(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `#!/bin/sh\necho "$0" >> '${launched}'\nexit 1\n`);
  chmodSync(path, 0o755);
}

describe("Playwright's downloaded Chromium", () => {
  it('the headless shell is picked first, the very file Playwright launches headless; then the full Chromium', () => {
    // None downloaded: Playwright names the file it would launch headless, and neither is picked.
    const none = look();
    const missing = /Executable doesn't exist at (\S+)/.exec(none.launchError);
    expect(missing, none.launchError).not.toBeNull();
    const shell = missing![1]!;
    const full = none.full;
    expect([shell, full].every((path) => path.startsWith(browsers)), `${shell} and ${full} under ${browsers}`).toBe(true);
    expect(shell).not.toBe(full);
    expect(none.found?.source).not.toBe('playwright');

    // Both downloaded, as `npx playwright install chromium` leaves them.
    standIn(shell);
    standIn(full);
    const both = look();
    expect(readFileSync(launched, 'utf8').trim().split('\n'), 'what a headless launch ran').toEqual([shell]);
    expect(both.found).toEqual({ path: shell, source: 'playwright' });

    // Only the full Chromium (`--no-shell`).
    rmSync(shell);
    expect(existsSync(full)).toBe(true);
    expect(look().found).toEqual({ path: full, source: 'playwright' });
  });
});
