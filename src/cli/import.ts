/**
 * `npm run import -- <file> [--slug NAME] [--title "…"] [--force]`: turns one summarizer text
 * file into content/briefings/<slug>.mdx. Nothing is written unless the whole document is good:
 * it parses (src/lib/summarizer-file.ts), it was not imported before, and, when a Chromium is at
 * hand, Mermaid renders its diagram, into the render cache, so the next build needs no browser.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { VFile } from 'vfile';
import { findChromium } from '../build/chromium.ts';
import { briefingMdx, slugFromTitle } from '../lib/briefing-mdx.ts';
import { parseSummarizerFile, SummarizerFileError, timestampInstant, type SummarizerDocument } from '../lib/summarizer-file.ts';
import { cacheDirFromEnv, diagramKey, readCachedDiagram, writeCached } from '../plugins/diagram-cache.ts';
import { diagramBlock, renderBlocks } from '../plugins/rehype-diagrams.ts';

export class ImportError extends Error {}

export type ImportOptions = { slug?: string | undefined; title?: string | undefined; force?: boolean | undefined; root?: string };
export type ImportResult = { file: string; rendered: 'rendered' | 'cached' | 'no-browser' };

/** The briefing already made from this document (same timestamp and title), if any. */
function importedBefore(doc: SummarizerDocument, dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort()) {
    const { frontmatter } = parseFrontmatter(readFileSync(join(dir, name), 'utf8'));
    const source = (frontmatter as { source?: { capturedAt?: unknown; title?: unknown } }).source;
    const captured = source?.capturedAt instanceof Date ? source.capturedAt.getTime() : Date.parse(String(source?.capturedAt ?? ''));
    if (source?.title === doc.title && captured === timestampInstant(doc.timestamp)) return name;
  }
  return undefined;
}

/** Renders the diagram into the cache when a browser is at hand; a Mermaid error names the document's line. */
async function renderDiagram(doc: SummarizerDocument, path: string): Promise<ImportResult['rendered']> {
  const cacheDir = cacheDirFromEnv();
  const key = diagramKey(doc.diagram.source);
  if (readCachedDiagram(cacheDir, key)) return 'cached';
  if (!findChromium()) return 'no-browser';
  const block = diagramBlock(doc.diagram.source, doc.diagram.line, key);
  try {
    const [rendered] = await renderBlocks([block], new VFile({ path }));
    writeCached(cacheDir, key, rendered!);
    return 'rendered';
  } catch (error) {
    throw new ImportError(`${path}:${doc.diagram.line}: ${String((error as Error).message)}`);
  }
}

/** Imports one document; throws ImportError or SummarizerFileError, having written nothing. */
export async function importBriefing(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const root = options.root ?? process.cwd();
  const doc = parseSummarizerFile(readFileSync(path, 'utf8'), path);
  const dir = join(root, 'content/briefings');
  const slug = options.slug ?? slugFromTitle(options.title ?? doc.title);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) throw new ImportError(`--slug "${slug}": use lowercase words joined by hyphens, e.g. "open-weights-win".`);
  const file = join(dir, `${slug}.mdx`);
  const before = importedBefore(doc, dir);
  if (before && !(options.force && before === basename(file))) {
    throw new ImportError(`${path}: this document (Timestamp ${doc.timestamp}, Title "${doc.title}") was imported before, as content/briefings/${before}.`);
  }
  if (existsSync(file) && !options.force) throw new ImportError(`${relative(root, file)} exists; choose another --slug, or pass --force to overwrite it.`);
  const mdx = briefingMdx(doc, { slug, ...(options.title === undefined ? {} : { title: options.title }) });
  const rendered = await renderDiagram(doc, path);
  // Written whole, then renamed: an interrupted import leaves no partial briefing.
  writeFileSync(`${file}.part`, mdx);
  renameSync(`${file}.part`, file);
  return { file: relative(root, file), rendered };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { slug: { type: 'string' }, title: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const [path] = positionals;
  if (!path || positionals.length > 1) {
    console.error('usage: npm run import -- <summarizer file> [--slug NAME] [--title "…"] [--force]');
    process.exit(2);
  }
  try {
    const { file, rendered } = await importBriefing(path, values);
    console.log(`import: wrote ${file}`);
    if (rendered === 'no-browser') console.log('import: no Chromium found to render its diagram: run `npm run diagrams` before `npm run build`.');
    else console.log(`import: its diagram is in the render cache (${rendered}).`);
    console.log('Next: review the title and description, then `npm run build` (or `npm run dev`) and commit the file and src/plugins/diagram-cache/.');
  } catch (error) {
    if (!(error instanceof ImportError || error instanceof SummarizerFileError || (error as NodeJS.ErrnoException).code === 'ENOENT')) throw error;
    console.error(`import: ${(error as Error).message}`);
    console.error('import: nothing was written.');
    process.exit(1);
  }
}
