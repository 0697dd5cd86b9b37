/**
 * Vitest setup file, run for every test file: the file must leave the process as it found it.
 *
 * Vitest runs the test files of a worker in one process, one after another, with one module
 * cache (`isolate: false` in vitest.config.ts). A file that changed an environment variable or the
 * working directory and did not put it back would change what the files after it see: a leaked
 * `CHROMIUM_PATH` makes a later build run without a browser. So each file's environment and
 * working directory are compared with what they were before it, and a difference fails the file,
 * naming what changed. Set variables with `vi.stubEnv` and undo them with `vi.unstubAllEnvs`.
 */
import { afterAll, expect } from 'vitest';

type Env = Record<string, string | undefined>;

/** Each variable whose value differs between `before` and `after`, as `NAME: "old" → "new"`. */
export function envChanges(before: Env, after: Env): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name}: ${JSON.stringify(before[name])} → ${JSON.stringify(after[name])}`);
}

// Read when this setup file runs, before the test file is imported: a test file's top-level
// code runs at import, before any of its hooks.
const env: Env = { ...process.env };
const cwd = process.cwd();

afterAll(() => {
  expect(envChanges(env, process.env), 'environment variables this test file changed and did not put back').toEqual([]);
  expect(process.cwd(), 'the working directory this test file changed and did not put back').toBe(cwd);
});
