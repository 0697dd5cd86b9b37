/**
 * What a team does to publish its next briefing: import the summarizer's document into one MDX
 * file, with a diagram nobody has rendered yet. The run's shared build (tests/support/shared-site.ts)
 * is that site: the real content plus the briefing `npm run import` writes from
 * tests/fixtures/summarizer/new-briefing.txt, built with a copy of the committed diagram cache. It
 * must succeed, render the new diagram in Chromium into the cache, and publish every part of the
 * document with a page per section.
 *
 * That the same files build again with no browser, from the cache this build filled, into the same
 * bytes: tests/build/robustness.test.ts (k) and (5).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { expect, it } from 'vitest';
import { diagramKey } from '../../src/plugins/diagram-cache.ts';
import { listPages } from '../../src/build/page-weight.ts';
import { NEW_BRIEFING, sharedSite } from '../support/shared-site.ts';

it('an imported briefing with a new diagram builds: the diagram is rendered into the cache, every part of the document is on its page, with a page per section', async () => {
  const { slug, doc, sectionIds } = NEW_BRIEFING;
  const key = diagramKey(doc.diagram.source);

  const result = await sharedSite();
  expect(result.cacheBefore, 'the diagram is new: not in the committed cache').not.toContain(`${key}.svg`);
  expect(result.code, result.output).toBe(0);

  const added = result.cacheAfter.filter((name) => !result.cacheBefore.includes(name)).sort();
  expect(added, 'the build rendered the new diagram, and only it').toEqual([`${key}.json`, `${key}.svg`]);

  const pages = listPages(result.outDir);
  const expected = ['', ...sectionIds].map((section) => join('briefings', slug, section, 'index.html'));
  expect(pages.filter((page) => page.startsWith(join('briefings', slug)))).toEqual(expected.sort());

  const html = readFileSync(join(result.outDir, 'briefings', slug, 'index.html'), 'utf8');
  const figure = html.match(/<figure[^>]*class="[^"]*\bdiagram\b[\s\S]*?<\/figure>/)?.[0] ?? '';
  expect(figure, 'the page shows the rendered diagram as inline SVG').toMatch(/<svg[^>]*>[\s\S]*Cheaper chips[\s\S]*<\/svg>/);
  const text = toText(fromHtml(html)).replace(/\s+/g, ' ');
  const parts = [
    ...doc.trends.flatMap((t) => [t.title, ...t.points]),
    doc.corePoint,
    doc.fundamentalPoint,
    doc.framework.intro,
    ...doc.framework.points,
    ...doc.content.paragraphs,
  ];
  for (const part of parts) expect(text, 'every part of the document is on the page').toContain(part);
  expect(text, 'the attribution names the source title').toContain(`titled “${doc.title}”`);
  expect(html, 'the attribution links the source URL').toContain(`href="${doc.url}"`);
}, 240_000);
