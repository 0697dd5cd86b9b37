/**
 * The rules of the content collections (src/content.config.ts), without a build.
 *
 * - Prices: each bad value is refused at its field with a message that says what to write, and a
 *   repeated id is refused naming the file and the id.
 * - Briefings: the frontmatter of the bad-input fixtures (tests/fixtures/bad-input/) is refused at
 *   the field a writer must fix, with the schema's own words; the real briefing's is accepted.
 *   tests/build/robustness.test.ts (6) shows such a refusal reaching a real build's output.
 *
 * The collection definitions are read from src/content.config.ts itself. `astro:content` exists
 * only inside Astro's build, so `defineCollection` is stood in for by the identity it is there
 * for a config object; the loader's hand-off to Astro's `file()` is recorded instead of run.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../src/build/temp-site.ts';
import { PRICE_FILE } from '../../src/lib/pricing.ts';

vi.mock('astro:content', () => ({ defineCollection: <T>(collection: T): T => collection }));

/** What the loader handed to Astro's file() loader. */
const handedToFile: Array<{ path: string; parser: (text: string) => unknown }> = [];
vi.mock('astro/loaders', () => ({
  glob: () => ({ name: 'glob', load: async () => {} }),
  file: (path: string, options: { parser: (text: string) => unknown }) => ({
    name: 'file',
    load: async () => {
      handedToFile.push({ path, parser: options.parser });
    },
  }),
}));

const { collections } = await import('../../src/content.config.ts');

type Issue = { path: PropertyKey[]; message: string };
type Schema = { safeParse: (value: unknown) => { success: boolean; error?: { issues: Issue[] } } };
type Loader = { load: (context: { config: { root: URL } }) => Promise<void> };
const prices = collections.prices as unknown as { schema: Schema; loader: Loader };
const briefings = collections.briefings as unknown as { schema: Schema };

type Entry = Record<string, unknown>;
const realText = readFileSync(join(projectRoot, PRICE_FILE), 'utf8');
const realEntries = JSON.parse(realText) as Entry[];

/** A copy of the real entry `id`, with `edit` applied. */
function entryWith(id: string, edit: (entry: Entry) => void): Entry {
  const found = realEntries.find((e) => e['id'] === id);
  if (!found) throw new Error(`${PRICE_FILE} has no "${id}"`);
  const copy = structuredClone(found);
  edit(copy);
  return copy;
}

/** The schema's issues for `entry`, as field path → message. */
function issuesOf(entry: unknown, schema: Schema = prices.schema): Array<[string, string]> {
  const result = schema.safeParse(entry);
  return (result.error?.issues ?? []).map((issue) => [issue.path.map(String).join('.'), issue.message]);
}

describe('the price schema', () => {
  it.each(realEntries.map((e) => [String(e['id']), e] as const))('accepts the real entry %s', (_id, entry) => {
    expect(issuesOf(entry)).toEqual([]);
  });

  it.each([
    ['a negative price', '-1.00', 'deepseek-r1'],
    ['a non-numeric price', 'abc', 'deepseek-r1'],
    ['an exponent', '6e1', 'openai-o1'],
    ['more than 6 decimals', '2.1900001', 'deepseek-r1'],
  ])('refuses %s (output "%s" in %s) at `output`, saying how to write a price', (_what, value, id) => {
    const issues = issuesOf(entryWith(id, (e) => (e['output'] = value)));
    expect(issues.map(([path]) => path)).toEqual(['output']);
    expect(issues[0]![1]).toMatch(/decimal string/);
    expect(issues[0]![1]).toMatch(/no sign, no exponent/);
  });

  it('refuses an entry without a source, at `source`', () => {
    const issues = issuesOf(entryWith('deepseek-r1', (e) => delete e['source']));
    expect(issues.map(([path]) => path)).toEqual(['source']);
  });

  it('refuses a currency other than USD, at `currency`, naming USD', () => {
    const issues = issuesOf(entryWith('deepseek-r1', (e) => (e['currency'] = 'EUR')));
    expect(issues).toEqual([['currency', 'Only "USD" prices are supported.']]);
  });
});

describe('the price loader', () => {
  const root = mkdtempSync(join(tmpdir(), 'price-loader-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** Runs the collection's loader on a site root whose price file holds `text`. */
  function load(text: string): Promise<void> {
    mkdirSync(join(root, 'content/prices'), { recursive: true });
    writeFileSync(join(root, PRICE_FILE), text);
    return prices.loader.load({ config: { root: pathToFileURL(`${root}/`) } });
  }

  it('hands the real list to Astro’s file() loader, with a parser that returns every entry', async () => {
    handedToFile.length = 0;
    await load(realText);
    expect(handedToFile.map((h) => h.path)).toEqual([PRICE_FILE]);
    expect(handedToFile[0]!.parser(realText)).toEqual(realEntries);
  });

  it('refuses a repeated id before Astro’s loader would keep only one, naming the file, the entry and the id', async () => {
    handedToFile.length = 0;
    const repeated = [...realEntries, structuredClone(realEntries.find((e) => e['id'] === 'deepseek-r1'))];
    await expect(load(JSON.stringify(repeated))).rejects.toThrow(
      `${PRICE_FILE}: entry ${repeated.length} repeats the id "deepseek-r1"; every model needs its own id.`,
    );
    expect(handedToFile, 'nothing reaches Astro’s loader').toEqual([]);
  });

  it('refuses a file that is not JSON, naming the file', async () => {
    await expect(load('[{"id": ')).rejects.toThrow(`${PRICE_FILE} is not valid JSON`);
  });
});

describe('the briefing schema', () => {
  /** The frontmatter of an .mdx file, parsed as Astro parses it (YAML dates become Dates). */
  const frontmatterOf = (path: string) => parseFrontmatter(readFileSync(join(projectRoot, path), 'utf8')).frontmatter;
  const badInput = (name: string) => issuesOf(frontmatterOf(`tests/fixtures/bad-input/${name}`), briefings.schema);

  it('accepts the real briefing', () => {
    expect(issuesOf(frontmatterOf('content/briefings/deepseek-three-trends.mdx'), briefings.schema)).toEqual([]);
  });

  it('refuses a missing `title` at `title`, and nothing else', () => {
    expect(badInput('missing-title.mdx').map(([path]) => path)).toEqual(['title']);
  });

  it('refuses a `pubDate` that is not a date, saying how to write one', () => {
    expect(badInput('bad-pubdate.mdx')).toEqual([['pubDate', 'Write the date as YYYY-MM-DD, e.g. 2025-02-01.']]);
  });

  it('refuses a trend id that is not lowercase words with hyphens, at that trend, with an example', () => {
    const issues = badInput('bad-trend-id.mdx');
    expect(issues.map(([path]) => path)).toEqual(['summary.trends.0.id']);
    expect(issues[0]![1]).toMatch(/lowercase words joined by hyphens, e\.g\. "china-catching-up"/);
  });
});
