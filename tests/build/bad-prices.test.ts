/**
 * Bad price data fails the build loudly, and says where and what.
 *
 * Each case builds a throwaway copy of the site with the real content/ and ONE defect in
 * content/prices/models.json (derived here from the real file, so the cases never drift from the
 * data), and asserts: the build exits non-zero, and its output names the price file, the entry id
 * and the field a writer must fix (for a repeated id: the id and that it is repeated). The last
 * case edits the data so that the letter no longer holds, and expects the build to quote the
 * letter's sentence with both numbers.
 *
 * Builds run one after another (each spawns `astro build`, a few seconds on two cores).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { projectRoot, type BuildResult } from '../../src/tools/temp-site.ts';
import { buildRealContentWith, lineMatching, expectFailureNaming } from '../support/build-output.ts';

const PRICE_FILE = 'content/prices/models.json';
type Entry = Record<string, unknown>;
const realPrices = JSON.parse(readFileSync(join(projectRoot, PRICE_FILE), 'utf8')) as Entry[];

/** The real price list with one edit applied to a copy. */
function pricesWith(edit: (entries: Entry[]) => Entry[]): string {
  return `${JSON.stringify(edit(structuredClone(realPrices)), null, 2)}\n`;
}

/** The entry with `id`, from a copy being edited. */
function entry(entries: Entry[], id: string): Entry {
  const found = entries.find((e) => e['id'] === id);
  if (!found) throw new Error(`${PRICE_FILE} has no "${id}"`);
  return found;
}

/** Sets one field of one entry. */
const setField = (id: string, field: string, value: unknown) => (entries: Entry[]) => {
  entry(entries, id)[field] = value;
  return entries;
};


const buildWithPrices = (json: string): Promise<BuildResult> => buildRealContentWith({ [PRICE_FILE]: json });

// ---- reporting -------------------------------------------------------------------------------

type Row = { case: string; code: number | null; where: string; problem: string };
const matrix: Row[] = [];


/** Records the case: its exit code, the line naming the entry (or file), and the line naming the problem. */
function record(name: string, result: BuildResult, where: RegExp, problem: RegExp): void {
  matrix.push({ case: name, code: result.code, where: lineMatching(result.output, where), problem: lineMatching(result.output, problem) });
}

afterAll(() => {
  const rows = matrix.map(
    (row) => `${row.case}\n    exit code: ${row.code}\n    where:     ${row.where}\n    problem:   ${row.problem}`,
  );
  console.log(`bad-prices build matrix (case → exit code → the lines that name the entry and the problem)\n${rows.join('\n')}`);
});


/** The price file is named, as its path or at least as models.json. */
const namesPriceFile = /content\/prices|models\.json/;

// ---- cases -----------------------------------------------------------------------------------

describe('a build with bad price data fails and says where and what', () => {
  it('a negative price ("-1.00") names the file, deepseek-r1 and `output`', async () => {
    const result = await buildWithPrices(pricesWith(setField('deepseek-r1', 'output', '-1.00')));
    record('negative output "-1.00" (deepseek-r1)', result, /deepseek-r1/, /^output\b/);
    expectFailureNaming(result, [namesPriceFile, 'deepseek-r1', /^\s*output\b.*\S/m]);
  });

  it('a non-numeric price ("abc") names the file, deepseek-r1 and `output`', async () => {
    const result = await buildWithPrices(pricesWith(setField('deepseek-r1', 'output', 'abc')));
    record('non-numeric output "abc" (deepseek-r1)', result, /deepseek-r1/, /^output\b/);
    expectFailureNaming(result, [namesPriceFile, 'deepseek-r1', /^\s*output\b.*\S/m]);
  });

  it('a float-looking exponent ("6e1") names the file, openai-o1 and `output`', async () => {
    const result = await buildWithPrices(pricesWith(setField('openai-o1', 'output', '6e1')));
    record('exponent output "6e1" (openai-o1)', result, /openai-o1/, /^output\b/);
    expectFailureNaming(result, [namesPriceFile, 'openai-o1', /^\s*output\b.*\S/m, /exponent/i]);
  });

  it('a missing source names the file, deepseek-r1 and `source`', async () => {
    const result = await buildWithPrices(
      pricesWith((entries) => {
        delete entry(entries, 'deepseek-r1')['source'];
        return entries;
      }),
    );
    record('missing source (deepseek-r1)', result, /deepseek-r1/, /\bsource\b/);
    expectFailureNaming(result, [namesPriceFile, 'deepseek-r1', /\bsource\b/, /required|missing/i]);
  });

  it('an unknown currency ("EUR") names the file, deepseek-r1 and `currency`', async () => {
    const result = await buildWithPrices(pricesWith(setField('deepseek-r1', 'currency', 'EUR')));
    record('currency "EUR" (deepseek-r1)', result, /deepseek-r1/, /\bcurrency\b/);
    expectFailureNaming(result, [namesPriceFile, 'deepseek-r1', /\bcurrency\b/, /USD/]);
  });

  it('a duplicate id names the file and the repeated id', async () => {
    const result = await buildWithPrices(pricesWith((entries) => [...entries, { ...entry(entries, 'deepseek-r1') }]));
    const repeated = /(repeat|duplicate)[^\n]*deepseek-r1|deepseek-r1[^\n]*(repeat|duplicate)/i;
    record('duplicate id deepseek-r1', result, /models\.json/, /repeat|duplicate|\[ERROR\]/i);
    expectFailureNaming(result, [namesPriceFile, repeated]);
  });

  it('data under which the letter no longer holds (R1 output "1.99") quotes the sentence and both numbers', async () => {
    // 60.00 / 1.99 = 30.15: it rounds to 30 but is not below it, so "nearly 30x" is wrong; and
    // the letter's "$2.19" no longer matches the data's $1.99.
    const result = await buildWithPrices(pricesWith(setField('deepseek-r1', 'output', '1.99')));
    const mdx = readFileSync(join(projectRoot, 'content/briefings/deepseek-three-trends.mdx'), 'utf8');
    const claimLine = mdx.split('\n').findIndex((l) => l.startsWith('<PriceClaim')) + 1;
    record('letter no longer holds (deepseek-r1 output "1.99")', result, /deepseek-three-trends\.mdx:\d+/, /\(30x\)/);
    expectFailureNaming(result, [
      'deepseek-three-trends.mdx',
      new RegExp(`deepseek-three-trends\\.mdx:${claimLine}\\b|line ${claimLine}\\b`),
      'This nearly 30x difference brought the trend of falling prices to the attention of many people.',
      'OpenAI’s o1 costs $60 per million output tokens; DeepSeek R1 costs $2.19.',
      // both numbers: the text's and the data's
      '($2.19)',
      '$1.99',
      '(30x)',
      /30\.15|30\.2x/,
      '60.00 / 1.99',
    ]);
  });
});
