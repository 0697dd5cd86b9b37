import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium, installHint } from './src/build/chromium.ts';

const browser = findChromium();
if (!browser) throw new Error(installHint);

// E2E_PORT lets two runs go side by side, e.g. two checkouts.
const port = Number(process.env['E2E_PORT'] ?? 4391);

export default defineConfig({
  testDir: 'tests/e2e',
  // Two cores: one Chromium page at a time, while Vitest and the type check use the other core.
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: browser.path, args: chromiumArgs },
    trace: 'off',
    // Jumps land at once: where a jump lands is what the tests check, not the animation
    // (tests/e2e/share.spec.ts makes one jump with motion allowed).
    reducedMotion: 'reduce',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
  ],
  // dist/ served as GitHub Pages serves it (sirv, 404.html for what is missing).
  webServer: {
    command: `node src/cli/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
