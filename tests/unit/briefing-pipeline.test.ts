/**
 * The checks our remark/rehype plugins make on a briefing, run in-process through the MDX
 * processor the build uses (tests/support/mdx.ts: astro.config.mjs's `markdown.processor`, all of
 * its plugins in order). Each failing case asserts what the writer is told: the file, the line
 * where there is one, and what to fix. One real `astro build` per error channel (in
 * tests/build/) proves that such an error reaches the build's output with file and line; the
 * cases here were full builds of throwaway sites before, one build each.
 *
 * - Section ids (tests/fixtures/sections/, see its README): unpinned heading, duplicate ids,
 *   stale `anchors`, dangling alias fail; a reworded heading keeps its id; an alias lands inside
 *   its heading and makes no section of its own.
 * - Defects inserted into the real briefing (content/briefings/deepseek-three-trends.mdx, edited
 *   here, so every expected line is computed from the edit): a second "## The diagram", an image
 *   without alt text, an unpinned heading, an unknown model.
 * - The letter's price claim against edited price data.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SectionRecord } from '../../src/lib/sections.ts';
import { PRICE_FILE } from '../../src/lib/pricing.ts';
import { remarkPriceChecks } from '../../src/plugins/remark-price-checks.ts';
import { projectRoot } from '../../src/build/temp-site.ts';
import { noBrowser } from '../support/build-output.ts';
import { compileMdx } from '../support/mdx.ts';
import { rejection } from '../support/vfile.ts';

// Every diagram here is in the committed cache: a case that needed a browser would be a different test.
beforeAll(() => {
  vi.stubEnv('CHROMIUM_PATH', noBrowser.CHROMIUM_PATH);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const sectionsDir = join(projectRoot, 'tests/fixtures/sections');
const sectionFixture = (name: string) => {
  const path = join(sectionsDir, name);
  return { path, text: readFileSync(path, 'utf8') };
};

const BRIEFING = join(projectRoot, 'content/briefings/deepseek-three-trends.mdx');
const realBriefing = readFileSync(BRIEFING, 'utf8');

/** 1-based numbers of the lines of `text` that are exactly `line`. */
function linesOf(text: string, line: string): number[] {
  const found = text.split('\n').flatMap((l, i) => (l === line ? [i + 1] : []));
  if (found.length === 0) throw new Error(`no line is exactly ${JSON.stringify(line)}`);
  return found;
}

/** The paragraph of the letter after which every defect is inserted (well inside the letter). */
const ANCHOR = 'It remains to be seen';

/** The real briefing with `block` inserted as its own paragraph after ANCHOR's line; `line` is where it starts. */
function briefingWith(block: string): { text: string; line: number } {
  const lines = realBriefing.split('\n');
  const after = lines.findIndex((l) => l.startsWith(ANCHOR)) + 1;
  if (after === 0) throw new Error(`the briefing has no line starting with ${JSON.stringify(ANCHOR)}`);
  lines.splice(after, 0, '', block);
  const text = lines.join('\n');
  const line = after + 2;
  if (text.split('\n')[line - 1] !== block.split('\n')[0]) throw new Error('line arithmetic is wrong');
  return { text, line };
}

function elements(tree: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element);
  });
  return found;
}
const isSectionHeading = (e: Element) => e.tagName === 'h2' || e.tagName === 'h3';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The error a failing compile rejects with: fatal, naming the file it was given. */
async function failure(path: string, text: string) {
  const error = await rejection(compileMdx(path, text));
  expect(error.fatal, 'the build stops on it').toBe(true);
  expect(error.file, 'the error names the file').toBe(path);
  return error;
}

describe('the real briefing compiles through the pipeline', () => {
  it('with the pinned section ids, shared as `sections`', async () => {
    // The positive control for every failing case below: the same text, unedited, passes.
    const { frontmatter } = await compileMdx(BRIEFING, realBriefing);
    const sections = frontmatter['sections'] as SectionRecord[];
    expect(sections.map((s) => s.id)).toContain('the-full-letter');
  });
});

describe('a briefing that would break a section link fails, naming file, line and what to fix', () => {
  it('(a) a body heading with no pinned id: the line, the heading, and `anchors` to paste', async () => {
    const { path, text } = sectionFixture('unpinned-heading.mdx');
    const error = await failure(path, text);
    expect(error.line).toBe(linesOf(text, '## Why it matters')[0]);
    expect(error.message).toContain('"Why it matters"');
    expect(error.message).toContain('anchors: { why-it-matters: "Why it matters" }');
  });

  it('(b) a body heading pinned to the id a summary section already has: the id, at its line', async () => {
    const { path, text } = sectionFixture('duplicate-id.mdx');
    const error = await failure(path, text);
    expect(error.line).toBe(linesOf(text, '## The core point, restated')[0]);
    expect(error.message).toMatch(/Two headings have the id "core-point"/);
    expect(error.message).toMatch(/\banchors\b/);
  });

  it('(b) two headings that read the same, pinned once: the shared id and both lines', async () => {
    const { path, text } = sectionFixture('duplicate-heading-text.mdx');
    const [first, second] = linesOf(text, '## Notes');
    const error = await failure(path, text);
    expect(error.line).toBe(second);
    expect(error.message).toMatch(/Two headings have the id "notes"/);
    expect(error.message).toContain(`lines ${first} and ${second}`);
  });

  it('(e) an `anchors` entry that no heading reads: the missing heading text', async () => {
    const { path, text } = sectionFixture('stale-anchor.mdx');
    const error = await failure(path, text);
    expect(error.message).toContain('"Appendix: sources"');
    expect(error.message).toMatch(/\banchors\b/);
  });

  it('an alias that points at no heading: the alias and its target', async () => {
    const { path, text } = sectionFixture('dangling-alias.mdx');
    const error = await failure(path, text);
    expect(error.message).toContain('"old-name"');
    expect(error.message).toContain('"no-such-section"');
    expect(error.message).toMatch(/\baliases\b/);
  });
});

describe('a briefing that keeps its section links compiles', () => {
  it('(c) a heading reworded with its id kept in `anchors` keeps the old id, and its section (the share page) keeps it too', async () => {
    const { path, text } = sectionFixture('renamed-heading.mdx');
    const { tree, frontmatter } = await compileMdx(path, text);
    const letter = elements(tree, (e) => isSectionHeading(e) && e.properties['id'] === 'the-full-letter');
    expect(letter, 'the reworded heading still has the id the-full-letter').toHaveLength(1);
    expect(squash(toString(letter[0]!))).toBe('The letter, in full');
    expect(elements(tree, (e) => e.properties['id'] === 'the-letter-in-full')).toEqual([]);
    // One share page per entry of `sections` (checked on the built site in tests/build/section-ids.test.ts).
    const sections = frontmatter['sections'] as SectionRecord[];
    expect(sections.filter((s) => s.id === 'the-full-letter').map((s) => s.title)).toEqual(['The letter, in full']);
    expect(sections.map((s) => s.id)).not.toContain('the-letter-in-full');
  });

  it('(d) `aliases: { old-name: the-diagram }` puts #old-name inside the diagram heading, and nowhere else', async () => {
    const { path, text } = sectionFixture('alias.mdx');
    const { tree, frontmatter, headings } = await compileMdx(path, text);
    expect(elements(tree, (e) => e.properties['id'] === 'old-name'), 'exactly one element has the id old-name').toHaveLength(1);
    const diagram = elements(tree, (e) => isSectionHeading(e) && e.properties['id'] === 'the-diagram');
    expect(diagram, 'the diagram heading keeps its own id').toHaveLength(1);
    expect(elements(diagram[0]!, (e) => e.properties['id'] === 'old-name'), '#old-name is inside the diagram heading').toHaveLength(1);
    expect(squash(toString(diagram[0]!))).toBe('The diagram');
    // The alias is an anchor only: not a section (so no share page), not in the contents, not linked.
    expect((frontmatter['sections'] as SectionRecord[]).map((s) => s.id)).not.toContain('old-name');
    expect(headings.map((h) => h.slug), 'the table of contents is made from these').not.toContain('old-name');
    expect(headings.map((h) => h.slug)).toContain('the-diagram');
    expect(elements(tree, (e) => e.tagName === 'a' && e.properties['href'] === '#old-name')).toEqual([]);
  });
});

describe('the real briefing with one defect fails, naming file, line and what to fix', () => {
  it('(f) a second "## The diagram": the id and both lines', async () => {
    const [first] = linesOf(realBriefing, '## The diagram');
    const { text, line } = briefingWith('## The diagram');
    const error = await failure(BRIEFING, text);
    expect(error.line).toBe(line);
    expect(error.message).toContain('"the-diagram"');
    expect(error.message).toContain(`lines ${first} and ${line}`);
    expect(error.message).toMatch(/\banchors\b/);
  });

  it('(i) an image without alt text: the line, the image and how to describe it', async () => {
    const { text, line } = briefingWith('![](/favicon.svg)');
    const error = await failure(BRIEFING, text);
    expect(error.line).toBe(line);
    expect(error.message).toContain('/favicon.svg');
    expect(error.message).toContain('![what the image shows](/favicon.svg)');
  });

  it('(i) an <img> without alt: the line and the attribute to add', async () => {
    const { text, line } = briefingWith('<img src="/favicon.svg" />');
    const error = await failure(BRIEFING, text);
    expect(error.line).toBe(line);
    expect(error.message).toContain('alt="what the image shows"');
  });

  it('a heading with no pinned id: the line, the heading and the `anchors` entry', async () => {
    const { text, line } = briefingWith('## A new heading');
    const error = await failure(BRIEFING, text);
    expect(error.line).toBe(line);
    expect(error.message).toContain('"A new heading"');
    expect(error.message).toContain('anchors: { a-new-heading: "A new heading" }');
  });

  it('(h) an MDX syntax error (an unclosed <div>): the line and the tag', async () => {
    const { text, line } = briefingWith('<div>');
    // The MDX parser's own message, which Astro reports under the file's path.
    const error = await rejection(compileMdx(BRIEFING, text));
    expect(error.message).toContain(`closing tag for \`<div>\` (${line}:1-`);
  });

  it('(c) <Price model="gpt-9" />: the line, "gpt-9" and the price file', async () => {
    const { text, line } = briefingWith('The next model may cost <Price model="gpt-9" /> per million output tokens.');
    const error = await failure(BRIEFING, text);
    expect(error.line).toBe(line);
    expect(error.message).toContain('"gpt-9"');
    expect(error.message).toContain(`not in ${PRICE_FILE}`);
  });
});

describe('price data under which the letter no longer holds', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'briefing-prices-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('(R1 output "1.99") fails at the <PriceClaim> line, quoting the sentences and both numbers', async () => {
    // The plugin reads the price list under the file's cwd: a scratch root with edited data.
    const entries = JSON.parse(readFileSync(join(projectRoot, PRICE_FILE), 'utf8')) as Array<Record<string, unknown>>;
    const r1 = entries.find((e) => e['id'] === 'deepseek-r1');
    if (!r1) throw new Error(`${PRICE_FILE} has no deepseek-r1`);
    r1['output'] = '1.99';
    mkdirSync(dirname(join(scratch, PRICE_FILE)), { recursive: true });
    writeFileSync(join(scratch, PRICE_FILE), JSON.stringify(entries));

    // Frontmatter blanked line for line, as Astro hands the body to remark.
    const body = realBriefing.replace(/^---\n[\s\S]*?\n---\n/, (front) => front.replace(/[^\n]/g, ''));
    const file = new VFile({ path: BRIEFING, value: body, cwd: scratch });
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkPriceChecks);
    const error = await rejection(processor.run(processor.parse(file), file));
    expect(error.line).toBe(realBriefing.split('\n').findIndex((l) => l.startsWith('<PriceClaim')) + 1);
    for (const needed of [
      'This nearly 30x difference brought the trend of falling prices to the attention of many people.',
      'OpenAI’s o1 costs $60 per million output tokens; DeepSeek R1 costs $2.19.',
      // both numbers: the text's and the data's
      '($2.19)',
      '$1.99',
      '(30x)',
      '60.00 / 1.99',
    ]) {
      expect(error.message).toContain(needed);
    }
    expect(error.message).toMatch(/30\.15|30\.2x/);
  });
});
