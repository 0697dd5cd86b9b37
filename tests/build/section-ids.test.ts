/**
 * Section ids are in links people have shared (#fragments and share pages), so they come from the
 * content, never from a heading's wording, and the build refuses anything that would break one.
 *
 * THE PINNED LIST: the seed briefing's section ids, in page order, on the built site: on the
 * headings, in the table of contents, and as share pages (one per section, titled with its
 * heading, no others). A rename, a reorder or a lost section fails here on purpose: shared links
 * point at these. If a change is intended, keep the old id working with
 * `aliases: { old-id: new-id }` and only then edit the list.
 *
 * The rules themselves (an unpinned heading, two headings with one id, a stale `anchors` entry
 * and a dangling alias fail, naming file, line and what to fix; a reworded heading keeps its id;
 * an alias lands inside its heading) are the plugin's, and are tested on the fixtures in
 * tests/fixtures/sections/ through the build's own MDX processor, in
 * tests/unit/briefing-pipeline.test.ts. That a plugin's error stops a real build with file and
 * line is shown by tests/build/robustness.test.ts (6).
 *
 * Read from the run's shared build of the real site (tests/support/shared-site.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/temp-site.ts';
import { sharedSite } from '../support/shared-site.ts';
import { PINNED_SECTION_IDS } from '../support/pinned-sections.ts';

const SLUG = 'deepseek-three-trends';

// ---- helpers ----------------------------------------------------------------------------------

function elements(tree: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

const hasClass = (element: Element, name: string): boolean => {
  const value = element.properties['className'];
  return Array.isArray(value) && value.map(String).includes(name);
};
const isSectionHeading = (e: Element) => e.tagName === 'h2' || e.tagName === 'h3';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const readPage = (file: string): Root => fromHtml(readFileSync(file, 'utf8'));

/** The h2/h3 headings of a page's main content, in order. */
function sectionHeadings(tree: Root): Element[] {
  const main = elements(tree, (e) => e.tagName === 'main')[0];
  if (!main) throw new Error('the page has no <main>');
  return elements(main, isSectionHeading);
}

function expectBuilt(result: BuildResult): void {
  expect(result.code, `build should succeed\n--- build output ---\n${result.output}`).toBe(0);
}

// ---- the pinned list -------------------------------------------------------------------------

describe("the seed briefing's section ids", () => {
  let result: BuildResult;
  const briefingFile = () => join(result.outDir, `briefings/${SLUG}/index.html`);

  beforeAll(async () => {
    result = await sharedSite();
  }, 300_000);

  it('builds', () => {
    expectBuilt(result);
  });

  it('are exactly the pinned list, in order, on the briefing page', () => {
    expectBuilt(result);
    const ids = sectionHeadings(readPage(briefingFile())).map((h) => h.properties['id']);
    expect(ids, 'a section id changed: shared links to it would break (keep the old id in `anchors` or add an alias)').toEqual(
      PINNED_SECTION_IDS,
    );
  });

  it('are what the table of contents links to, in order', () => {
    expectBuilt(result);
    const tree = readPage(briefingFile());
    const tocs = elements(tree, (e) => e.tagName === 'nav' && hasClass(e, 'toc'));
    expect(tocs.length).toBeGreaterThan(0);
    for (const toc of tocs) {
      const hrefs = elements(toc, (e) => e.tagName === 'a').map((a) => a.properties['href']);
      expect(hrefs).toEqual(PINNED_SECTION_IDS.map((id) => `#${id}`));
    }
  });

  it('each have a share page with the heading as its title, and there are no others', () => {
    expectBuilt(result);
    const headings = new Map(sectionHeadings(readPage(briefingFile())).map((h) => [String(h.properties['id']), squash(toString(h))]));
    for (const id of PINNED_SECTION_IDS) {
      const file = join(result.outDir, `briefings/${SLUG}/${id}/index.html`);
      expect(existsSync(file), `share page of #${id} should be built at ${file}`).toBe(true);
      const h1 = elements(readPage(file), (e) => e.tagName === 'h1').map((h) => squash(toString(h)));
      expect(h1, `share page of #${id}`).toEqual([headings.get(id)]);
    }
    const folders = readdirSync(join(result.outDir, `briefings/${SLUG}`), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(folders).toEqual([...PINNED_SECTION_IDS].sort());
  });
});
