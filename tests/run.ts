/**
 * `npm test`: every gate, stopping at the first that fails.
 *
 * A browser is provisioned first, because the build (diagrams) and the e2e tests need one. Then
 * two lanes run side by side:
 *
 *   browser  npm run build → Playwright in Chromium, against the dist/ it built: every spec but
 *            the second part's
 *   checks   Vitest → astro check (it reads the types the build wrote to .astro/) → Playwright,
 *            the second part (E2E_SECOND_PART), on a port of its own
 *
 * Every step is CPU-bound, and none of them alone keeps both cores busy all the time: Playwright
 * waits on the browser, the build and the type check largely on one thread. Side by side they
 * fill the gaps. Playwright is the longest step by far, and one Chromium page at a time keeps only
 * about 1.3 cores busy; with the whole suite in the browser lane, the checks lane ended 22 to 27 s
 * before it, leaving a core half idle. So the suite is split in two, and the checks lane runs the
 * second part once its own steps are done. Measured on this 2-core machine, quiet: the run took
 * 0.534 to 0.543× its CPU-seconds unsplit (three runs), 0.520 to 0.525× split (three runs; 0.5 is
 * the floor), about 4 s less on a 165 s run. Which lane ends last varies from run to run by
 * about 10 s, with the machine's speed; the second part is kept small for that reason.
 * Vitest builds in temporary sites of its own and never reads dist/ or .astro/.
 *
 * Each line of a lane is printed as it comes, after the lane's name. When a step fails, the other
 * lane is stopped and npm test exits with the failing step's code.
 */
import { ensureChromium } from './support/ensure-chromium.ts';
import { run, stopAll, type Step, type StepFailed } from './support/steps.ts';

// Astro's CLI posts usage events to telemetry.astro.build unless this is set. The build sets it
// itself (src/tools/build.ts); here every step inherits it, astro check included.
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';

/**
 * The e2e spec the checks lane runs: 12 tests, about a twelfth of the suite's time (9 of 105 s
 * alone), under half the time the checks lane used to wait at the end. The browser lane runs the
 * suite without it (E2E_IGNORE, read by playwright.config.ts), so every other spec, and any added
 * to tests/e2e/, runs there once.
 */
const E2E_SECOND_PART = 'tests/e2e/quote.spec.ts';

const steps = {
  build: { label: 'Build (npm run build: astro build + pagefind)', command: ['node', 'src/tools/build.ts'] },
  e2e: {
    label: `End-to-end tests in Chromium (playwright), all but ${E2E_SECOND_PART}`,
    command: ['playwright', 'test'],
    env: { E2E_IGNORE: E2E_SECOND_PART },
  },
  // Its own port and output folder: the first part's server and results are still in use.
  e2eSecond: {
    label: `End-to-end tests in Chromium (playwright), ${E2E_SECOND_PART}`,
    command: ['playwright', 'test', '--output', 'test-results/second-part', E2E_SECOND_PART],
    env: { E2E_PORT: '4392' },
  },
  unit: { label: 'Unit and build tests (vitest)', command: ['vitest', 'run'] },
  // --noSync: it runs after the build, whose `astro build` has just generated .astro/'s types
  // from the same tree (the sync is a fifth of the check's time).
  check: {
    label: 'Type check (astro check, failing on any error, warning or hint)',
    command: ['astro', 'check', '--noSync', '--minimumFailingSeverity', 'hint'],
  },
} satisfies Record<string, Step>;

// The steps run in process groups of their own, so they would outlive npm test: stop them first.
for (const [name, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(name, () => {
    void stopAll().then(() => process.exit(code));
  });
}

try {
  const browser = ensureChromium();
  console.log(`[chromium] using ${browser.path} (${browser.source})`);
} catch (error) {
  console.error(`npm test: ${(error as Error).message}`);
  process.exit(1);
}

const started = Date.now();
const lane = (name: string) => `${name.padEnd(7)} │ `;
try {
  const built = run(steps.build, lane('browser'));
  await Promise.all([
    built.then(() => run(steps.e2e, lane('browser'))),
    run(steps.unit, lane('checks')).then(async () => {
      await built;
      await run(steps.check, lane('checks'));
      await run(steps.e2eSecond, lane('checks'));
    }),
  ]);
  console.log(`\nnpm test: every step passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  await stopAll();
  const failed = error as StepFailed;
  console.error(`\nnpm test: ${failed.message}`);
  process.exit(failed.code || 1);
}
