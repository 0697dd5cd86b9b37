/**
 * The build-time price checks (src/plugins/remark-price-checks.ts): the letter's price passage
 * against the data, and the remark plugin itself on MDX.
 *
 * - `checkPriceClaim` runs on the letter's own paragraph, read from the briefing's MDX (never a
 *   copy), with the real price data and with data edited one field at a time.
 * - The plugin runs through unified + remark-parse + remark-mdx, as MDX does, on the fixtures in
 *   tests/fixtures/prices/, with the real content/prices/models.json (VFile cwd = project root).
 *
 * Ratios used below, worked out by hand (output prices, USD per million tokens):
 *   60.00 / 2.19 = 27.397… → rounds to 30 (1 s.f.) and is below 30: "nearly 30x" holds.
 *   70.00 / 2.19 = 31.963… → rounds to 30 but is not below 30.
 *   60.00 / 1.99 = 30.150… → rounds to 30 but is not below 30 (shown as 30.15, or 30.2x).
 *   60.00 / 4.00 = 15       → rounds to 20, not 30.
 * Pure arithmetic of src/lib/pricing.ts is covered by tests/unit/pricing.test.ts, not here.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { ModelPrice } from '../../src/lib/pricing.ts';
import { PRICE_FILE } from '../../src/lib/pricing.ts';
import { checkPriceClaim, readPriceList, remarkPriceChecks } from '../../src/plugins/remark-price-checks.ts';
import { rejection } from '../support/vfile.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const briefingPath = join(projectRoot, 'content/briefings/deepseek-three-trends.mdx');
const fixturesDir = join(projectRoot, 'tests/fixtures/prices');

// ---- the letter and the data ----------------------------------------------------------------

const briefing = readFileSync(briefingPath, 'utf8');

/** The passage the briefing wraps in <PriceClaim expensive="openai-o1" cheap="deepseek-r1">, verbatim. */
const letter = (() => {
  const match = /<PriceClaim expensive="openai-o1" cheap="deepseek-r1">\n([\s\S]*?)\n<\/PriceClaim>/.exec(briefing);
  if (!match?.[1]) throw new Error(`${briefingPath} has no <PriceClaim expensive="openai-o1" cheap="deepseek-r1"> passage`);
  return match[1].trim();
})();

// The two sentences of the letter that the checks quote.
const PRICE_SENTENCE = 'OpenAI’s o1 costs $60 per million output tokens; DeepSeek R1 costs $2.19.';
const RATIO_SENTENCE = 'This nearly 30x difference brought the trend of falling prices to the attention of many people.';

const prices = readPriceList(projectRoot);
function model(id: string): ModelPrice {
  const found = prices.get(id);
  if (!found) throw new Error(`${PRICE_FILE} has no "${id}"`);
  return found;
}
const o1 = model('openai-o1');
const r1 = model('deepseek-r1');

/** The one problem that contains `needle`. */
function problemWith(problems: string[], needle: string): string {
  const found = problems.filter((p) => p.includes(needle));
  expect(found, `exactly one problem should mention ${JSON.stringify(needle)}; got:\n${problems.join('\n')}`).toHaveLength(1);
  return found[0]!;
}

describe('checkPriceClaim on the letter’s paragraph', () => {
  it('reads the real paragraph, and the data is the one the letter quotes', () => {
    expect(letter).toContain(PRICE_SENTENCE);
    expect(letter).toContain(RATIO_SENTENCE);
    expect([o1.output, r1.output]).toEqual(['60.00', '2.19']);
  });

  it('finds no problem with the real data (60.00 / 2.19 = 27.4, nearly 30x)', () => {
    expect(checkPriceClaim(letter, o1, r1)).toEqual([]);
  });

  it('o1 output "70.00": quotes the sentence with "$60" and names 70', () => {
    const problems = checkPriceClaim(letter, { ...o1, output: '70.00' }, r1);
    const problem = problemWith(problems, '($60)');
    expect(problem).toContain(PRICE_SENTENCE);
    expect(problem).toContain('$70.00');
    expect(problem).toContain('OpenAI o1');
    // 70.00 / 2.19 = 31.96: rounds to 30 but is not below it, so the ratio claim fails too.
    expect(problemWith(problems, '(30x)')).toContain('70.00 / 2.19');
  });

  it('R1 output "1.99" (60 / 1.99 = 30.15: rounds to 30 but is not below it): quotes "nearly 30x" and the ratio', () => {
    const problems = checkPriceClaim(letter, o1, { ...r1, output: '1.99' });
    const problem = problemWith(problems, '(30x)');
    expect(problem).toContain(RATIO_SENTENCE);
    expect(problem).toContain('30.15');
    expect(problem).toContain('60.00 / 1.99');
    expect(problem).toMatch(/not below 30x/);
    // …and the letter's "$2.19" no longer matches the data either.
    expect(problemWith(problems, '($2.19)')).toContain('$1.99');
  });

  it('R1 output "4.00" (60 / 4 = 15, which rounds to 20): the "nearly 30x" claim fails', () => {
    const problems = checkPriceClaim(letter, o1, { ...r1, output: '4.00' });
    const problem = problemWith(problems, '(30x)');
    expect(problem).toContain(RATIO_SENTENCE);
    expect(problem).toContain('15.0x');
    expect(problem).toContain('60.00 / 4.00');
    expect(problem).toMatch(/rounds to 20x/);
  });

  it('quotes only the sentence that holds the wrong amount, not the whole paragraph', () => {
    // The sentence "… DeepSeek R1 costs $2.19." ends in a decimal number; the quote must still be
    // that one sentence, so a writer sees at once which words to fix.
    const o1Wrong = problemWith(checkPriceClaim(letter, { ...o1, output: '70.00' }, r1), '($60)');
    expect(o1Wrong).toContain(`"${PRICE_SENTENCE}"`);
    expect(o1Wrong).not.toContain('Open weight models are commoditizing');
    const r1Wrong = problemWith(checkPriceClaim(letter, o1, { ...r1, output: '1.99' }), '($2.19)');
    expect(r1Wrong).toContain(`"${PRICE_SENTENCE}"`);
    expect(r1Wrong).not.toContain(RATIO_SENTENCE);
  });
});

// ---- the remark plugin on MDX ---------------------------------------------------------------

/** Runs MDX through remark-parse + remark-mdx + remarkPriceChecks, as the build does. */
async function runPlugin(path: string, value: string): Promise<void> {
  const file = new VFile({ path, value, cwd: projectRoot });
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkPriceChecks);
  await processor.run(processor.parse(file), file);
}


/** 1-based number of the first line of `text` that contains `needle`. */
function lineWith(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return index + 1;
}

const fixture = (name: string) => {
  const path = join(fixturesDir, name);
  return { path, text: readFileSync(path, 'utf8') };
};

describe('remarkPriceChecks on MDX', () => {
  it('passes the real briefing (every component names a known model, the letter holds)', async () => {
    // Frontmatter is blanked line for line (Astro strips it before remark), keeping line numbers.
    const body = briefing.replace(/^---\n[\s\S]*?\n---\n/, (front) => front.replace(/[^\n]/g, ''));
    await expect(runPlugin(briefingPath, body)).resolves.toBeUndefined();
  });

  it('<Price model="gpt-9" /> fails at its line, naming "gpt-9" and the known models', async () => {
    const { path, text } = fixture('unknown-model.mdx');
    const line = lineWith(text, '<Price model="gpt-9"');
    expect(line, 'the fixture puts the component on line 5').toBe(5);
    const error = await rejection(runPlugin(path, text));
    expect(error.fatal).toBe(true);
    expect(error.file).toBe(path);
    expect(error.line).toBe(line);
    expect(error.message).toContain('"gpt-9"');
    expect(error.message).toContain(PRICE_FILE);
    for (const id of prices.keys()) expect(error.message).toContain(id);
  });

  it.each([
    ['Price', '<Price model="nope" />'],
    ['PriceFact', '<PriceFact expensive="openai-o1" cheap="nope" show="ratio" />'],
    ['PriceClaim', '<PriceClaim expensive="nope" cheap="deepseek-r1">\n\nNo prices here.\n\n</PriceClaim>'],
    ['PriceComparison', '<PriceComparison expensive="openai-o1" cheap="nope" />'],
    ['TrendPrices', '<TrendPrices expensive="nope" cheap="deepseek-r1" />'],
  ])('<%s> with an unknown model fails at its line', async (name, mdx) => {
    const text = `# ${name}\n\nText.\n\n${mdx}\n`;
    const error = await rejection(runPlugin(join(fixturesDir, `inline-${name}.mdx`), text));
    expect(error.line).toBe(5);
    expect(error.message).toContain(`<${name}>`);
    expect(error.message).toContain('"nope"');
  });

  it('a <PriceClaim> with a wrong amount fails at the claim’s line, quoting the sentence', async () => {
    const { path, text } = fixture('wrong-claim.mdx');
    const line = lineWith(text, '<PriceClaim');
    expect(line, 'the fixture opens the claim on line 5').toBe(5);
    const error = await rejection(runPlugin(path, text));
    expect(error.fatal).toBe(true);
    expect(error.file).toBe(path);
    expect(error.line).toBe(line);
    expect(error.message).toContain('OpenAI’s o1 costs $65 per million output tokens; DeepSeek R1 costs $2.19.');
    expect(error.message).toContain('($65)');
    expect(error.message).toContain('$60.00');
    expect(error.message).toContain(PRICE_FILE);
  });
});
