/**
 * What a team does to publish its next briefing: add one MDX file to content/, with a diagram
 * nobody has rendered yet. A real build of the site with the seed plus one such briefing (the
 * scale bench's synthetic briefing, src/tools/bench-builds.ts) must succeed, render the new
 * diagram in Chromium into the diagram cache, and publish the briefing with its share pages.
 *
 * This is the scale bench's build, once; the bench's arithmetic and clean-up are shown without a
 * build in tests/unit/bench-builds.test.ts. Every other build test has the diagram cache full and
 * no browser (tests/support/shared-site.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { diagramKey } from '../../src/plugins/diagram-cache.ts';
import { syntheticFiles } from '../../src/tools/bench-builds.ts';
import { listPages } from '../../src/tools/page-weight.ts';
import { createFixtureSite } from '../../src/tools/temp-site.ts';
import { PINNED_SECTION_IDS } from '../support/pinned-sections.ts';

it('a new briefing with a new diagram builds: the diagram is rendered in Chromium into the cache, and the briefing is published with a page per section', async () => {
  const files = syntheticFiles(1);
  const [[path, text]] = Object.entries(files) as [[string, string]];
  const slug = path.replace(/^content\/briefings\/(.*)\.mdx$/, '$1');
  const source = text.match(/```mermaid\n([\s\S]*?)\n```/)?.[1];
  expect(source, 'the new briefing has a diagram').toBeDefined();
  const key = diagramKey(source!);

  const site = createFixtureSite(files, { withRealContent: true });
  try {
    const cacheBefore = readdirSync(site.cacheDir).sort();
    expect(cacheBefore, 'the diagram is new: not in the committed cache').not.toContain(`${key}.svg`);
    const result = await site.build();
    expect(result.code, result.output).toBe(0);

    const added = readdirSync(site.cacheDir).filter((name) => !cacheBefore.includes(name)).sort();
    expect(added, 'the build rendered the new diagram, and only it').toEqual([`${key}.json`, `${key}.svg`]);

    const pages = listPages(result.outDir);
    const expected = ['', ...PINNED_SECTION_IDS].map((section) => join('briefings', slug, section, 'index.html'));
    expect(pages.filter((page) => page.startsWith(join('briefings', slug)))).toEqual(expected.sort());
    const html = readFileSync(join(result.outDir, 'briefings', slug, 'index.html'), 'utf8');
    const figure = html.match(/<figure[^>]*class="[^"]*\bdiagram\b[\s\S]*?<\/figure>/)?.[0] ?? '';
    expect(figure, 'the page shows the rendered diagram as inline SVG').toMatch(/<svg[^>]*>[\s\S]*Model 1[\s\S]*<\/svg>/);
  } finally {
    site.remove();
  }
}, 240_000);
