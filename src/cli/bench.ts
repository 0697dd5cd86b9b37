/**
 * `npm run bench`: build times (cold diagram cache, warm cache, no diagrams; median of N) and
 * first-view bytes per page, from one run on this machine, so ratios compare like with like.
 * `npm run bench -- --scale 200` builds N synthetic briefings instead, in a temporary site.
 * Everything happens in temporary folders that are removed afterwards.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSize, listPages, measurePage } from '../build/page-weight.ts';
import { benchScale, emptyCache, realContentFiles, seconds, timeBuild } from '../build/bench-builds.ts';
import { createFixtureSite } from '../build/temp-site.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, scale: { type: 'string' } },
});
const runs = Math.max(1, Number(values.runs));

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const withoutDiagrams = (text: string) => text.replace(/```mermaid\n[\s\S]*?\n```\n/g, '');

async function benchDefault() {
  const sites = {
    diagram: createFixtureSite(realContentFiles()),
    plain: createFixtureSite(realContentFiles(withoutDiagrams)),
  };
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      // Interleaved, so drift in machine load hits every kind alike.
      cold.push(await timeBuild(sites.diagram, emptyCache(sites.diagram)));
      warm.push(await timeBuild(sites.diagram, () => {}));
      plain.push(await timeBuild(sites.plain, () => {}));
      process.stdout.write('.');
    }
    const [c, w, p] = [median(cold), median(warm), median(plain)];
    console.log(`\n\nBuild times, median of ${runs} (this machine, one run):`);
    console.log(`  cold (diagram cache empty, browser renders) ${seconds(c)}   runs: ${cold.map(seconds).join(', ')}`);
    console.log(`  warm (diagram cache full, no browser)        ${seconds(w)}   runs: ${warm.map(seconds).join(', ')}`);
    console.log(`  same site without the diagram                ${seconds(p)}   runs: ${plain.map(seconds).join(', ')}`);
    console.log(`  warm / no-diagram ${(w / p).toFixed(2)}x    cold / warm ${(c / w).toFixed(2)}x`);

    const dist = join(sites.diagram.root, 'dist');
    console.log('\nFirst-view bytes per page (gzip, HTML + CSS + JS + images + fonts):');
    console.log('  page'.padEnd(72) + 'total'.padStart(9) + 'html'.padStart(9) + 'css'.padStart(8) + 'js'.padStart(7) + '  requests');
    for (const page of listPages(dist)) {
      const weight = measurePage(dist, page);
      const of = (kind: string) => weight.resources.filter((r) => r.kind === kind).reduce((s, r) => s + r.gzip, 0);
      console.log(
        `  ${page}`.padEnd(72) +
          `${weight.gzip}`.padStart(9) +
          `${of('html')}`.padStart(9) +
          `${of('css')}`.padStart(8) +
          `${weight.jsGzip}`.padStart(7) +
          `  ${weight.requests}`,
      );
    }
    const html = readFileSync(join(dist, 'briefings/deepseek-three-trends/index.html'), 'utf8');
    const svg = html.match(/<svg[^>]*class="flowchart"[\s\S]*?<\/svg>/)?.[0] ?? '';
    console.log(`\nDiagram SVG on the page: ${svg.length} B raw, ${gzipSize(svg)} B gzip`);
  } finally {
    sites.diagram.remove();
    sites.plain.remove();
  }
}

if (values.scale) console.log(`\n${(await benchScale(Math.max(1, Number(values.scale)))).join('\n')}`);
else await benchDefault();
