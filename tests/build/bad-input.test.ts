/**
 * Bad input fails the build loudly, and says where and what.
 *
 * Each case builds a throwaway site whose content is one briefing from
 * tests/fixtures/bad-input/ (each derived from content/briefings/deepseek-three-trends.mdx
 * with ONE defect) and asserts: the build exits non-zero, and its output names the file and
 * the thing a writer must fix (field, line, the reason). One build per way a defect reaches the
 * build's output: the content schema (frontmatter) and the MDX compiler (syntax). The rest are
 * shown without a build, on the same fixtures:
 * - every frontmatter rule, each at its field with the schema's own words:
 *   tests/unit/content-collections.test.ts;
 * - a Mermaid parse error, and a new diagram with no browser (file, line, what to run and how to
 *   get a browser): tests/unit/diagram-plugin.test.ts; that a plugin's error stops a real build
 *   with the file and the line: tests/build/robustness.test.ts (6).
 * The positive control, the same build with good content and no browser at all (every diagram in
 * the cache) succeeding, is tests/build/robustness.test.ts (k).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { createFixtureSite, projectRoot, type BuildResult } from '../../src/tools/temp-site.ts';
import { expectFailureNaming } from '../support/build-output.ts';

const fixtureDir = join(projectRoot, 'tests/fixtures/bad-input');
const fixture = (name: string): string => readFileSync(join(fixtureDir, name), 'utf8');

/** 1-based line of the first line of `text` that starts with `prefix`. */
function lineStarting(text: string, prefix: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(prefix));
  if (index < 0) throw new Error(`fixture has no line starting with ${JSON.stringify(prefix)}`);
  return index + 1;
}

/** Builds a site whose only content is `name` from the bad-input fixtures. */
async function buildBriefing(name: string) {
  const made = createFixtureSite({ [`content/briefings/${name}`]: fixture(name) });
  try {
    return { result: await made.build() };
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

// ---- cases -----------------------------------------------------------------------------------

describe('a build with bad input fails and says where and what', () => {
  it('(g) frontmatter that breaks the content schema (`pubDate: "not a date"`) names the file, the field and what to write', async () => {
    const file = 'bad-pubdate.mdx';
    const { result } = await buildBriefing(file);
    record('(g) pubDate: "not a date"', result, file, /\bpubDate\b/);
    // The reason, beyond the field's own name: it must say a date was expected.
    expectFailureNaming(result, [file, /\bpubDate\b/, /Write the date as YYYY-MM-DD/]);
  });

  it('(h) an MDX syntax error (unclosed <div>) names the file and the line', async () => {
    const file = 'mdx-syntax-error.mdx';
    const line = lineStarting(fixture(file), '<div>');
    const { result } = await buildBriefing(file);
    const atLine = new RegExp(`(?:line ${line}\\b|\\b${line}:\\d+)`);
    record('(h) MDX unclosed <div>', result, file, atLine);
    expectFailureNaming(result, [file, atLine, /<div>|closing tag/i]);
  });
});
