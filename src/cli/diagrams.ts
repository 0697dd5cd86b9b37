/**
 * `npm run diagrams`: renders every diagram in content/ that the cache lacks, and deletes
 * cached renders that no content uses. `--check` only reports, and exits 1 when the committed
 * cache is out of date. `--force` re-renders everything.
 */
import { join } from 'node:path';
import { VFile } from 'vfile';
import { cacheDirFromEnv, cacheStatus, diagramsInContent, removeCached, writeCached, type ContentDiagram } from '../plugins/diagram-cache.ts';
import { diagramBlock, renderBlocks, type DiagramBlock } from '../plugins/rehype-diagrams.ts';

const contentDir = join(process.cwd(), 'content');
const cacheDir = cacheDirFromEnv();
const args = new Set(process.argv.slice(2));

const toBlock = (diagram: ContentDiagram): DiagramBlock => diagramBlock(diagram.source, diagram.line, diagram.key);

const status = cacheStatus(contentDir, cacheDir);

if (args.has('--check')) {
  for (const d of status.missing) console.error(`${d.file}:${d.line}: diagram not in the render cache (run \`npm run diagrams\`)`);
  for (const key of status.unused) console.error(`${join(cacheDir, key)}.svg/.json: no content uses this render (run \`npm run diagrams\`)`);
  const stale = status.missing.length + status.unused.length;
  console.log(stale ? `Diagram cache out of date: ${stale} problem(s).` : 'Diagram cache up to date.');
  process.exit(stale ? 1 : 0);
}

const todo = args.has('--force') ? diagramsInContent(contentDir) : status.missing;
const byFile = Map.groupBy(todo, (d) => d.file);
let failed = false;
for (const [file, diagrams] of byFile) {
  const vfile = new VFile({ path: file });
  const blocks = diagrams.map(toBlock);
  try {
    const rendered = await renderBlocks(blocks, vfile);
    blocks.forEach((block, i) => writeCached(cacheDir, block.key, rendered[i]!));
    console.log(`rendered ${blocks.length} diagram(s) from ${file}`);
  } catch (error) {
    failed = true;
    console.error(String((error as Error).message ?? error));
    console.error(`  in ${file}`);
  }
}
for (const key of status.unused) {
  removeCached(cacheDir, key);
  console.log(`removed unused render ${key}.svg/.json`);
}
if (todo.length === 0 && status.unused.length === 0) console.log('Diagram cache up to date.');
process.exit(failed ? 1 : 0);
