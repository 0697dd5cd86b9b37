/**
 * Finds a Chromium for the build (diagram rendering) and the end-to-end tests.
 * One module so both agree on which browser runs, in this order: `CHROMIUM_PATH`, Playwright's
 * own download (its headless shell first), Debian's headless shell, Debian's full Chromium, then
 * PATH.
 *
 * Debian's `chromium-headless-shell` is the same engine as `chromium` without the desktop browser
 * around it; it is what Playwright itself runs for headless tests. On this 2-core machine the
 * end-to-end suite took 116 s on it against 180 s on full Chromium, same tests, same results, and
 * it renders the diagram into the same bytes as the committed cache.
 */
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

export type ChromiumSource = 'CHROMIUM_PATH' | 'playwright' | 'system' | 'PATH';
export type FoundChromium = { path: string; source: ChromiumSource };

/** Flags that keep Chromium quiet on a machine with no network beyond localhost. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's packages, lightest first: `chromium-headless-shell`, then `chromium`. */
const systemChromiums = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

export const installHint =
  'No Chromium found. Set CHROMIUM_PATH to a Chromium/Chrome binary, or install one: ' +
  '`npx playwright install --only-shell chromium`, or on Debian `apt-get install -y chromium-headless-shell` (or `chromium`).';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Playwright's downloaded browsers, in the order to try them; none when Playwright has none.
 * Playwright is loaded only here, when a browser is looked for: a build with every diagram cached
 * never needs it.
 *
 * Its headless shell comes first. For a headless launch Playwright itself runs
 * `chromium-headless-shell`, not the full Chromium that the documented `chromium.executablePath()`
 * names, and `npx playwright install chromium` installs both. Playwright documents no call that
 * names the shell's path, so it is read from Playwright's registry (its exported `coreBundle`,
 * already loaded with `playwright`); if that ever moves, the full Chromium is still found.
 * tests/unit/chromium.test.ts shows the shell found is the one Playwright launches.
 */
function playwrightExecutables(): string[] {
  const found: string[] = [];
  try {
    const requireHere = createRequire(import.meta.url);
    const { chromium } = requireHere('playwright') as typeof import('playwright');
    try {
      const core = createRequire(requireHere.resolve('playwright'))('playwright-core/lib/coreBundle') as PlaywrightCore;
      const shell = core.registry?.registry?.findExecutable('chromium-headless-shell')?.executablePath();
      if (shell) found.push(shell);
    } catch {
      // No registry where it used to be: the full Chromium below still serves.
    }
    found.push(chromium.executablePath());
  } catch {
    // Playwright is not installed.
  }
  return found;
}

/** The part of playwright-core's bundle read above. */
type PlaywrightCore = {
  registry?: { registry?: { findExecutable(name: string): { executablePath(): string | undefined } | undefined } };
};

/**
 * Returns the first Chromium found, or undefined. When `CHROMIUM_PATH` is set it is the only
 * candidate: pointing it nowhere is how a build proves it needs no browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundChromium | undefined {
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') {
    return isExecutable(fromEnv) ? { path: fromEnv, source: 'CHROMIUM_PATH' } : undefined;
  }
  for (const path of playwrightExecutables()) if (isExecutable(path)) return { path, source: 'playwright' };
  for (const path of systemChromiums) if (isExecutable(path)) return { path, source: 'system' };
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['chromium-headless-shell', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return { path: candidate, source: 'PATH' };
    }
  }
  return undefined;
}

/** Launch options for Playwright's `chromium.launch`, or undefined when no browser is found. */
export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env) {
  const found = findChromium(env);
  return found ? { executablePath: found.path, args: chromiumArgs } : undefined;
}
