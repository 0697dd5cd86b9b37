/**
 * Bad price data fails the build loudly, and says where and what.
 *
 * Two builds of a throwaway copy of the site with the real content/ and ONE defect in
 * content/prices/models.json (derived here from the real file, so the cases never drift from the
 * data), one per way price data is refused: by the collection's schema (a negative price: Astro
 * must name the price file, the entry id and the field) and by the collection's loader (a
 * repeated id: the build must stop, not go on with a list missing one entry). Each asserts the
 * build exits non-zero and its output names the file, the entry and what to fix.
 *
 * Every other rule of the schema and the loader (non-numeric price, exponent, missing source,
 * currency, not JSON) is tested without a build in tests/unit/content-collections.test.ts; a letter that no
 * longer holds under edited data (a remark plugin's error, like any other) in
 * tests/unit/briefing-pipeline.test.ts.
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
    // The field on its own line, followed by the schema's words on what to write instead.
    expectFailureNaming(result, [namesPriceFile, 'deepseek-r1', /^\s*output\b.*\S/m, /no sign, no exponent/]);
  });

  it('a duplicate id names the file and the repeated id', async () => {
    const result = await buildWithPrices(pricesWith((entries) => [...entries, { ...entry(entries, 'deepseek-r1') }]));
    const repeated = /(repeat|duplicate)[^\n]*deepseek-r1|deepseek-r1[^\n]*(repeat|duplicate)/i;
    record('duplicate id deepseek-r1', result, /models\.json/, /repeat|duplicate|\[ERROR\]/i);
    expectFailureNaming(result, [namesPriceFile, repeated]);
  });
});
