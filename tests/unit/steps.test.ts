/**
 * The machinery of `npm test`'s lanes (tests/support/steps.ts): a step's output reaches the
 * terminal line by line after its lane's name, a failing step's exit code is what npm test
 * exits with, and stopping the steps stops what they started too (Playwright's browsers and web
 * server, Vitest's workers), even a process that ignores Ctrl-C.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { run, stopAll, StepFailed, type Print } from '../support/steps.ts';

const node = (script: string) => [process.execPath, '-e', script];

function recorder(): Print & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (line) => lines.push(`out ${line}`), err: (line) => lines.push(`err ${line}`) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm test steps', () => {
  it('print each line of a step after the lane name, stdout and stderr apart, then how long it took', async () => {
    const print = recorder();
    await run({ label: 'Two lines', command: node('console.log("one\\ntwo"); console.error("oops")') }, 'lane │ ', print);
    expect(print.lines[0]).toBe('out lane │ === Two lines ===');
    expect(print.lines).toContain('out lane │ one');
    expect(print.lines).toContain('out lane │ two');
    expect(print.lines).toContain('err lane │ oops');
    expect(print.lines.at(-1)).toMatch(/^out lane │ === Two lines: ok in \d+\.\d s ===$/);
  });

  it('run with the variables of the step added to the environment it inherits', async () => {
    const print = recorder();
    const script = 'console.log(process.env.STEP_VAR, typeof process.env.PATH)';
    await run({ label: 'Env', command: node(script), env: { STEP_VAR: 'from the step' } }, '', print);
    expect(print.lines).toContain('out from the step string');
  });

  it('fail with the step label and its exit code', async () => {
    const failure = await run({ label: 'Exits 3', command: node('process.exit(3)') }, '', recorder()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StepFailed);
    expect((failure as StepFailed).code).toBe(3);
    expect((failure as StepFailed).message).toMatch(/^"Exits 3" failed \(exit 3\) after \d+\.\d s\.$/);
  });

  it('fail, not hang, when the command does not exist', async () => {
    const failure = await run({ label: 'Missing', command: ['no-such-command-here'] }, '', recorder()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StepFailed);
    expect((failure as StepFailed).message).toContain('Missing');
  });

  it('stop together with what they started, and a process that ignores SIGINT is killed after the grace time', async () => {
    // A step that starts a child which ignores Ctrl-C, prints the child's pid, then waits.
    const child = `process.on('SIGINT', () => {}); console.log('child up'); setInterval(() => {}, 1000);`;
    const parent = `
      const { spawn } = require('node:child_process');
      const c = spawn(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: ['ignore', 'inherit', 'inherit'] });
      console.log('pid ' + c.pid);
      setInterval(() => {}, 1000);`;
    const print = recorder();
    const step = run({ label: 'Long', command: node(parent) }, '', print);
    const outcome = step.catch((error: unknown) => error);
    await expect.poll(() => print.lines.some((line) => line === 'out child up'), { timeout: 10_000 }).toBe(true);
    const grandchild = Number(print.lines.find((line) => line.startsWith('out pid '))!.slice('out pid '.length));
    expect(alive(grandchild)).toBe(true);

    const started = Date.now();
    const late = sleep(10_000).then(() => 'stopAll still waiting after 10 s');
    expect(await Promise.race([stopAll(300).then(() => 'stopped'), late])).toBe('stopped');
    expect(Date.now() - started, 'the grace time, then SIGKILL').toBeGreaterThanOrEqual(250);
    expect(await outcome).toBeInstanceOf(StepFailed);
    await expect.poll(() => alive(grandchild), { timeout: 5_000 }).toBe(false);
  }, 30_000);
});
