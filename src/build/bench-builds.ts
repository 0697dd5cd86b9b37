/**
 * The builds `npm run bench` times (src/cli/bench.ts), and its scale mode: what N more
 * briefings, each with a diagram of its own, cost a build.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { listPages } from './page-weight.ts';
import { createFixtureSite, projectRoot, type FixtureSite } from './temp-site.ts';

const SEED = 'content/briefings/deepseek-three-trends.mdx';
const seedText = () => readFileSync(join(projectRoot, SEED), 'utf8');

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Times one build of a site; `prepare` runs first, untimed (e.g. to empty the cache). */
export async function timeBuild(site: FixtureSite, prepare: () => void, now: () => number = () => performance.now()): Promise<number> {
  prepare();
  // The content-layer cache would make every run after the first a "warm" run of another kind.
  rmSync(join(site.root, '.astro'), { recursive: true, force: true });
  const started = now();
  const result = await site.build();
  const elapsed = now() - started;
  if (result.code !== 0) throw new Error(`Build failed in ${site.root}:\n${result.output}`);
  return elapsed;
}

export function emptyCache(site: FixtureSite) {
  return () => {
    rmSync(site.cacheDir, { recursive: true, force: true });
  };
}

/** The real briefing as a site's only content file, optionally edited. */
export function realContentFiles(transform: (text: string) => string = (t) => t): Record<string, string> {
  return { [SEED]: transform(seedText()) };
}

/** N briefings in the seed's shape, each with its own (distinct) diagram. */
export function syntheticFiles(n: number): Record<string, string> {
  const seed = seedText();
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

/** The scale bench's three build times (ms) and how many more pages the bigger site has. */
export type ScaleTimes = { n: number; extraPages: number; coldMany: number; warmMany: number; warmOne: number };

/** What the scale bench prints: each time, and what one more briefing and one more page cost. */
export function scaleReport({ n, extraPages, coldMany, warmMany, warmOne }: ScaleTimes): string[] {
  const per = (ms: number) => `${(ms / n).toFixed(0)} ms per extra briefing, ${(ms / extraPages).toFixed(0)} ms per extra page`;
  return [
    `Scale: ${n + 1} briefings (${n} synthetic, each with its own diagram), ${extraPages} extra HTML pages`,
    `  cold build (renders ${n + 1} diagrams)  ${seconds(coldMany)}  → ${per(coldMany - warmOne)}`,
    `  warm build                          ${seconds(warmMany)}  → ${per(warmMany - warmOne)}`,
    `  one briefing, warm                  ${seconds(warmOne)}`,
  ];
}

/**
 * Builds the real briefing plus N synthetic ones (cold: empty diagram cache; then warm), and the
 * real briefing alone (warm), each in a temporary site removed afterwards, whatever happens.
 * `createSite` and `now` are the real ones except in tests/unit/bench-builds.test.ts.
 */
export async function benchScale(
  n: number,
  { createSite = createFixtureSite, now }: { createSite?: typeof createFixtureSite; now?: () => number } = {},
): Promise<string[]> {
  const one = createSite(realContentFiles());
  try {
    const many = createSite({ ...realContentFiles(), ...syntheticFiles(n) });
    try {
      const coldMany = await timeBuild(many, emptyCache(many), now);
      const warmMany = await timeBuild(many, () => {}, now);
      const warmOne = await timeBuild(one, () => {}, now);
      // Each briefing is a page plus one share page (and one card image) per section.
      const extraPages = listPages(join(many.root, 'dist')).length - listPages(join(one.root, 'dist')).length;
      return scaleReport({ n, extraPages, coldMany, warmMany, warmOne });
    } finally {
      many.remove();
    }
  } finally {
    one.remove();
  }
}
