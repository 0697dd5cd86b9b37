/**
 * The diagram pipeline, end to end on fixtures: markdown → remark-rehype → rehypeDiagrams
 * (src/plugins/rehype-diagrams.ts, which presents each SVG through src/plugins/present-diagram.ts).
 *
 * Each case is a page in tests/fixtures/diagrams/<case>/input.md. Assertions are structural,
 * on the hast the plugin returns or on that tree serialised and parsed back as a browser would;
 * never on pixels, never on a copy of the output.
 *
 * - seed: the real briefing's diagram, served from the committed cache with no browser at all.
 * - two-diagrams, deterministic, hostile-labels, parse-error, mermaid-forms: rendered in a real
 *   Chromium, into throwaway cache folders, side by side in one browser session (as a cold build
 *   batches its pages); deterministic renders once more, alone, in a second session.
 * - no-browser: an uncached diagram with no browser fails with what to do, and writes nothing.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { findChromium, installHint } from '../../src/build/chromium.ts';
import { defaultCacheDir, diagramKey, RENDER_PREFIX } from '../../src/plugins/diagram-cache.ts';
import { rehypeDiagrams } from '../../src/plugins/rehype-diagrams.ts';
import { noBrowser } from '../support/build-output.ts';
import { rejection } from '../support/vfile.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixturesDir = join(projectRoot, 'tests/fixtures/diagrams');
const realBriefing = join(projectRoot, 'content/briefings/deepseek-three-trends.mdx');

// ---- helpers -----------------------------------------------------------------------------------

const fixturePath = (name: string): string => join(fixturesDir, name, 'input.md');
const fixtureText = (name: string): string => readFileSync(fixturePath(name), 'utf8');

type Block = { line: number; source: string };

/** The ```mermaid blocks of a fixture, read from the text itself: 1-based fence line and source. */
function mermaidBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  lines.forEach((line, index) => {
    if (line !== '```mermaid') return;
    const end = lines.findIndex((l, i) => i > index && l === '```');
    if (end < 0) throw new Error(`unclosed mermaid block at line ${index + 1}`);
    blocks.push({ line: index + 1, source: lines.slice(index + 1, end).join('\n') });
  });
  return blocks;
}

/** Runs the page through markdown → hast → rehypeDiagrams, as the build does (minus Astro's own plugins). */
async function runFixture(name: string, cacheDir: string): Promise<Root> {
  const path = fixturePath(name);
  const file = new VFile({ path, value: readFileSync(path, 'utf8') });
  const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeDiagrams, { cacheDir });
  return processor.run(processor.parse(file), file);
}

/** What a browser would get: the tree serialised to HTML and parsed back. */
const reparse = (tree: Root): Root => fromHtml(toHtml(tree), { fragment: true });

function elements(node: Root | Element): Element[] {
  const found: Element[] = [];
  visit(node, 'element', (element: Element) => {
    found.push(element);
  });
  return found;
}

function classesOf(element: Element): string[] {
  return tokens(element.properties['className']);
}

const select = (node: Root | Element, tagName: string, className?: string): Element[] =>
  elements(node).filter((e) => e.tagName === tagName && (className === undefined || classesOf(e).includes(className)));

function only<T>(items: T[], what: string): T {
  expect(items, `expected exactly one ${what}`).toHaveLength(1);
  return items[0] as T;
}

/** A space-separated property (aria-describedby…), whether hast holds it as a list or a string. */
function tokens(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/** The <pre> of Shiki's highlighted source, inside the figure's "Diagram source" details. */
function sourcePre(node: Root | Element): Element {
  const details = only(select(node, 'details', 'diagram-source'), 'details.diagram-source');
  return only(select(details, 'pre'), '<pre> in details.diagram-source');
}

const idOf = (element: Element): string | undefined =>
  typeof element.properties['id'] === 'string' ? element.properties['id'] : undefined;

function idsIn(node: Root | Element): string[] {
  return elements(node).flatMap((e) => idOf(e) ?? []);
}

/** Every id a property points at: `url(#id)` anywhere, and the ids of aria-labelledby / aria-describedby. */
function references(node: Root | Element): { from: string; id: string }[] {
  const refs: { from: string; id: string }[] = [];
  for (const element of elements(node)) {
    for (const [name, value] of Object.entries(element.properties)) {
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      if (name === 'ariaLabelledBy' || name === 'ariaDescribedBy') {
        for (const id of tokens(value)) refs.push({ from: `${element.tagName}[${name}]`, id });
      }
      for (const v of values) {
        for (const match of v.matchAll(/url\(#([^)]+)\)/g)) refs.push({ from: `${element.tagName}[${name}]`, id: match[1] ?? '' });
      }
    }
  }
  return refs;
}

/** Sets environment variables for the length of `run` (Vitest's stubs), then puts back what was there. */
async function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  for (const [key, value] of Object.entries(vars)) vi.stubEnv(key, value);
  try {
    return await run();
  } finally {
    vi.unstubAllEnvs();
  }
}

const tempDirs: string[] = [];
function freshCacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'diagram-plugin-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});


function needsBrowser(): void {
  if (!findChromium()) throw new Error(`This test renders diagrams in Chromium. ${installHint}`);
}

/**
 * The fixtures that need a browser, compiled side by side into caches of their own, as the pages
 * of a cold build are: their diagrams queue together and render in ONE browser session (the
 * plugin's batching), instead of one launch per fixture. Each describe reads its own result;
 * a fixture that must fail (parse-error) fails on its own, and the others still render.
 */
const BATCHED = ['two-diagrams', 'deterministic', 'hostile-labels', 'parse-error', 'mermaid-forms'] as const;
type Batched = (typeof BATCHED)[number];
type BatchResult = { cacheDir: string; result: PromiseSettledResult<Root> };
let batch: Promise<Record<Batched, BatchResult>> | undefined;
async function renderedTogether(name: Batched): Promise<BatchResult> {
  batch ??= (async () => {
    needsBrowser();
    const dirs = BATCHED.map(() => freshCacheDir());
    const settled = await Promise.allSettled(BATCHED.map((fixture, i) => runFixture(fixture, dirs[i]!)));
    return Object.fromEntries(BATCHED.map((fixture, i) => [fixture, { cacheDir: dirs[i]!, result: settled[i]! }])) as Record<Batched, BatchResult>;
  })();
  return (await batch)[name];
}

/** The tree of a batched fixture that rendered, and its cache folder. */
async function renderedFixture(name: Batched): Promise<{ tree: Root; cacheDir: string }> {
  const { cacheDir, result } = await renderedTogether(name);
  if (result.status === 'rejected') throw result.reason;
  return { tree: result.value, cacheDir };
}

// ---- seed: the real diagram, from the committed cache, with no browser ------------------------

describe('seed: the briefing diagram from the committed cache, without a browser', () => {
  const text = fixtureText('seed');
  const [block] = mermaidBlocks(text);
  const source = block?.source ?? '';
  let tree: Root;
  let page: Root;
  let figure: Element;
  let svg: Element;

  beforeAll(async () => {
    tree = await withEnv(noBrowser, () => runFixture('seed', defaultCacheDir));
    page = reparse(tree);
    figure = only(select(page, 'figure', 'diagram'), 'figure.diagram');
    svg = only(select(figure, 'svg'), '<svg> in the figure');
  });

  test('the fixture is the real briefing\'s diagram, byte for byte, and its render is committed', () => {
    expect(mermaidBlocks(text)).toHaveLength(1);
    expect(readFileSync(realBriefing, 'utf8')).toContain(`\`\`\`mermaid\n${source}\n\`\`\`\n`);
    expect(readdirSync(defaultCacheDir)).toContain(`${diagramKey(source)}.svg`);
  });

  test('becomes one figure.diagram holding one svg, keyed by the diagram', () => {
    expect(select(tree, 'figure', 'diagram')).toHaveLength(1);
    expect(select(tree, 'svg')).toHaveLength(1);
    expect(figure.properties['dataDiagram']).toBe(diagramKey(source));
    // No raw mermaid block is left; the highlighted "Diagram source" (pre.astro-code) names its language.
    const raw = select(tree, 'pre').filter((pre) => !classesOf(pre).includes('astro-code'));
    expect(raw.filter((pre) => select(pre, 'code').some((c) => classesOf(c).includes('language-mermaid')))).toEqual([]);
  });

  test('has no <style> element and no style attribute in the figure, except Shiki\'s colour variables', () => {
    expect(select(page, 'style')).toEqual([]);
    const shiki = new Set(elements(sourcePre(figure)));
    const styled = elements(page).filter((e) => e.properties['style'] !== undefined && !shiki.has(e));
    expect(styled.map((e) => `<${e.tagName} style="${String(e.properties['style'])}">`)).toEqual([]);
    // The highlighted source sets only --shiki-* custom properties (themed by the stylesheet).
    for (const e of shiki) {
      const style = e.properties['style'];
      if (style === undefined) continue;
      const names = String(style).split(';').filter((d) => d.trim() !== '').map((d) => d.split(':')[0]?.trim());
      expect(names.every((n) => n?.startsWith('--shiki-')), `Shiki style: ${String(style)}`).toBe(true);
    }
  });

  test('has unique, valid ids, all carrying the figure\'s prefix', () => {
    const ids = idsIn(page);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'duplicate ids').toEqual([]);
    expect(ids.filter((id) => !/^[\w-]+$/.test(id)), 'invalid ids').toEqual([]);
    const prefix = `diagram-${diagramKey(source).slice(0, 8)}-0`;
    expect(idOf(svg)).toBe(prefix);
    expect(idsIn(svg).filter((id) => !id.includes(prefix))).toEqual([]);
    expect(toHtml(tree)).not.toContain(RENDER_PREFIX);
  });

  test('every url(#…), aria-labelledby and aria-describedby points at an id that exists', () => {
    const ids = new Set(idsIn(page));
    const refs = references(page);
    expect(refs.filter((r) => r.from.includes('marker')).length, 'arrowheads reference markers').toBeGreaterThan(0);
    expect(refs.filter((r) => !ids.has(r.id))).toEqual([]);
    const describedBy = tokens(svg.properties['ariaDescribedBy']);
    const words = only(select(figure, 'div', 'diagram-outline'), '.diagram-outline');
    expect(describedBy, 'the svg is described by the diagram in words').toContain(idOf(words));
  });

  test('keeps the six author styles as fill attributes on dg-styled shapes', () => {
    const expected: Record<string, string> = { A: '#aaddff', F: '#ccffcc', K: '#ffeeaa', C: '#99ddff', I: '#aaffaa', N: '#ffccaa' };
    // …which are exactly the fills the source's style lines set.
    const fromSource = Object.fromEntries([...source.matchAll(/^\s*style (\w+) fill:(#[0-9a-f]+)/gm)].map((m) => [m[1], m[2]]));
    expect(fromSource).toEqual(expected);
    const styled = elements(svg).filter((e) => classesOf(e).includes('dg-styled'));
    for (const [nodeId, fill] of Object.entries(expected)) {
      const node = only(
        elements(svg).filter((e) => classesOf(e).includes('node') && new RegExp(`-flowchart-${nodeId}-\\d+$`).test(idOf(e) ?? '')),
        `node ${nodeId}`,
      );
      expect(classesOf(node)).toContain('dg-styled-node');
      const shape = only(node.children.filter((c): c is Element => c.type === 'element' && classesOf(c).includes('dg-styled')), `styled shape of ${nodeId}`);
      expect(shape.properties['fill']).toBe(fill);
    }
    expect(styled).toHaveLength(6);
  });

  test('links A, F and K to the three trend sections', () => {
    const links = select(svg, 'a').map((a) => a.properties['href'] ?? a.properties['xLinkHref']);
    expect(links).toEqual(['#chinas-rise', '#open-weight-commoditization', '#beyond-scaling']);
  });

  test('has a <title> equal to the source\'s accTitle, which also labels the figure', () => {
    const accTitle = /^\s*accTitle:\s*(.+)$/m.exec(source)?.[1]?.trim();
    expect(accTitle).toBe('How DeepSeek connects the three trends');
    const title = only(svg.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'title'), '<title>');
    expect(toString(title)).toBe(accTitle);
    expect(tokens(svg.properties['ariaLabelledBy'])).toContain(idOf(title));
    const caption = only(select(figure, 'figcaption'), 'figcaption');
    expect(caption.children[0]?.type === 'text' ? caption.children[0].value : undefined, 'the caption starts with the title').toBe(accTitle);
  });

  test('says the diagram in words: the three subgraph titles and all 17 relations (counted by hand)', () => {
    const words = only(select(figure, 'div', 'diagram-outline'), '.diagram-outline');
    const groups = elements(words).filter((e) => e.tagName === 'li' && e.children.some((c) => c.type === 'element' && c.tagName === 'strong'));
    const titles = groups.map((g) => toString(only(select(g, 'strong'), 'group title')));
    expect(titles.slice(0, 3)).toEqual(["China's AI Advancement", 'Open Model Commoditization', 'Beyond Scaling Up']);
    // 4 + 5 + 4 links inside the subgraphs, then D-->O, O-->P, I-->Q, N-->R: 17.
    expect(source.split('\n').filter((line) => line.includes('-->'))).toHaveLength(17);
    const relations = elements(words).filter((e) => e.tagName === 'li' && !groups.includes(e));
    expect(relations).toHaveLength(17);
    expect(relations.map((li) => toString(li))).toContain('Price Reduction — Example → DeepSeek\'s cost vs OpenAi');
  });

  test('shows the diagram source, highlighted, in a "Diagram source" details', () => {
    const details = only(select(figure, 'details', 'diagram-source'), 'details.diagram-source');
    expect(toString(only(select(details, 'summary'), 'summary'))).toBe('Diagram source');
    const pre = sourcePre(figure);
    expect(toString(pre)).toBe(source);
    expect(select(pre, 'span', 'line').length, 'one span.line per source line').toBe(source.split('\n').length);
  });

  test('the source\'s <pre> is a pre.astro-code in the HTML, so the code-block styles apply', () => {
    // Checked on the serialised-and-reparsed page: two class attributes on one element would
    // leave a browser with only the first.
    expect(toHtml(sourcePre(tree)).match(/^<pre\b[^>]*>/)?.[0].match(/\sclass=/g) ?? [], 'class attributes on <pre>').toHaveLength(1);
    expect(classesOf(sourcePre(figure))).toContain('astro-code');
  });
});

// ---- rendered in a real browser -----------------------------------------------------------------

describe('two-diagrams: two different flowcharts on one page', () => {
  const blocks = mermaidBlocks(fixtureText('two-diagrams'));
  let cacheDir: string;
  let page: Root;
  let figures: Element[];

  beforeAll(async () => {
    const rendered = await renderedFixture('two-diagrams');
    cacheDir = rendered.cacheDir;
    page = reparse(rendered.tree);
    figures = select(page, 'figure', 'diagram');
  }, 120_000);

  test('become two figures, each with its own svg id, and no id twice on the page', () => {
    expect(blocks).toHaveLength(2);
    expect(figures).toHaveLength(2);
    const svgIds = figures.map((f) => idOf(only(select(f, 'svg'), 'svg')));
    expect(new Set(svgIds).size).toBe(2);
    const ids = idsIn(page);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'duplicate ids').toEqual([]);
    expect(ids.filter((id) => !/^[\w-]+$/.test(id)), 'invalid ids').toEqual([]);
    const known = new Set(ids);
    expect(references(page).filter((r) => !known.has(r.id))).toEqual([]);
  });

  test('every id inside figure i carries diagram-<key8>-<i>, and the cache holds both renders and both parses', () => {
    expect(readdirSync(cacheDir).sort()).toEqual(blocks.flatMap((b) => [`${diagramKey(b.source)}.json`, `${diagramKey(b.source)}.svg`]).sort());
    figures.forEach((figure, index) => {
      const block = blocks[index];
      const prefix = `diagram-${diagramKey(block?.source ?? '').slice(0, 8)}-${index}`;
      const svg = only(select(figure, 'svg'), 'svg');
      expect(idOf(svg), `svg id of figure ${index}`).toBe(prefix);
      expect(idsIn(figure).filter((id) => !id.startsWith(prefix)), `ids of figure ${index} without ${prefix}`).toEqual([]);
    });
    // A cached render must not depend on which other diagrams were rendered with it (here: every
    // batched fixture's).
    for (const name of readdirSync(cacheDir).filter((n) => n.endsWith('.svg'))) {
      const svg = readFileSync(join(cacheDir, name), 'utf8');
      expect(svg, `${name} should be rendered with ids ${RENDER_PREFIX}-0`).toMatch(new RegExp(`^<svg id="${RENDER_PREFIX}-0"`));
    }
  });
});

describe('deterministic: one flowchart rendered twice', () => {
  test('gives byte-identical cached SVGs in two fresh caches, from two browser sessions', async () => {
    // The first render shared its session with the other batched fixtures; the second is alone.
    const { cacheDir: first } = await renderedFixture('deterministic');
    const second = freshCacheDir();
    await runFixture('deterministic', second);
    const [block] = mermaidBlocks(fixtureText('deterministic'));
    const name = `${diagramKey(block?.source ?? '')}.svg`;
    const files = [name.replace(/svg$/, 'json'), name];
    expect(readdirSync(first).sort()).toEqual(files);
    expect(readdirSync(second).sort()).toEqual(files);
    const a = readFileSync(join(first, name));
    const b = readFileSync(join(second, name));
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(b), 'the two renders differ').toBe(true);
  }, 120_000);
});

describe('hostile-labels: labels holding markup and script', () => {
  let page: Root;
  let svg: Element;

  beforeAll(async () => {
    page = reparse((await renderedFixture('hostile-labels')).tree);
    svg = only(select(page, 'svg'), 'svg');
  }, 120_000);

  test('no script, no img, no foreignObject and no on* attribute reaches the page', () => {
    expect(select(page, 'script')).toEqual([]);
    expect(select(page, 'img')).toEqual([]);
    expect(select(page, 'foreignObject')).toEqual([]);
    const handlers = elements(page).flatMap((e) => Object.keys(e.properties).filter((name) => /^on/i.test(name)).map((name) => `${e.tagName}[${name}]`));
    expect(handlers).toEqual([]);
    expect(elements(page).filter((e) => /javascript:/i.test(String(e.properties['href'] ?? e.properties['xLinkHref'] ?? '')))).toEqual([]);
  });

  test('Mermaid (strict) drops the <script> label, and shows the sanitised <img>/<b> labels as text', () => {
    const label = (nodeId: string): string => {
      const node = only(elements(svg).filter((e) => new RegExp(`-flowchart-${nodeId}-\\d+$`).test(idOf(e) ?? '')), `node ${nodeId}`);
      return toString(node).trim();
    };
    // What Mermaid 11 does with securityLevel 'strict' and SVG text labels (htmlLabels: false):
    // DOMPurify removes <script> with its content, and strips onerror/onmouseover; what is left
    // is printed as text, so <img src="x"> appears literally in the picture.
    expect(label('A')).toBe('');
    expect(label('B')).toBe('<img src="x">');
    expect(label('C')).toBe('Safe label');
    const edgeLabels = select(svg, 'g', 'edgeLabel').map((g) => toString(g).replace(/\s+/g, ' ').trim()).filter(Boolean);
    expect(edgeLabels).toEqual(['<b> hover </b>']);
    expect(toString(svg)).not.toMatch(/alert|onerror|onmouseover/);
  });

  test('the diagram in words tells the labels as Mermaid parsed them (as text), the source as written', () => {
    const outline = only(select(page, 'div', 'diagram-outline'), '.diagram-outline');
    // Mermaid (strict) dropped the script, so A is told by its id; the sanitised markup is text, not elements.
    expect(select(outline, 'li').map((li) => toString(li))).toEqual(['A → <img src="x">', '<img src="x"> — <b>hover</b> → Safe label']);
    expect(elements(outline).map((e) => e.tagName)).toEqual(['div', 'ul', 'li', 'li']);
    const source = toString(sourcePre(page));
    expect(source).toContain('A["<script>alert(1)</script>"]');
  });
});

describe('parse-error: a flowchart Mermaid cannot parse', () => {
  test('fails the file at the block\'s line with Mermaid\'s "Parse error", and writes nothing', async () => {
    const [block] = mermaidBlocks(fixtureText('parse-error'));
    expect(block?.line, 'the fixture\'s block starts at line 5').toBe(5);
    const { cacheDir, result } = await renderedTogether('parse-error');
    const error = await rejection(result.status === 'rejected' ? Promise.reject(result.reason) : Promise.resolve(result.value));
    expect(error.line).toBe(5);
    expect(error.place && 'start' in error.place ? error.place.start.line : error.place?.line).toBe(5);
    expect(error.fatal).toBe(true);
    expect(error.file).toBe(fixturePath('parse-error'));
    expect(error.message).toContain('Parse error');
    expect(error.message).toContain('line 5');
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});

describe('no-browser: an uncached flowchart with CHROMIUM_PATH pointing at no browser', () => {
  test('fails at the block\'s line, says to run `npm run diagrams`, and writes nothing', async () => {
    const cacheDir = freshCacheDir();
    const [block] = mermaidBlocks(fixtureText('no-browser'));
    expect(block?.line, 'the fixture\'s block starts at line 7').toBe(7);
    expect(readdirSync(defaultCacheDir), 'the fixture must not be in the committed cache').not.toContain(`${diagramKey(block?.source ?? '')}.svg`);
    const error = await withEnv(noBrowser, () => rejection(runFixture('no-browser', cacheDir)));
    expect(error.line).toBe(7);
    expect(error.message).toContain('npm run diagrams');
    expect(error.message).toContain('line 7');
    expect(error.message).toContain('CHROMIUM_PATH');
    // What a writer reads first: no browser was found, and how to get one.
    expect(error.message).toMatch(/no (chromium|browser)[^.]*found/i);
    expect(error.message).toMatch(/apt-get install -y chromium|npx playwright install chromium/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});

// ---- mermaid-forms: one example of each form in Mermaid's flowchart docs, and other types ---------

describe('mermaid-forms: every flowchart form in Mermaid\'s docs, and other diagram types, in one browser session', () => {
  const blocks = mermaidBlocks(fixtureText('mermaid-forms'));
  let cacheDir: string;
  let figures: Element[] = [];
  /** "The diagram in words" of figure i, one string per list item that holds no list. */
  const wordsOf = (i: number): string[] =>
    select(figures[i]!, 'div', 'diagram-outline').flatMap((div) =>
      elements(div).filter((e) => e.tagName === 'li' && select(e, 'ul').length === 0).map((li) => toString(li)),
    );
  const groupTitles = (i: number): string[] => select(figures[i]!, 'strong').map((s) => toString(s));

  beforeAll(async () => {
    const rendered = await renderedFixture('mermaid-forms');
    cacheDir = rendered.cacheDir;
    figures = select(reparse(rendered.tree), 'figure', 'diagram');
  }, 120_000);

  test('every block builds into a figure with a rendered svg (ten diagrams, none fails)', () => {
    expect(blocks).toHaveLength(10);
    expect(figures).toHaveLength(10);
    for (const figure of figures) expect(select(only(select(figure, 'svg'), 'svg'), 'g').length).toBeGreaterThan(0);
  });

  test('fan-in and fan-out with & and chained links: one relation per pair', () => {
    expect(wordsOf(0)).toEqual(['A → B', 'B → C', 'G → I', 'H → I', 'I → J', 'I → K']);
  });

  test('every link type and an edge id: no arrow reads without direction, two-way reads two-way, ~~~ is left out', () => {
    expect(wordsOf(1)).toEqual([
      'A → B', 'C — D', 'E — text — F', 'G — label → H', 'I → J', 'K → L', 'O → P', 'Q → R',
      'S ↔ T', 'U ↔ V', 'W → X', 'Y — dotted text → Z', 'M', 'N',
    ]);
  });

  test('classic and v11 @{} shapes read by their labels', () => {
    expect(wordsOf(2)).toEqual([
      'Square → Round', 'Round → Stadium', 'Stadium → Subroutine', 'Subroutine → Database', 'Database → Circle',
      'Circle → Flag', 'Flag → Rhombus', 'Rhombus → Hexagon', 'Hexagon → Lean right', 'Lean right → Lean left',
      'Lean left → Trapezoid', 'Trapezoid → Double circle', 'Rounded v11 → Disk v11',
    ]);
  });

  test('markdown strings read as plain text; unicode is kept', () => {
    expect(wordsOf(3)).toEqual(['Bold and italic words → Line one Line two', '❤ Unicode ✓ 日本語 — a markdown label → D']);
  });

  test('classDef, :::, class, linkStyle, style and comments leave one relation', () => {
    expect(wordsOf(4)).toEqual(['A → B']);
  });

  test('subgraphs with their own direction: grouped by title, the link between them across the groups', () => {
    expect(groupTitles(5)).toEqual(['First group', 'two', 'Across the groups']);
    expect(wordsOf(5)).toEqual(['A1 → A2', 'A2 → B1', 'B1 → B2', 'First group → two']);
  });

  test('a sequence diagram: its messages in order, notes left out, aliases by name; accTitle/accDescr on the svg', () => {
    expect(wordsOf(6)).toEqual(['Alice → B: Hello', 'B → Alice: Hi', 'Alice ↔ B: Both ways']);
    const svg = only(select(figures[6]!, 'svg'), 'svg');
    expect(toString(only(select(svg, 'title'), 'title'))).toBe('A greeting');
    expect(toString(only(select(svg, 'desc'), 'desc'))).toBe('Alice greets Bob, who answers.');
  });

  test('state and class diagrams: no list, their accTitle names the figure', () => {
    for (const [i, title] of [[7, 'Two states'], [8, 'Ducks are animals']] as const) {
      expect(select(figures[i]!, 'div', 'diagram-outline')).toEqual([]);
      expect(toString(only(select(figures[i]!, 'figcaption'), 'figcaption'))).toContain(title);
    }
  });

  test('a pie chart: its slices and values', () => {
    expect(wordsOf(9)).toEqual(['Dogs: 386', 'Cats: 85']);
  });

  test('the cache holds each parse beside its svg, so a second build needs no browser', async () => {
    expect(readdirSync(cacheDir).filter((n) => n.endsWith('.json'))).toHaveLength(10);
    const again = select(reparse(await withEnv(noBrowser, () => runFixture('mermaid-forms', cacheDir))), 'figure', 'diagram');
    expect(again.map((f) => toString(f))).toEqual(figures.map((f) => toString(f)));
  });
});
