/**
 * Renders ```mermaid blocks to inline SVG at build time, through a committed render cache.
 *
 * rehype-mermaid does the rendering (in a headless Chromium), but only for diagrams whose
 * cache entry is missing: a build whose diagrams are all cached launches no browser at all.
 * Entries are keyed by a hash of the diagram source, the Mermaid version and the render
 * options, so a stale picture can never be served for changed source.
 */
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import type { Browser, BrowserContext, BrowserContextOptions, BrowserType } from 'playwright';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { chromiumLaunchOptions, installHint } from '../build/chromium.ts';
import type { DiagramGraph } from '../lib/diagram-words.ts';
import { cacheDirFromEnv, diagramKey, readCachedDiagram, RENDER_PREFIX, renderOptions, writeCached, type CachedDiagram } from './diagram-cache.ts';
import { highlightToHast } from './highlight.ts';
import { presentDiagram } from './present-diagram.ts';

export type DiagramBlock = { pre: Element; parent: Root | Element; source: string; key: string };

/** The ```mermaid blocks of a tree (Shiki is told to leave them as plain <pre><code>). */
export function findDiagramBlocks(tree: Root): DiagramBlock[] {
  const blocks: DiagramBlock[] = [];
  visit(tree, 'element', (node, _index, parent) => {
    if (node.tagName !== 'pre' || !parent) return;
    const code = node.children.find((child): child is Element => child.type === 'element');
    const classes = code?.properties['className'];
    if (!code || code.tagName !== 'code' || !Array.isArray(classes) || !classes.includes('language-mermaid')) return;
    const source = toText(code, { whitespace: 'pre' });
    blocks.push({ pre: node, parent: parent as Root | Element, source, key: diagramKey(source) });
  });
  return blocks;
}

function lineOf(block: DiagramBlock): number | undefined {
  return block.pre.position?.start.line;
}

/** Why one diagram could not be rendered. */
type RenderFailure = { kind: 'no-browser' } | { kind: 'mermaid'; message: string };
type RenderRequest = { pre: Element; source: string; resolve: (diagram: CachedDiagram) => void; reject: (failure: RenderFailure) => void };

/** How long requests from pages compiled side by side wait to share one browser. */
const BATCH_WINDOW_MS = 30;
let queue: RenderRequest[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Runs in the browser: Mermaid's own parse of each diagram (its db), reduced to plain data.
 * One at a time, because each diagram type's db is a singleton that a parse clears. `any`:
 * the dbs differ per diagram type and Mermaid ships no types for them.
 */
async function readGraphs(sources: string[]): Promise<(DiagramGraph | string)[]> {
  const mermaid = (globalThis as any).mermaid;
  const results: (DiagramGraph | string)[] = [];
  for (const source of sources) {
    try {
      const { type, db } = await mermaid.mermaidAPI.getDiagramFromText(source);
      const graph: DiagramGraph = { type, title: db.getAccTitle?.() ?? '', description: db.getAccDescription?.() ?? '' };
      if (db.getVertices) {
        // The author's fill, from `style X fill:…` or a classDef the node is in.
        const classes = db.getClasses?.() ?? new Map();
        const fillOf = (v: any): string | undefined => {
          const styles: string[] = [...(v.styles ?? []), ...(v.classes ?? []).flatMap((c: string) => classes.get(c)?.styles ?? [])];
          return styles.map((d) => /^\s*fill\s*:\s*([^;!]+)/.exec(d)?.[1]?.trim()).find(Boolean);
        };
        graph.nodes = [...db.getVertices().values()].map((v: any) => {
          const fill = fillOf(v);
          return { id: v.id, text: v.text ?? v.id, labelType: v.labelType, ...(fill ? { fill } : {}) };
        });
        graph.edges = db.getEdges().map((e: any) => ({ start: e.start, end: e.end, type: e.type, stroke: e.stroke, text: e.text ?? '', labelType: e.labelType }));
        graph.subgraphs = db.getSubGraphs().map((g: any) => ({ id: g.id, title: g.title, labelType: g.labelType, nodes: g.nodes }));
      }
      if (db.getMessages) {
        const { LINETYPE: L } = db;
        const actor = (id: string): string => db.getActors().get(id)?.description ?? id;
        graph.messages = db.getMessages()
          .filter((m: any) => m.from && m.to && m.type !== L.NOTE)
          .map((m: any) => ({ from: actor(m.from), to: actor(m.to), text: m.message, twoWay: m.type === L.BIDIRECTIONAL_SOLID || m.type === L.BIDIRECTIONAL_DOTTED }));
      }
      if (db.getSections) graph.sections = [...db.getSections()];
      results.push(graph);
    } catch (error) {
      results.push(String((error as Error)?.message ?? error));
    }
  }
  return results;
}

const mermaidScript = fileURLToPath(import.meta.resolve('mermaid/dist/mermaid.js'));

async function graphsIn(browser: Browser, sources: string[]): Promise<(DiagramGraph | string)[]> {
  const page = await browser.newPage();
  try {
    await page.addScriptTag({ path: mermaidScript });
    await page.evaluate((config) => (globalThis as unknown as { mermaid: { initialize: (c: unknown) => void } }).mermaid.initialize(config), renderOptions.mermaidConfig);
    return await page.evaluate(readGraphs, sources);
  } finally {
    await page.close();
  }
}

/**
 * Renders every queued diagram, from whichever pages asked, with rehype-mermaid in one browser
 * session, and reads Mermaid's parse of each in the same browser: a cold build of many
 * briefings launches one browser, not one per page.
 */
async function flush(): Promise<void> {
  const batch = queue;
  queue = [];
  timer = undefined;
  const launchOptions = chromiumLaunchOptions();
  if (!launchOptions) {
    for (const request of batch) request.reject({ kind: 'no-browser' });
    return;
  }
  const root: Root = { type: 'root', children: batch.map(({ pre }) => structuredClone(pre)) };
  const errors = new Map<Element, string>();
  let graphs: (DiagramGraph | string)[];
  let browser: Browser | undefined;
  // rehype-mermaid is handed the running browser; closing it is left to us, once every context it
  // opened has closed (it starts that close and does not wait for it).
  const contexts: { context: BrowserContext; closed: Promise<unknown> }[] = [];
  try {
    // Loaded here, on the first cache miss: a build whose diagrams are all cached never pays
    // for importing Playwright and rehype-mermaid.
    const [{ chromium }, { default: rehypeMermaid }] = await Promise.all([import('playwright'), import('rehype-mermaid')]);
    browser = await chromium.launch(launchOptions);
    const running = browser;
    const newContext = async (options: BrowserContextOptions) => {
      const context = await running.newContext(options);
      contexts.push({ context, closed: new Promise((done) => context.once('close', done)) });
      return context;
    };
    const shared = { launch: async () => ({ newContext, close: async () => {} }) } as unknown as BrowserType;
    [graphs] = await Promise.all([
      graphsIn(running, batch.map((request) => request.source)),
      unified()
        .use(rehypeMermaid, {
          ...renderOptions,
          browserType: shared,
          // Keep going past a broken diagram, so each page gets its own diagram's error.
          errorFallback: (_element: Element, _diagram: string, error: unknown) => {
            const marker: Element = { type: 'element', tagName: 'template', properties: {}, children: [] };
            errors.set(marker, error instanceof Error ? error.message : String(error));
            return marker;
          },
        })
        .run(root),
    ]);
  } catch (error) {
    for (const request of batch) request.reject({ kind: 'mermaid', message: (error as Error).message });
    return;
  } finally {
    for (const { context } of contexts) void context.close().catch(() => {});
    await Promise.all(contexts.map(({ closed }) => closed));
    await browser?.close();
  }
  console.log(`diagrams: rendered ${batch.length} uncached diagram(s) in one browser session`);
  batch.forEach((request, i) => {
    const node = root.children[i] as Element;
    const error = errors.get(node);
    const graph = graphs[i];
    if (error !== undefined) request.reject({ kind: 'mermaid', message: error });
    else if (typeof graph !== 'object') request.reject({ kind: 'mermaid', message: `Mermaid rendered the diagram but its parse could not be read: ${graph}` });
    // rehype-mermaid numbers a batch mmdrender-0, -1, …; every cache entry is stored as a solo
    // render (-0) so its bytes do not depend on which diagrams it was batched with.
    else request.resolve({ svg: toHtml(node, { space: 'svg' }).replace(new RegExp(`${RENDER_PREFIX}-${i}(?!\\d)`, 'g'), `${RENDER_PREFIX}-0`), graph });
  });
}

function render(pre: Element, source: string): Promise<CachedDiagram> {
  return new Promise((resolve, reject) => {
    queue.push({ pre, source, resolve, reject });
    timer ??= setTimeout(() => void flush(), BATCH_WINDOW_MS);
  });
}

/**
 * Renders a page's uncached diagrams (batched with other pages'). A diagram Mermaid cannot parse
 * fails the file at the block's line, quoting Mermaid's own message; so does a missing browser.
 */
/** A diagram outside any page (a CLI's), as the block a page would hold at `line`. */
export function diagramBlock(source: string, line: number, key: string): DiagramBlock {
  const point = { line, column: 1 };
  const pre: Element = {
    type: 'element',
    tagName: 'pre',
    properties: {},
    children: [{ type: 'element', tagName: 'code', properties: { className: ['language-mermaid'] }, children: [{ type: 'text', value: source }] }],
    position: { start: point, end: point },
  };
  return { pre, parent: { type: 'root', children: [pre] }, source, key };
}

export async function renderBlocks(blocks: DiagramBlock[], file: VFile): Promise<CachedDiagram[]> {
  const results = await Promise.allSettled(blocks.map((block) => render(block.pre, block.source)));
  return results.map((result, i) => {
    if (result.status === 'fulfilled') return result.value;
    const block = blocks[i]!;
    const failure = result.reason as RenderFailure;
    return file.fail(
      failure.kind === 'no-browser'
        ? `The diagram at line ${lineOf(block) ?? '?'} is not in the render cache (it is new or changed), ` +
            `and rendering it needs a browser. ${installHint} Then run \`npm run diagrams\` and commit src/plugins/diagram-cache/.`
        : `Mermaid could not render the diagram at line ${lineOf(block) ?? '?'}: ${failure.message.trim()} ` +
            'Fix the diagram source (https://mermaid.js.org/syntax/flowchart.html).',
      block.pre,
    );
  });
}

export type RehypeDiagramsOptions = {
  /** Folder of cached SVGs; defaults to $DIAGRAM_CACHE_DIR, else src/plugins/diagram-cache. */
  cacheDir?: string;
};

export function rehypeDiagrams(options: RehypeDiagramsOptions = {}) {
  const cacheDir = options.cacheDir ?? cacheDirFromEnv();
  return async (tree: Root, file: VFile) => {
    const blocks = findDiagramBlocks(tree);
    if (blocks.length === 0) return;
    const diagrams = new Map<string, CachedDiagram>();
    const misses: DiagramBlock[] = [];
    for (const block of blocks) {
      const cached = readCachedDiagram(cacheDir, block.key);
      if (cached === undefined) misses.push(block);
      else diagrams.set(block.key, cached);
    }
    if (misses.length > 0) {
      const rendered = await renderBlocks(misses, file);
      misses.forEach((block, i) => {
        const diagram = rendered[i]!;
        writeCached(cacheDir, block.key, diagram);
        diagrams.set(block.key, diagram);
      });
    }
    for (const [index, block] of blocks.entries()) {
      const { svg, graph } = diagrams.get(block.key)!;
      const highlighted = await highlightToHast(block.source.trimEnd(), 'mermaid');
      let figure: Element;
      try {
        figure = presentDiagram({ svg, graph, key: block.key, index, highlighted });
      } catch (error) {
        file.fail(`Diagram at line ${lineOf(block) ?? '?'}: ${(error as Error).message}`, block.pre);
      }
      const siblings = block.parent.children as ElementContent[];
      siblings.splice(siblings.indexOf(block.pre), 1, figure);
    }
  };
}
