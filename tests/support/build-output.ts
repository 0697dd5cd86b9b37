/** Helpers for tests that build a broken copy of the site and read what the build said. */
import { expect } from 'vitest';
import { createFixtureSite, type BuildResult } from '../../src/tools/temp-site.ts';

/** A browser that is not there: a build or render given it must take every diagram from the cache. */
export const noBrowser = { CHROMIUM_PATH: '/nonexistent/chromium' };

/** Builds the real content with `files` replaced (paths from the site root); removes the site after. */
export async function buildRealContentWith(files: Record<string, string>): Promise<BuildResult> {
  const site = createFixtureSite(files, { withRealContent: true });
  try {
    return await site.build(noBrowser);
  } finally {
    site.remove();
  }
}

/** The first line of the output matching `pattern`, cut to a readable window around the match. */
export function lineMatching(output: string, pattern: RegExp): string {
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    const match = pattern.exec(line);
    if (!match) continue;
    if (line.length <= 300) return line;
    const start = Math.max(0, match.index - 120);
    return `${start > 0 ? '…' : ''}${line.slice(start, start + 300)}…`;
  }
  return '(no line matches)';
}

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
