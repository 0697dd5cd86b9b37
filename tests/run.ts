/**
 * `npm test`: every gate, stopping at the first that fails.
 *
 * A browser is provisioned first, because the build (diagrams) and the e2e tests need one. Then
 * the build, because the browser tests read its dist/. Then two lanes at once:
 *
 *   checks   astro check → Vitest
 *   browser  Playwright in Chromium, against dist/
 *
 * Every step is CPU-bound, and none of them alone keeps both cores busy all the time: Playwright
 * waits on the browser, the type check on one thread. Side by side they fill the gaps. On this
 * 2-core machine, quiet: 234 s one after the other, 183 s as two lanes. The lanes share nothing:
 * Vitest builds in its own temporary sites and never reads dist/.
 *
 * Each line of a lane is printed as it comes, after the lane's name. When a step fails, the other
 * lane is stopped and npm test exits with the failing step's code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ensureChromium } from './support/ensure-chromium.ts';

type Step = { label: string; command: string[] };
type Lane = { name: string; steps: Step[] };

const build: Step = { label: 'Build (npm run build: astro build + pagefind)', command: ['node', 'src/tools/build.ts'] };
const lanes: Lane[] = [
  {
    name: 'checks',
    steps: [
      { label: 'Type check (astro check, failing on any error, warning or hint)', command: ['astro', 'check', '--minimumFailingSeverity', 'hint'] },
      { label: 'Unit and build tests (vitest)', command: ['vitest', 'run'] },
    ],
  },
  { name: 'browser', steps: [{ label: 'End-to-end tests in Chromium (playwright)', command: ['playwright', 'test'] }] },
];

const running = new Set<ChildProcess>();
const width = Math.max(...lanes.map((lane) => lane.name.length));

class StepFailed extends Error {
  readonly code: number;
  constructor(label: string, code: number, seconds: string) {
    super(`"${label}" failed (exit ${code}) after ${seconds} s.`);
    this.code = code;
  }
}

/** Runs one step; its output goes to the terminal, each line after `prefix` when one is given. */
function run(step: Step, prefix = ''): Promise<void> {
  const say = (line: string) => console.log(prefix + line);
  say(`=== ${step.label} ===`);
  const started = Date.now();
  const [command, ...args] = step.command;
  // Its own process group, so that stopping it stops what it started (workers, browsers, servers).
  const child = spawn(command!, args, { stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit', detached: true });
  running.add(child);
  if (prefix) {
    for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', say);
  }
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      running.delete(child);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (code === 0) {
        say(`=== ${step.label}: ok in ${seconds} s ===`);
        resolve();
      } else {
        reject(new StepFailed(step.label, code ?? 1, seconds));
      }
    });
    child.on('error', (error) => reject(new StepFailed(`${step.label}: ${error.message}`, 1, '0')));
  });
}

async function runLane(lane: Lane): Promise<void> {
  for (const step of lane.steps) await run(step, `${lane.name.padEnd(width)} │ `);
}

/**
 * Stops every running step and what it started. SIGINT, as Ctrl-C would, because the runners
 * clean up on it (Playwright stops its web server, which runs in a process group of its own);
 * whatever is left after 5 s is killed.
 */
async function stopAll(): Promise<void> {
  const signal = (child: ChildProcess, name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  const closed = [...running].map((child) => new Promise((resolve) => child.once('close', resolve)));
  for (const child of running) signal(child, 'SIGINT');
  const timer = setTimeout(() => {
    for (const child of running) signal(child, 'SIGKILL');
  }, 5_000);
  await Promise.all(closed);
  clearTimeout(timer);
}

process.on('SIGINT', () => {
  void stopAll().then(() => process.exit(130));
});

try {
  const browser = ensureChromium();
  console.log(`[chromium] using ${browser.path} (${browser.source})`);
} catch (error) {
  console.error(`npm test: ${(error as Error).message}`);
  process.exit(1);
}

const started = Date.now();
try {
  await run(build);
  console.log(`\nNow two lanes at once: ${lanes.map((lane) => `${lane.name} (${lane.steps.map((s) => s.label).join(' → ')})`).join('; ')}.\n`);
  await Promise.all(lanes.map(runLane));
  console.log(`\nnpm test: every step passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  await stopAll();
  const failed = error as StepFailed;
  console.error(`\nnpm test: ${failed.message}`);
  process.exit(failed.code || 1);
}
