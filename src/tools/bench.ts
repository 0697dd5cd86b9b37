/**
 * `npm run bench`: build times (cold diagram cache, warm cache, no diagrams; median of N) and
 * first-view bytes per page, from one run on this machine, so ratios compare like with like.
 * `npm run bench -- --scale 200` builds N synthetic briefings instead, in a temporary site.
 * Everything happens in temporary folders that are removed afterwards.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSize, listPages, measurePage } from './page-weight.ts';
import { createFixtureSite, projectRoot, type FixtureSite } from './temp-site.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, scale: { type: 'string' } },
});
const runs = Math.max(1, Number(values.runs));

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Times one build of a site; `prepare` runs first, untimed (e.g. to empty the cache). */
async function timeBuild(site: FixtureSite, prepare: () => void): Promise<number> {
  prepare();
  // The content-layer cache would make every run after the first a "warm" run of another kind.
  rmSync(join(site.root, '.astro'), { recursive: true, force: true });
  const started = performance.now();
  const result = await site.build();
  const elapsed = performance.now() - started;
  if (result.code !== 0) throw new Error(`Build failed in ${site.root}:\n${result.output}`);
  return elapsed;
}

function emptyCache(site: FixtureSite) {
  return () => {
    rmSync(site.cacheDir, { recursive: true, force: true });
  };
}

const withoutDiagrams = (text: string) => text.replace(/```mermaid\n[\s\S]*?\n```\n/g, '');

function realContentFiles(transform: (text: string) => string = (t) => t): Record<string, string> {
  const path = 'content/briefings/deepseek-three-trends.mdx';
  return { [path]: transform(readFileSync(join(projectRoot, path), 'utf8')) };
}

/** N briefings in the seed's shape, each with its own (distinct) diagram. */
function syntheticFiles(n: number): Record<string, string> {
  const seed = readFileSync(join(projectRoot, 'content/briefings/deepseek-three-trends.mdx'), 'utf8');
  const files: Record<string, string> = {};
  for (let i = 1; i <= n; i += 1) {
    const text = seed
      .replace(/^title: ".*"$/m, `title: "Synthetic briefing ${i}"`)
      .replace(/^pubDate: .*$/m, `pubDate: 2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`)
      .replace('A[DeepSeek-R1]', `A[Model ${i}]`);
    files[`content/briefings/synthetic-${String(i).padStart(4, '0')}.mdx`] = text;
  }
  return files;
}

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

async function benchScale(n: number) {
  const one = createFixtureSite(realContentFiles());
  const many = createFixtureSite({ ...realContentFiles(), ...syntheticFiles(n) });
  try {
    const coldMany = await timeBuild(many, emptyCache(many));
    const warmMany = await timeBuild(many, () => {});
    const warmOne = await timeBuild(one, () => {});
    // Each briefing is a page plus one share page (and one card image) per section.
    const extraPages = listPages(join(many.root, 'dist')).length - listPages(join(one.root, 'dist')).length;
    const per = (ms: number) => `${(ms / n).toFixed(0)} ms per extra briefing, ${(ms / extraPages).toFixed(0)} ms per extra page`;
    console.log(`\nScale: ${n + 1} briefings (${n} synthetic, each with its own diagram), ${extraPages} extra HTML pages`);
    console.log(`  cold build (renders ${n + 1} diagrams)  ${seconds(coldMany)}  → ${per(coldMany - warmOne)}`);
    console.log(`  warm build                          ${seconds(warmMany)}  → ${per(warmMany - warmOne)}`);
    console.log(`  one briefing, warm                  ${seconds(warmOne)}`);
  } finally {
    one.remove();
    many.remove();
  }
}

if (values.scale) await benchScale(Math.max(1, Number(values.scale)));
else await benchDefault();
