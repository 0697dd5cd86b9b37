/**
 * Robustness of the build: the same input builds the same bytes, warm or cold; a build needs no
 * browser when every diagram is cached; a failed build keeps the last good site.
 *
 * Two builds here of site W, a second copy of the run's shared build (tests/support/shared-site.ts):
 * the same files (the real content/, the root-links fixture page and a new briefing), the same
 * SITE and BASE, another folder. The shared build was cold for the new briefing's diagram and
 * rendered it in Chromium; W starts from the cache it filled, with no browser at all.
 *
 * - W's build: (k) it succeeds with no browser and adds nothing to the cache; with the shared
 *   build, (5); and it is the good dist/ for (6).
 * - W again, with frontmatter the schema refuses: (6) the build fails naming the file and the
 *   field, and leaves W's dist/ byte-identical and no staging folder.
 *
 * What each plugin, the MDX parser and the content schema say about a defect is tested without a
 * build: tests/unit/briefing-pipeline.test.ts, content-collections.test.ts, diagram-plugin.test.ts.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, projectRoot, type BuildResult, type FixtureSite } from '../../src/build/temp-site.ts';
import { expectFailureNaming } from '../support/build-output.ts';
import { NEW_BRIEFING, sharedSite, sharedSiteFiles, warmCopyEnv, type SharedBuild } from '../support/shared-site.ts';

const SLUG = 'deepseek-three-trends';
const BRIEFING = `content/briefings/${SLUG}.mdx`;
const realBriefing = readFileSync(join(projectRoot, BRIEFING), 'utf8');

// ---- trees -----------------------------------------------------------------------------------

/** sha256 of every file under `root`, keyed by its path relative to `root` (with '/'), sorted. */
function hashTree(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() || statSync(full).isFile()) {
        hashes.set(relative(root, full).split('\\').join('/'), createHash('sha256').update(readFileSync(full)).digest('hex'));
      }
    }
  };
  walk(root);
  return new Map([...hashes].sort(([a], [b]) => a.localeCompare(b)));
}

/** Paths in either tree whose content differs or that only one tree has. */
function treeDifferences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.flatMap((path) => {
    const ha = a.get(path);
    const hb = b.get(path);
    if (ha === hb) return [];
    if (ha === undefined) return [`${path}: only in the second`];
    if (hb === undefined) return [`${path}: only in the first`];
    return [`${path}: ${ha.slice(0, 12)} ≠ ${hb.slice(0, 12)}`];
  });
}

// ---- cases -----------------------------------------------------------------------------------

describe('the build is safe to repeat and to fail', () => {
  // Site W is built once and read by every test here: its good dist/ is (k), one half of (5) and
  // what (6) must leave alone.
  let site: FixtureSite | undefined;
  let shared: SharedBuild;
  let good: BuildResult;
  let goodTree: Map<string, string>;
  let cacheBefore: string[];
  let cacheAfter: string[];
  beforeAll(async () => {
    shared = await sharedSite();
    site = createFixtureSite(sharedSiteFiles(), { withRealContent: true });
    // The cache as the shared build left it: the committed renders plus the new diagram's.
    cpSync(shared.cacheDir, site.cacheDir, { recursive: true });
    cacheBefore = readdirSync(site.cacheDir).sort();
    good = await site.build(warmCopyEnv);
    cacheAfter = readdirSync(site.cacheDir).sort();
    goodTree = good.code === 0 ? hashTree(good.outDir) : new Map();
  }, 300_000);
  afterAll(() => site?.remove());
  const built = () => expect(good.code, `the build of site W should succeed\n--- build output ---\n${good.output}`).toBe(0);

  it('(k) builds with no browser at all when every diagram is in the cache, and adds nothing to it', () => {
    built();
    expect(cacheBefore, 'the cache W starts from holds the new diagram').toEqual(shared.cacheAfter);
    expect(cacheAfter, 'a warm build adds nothing to the cache').toEqual(cacheBefore);
    for (const slug of ['deepseek-three-trends', NEW_BRIEFING.slug]) {
      const html = readFileSync(join(good.outDir, `briefings/${slug}/index.html`), 'utf8');
      expect(html, `${slug}: the cached diagram is inlined`).toMatch(/<figure[^>]*class="[^"]*\bdiagram\b[\s\S]*?<svg/);
    }
  });

  it('(5) builds the same files in two fresh copies into the same bytes: cold with a browser, and warm from the cache without one', () => {
    built();
    // Another root, another outDir: a path of either copy leaking into the output shows here.
    expect(shared.code, `the shared build should succeed\n--- build output ---\n${shared.output}`).toBe(0);
    expect(shared.cacheAfter.length, 'the shared build rendered a diagram').toBeGreaterThan(shared.cacheBefore.length);
    expect(shared.root, 'two copies in two folders').not.toBe(site!.root);
    const a = hashTree(shared.outDir);
    const differences = treeDifferences(a, goodTree);
    expect(a.size, 'a built site has files').toBeGreaterThan(0);
    expect([...a.keys()], 'both builds produce the same paths').toEqual([...goodTree.keys()]);
    expect(differences, 'every file has the same sha256 in both builds').toEqual([]);
    for (const root of [shared.root, site!.root]) {
      const leftovers = readdirSync(root).filter((name) => /^dist\.(staging|previous)-/.test(name));
      expect(leftovers, `no staging or previous folder is left next to ${root}/dist`).toEqual([]);
    }
  });

  it('(6) a build that fails (frontmatter the schema refuses) names the file and the field, and leaves the last good dist byte-identical and no staging folder', async () => {
    built();
    const root = site!.root;
    const dist = good.outDir;
    expect(goodTree.has(`briefings/${SLUG}/index.html`), 'the good build wrote the briefing').toBe(true);

    // Refused by the content schema, the build's first step: a failure costs no page rendering.
    const text = realBriefing.replace(/^pubDate: .*$/m, 'pubDate: "not a date"');
    expect(text, 'the edit applies').not.toBe(realBriefing);
    writeFileSync(join(root, BRIEFING), text);
    const bad = await site!.build(warmCopyEnv);
    expectFailureNaming(bad, [`${SLUG}.mdx`, /\bpubDate\b/, /Write the date as YYYY-MM-DD/, /left as it was/]);

    expect(existsSync(dist), 'dist/ is still there').toBe(true);
    const after = hashTree(dist);
    expect(treeDifferences(goodTree, after), 'dist/ is byte-identical to the last good build').toEqual([]);
    const leftovers = readdirSync(root).filter((name) => /^dist\.(staging|previous)-/.test(name));
    expect(leftovers, 'no staging (or previous) folder is left in the site root').toEqual([]);
  });
});
