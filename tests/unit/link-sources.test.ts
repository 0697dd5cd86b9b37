/**
 * A broken link found on a built page is reported at the MDX file and line that wrote it
 * (src/build/link-sources.ts), for a site under a subpath, on the briefing and on its share pages.
 * The fixture site is tests/fixtures/link-sources/; each expected line is found in its text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeBrokenLink, locateLink } from '../../src/build/link-sources.ts';
import { projectRoot } from '../../src/build/temp-site.ts';

const root = join(projectRoot, 'tests/fixtures/link-sources');
const BRIEFING = 'content/briefings/letter.mdx';
const lineOf = (file: string, words: string) => readFileSync(join(root, file), 'utf8').split('\n').findIndex((l) => l.includes(words)) + 1;

describe('a broken link is reported where it was written', () => {
  it('a dead internal link: the MDX file and the line, with the page it showed on', () => {
    const link = { from: '/ai-briefing/briefings/letter/', url: '/ai-briefing/briefings/no-such-page/', reason: 'HTTP 404' };
    const line = lineOf(BRIEFING, '(/briefings/no-such-page/)');
    expect(describeBrokenLink(link, '/ai-briefing', root)).toBe(
      `${BRIEFING}:${line}: /ai-briefing/briefings/no-such-page/ — HTTP 404 (on /ai-briefing/briefings/letter/)`,
    );
  });

  it('a dead #fragment in JSX, also when it shows on a share page', () => {
    const line = lineOf(BRIEFING, 'href="#no-such-section"');
    for (const page of ['/ai-briefing/briefings/letter/', '/ai-briefing/briefings/letter/the-full-letter/']) {
      const link = { from: page, url: `${page}#no-such-section`, reason: `no element with id="no-such-section" on ${page}` };
      expect(locateLink(link, '/ai-briefing', root)).toEqual({ file: BRIEFING, line });
    }
  });

  it('a reference-style link on an MDX page, at its definition', () => {
    const link = { from: '/about/', url: '/methodology/#no-such-step', reason: 'no element with id="no-such-step"' };
    expect(locateLink(link, '/', root)).toEqual({ file: 'src/pages/about.mdx', line: lineOf('src/pages/about.mdx', '[method]:') });
  });

  it('a link no MDX file writes (a layout\'s) is reported on its page', () => {
    const link = { from: '/ai-briefing/briefings/letter/', url: '/ai-briefing/elsewhere/', reason: 'HTTP 404' };
    expect(describeBrokenLink(link, '/ai-briefing', root)).toBe('on /ai-briefing/briefings/letter/: /ai-briefing/elsewhere/ — HTTP 404');
  });
});
