/**
 * `npm test`: every gate, in order, stopping at the first that fails.
 * A browser is provisioned first because the build (diagrams) and the e2e tests need one.
 */
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './support/ensure-chromium.ts';

const steps: [string, string[]][] = [
  ['Type check (astro check)', ['astro', 'check']],
  ['Unit and build tests (vitest)', ['vitest', 'run']],
  ['Build (npm run build: astro build + pagefind)', ['node', 'src/tools/build.ts']],
  ['End-to-end tests in Chromium (playwright)', ['playwright', 'test']],
];

try {
  const browser = ensureChromium();
  console.log(`[chromium] using ${browser.path} (${browser.source})`);
} catch (error) {
  console.error(`npm test: ${(error as Error).message}`);
  process.exit(1);
}

for (const [label, [command, ...args]] of steps) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync(command!, args, { stdio: 'inherit', shell: false });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\nnpm test: "${label}" failed (exit ${result.status ?? result.signal}) after ${seconds} s.`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${label}: ok in ${seconds} s ===`);
}
