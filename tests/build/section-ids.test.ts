/**
 * Section ids are in links people have shared (#fragments and share pages), so they come from the
 * content, never from a heading's wording, and the build refuses anything that would break one.
 *
 * 1. THE PINNED LIST: the seed briefing's section ids, in page order. A rename, a reorder or a
 *    lost section fails here on purpose: shared links point at these. If a change is intended,
 *    keep the old id working with `aliases: { old-id: new-id }` and only then edit the list.
 * 2. Throwaway sites, each with one short briefing from tests/fixtures/sections/ (derived from
 *    content/briefings/deepseek-three-trends.mdx), check the rules: an unpinned heading, two
 *    headings with one id, a stale `anchors` entry and a dangling alias fail the build and say
 *    where and what; a reworded heading keeps its id; an alias lands inside its heading.
 *
 * Builds run one after another (each spawns `astro build`, ~5 s on two cores).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, projectRoot, type BuildResult, type FixtureSite } from '../../src/tools/temp-site.ts';
import { PINNED_SECTION_IDS } from '../support/pinned-sections.ts';


const SLUG = 'deepseek-three-trends';
const fixtureDir = join(projectRoot, 'tests/fixtures/sections');
const fixture = (name: string): string => readFileSync(join(fixtureDir, name), 'utf8');
/** The price list the site's pages read; a fixture site without it does not build at all. */
const prices = readFileSync(join(projectRoot, 'content/prices/models.json'), 'utf8');

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

/** 1-based line of the first line of `text` that is exactly `line`. */
function lineOf(text: string, line: string): number {
  const index = text.split('\n').indexOf(line);
  if (index < 0) throw new Error(`fixture has no line ${JSON.stringify(line)}`);
  return index + 1;
}

type Built = { result: BuildResult; page: (path: string) => Root | undefined; exists: (path: string) => boolean };

/** Builds a site whose only briefing is `name` from tests/fixtures/sections/, and reads its pages. */
async function buildFixture(name: string): Promise<Built> {
  const made = createFixtureSite({ [`content/briefings/${name}`]: fixture(name), 'content/prices/models.json': prices });
  try {
    const result = await made.build();
    // Read what the tests need before the site is removed.
    const files = new Map<string, string>();
    if (result.code === 0) {
      for (const entry of readdirSync(result.outDir, { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && entry.name.endsWith('.html')) {
          files.set(join(entry.parentPath, entry.name).slice(result.outDir.length), readFileSync(join(entry.parentPath, entry.name), 'utf8'));
        }
      }
    }
    const fileOf = (path: string) => (path.endsWith('/') ? `${path}index.html` : path);
    return {
      result,
      page: (path) => {
        const html = files.get(fileOf(path));
        return html === undefined ? undefined : fromHtml(html);
      },
      exists: (path) => files.has(fileOf(path)),
    };
  } finally {
    made.remove();
  }
}

/** The build failed, and its output names the file and every further substring or pattern. */
function expectFailureNaming(result: BuildResult, file: string, needs: Array<string | RegExp>): void {
  const context = `\n--- build output ---\n${result.output}`;
  expect(result.code, `build should fail${context}`).not.toBe(0);
  expect(result.code, `build should exit, not be killed${context}`).not.toBeNull();
  expect(result.output, `output should name content/briefings/${file}${context}`).toContain(`content/briefings/${file}`);
  for (const need of needs) {
    if (typeof need === 'string') expect(result.output, `output should contain ${JSON.stringify(need)}${context}`).toContain(need);
    else expect(result.output, `output should match ${need}${context}`).toMatch(need);
  }
}

function expectBuilt(result: BuildResult): void {
  expect(result.code, `build should succeed\n--- build output ---\n${result.output}`).toBe(0);
}

// ---- 1. the pinned list -------------------------------------------------------------------------

describe("the seed briefing's section ids", () => {
  let made: FixtureSite | undefined;
  let result: BuildResult;
  const briefingFile = () => join(result.outDir, `briefings/${SLUG}/index.html`);

  // A throwaway copy of the real site: builds of the project root share its .astro cache.
  beforeAll(async () => {
    made = createFixtureSite({}, { withRealContent: true });
    result = await made.build();
  }, 300_000);
  afterAll(() => made?.remove());

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

// ---- 2. the rules, on fixture briefings -------------------------------------------------------

describe('a briefing that would break a section link fails the build and says where and what', () => {
  it('(a) a body heading with no pinned id names the file, the line, the heading and suggests `anchors`', async () => {
    const file = 'unpinned-heading.mdx';
    const line = lineOf(fixture(file), '## Why it matters');
    const { result } = await buildFixture(file);
    expectFailureNaming(result, file, [
      `${file}:${line}`,
      '"Why it matters"',
      /\banchors\b/,
      // A suggestion that can be pasted as is.
      'anchors: { why-it-matters: "Why it matters" }',
    ]);
  });

  it('(b) a body heading pinned to the id a summary section already has names the id', async () => {
    const file = 'duplicate-id.mdx';
    const line = lineOf(fixture(file), '## The core point, restated');
    const { result } = await buildFixture(file);
    expectFailureNaming(result, file, [/Two headings have the id "core-point"/, `${file}:${line}`]);
  });

  it('(b) two headings that read the same, pinned once, name the shared id', async () => {
    const file = 'duplicate-heading-text.mdx';
    const { result } = await buildFixture(file);
    expectFailureNaming(result, file, [/Two headings have the id "notes"/]);
  });

  it('(e) an `anchors` entry that no heading reads names the missing heading text', async () => {
    const file = 'stale-anchor.mdx';
    const { result } = await buildFixture(file);
    expectFailureNaming(result, file, ['"Appendix: sources"', /\banchors\b/]);
  });

  it('an alias that points at no heading names the alias and its target', async () => {
    const file = 'dangling-alias.mdx';
    const { result } = await buildFixture(file);
    expectFailureNaming(result, file, ['"old-name"', '"no-such-section"', /\baliases\b/]);
  });
});

describe('a briefing that keeps its section links builds', () => {
  it('(c) a heading reworded with its id kept in `anchors` keeps the old id and share page', async () => {
    const file = 'renamed-heading.mdx';
    const slug = file.replace(/\.mdx$/, '');
    const { result, page, exists } = await buildFixture(file);
    expectBuilt(result);
    const tree = page(`/briefings/${slug}/`);
    expect(tree, 'the briefing page should be built').toBeDefined();
    const headings = sectionHeadings(tree!);
    const letter = headings.find((h) => h.properties['id'] === 'the-full-letter');
    expect(letter, 'the reworded heading still has the id the-full-letter').toBeDefined();
    expect(squash(toString(letter!))).toBe('The letter, in full');
    expect(headings.map((h) => h.properties['id'])).not.toContain('the-letter-in-full');
    expect(exists(`/briefings/${slug}/the-full-letter/`), 'the share page keeps its address').toBe(true);
    expect(exists(`/briefings/${slug}/the-letter-in-full/`)).toBe(false);
    const h1 = elements(page(`/briefings/${slug}/the-full-letter/`)!, (e) => e.tagName === 'h1').map((h) => squash(toString(h)));
    expect(h1).toEqual(['The letter, in full']);
  });

  it('(d) `aliases: { old-name: the-diagram }` puts #old-name inside the diagram heading', async () => {
    const file = 'alias.mdx';
    const slug = file.replace(/\.mdx$/, '');
    const { result, page, exists } = await buildFixture(file);
    expectBuilt(result);
    const tree = page(`/briefings/${slug}/`);
    expect(tree, 'the briefing page should be built').toBeDefined();
    const withId = elements(tree!, (e) => e.properties['id'] === 'old-name');
    expect(withId, 'exactly one element has the id old-name').toHaveLength(1);
    const diagram = sectionHeadings(tree!).find((h) => h.properties['id'] === 'the-diagram');
    expect(diagram, 'the diagram heading keeps its own id').toBeDefined();
    expect(elements(diagram!, (e) => e.properties['id'] === 'old-name'), '#old-name is inside the diagram heading').toHaveLength(1);
    // The alias is an anchor only: not a section, not in the contents, no share page of its own.
    expect(sectionHeadings(tree!).map((h) => h.properties['id'])).not.toContain('old-name');
    expect(elements(tree!, (e) => e.tagName === 'a' && e.properties['href'] === '#old-name')).toEqual([]);
    expect(exists(`/briefings/${slug}/old-name/`)).toBe(false);
    expect(squash(toString(diagram!))).toBe('The diagram');
  });
});
