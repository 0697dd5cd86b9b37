/**
 * Bad input fails the build loudly, and says where and what.
 *
 * Each case builds a throwaway site whose content is one briefing from
 * tests/fixtures/bad-input/ (each derived from content/briefings/deepseek-three-trends.mdx
 * with ONE defect) and asserts: the build exits non-zero, and its output names the file and
 * the thing a writer must fix (field, line, Mermaid's own error, how to get a browser).
 * The last case is the positive control: the real content builds with no browser at all,
 * because every diagram is in the committed render cache.
 *
 * Builds run one after another (each spawns `astro build`, ~5 s on two cores).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFixtureSite, projectRoot, type BuildResult } from '../../src/tools/temp-site.ts';

const fixtureDir = join(projectRoot, 'tests/fixtures/bad-input');
const fixture = (name: string): string => readFileSync(join(fixtureDir, name), 'utf8');

/** 1-based line of the first line of `text` that starts with `prefix`. */
function lineStarting(text: string, prefix: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(prefix));
  if (index < 0) throw new Error(`fixture has no line starting with ${JSON.stringify(prefix)}`);
  return index + 1;
}

/** Nothing that needs a browser may be found through CHROMIUM_PATH: src/lib/chromium.ts treats it as the only candidate. */
const noBrowser = { CHROMIUM_PATH: '/nonexistent/chromium' };

/** Builds a site whose only content is `name` from the bad-input fixtures. */
async function buildBriefing(name: string, env: Record<string, string> = {}) {
  const made = createFixtureSite({ [`content/briefings/${name}`]: fixture(name) });
  const cacheBefore = readdirSync(made.cacheDir).sort();
  try {
    const result = await made.build(env);
    return { result, cacheBefore, cacheAfter: readdirSync(made.cacheDir).sort() };
  } finally {
    made.remove();
  }
}

// ---- reporting -------------------------------------------------------------------------------

type Row = { case: string; code: number | null; fileLine: string; detailLine: string };
const matrix: Row[] = [];
const lines = (output: string) => output.split('\n').map((line) => line.trimEnd());

function record(name: string, result: BuildResult, file: string, detail?: RegExp): void {
  const stem = file.replace(/\.mdx$/, '');
  const all = lines(result.output);
  matrix.push({
    case: name,
    code: result.code,
    fileLine: all.find((line) => line.includes(stem))?.trim() ?? '(no line names the file)',
    detailLine: detail ? (all.find((line) => detail.test(line))?.trim() ?? '(no line matches)') : '',
  });
}

afterAll(() => {
  const out = matrix.map(
    (row) =>
      `${row.case}\n    exit code: ${row.code}\n    names file: ${row.fileLine}` +
      (row.detailLine ? `\n    detail:     ${row.detailLine}` : ''),
  );
  console.log(`bad-input build matrix (case → exit code → first line naming the file)\n${out.join('\n')}`);
});

/**
 * The build failed, and its output tells a writer what they need: the file, plus every
 * further substring or pattern in `needs` (field, line, the reason). Substrings, not whole
 * messages, so the wording can improve without breaking the test.
 */
function expectFailureNaming(result: BuildResult, file: string, needs: Array<string | RegExp>): void {
  const { output } = result;
  const context = `\n--- build output ---\n${output}`;
  expect(result.code, `build should fail${context}`).not.toBe(0);
  expect(result.code, `build should exit, not be killed${context}`).not.toBeNull();
  expect(output, `output should name the file ${file}${context}`).toContain(file);
  for (const need of needs) {
    if (typeof need === 'string') expect(output, `output should contain ${JSON.stringify(need)}${context}`).toContain(need);
    else expect(output, `output should match ${need}${context}`).toMatch(need);
  }
}

// ---- cases -----------------------------------------------------------------------------------

describe('a build with bad input fails and says where and what', () => {
  describe('(g) frontmatter that breaks the content schema', () => {
    it('names the file and the missing `title`', async () => {
      const file = 'missing-title.mdx';
      const { result } = await buildBriefing(file);
      record('(g) missing title', result, file, /\btitle\b.*required/i);
      expectFailureNaming(result, file, [/\btitle\b/, /required|missing/i]);
    });

    it('names the file and `pubDate` when it is not a date', async () => {
      const file = 'bad-pubdate.mdx';
      const { result } = await buildBriefing(file);
      record('(g) pubDate: "not a date"', result, file, /\bpubDate\b/);
      // The reason, beyond the field's own name: it must say a date was expected.
      expectFailureNaming(result, file, [/\bpubDate\b/, /Write the date as YYYY-MM-DD/]);
    });

    it('names the file, the trend `id` and the rule it breaks', async () => {
      const file = 'bad-trend-id.mdx';
      const { result } = await buildBriefing(file);
      record('(g) trend id: "Bad Id"', result, file, /trends\W+0\W+id\b/);
      // Which trend (the first: index 0) and which field, and the rule in words.
      expectFailureNaming(result, file, [/trends\W+0\W+id\b/, /lowercase/i]);
    });
  });

  it('(h) an MDX syntax error (unclosed <div>) names the file and the line', async () => {
    const file = 'mdx-syntax-error.mdx';
    const line = lineStarting(fixture(file), '<div>');
    const { result } = await buildBriefing(file);
    const atLine = new RegExp(`(?:line ${line}\\b|\\b${line}:\\d+)`);
    record('(h) MDX unclosed <div>', result, file, atLine);
    expectFailureNaming(result, file, [atLine, /<div>|closing tag/i]);
  });

  it("(a) a Mermaid diagram that does not parse names the file, the block's line and Mermaid's error", async () => {
    // Renders in a real browser: CHROMIUM_PATH is left as the environment has it.
    const file = 'mermaid-parse-error.mdx';
    const line = lineStarting(fixture(file), '```mermaid');
    const { result, cacheBefore, cacheAfter } = await buildBriefing(file);
    const atLine = new RegExp(`(?:line ${line}\\b|${file.replace('.', '\\.')}:${line}\\b)`);
    record('(a) Mermaid parse error', result, file, /Parse error/);
    expectFailureNaming(result, file, [atLine, 'Parse error']);
    expect(cacheAfter, 'a diagram that failed to render must not enter the cache').toEqual(cacheBefore);
  });

  it('(j) a new diagram with no browser available names the file and says how to get one', async () => {
    const file = 'uncached-diagram.mdx';
    const line = lineStarting(fixture(file), '```mermaid');
    const { result, cacheBefore, cacheAfter } = await buildBriefing(file, noBrowser);
    const atLine = new RegExp(`(?:line ${line}\\b|${file.replace('.', '\\.')}:${line}\\b)`);
    record('(j) uncached diagram, no browser', result, file, /No Chromium found|browser/i);
    expectFailureNaming(result, file, [
      atLine,
      /no (chromium|browser)[^.]*found/i,
      'npm run diagrams',
      /apt-get install -y chromium|npx playwright install chromium/,
    ]);
    expect(cacheAfter, 'nothing may be written to the cache when nothing rendered').toEqual(cacheBefore);
  });
});

describe('(k) positive control', () => {
  it('the real content builds with no browser, because every diagram is cached', async () => {
    const made = createFixtureSite({}, { withRealContent: true });
    try {
      const cacheBefore = readdirSync(made.cacheDir).sort();
      const result = await made.build(noBrowser);
      matrix.push({
        case: '(k) real content, no browser',
        code: result.code,
        fileLine: lines(result.output).find((l) => l.includes('deepseek-three-trends'))?.trim() ?? '(no line names the file)',
        detailLine: lines(result.output).find((l) => /Complete!|error/i.test(l))?.trim() ?? '',
      });
      expect(result.code, `warm build must succeed without a browser\n--- build output ---\n${result.output}`).toBe(0);
      expect(readdirSync(made.cacheDir).sort(), 'a warm build must add nothing to the cache').toEqual(cacheBefore);
      const page = join(result.outDir, 'briefings/deepseek-three-trends/index.html');
      expect(existsSync(page), `${page} should be built`).toBe(true);
      expect(readFileSync(page, 'utf8'), 'the cached diagram should be inlined').toContain('<svg');
    } finally {
      made.remove();
    }
  });
});
