/** Helpers for tests that build a broken copy of the site and read what the build said. */
import { createFixtureSite, type BuildResult } from '../../src/tools/temp-site.ts';

/** Nothing here needs a browser: every diagram of the real content is in the committed cache. */
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
