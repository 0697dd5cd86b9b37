/**
 * `npm test`: every gate, stopping at the first that fails.
 *
 * A browser is provisioned first, because the build (diagrams) and the e2e tests need one. Then
 * two lanes run side by side:
 *
 *   browser  npm run build → Playwright in Chromium, against the dist/ it built
 *   checks   Vitest → astro check (once the build is done: it reads the types the build wrote to .astro/)
 *
 * Every step is CPU-bound, and none of them alone keeps both cores busy all the time: Playwright
 * waits on the browser, the build and the type check largely on one thread. Side by side they
 * fill the gaps. On this 2-core machine, quiet, measured back to back: 279 s one after the other
 * against 164 s as two lanes, and 328 s against 190 s an hour later, on a slower machine (0.58×).
 * Both lanes stay busy to the end: the run takes about 0.52× its CPU-seconds (0.5 is the floor).
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

const steps = {
  build: { label: 'Build (npm run build: astro build + pagefind)', command: ['node', 'src/tools/build.ts'] },
  e2e: { label: 'End-to-end tests in Chromium (playwright)', command: ['playwright', 'test'] },
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
    }),
  ]);
  console.log(`\nnpm test: every step passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  await stopAll();
  const failed = error as StepFailed;
  console.error(`\nnpm test: ${failed.message}`);
  process.exit(failed.code || 1);
}
