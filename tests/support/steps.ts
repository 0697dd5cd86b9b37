/**
 * Steps of `npm test` (tests/run.ts) run side by side: each a command in a process group of its
 * own, its output printed line by line after its lane's name, and all of them stoppable at once
 * when one fails. Tested in tests/unit/steps.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export type Step = {
  label: string;
  command: string[];
  /** Variables added to the environment the step inherits. */
  env?: Record<string, string>;
};
export type Print = { out: (line: string) => void; err: (line: string) => void };

const terminal: Print = { out: (line) => console.log(line), err: (line) => console.error(line) };
const running = new Set<ChildProcess>();

export class StepFailed extends Error {
  readonly code: number;
  constructor(label: string, code: number, seconds: string) {
    super(`"${label}" failed (exit ${code}) after ${seconds} s.`);
    this.code = code;
  }
}

/** Runs one step; each line of its output goes to `print` after `prefix`, the lane's name. */
export function run(step: Step, prefix: string, print: Print = terminal): Promise<void> {
  const say = (line: string) => print.out(prefix + line);
  say(`=== ${step.label} ===`);
  const started = Date.now();
  const [command, ...args] = step.command;
  // Its own process group, so that stopping it stops what it started (workers, browsers, servers).
  const env = { ...process.env, ...step.env };
  const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
  running.add(child);
  createInterface({ input: child.stdout }).on('line', say);
  createInterface({ input: child.stderr }).on('line', (line) => print.err(prefix + line));
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
    child.on('error', (error) => {
      // The command could not start: nothing to stop, and no 'close' may follow.
      running.delete(child);
      reject(new StepFailed(`${step.label}: ${error.message}`, 1, '0'));
    });
  });
}

/**
 * Stops every running step and what it started. SIGINT, as Ctrl-C would, because the runners
 * clean up on it (Playwright stops its web server, which runs in a process group of its own);
 * whatever is left after `graceMs` is killed.
 */
export async function stopAll(graceMs = 5_000): Promise<void> {
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
  }, graceMs);
  await Promise.all(closed);
  clearTimeout(timer);
}
