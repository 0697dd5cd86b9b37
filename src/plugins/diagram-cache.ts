/**
 * The committed render cache of diagrams: per diagram, its SVG and Mermaid's parse of it (the
 * graph "the diagram in words" is written from), named by a hash of everything that shapes the
 * picture. Shared by the build plugin and `npm run diagrams`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Code } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';
import type { DiagramGraph } from '../lib/diagram-words.ts';

/** Where rendered diagrams live; committed, so builds need no browser. */
export const defaultCacheDir = fileURLToPath(new URL('./diagram-cache/', import.meta.url));

/** The cache folder in use: $DIAGRAM_CACHE_DIR (tests, benchmarks) or the committed one. */
export function cacheDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env['DIAGRAM_CACHE_DIR'] || defaultCacheDir;
}

/** The id prefix Mermaid renders with; rewritten per page so two diagrams never share ids. */
export const RENDER_PREFIX = 'mmdrender';

/** Everything that changes the rendered SVG, and so belongs in the cache key. */
export const renderOptions = {
  strategy: 'inline-svg',
  prefix: RENDER_PREFIX,
  mermaidConfig: {
    theme: 'base',
    securityLevel: 'strict',
    deterministicIds: true,
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    // SVG <text> labels: no <foreignObject> HTML, so text scales and measures like the rest of the SVG.
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: false },
  },
} as const;

function findMermaidVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('mermaid')));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'mermaid' && pkg.version) return pkg.version;
    } catch {
      // no package.json at this level: keep walking up
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('Cannot find the installed mermaid package version.');
    dir = up;
  }
}

export const mermaidVersion = findMermaidVersion();

/** The cache key of one diagram source. */
export function diagramKey(source: string, { mermaid = mermaidVersion, options = renderOptions }: { mermaid?: string; options?: unknown } = {}): string {
  return createHash('sha256')
    .update(JSON.stringify({ source: source.trimEnd(), mermaid, options }))
    .digest('hex')
    .slice(0, 20);
}

/** One cached diagram: `<key>.svg` and `<key>.json` side by side; an entry missing either is no entry. */
export type CachedDiagram = { svg: string; graph: DiagramGraph };

/** The whole entry, SVG and parse: what a page needs to present the diagram. */
export function readCachedDiagram(cacheDir: string, key: string): CachedDiagram | undefined {
  try {
    const svg = readFileSync(join(cacheDir, `${key}.svg`), 'utf8');
    return { svg, graph: JSON.parse(readFileSync(join(cacheDir, `${key}.json`), 'utf8')) as DiagramGraph };
  } catch {
    return undefined;
  }
}

export function writeCached(cacheDir: string, key: string, { svg, graph }: CachedDiagram): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, `${key}.svg`), `${svg.trimEnd()}\n`);
  writeFileSync(join(cacheDir, `${key}.json`), `${JSON.stringify(graph, null, 2)}\n`);
}

/** Keys of complete entries (both files). */
export function listCachedKeys(cacheDir: string): string[] {
  return listFiles(cacheDir).filter((key, i, all) => all.indexOf(key) !== i);
}

/** One key per file, so a key with both files appears twice. */
function listFiles(cacheDir: string): string[] {
  try {
    return readdirSync(cacheDir)
      .filter((name) => /\.(svg|json)$/.test(name))
      .map((name) => name.replace(/\.(svg|json)$/, ''))
      .sort();
  } catch {
    return [];
  }
}

export function removeCached(cacheDir: string, key: string): void {
  rmSync(join(cacheDir, `${key}.svg`), { force: true });
  rmSync(join(cacheDir, `${key}.json`), { force: true });
}

/** One ```mermaid block of a content file. */
export type ContentDiagram = { file: string; line: number; source: string; key: string };

/** The ```mermaid blocks of one MD/MDX text, parsed as the build parses them. */
export function diagramsInText(text: string, file: string): ContentDiagram[] {
  const isMdx = file.endsWith('.mdx');
  // Frontmatter is YAML, not MDX: blank it out, keeping its lines so block lines stay true.
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, (fm) => fm.replace(/[^\n]/g, ''));
  const tree = fromMarkdown(body, isMdx ? { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] } : {});
  const found: ContentDiagram[] = [];
  visit(tree, 'code', (node: Code) => {
    if (node.lang !== 'mermaid') return;
    found.push({ file, line: node.position?.start.line ?? 0, source: node.value, key: diagramKey(node.value) });
  });
  return found;
}

/** Every diagram under a content folder, in a stable order. */
export function diagramsInContent(contentDir: string): ContentDiagram[] {
  const files = (readdirSync(contentDir, { recursive: true }) as string[])
    .filter((name) => /\.mdx?$/.test(name))
    .sort();
  return files.flatMap((name) => {
    const path = join(contentDir, name);
    return diagramsInText(readFileSync(path, 'utf8'), relative(process.cwd(), path));
  });
}

export type CacheStatus = { missing: ContentDiagram[]; unused: string[] };

/** Which diagrams lack a cached render, and which cached renders no content uses any more. */
export function cacheStatus(contentDir: string, cacheDir: string): CacheStatus {
  const diagrams = diagramsInContent(contentDir);
  const complete = new Set(listCachedKeys(cacheDir));
  const used = new Set(diagrams.map((d) => d.key));
  return {
    missing: diagrams.filter((d) => !complete.has(d.key)),
    unused: [...new Set(listFiles(cacheDir))].filter((key) => !used.has(key)),
  };
}
