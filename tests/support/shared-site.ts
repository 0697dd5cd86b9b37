/**
 * One build of the real site, shared by every build test that only reads a good build.
 *
 * It is built as CI deploys a GitHub Pages project site (SITE, BASE), from the real content plus
 * two additions:
 * - the root-links fixture page (tests/fixtures/root-links), whose links are written from the site
 *   root;
 * - a new briefing, as a team adds its next one: imported from a summarizer document, with a
 *   diagram nobody has rendered yet. So the build is cold for that diagram: Chromium renders it
 *   into the site's copy of the diagram cache.
 * Every request that leaves the machine from a Node process of the build is logged
 * (tests/support/network-spy.ts).
 *
 * The tests that read it: share-pages, subpath-crawl, section-ids, offline-build and new-briefing;
 * robustness, which builds a second copy of the same files warm, from this build's cache and with
 * no browser, and compares bytes.
 *
 * The build starts when a test first asks for it, and only once across Vitest's workers: the
 * first caller takes a lock folder in the run's scratch folder (made by tests/support/global-setup.ts)
 * and builds; the others wait for its result file. A unit-only run never builds it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { briefingMdx, slugFromTitle } from '../../src/lib/briefing-mdx.ts';
import { parseSummarizerFile } from '../../src/lib/summarizer-file.ts';
import { createFixtureSite, projectRoot, type BuildResult } from '../../src/build/temp-site.ts';
import { noBrowser } from './build-output.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder of this test run's own, removed when the run ends. */
    buildScratch: string;
  }
}

export const SITE = 'https://acme.github.io';
export const BASE = '/ai-briefing';
/** The root-links fixture page's address on the built site, under BASE. */
export const ROOT_LINKS_PAGE = '/root-links/';

/**
 * The new briefing the shared build adds, as `npm run import` writes it from a summarizer document
 * (tests/fixtures/summarizer/new-briefing.txt): its file (from the site root), slug, text, source
 * document and section ids in page order.
 */
export const NEW_BRIEFING = (() => {
  const path = join(projectRoot, 'tests/fixtures/summarizer/new-briefing.txt');
  const doc = parseSummarizerFile(readFileSync(path, 'utf8'), path);
  const slug = slugFromTitle(doc.title);
  const text = briefingMdx(doc, { slug });
  const trendIds = (parseFrontmatter(text).frontmatter as { summary: { trends: { id: string }[] } }).summary.trends.map((t) => t.id);
  const sectionIds = ['summary', ...trendIds, 'core-point', 'fundamental-point', 'overarching-framework', 'the-diagram', 'the-full-letter'];
  return { file: `content/briefings/${slug}.mdx`, text, slug, doc, sectionIds };
})();

/**
 * The environment of a second copy built warm: the shared build's, with no browser. Every diagram
 * must then come from the cache the shared build filled.
 */
export const warmCopyEnv = { ...noBrowser, SITE, BASE };

/** The files the shared build adds to the real site (paths from the site root). */
export function sharedSiteFiles(): Record<string, string> {
  const fixture = (name: string): string => readFileSync(join(projectRoot, 'tests/fixtures/root-links', name), 'utf8');
  return {
    'src/pages/root-links.mdx': fixture('root-links.mdx'),
    'src/layouts/RootLinksFixture.astro': fixture('Layout.astro'),
    [NEW_BRIEFING.file]: NEW_BRIEFING.text,
  };
}

export type SharedBuild = BuildResult & {
  /** The site's diagram cache, a copy of the committed one before the build. */
  cacheDir: string;
  /** The diagram cache's file names before and after the build. */
  cacheBefore: string[];
  cacheAfter: string[];
  /** Each request a process of the build made beyond this machine (tests/support/network-spy.ts). */
  requests: string[];
};

const networkSpy = join(projectRoot, 'tests/support/network-spy.ts');

const WAIT_MS = 240_000;

/** The shared build's result; builds it if no worker has yet. */
export async function sharedSite(): Promise<SharedBuild> {
  const dir = join(inject('buildScratch'), 'shared-site');
  const resultFile = join(dir, 'result.json');
  let owner = true;
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    owner = false;
  }
  if (owner) {
    const site = createFixtureSite(sharedSiteFiles(), { withRealContent: true, parent: dir });
    const cacheBefore = readdirSync(site.cacheDir).sort();
    const networkLog = join(dir, 'network.log');
    // A browser is found as the build finds one (src/build/chromium.ts): the new diagram needs it.
    const result = await site.build({
      SITE,
      BASE,
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${networkSpy}`.trim(),
      NETWORK_LOG: networkLog,
    });
    const requests = existsSync(networkLog) ? readFileSync(networkLog, 'utf8').split('\n').filter(Boolean) : [];
    const shared: SharedBuild = { ...result, cacheDir: site.cacheDir, cacheBefore, cacheAfter: readdirSync(site.cacheDir).sort(), requests };
    writeFileSync(`${resultFile}.part`, JSON.stringify(shared));
    // Renamed into place, so a waiting worker never reads half a file.
    renameSync(`${resultFile}.part`, resultFile);
    return shared;
  }
  const started = Date.now();
  while (!existsSync(resultFile)) {
    if (Date.now() - started > WAIT_MS) throw new Error(`the shared build (${dir}) gave no result within ${WAIT_MS / 1000} s`);
    await sleep(100);
  }
  return JSON.parse(readFileSync(resultFile, 'utf8')) as SharedBuild;
}
