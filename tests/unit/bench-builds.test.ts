/**
 * The scale bench (`npm run bench -- --scale N`, src/build/bench-builds.ts) without a build: its
 * three builds stood in for by a stub with a clock of its own, in real temporary sites, so the
 * figures it prints are known to the millisecond and its clean-up shows on disk.
 *
 * That a site with one more briefing, whose diagram is new, really builds (cold, rendering that
 * diagram in Chromium) is tests/build/new-briefing.test.ts, on the run's shared build.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchScale, scaleReport, syntheticFiles } from '../../src/build/bench-builds.ts';
import { createFixtureSite, projectRoot, type BuildResult } from '../../src/build/temp-site.ts';
import { PINNED_SECTION_IDS } from '../support/pinned-sections.ts';

const listContent = () => (readdirSync(join(projectRoot, 'content'), { recursive: true }) as string[]).sort();
const PAGES_PER_BRIEFING = 1 + PINNED_SECTION_IDS.length;

type Seen = { root: string; cacheFiles: number; astroCacheLeft: boolean };

/**
 * createFixtureSite, with a build that takes `durations` (ms, in build order) on a clock of its
 * own and writes what the real build would count: a page per briefing and per section, a render
 * into the diagram cache, and a content-layer cache in .astro/.
 */
function stubSites(durations: number[], codes: Array<number | null> = []) {
  let clock = 0;
  const seen: Seen[] = [];
  const created: string[] = [];
  const createSite: typeof createFixtureSite = (files, options) => {
    const site = createFixtureSite(files, options);
    created.push(site.root);
    const build = async (): Promise<BuildResult> => {
      const cacheFiles = existsSync(site.cacheDir) ? readdirSync(site.cacheDir).length : 0;
      seen.push({ root: site.root, cacheFiles, astroCacheLeft: existsSync(join(site.root, '.astro')) });
      const dist = join(site.root, 'dist');
      mkdirSync(join(site.root, '.astro'), { recursive: true });
      mkdirSync(site.cacheDir, { recursive: true });
      writeFileSync(join(site.cacheDir, `render-${seen.length}.svg`), '<svg/>');
      for (const name of readdirSync(join(site.root, 'content/briefings'))) {
        const slug = name.replace(/\.mdx$/, '');
        for (const section of ['', ...PINNED_SECTION_IDS]) {
          mkdirSync(join(dist, 'briefings', slug, section), { recursive: true });
          writeFileSync(join(dist, 'briefings', slug, section, 'index.html'), '<!doctype html>');
        }
      }
      writeFileSync(join(dist, 'index.html'), '<!doctype html>');
      clock += durations.shift() ?? 0;
      return { code: codes.shift() ?? 0, output: 'stub build output', root: site.root, outDir: dist };
    };
    return { ...site, build };
  };
  return { createSite, now: () => clock, seen, created };
}

describe('the scale bench', () => {
  it('prints each build time and what one more briefing and one more page cost, from the three builds', async () => {
    // Cold with 2 synthetic briefings 9 s, warm 6 s, the real briefing alone 4 s: one more
    // briefing costs (9 - 4) / 2 = 2.5 s cold and (6 - 4) / 2 = 1 s warm; 2 × 10 more pages.
    const stub = stubSites([9000, 6000, 4000]);
    const lines = await benchScale(2, stub);
    expect(lines).toEqual([
      'Scale: 3 briefings (2 synthetic, each with its own diagram), 20 extra HTML pages',
      '  cold build (renders 3 diagrams)  9.00 s  → 2500 ms per extra briefing, 250 ms per extra page',
      '  warm build                          6.00 s  → 1000 ms per extra briefing, 100 ms per extra page',
      '  one briefing, warm                  4.00 s',
    ]);
    expect(2 * PAGES_PER_BRIEFING).toBe(20);
  });

  it('builds the bigger site cold (diagram cache emptied), then warm, then the real briefing alone warm; no content-layer cache carried over', async () => {
    const stub = stubSites([3, 2, 1]);
    await benchScale(1, stub);
    const [coldMany, warmMany, warmOne] = stub.seen;
    expect(coldMany!.root).toBe(warmMany!.root);
    expect(warmOne!.root).not.toBe(coldMany!.root);
    expect(coldMany!.cacheFiles, 'the cold build starts with an empty diagram cache').toBe(0);
    expect(warmMany!.cacheFiles, 'the warm build keeps what the cold one rendered').toBeGreaterThan(0);
    expect(warmOne!.cacheFiles, "the real briefing's site has the committed renders").toBeGreaterThan(0);
    expect(stub.seen.map((s) => s.astroCacheLeft)).toEqual([false, false, false]);
  });

  it('removes both temporary sites and leaves content/ alone, after a run and after a failed build', async () => {
    const contentBefore = listContent();
    const done = stubSites([3, 2, 1]);
    await benchScale(1, done);
    const failed = stubSites([3, 2, 1], [0, 1]);
    await expect(benchScale(1, failed)).rejects.toThrow(/Build failed in .*briefing-fixture-[\s\S]*stub build output/);
    const roots = [...done.created, ...failed.created];
    expect(roots).toHaveLength(4);
    expect(roots.filter((root) => existsSync(root))).toEqual([]);
    expect(listContent()).toEqual(contentBefore);
  });

  it('writes N synthetic briefings, each the seed with its own title, date and diagram', () => {
    const files = syntheticFiles(3);
    expect(Object.keys(files)).toEqual([
      'content/briefings/synthetic-0001.mdx',
      'content/briefings/synthetic-0002.mdx',
      'content/briefings/synthetic-0003.mdx',
    ]);
    const texts = Object.values(files);
    const diagrams = texts.map((text) => text.match(/```mermaid\n[\s\S]*?\n```/)?.[0]);
    expect(new Set(diagrams).size, 'three different diagrams').toBe(3);
    expect(texts.map((text) => text.match(/^title: "(.*)"$/m)?.[1])).toEqual(['Synthetic briefing 1', 'Synthetic briefing 2', 'Synthetic briefing 3']);
    expect(new Set(texts.map((text) => text.match(/^pubDate: (.*)$/m)?.[1])).size).toBe(3);
  });

  it('reports figures for one synthetic briefing too (a single extra briefing can come out negative)', () => {
    const lines = scaleReport({ n: 1, extraPages: 10, coldMany: 5000, warmMany: 3900, warmOne: 4000 });
    expect(lines[2]).toBe('  warm build                          3.90 s  → -100 ms per extra briefing, -10 ms per extra page');
  });
});
