/**
 * Finds a Chromium for the build (diagram rendering) and the browser tests, so both agree on which
 * browser runs. In this order: `CHROMIUM_PATH`, Playwright's own download, Debian's headless shell,
 * Debian's full Chromium, then PATH. The headless shell is Chromium's engine without the desktop
 * browser around it, lighter to start for headless work.
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
  '`npx playwright install chromium`, or on Debian `apt-get install -y chromium-headless-shell` (or `chromium`).';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium Playwright downloaded, by its documented `chromium.executablePath()`. Playwright is
 * loaded only here, when a browser is looked for: a build with every diagram cached never needs it.
 */
function playwrightExecutable(): string | undefined {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright') as typeof import('playwright');
    return chromium.executablePath();
  } catch {
    // Playwright is not installed.
    return undefined;
  }
}

/**
 * Returns the first Chromium found, or undefined. When `CHROMIUM_PATH` is set it is the only
 * candidate: pointing it nowhere is how a build proves it needs no browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundChromium | undefined {
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') {
    return isExecutable(fromEnv) ? { path: fromEnv, source: 'CHROMIUM_PATH' } : undefined;
  }
  const downloaded = playwrightExecutable();
  if (downloaded !== undefined && isExecutable(downloaded)) return { path: downloaded, source: 'playwright' };
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
