/**
 * Robustness of the build: bad content fails loudly and says where and what; the same input
 * builds the same bytes; a failed build keeps the last good site.
 *
 * 1. One defect per case, in a throwaway copy of the site with the real content/ whose briefing
 *    is an edited copy of content/briefings/deepseek-three-trends.mdx (made here by string
 *    insertion, so every expected line number is computed from the edit, never typed). Each case
 *    asserts: the build exits non-zero, and its output names the file (and the line where there
 *    is one) and the thing a writer must fix. Cases already covered elsewhere are not repeated:
 *    tests/build/bad-input.test.ts (Mermaid, frontmatter, MDX syntax, no browser) and
 *    tests/build/bad-prices.test.ts (price data).
 * 2. Reproducible builds: the real site built twice into two fresh outDirs gives the same files
 *    with the same sha256.
 * 3. A failed build leaves the previous outDir byte-identical and no staging folder behind.
 *
 * Builds run one after another (each spawns `astro build`, ~5-8 s on two cores).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRealSite, createFixtureSite, projectRoot, type BuildResult } from '../../src/tools/temp-site.ts';
import { buildRealContentWith, lineMatching, noBrowser, expectFailureNaming } from '../support/build-output.ts';

const SLUG = 'deepseek-three-trends';
const BRIEFING = `content/briefings/${SLUG}.mdx`;
const FILE = `${SLUG}.mdx`;
const realBriefing = readFileSync(join(projectRoot, BRIEFING), 'utf8');


// ---- editing the briefing --------------------------------------------------------------------

/** 1-based line of the first line of `text` that starts with `prefix`. */
function lineStarting(text: string, prefix: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(prefix));
  if (index < 0) throw new Error(`the briefing has no line starting with ${JSON.stringify(prefix)}`);
  return index + 1;
}

/** The paragraph of the letter after which every defect is inserted (well inside the letter). */
const ANCHOR = 'It remains to be seen';

/**
 * The real briefing with `block` inserted as its own paragraph after the line starting with
 * ANCHOR; `line` is the 1-based line where `block` now starts.
 */
function briefingWith(block: string): { text: string; line: number } {
  const lines = realBriefing.split('\n');
  const after = lineStarting(realBriefing, ANCHOR); // 1-based, so also the index of the next line
  lines.splice(after, 0, '', block);
  const text = lines.join('\n');
  const line = after + 2;
  // Sanity: the computed line really holds the defect.
  if (text.split('\n')[line - 1] !== block.split('\n')[0]) throw new Error('line arithmetic is wrong');
  return { text, line };
}

const buildBriefingText = (text: string): Promise<BuildResult> => buildRealContentWith({ [BRIEFING]: text });

// ---- reporting -------------------------------------------------------------------------------

type Row = { case: string; code: number | null; where: string; reason: string };
const matrix: Row[] = [];


function record(name: string, result: BuildResult, where: RegExp, reason: RegExp): void {
  matrix.push({ case: name, code: result.code, where: lineMatching(result.output, where), reason: lineMatching(result.output, reason) });
}

const extraReport: string[] = [];

afterAll(() => {
  const rows = matrix.map((row) => `${row.case}\n    exit code:   ${row.code}\n    names file:  ${row.where}\n    reason:      ${row.reason}`);
  console.log(`robustness build matrix (case → exit code → first line naming the file → line with the reason)\n${rows.join('\n')}`);
  if (extraReport.length > 0) console.log(extraReport.join('\n'));
});


/** "line 107" or "deepseek-three-trends.mdx:107" (with or without a column). */
const atLine = (line: number): RegExp => new RegExp(`(?:\\bline ${line}\\b|${FILE.replace(/[.]/g, '\\.')}:${line}\\b)`);

// ---- trees -----------------------------------------------------------------------------------

/** sha256 of every file under `root`, keyed by its path relative to `root` (with '/'), sorted. */
function hashTree(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() || statSync(full).isFile()) {
        hashes.set(relative(root, full).split('\\').join('/'), createHash('sha256').update(readFileSync(full)).digest('hex'));
      }
    }
  };
  walk(root);
  return new Map([...hashes].sort(([a], [b]) => a.localeCompare(b)));
}

/** Paths in either tree whose content differs or that only one tree has. */
function treeDifferences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.flatMap((path) => {
    const ha = a.get(path);
    const hb = b.get(path);
    if (ha === hb) return [];
    if (ha === undefined) return [`${path}: only in the second`];
    if (hb === undefined) return [`${path}: only in the first`];
    return [`${path}: ${ha.slice(0, 12)} ≠ ${hb.slice(0, 12)}`];
  });
}

// ---- cases -----------------------------------------------------------------------------------

describe('a briefing with one defect fails the build and says where and what', () => {
  it('(c) <Price model="gpt-9" /> names the .mdx file, the line and "gpt-9"', async () => {
    const { text, line } = briefingWith('The next model may cost <Price model="gpt-9" /> per million output tokens.');
    const result = await buildBriefingText(text);
    record('(c) <Price model="gpt-9" />', result, new RegExp(FILE.replace('.', '\\.')), /gpt-9/);
    expectFailureNaming(result, [FILE, atLine(line), /"gpt-9"/, /not in content\/prices\/models\.json|unknown model/i]);
  });

  it('(d) a link to a page that does not exist names the page it is on and the link', async () => {
    const { text } = briefingWith('For more, [see](/briefings/nope/).');
    const result = await buildBriefingText(text);
    record('(d) [see](/briefings/nope/)', result, new RegExp(`^on \\S*briefings/${SLUG}`), /\/briefings\/nope\//);
    // "on /briefings/deepseek-three-trends/: /briefings/nope/ — HTTP 404": the page, the link, why.
    expectFailureNaming(result, [
      new RegExp(`briefings/${SLUG}\\b.*\\/briefings\\/nope\\/`),
      /broken link/i,
      /\b404\b|not found/i,
    ]);
  });

  it('(e) a link to a #fragment that does not exist names the page and the fragment', async () => {
    const { text } = briefingWith('For more, [see](#no-such-section).');
    const result = await buildBriefingText(text);
    record('(e) [see](#no-such-section)', result, new RegExp(`^on \\S*briefings/${SLUG}`), /#no-such-section/);
    expectFailureNaming(result, [
      new RegExp(`briefings/${SLUG}\\b.*#no-such-section`),
      /broken link/i,
      /id="no-such-section"/,
    ]);
  });

  it('(f) a second "## The diagram" names the file, the id and both lines', async () => {
    const first = lineStarting(realBriefing, '## The diagram');
    const { text, line } = briefingWith('## The diagram');
    const result = await buildBriefingText(text);
    record('(f) a second "## The diagram"', result, new RegExp(FILE.replace('.', '\\.')), /the-diagram/);
    expectFailureNaming(result, [FILE, /"the-diagram"/, new RegExp(`lines ${first} and ${line}\\b`), /anchors/]);
  });

  it('(i) an image without alt text names the file, the line and the image', async () => {
    const { text, line } = briefingWith('![](/favicon.svg)');
    const result = await buildBriefingText(text);
    record('(i) ![](/favicon.svg)', result, new RegExp(FILE.replace('.', '\\.')), /alt/);
    expectFailureNaming(result, [FILE, atLine(line), '/favicon.svg', /\balt\b/]);
  });

  it('a heading with no pinned id names the file, the heading and `anchors`', async () => {
    const { text, line } = briefingWith('## A new heading');
    const result = await buildBriefingText(text);
    record('unpinned "## A new heading"', result, new RegExp(FILE.replace('.', '\\.')), /A new heading/);
    expectFailureNaming(result, [FILE, atLine(line), '"A new heading"', /\banchors\b/, /a-new-heading/]);
  });
});

describe('the build is safe to repeat and to fail', () => {
  it('(5) builds the real site twice into the same bytes', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'briefing-repro-'));
    try {
      const dirA = join(parent, 'a');
      const dirB = join(parent, 'b');
      const first = await buildRealSite(noBrowser, dirA);
      expect(first.code, `first build should succeed\n--- build output ---\n${first.output}`).toBe(0);
      const second = await buildRealSite(noBrowser, dirB);
      expect(second.code, `second build should succeed\n--- build output ---\n${second.output}`).toBe(0);
      const a = hashTree(dirA);
      const b = hashTree(dirB);
      const differences = treeDifferences(a, b);
      extraReport.push(
        `(5) reproducible builds: ${a.size} and ${b.size} files, ${differences.length} differ` +
          (differences.length > 0 ? `\n    ${differences.join('\n    ')}` : ''),
      );
      expect(a.size, 'a built site has files').toBeGreaterThan(0);
      expect([...a.keys()], 'both builds produce the same paths').toEqual([...b.keys()]);
      expect(differences, 'every file has the same sha256 in both builds').toEqual([]);
      expect(readdirSync(parent).sort(), 'no staging or previous folder is left next to the outDirs').toEqual(['a', 'b']);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('(6) a failed build leaves the last good dist byte-identical and no staging folder', async () => {
    const site = createFixtureSite({}, { withRealContent: true });
    try {
      const good = await site.build(noBrowser);
      expect(good.code, `the first build should succeed\n--- build output ---\n${good.output}`).toBe(0);
      const dist = join(site.root, 'dist');
      const before = hashTree(dist);
      expect(before.size, 'the good build wrote dist/').toBeGreaterThan(0);
      expect(before.has(`briefings/${SLUG}/index.html`)).toBe(true);

      const { text, line } = briefingWith('The next model may cost <Price model="gpt-9" /> per million output tokens.');
      writeFileSync(join(site.root, BRIEFING), text);
      const bad = await site.build(noBrowser);
      record('(6) rebuild with <Price model="gpt-9" /> over a good dist', bad, new RegExp(FILE.replace('.', '\\.')), /left as it was|gpt-9/);
      expectFailureNaming(bad, [FILE, atLine(line), 'gpt-9', /left as it was/]);

      expect(existsSync(dist), 'dist/ is still there').toBe(true);
      const after = hashTree(dist);
      expect(treeDifferences(before, after), 'dist/ is byte-identical to the last good build').toEqual([]);
      const leftovers = readdirSync(site.root).filter((name) => /^dist\.(staging|previous)-/.test(name));
      expect(leftovers, 'no staging (or previous) folder is left in the site root').toEqual([]);
      extraReport.push(`(6) failed rebuild: exit ${bad.code}; dist/ ${after.size} files, unchanged; leftovers: ${leftovers.length}`);
    } finally {
      site.remove();
    }
  });
});
