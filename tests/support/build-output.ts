/** Helpers for tests that build a broken copy of the site and read what the build said. */
import { expect } from 'vitest';
import type { BuildResult } from '../../src/build/temp-site.ts';

/** A browser that is not there: a build or render given it must take every diagram from the cache. */
export const noBrowser = { CHROMIUM_PATH: '/nonexistent/chromium' };

/**
 * The build failed (exited, not killed), and its output contains every substring or pattern in
 * `needs`. Substrings, not whole messages, so the wording can improve without breaking the test.
 */
export function expectFailureNaming(result: BuildResult, needs: Array<string | RegExp>): void {
  const { output } = result;
  const context = `\n--- build output ---\n${output}`;
  expect(result.code, `build should fail${context}`).not.toBe(0);
  expect(result.code, `build should exit, not be killed${context}`).not.toBeNull();
  for (const need of needs) {
    if (typeof need === 'string') expect(output, `output should contain ${JSON.stringify(need)}${context}`).toContain(need);
    else expect(output, `output should match ${need}${context}`).toMatch(need);
  }
}
