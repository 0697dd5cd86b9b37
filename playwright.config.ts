import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium, installHint } from './src/lib/chromium.ts';

const browser = findChromium();
if (!browser) throw new Error(installHint);

// E2E_PORT lets two runs go side by side: two checkouts, or the two parts of npm test (tests/run.ts).
const port = Number(process.env['E2E_PORT'] ?? 4391);
// Spec files to leave out, comma-separated, as paths from the project root: npm test runs the
// suite in two parts, one per lane, and the first part leaves out the second's.
const ignore = (process.env['E2E_IGNORE'] ?? '').split(',').filter(Boolean).map((path) => join(import.meta.dirname, path));

export default defineConfig({
  testDir: 'tests/e2e',
  testIgnore: ignore,
  // Two cores: one worker keeps timings honest and the server responsive. One Chromium page at a
  // time keeps about two thirds of both cores busy (the suite alone: 144 CPU-s in 110 s); in npm
  // test the other lane fills the rest, and two workers there cost more CPU (316 against 293
  // CPU-s) and more time (165 against 152 s).
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: browser.path, args: chromiumArgs },
    trace: 'off',
    // Jumps land at once. Where a jump lands is what the tests check, not the animation: smooth
    // scrolling is global.css's no-preference branch, and tests/e2e/share.spec.ts makes one jump
    // with motion allowed. Waiting out every smooth scroll cost the suite about 8 s and 9 CPU-s.
    reducedMotion: 'reduce',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
  ],
  // dist/ served as GitHub Pages serves it (sirv, 404.html for what is missing): lighter than
  // `astro preview`, which spent a sixth of a core on the suite's requests.
  webServer: {
    command: `node src/tools/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
