/**
 * What a team does to publish its next briefing: add one MDX file to content/, with a diagram
 * nobody has rendered yet. The run's shared build (tests/support/shared-site.ts) is that site: the
 * real content plus such a briefing (the scale bench's synthetic briefing, src/build/bench-builds.ts),
 * built with a copy of the committed diagram cache. It must succeed, render the new diagram in
 * Chromium into the cache, and publish the briefing with its share pages.
 *
 * The bench's arithmetic and clean-up are shown without a build in tests/unit/bench-builds.test.ts.
 * That the same files build again with no browser, from the cache this build filled, into the same
 * bytes: tests/build/robustness.test.ts (k) and (5).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { diagramKey } from '../../src/plugins/diagram-cache.ts';
import { listPages } from '../../src/build/page-weight.ts';
import { PINNED_SECTION_IDS } from '../support/pinned-sections.ts';
import { NEW_BRIEFING, sharedSite } from '../support/shared-site.ts';

it('a new briefing with a new diagram builds: the diagram is rendered in Chromium into the cache, and the briefing is published with a page per section', async () => {
  const { slug, text } = NEW_BRIEFING;
  const source = text.match(/```mermaid\n([\s\S]*?)\n```/)?.[1];
  expect(source, 'the new briefing has a diagram').toBeDefined();
  const key = diagramKey(source!);

  const result = await sharedSite();
  expect(result.cacheBefore, 'the diagram is new: not in the committed cache').not.toContain(`${key}.svg`);
  expect(result.code, result.output).toBe(0);

  const added = result.cacheAfter.filter((name) => !result.cacheBefore.includes(name)).sort();
  expect(added, 'the build rendered the new diagram, and only it').toEqual([`${key}.json`, `${key}.svg`]);

  const pages = listPages(result.outDir);
  const expected = ['', ...PINNED_SECTION_IDS].map((section) => join('briefings', slug, section, 'index.html'));
  expect(pages.filter((page) => page.startsWith(join('briefings', slug)))).toEqual(expected.sort());
  const html = readFileSync(join(result.outDir, 'briefings', slug, 'index.html'), 'utf8');
  const figure = html.match(/<figure[^>]*class="[^"]*\bdiagram\b[\s\S]*?<\/figure>/)?.[0] ?? '';
  expect(figure, 'the page shows the rendered diagram as inline SVG').toMatch(/<svg[^>]*>[\s\S]*Model 1[\s\S]*<\/svg>/);
}, 240_000);
