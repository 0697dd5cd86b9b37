/**
 * One build of the real site, shared by every build test that only reads a good build.
 *
 * It is built as CI deploys a GitHub Pages project site (SITE, BASE), with no browser (every
 * diagram comes from the committed cache), plus the root-links fixture page
 * (tests/fixtures/root-links), whose links are written from the site root. Every request that
 * leaves the machine during the build is logged (tests/support/network-spy.ts). The tests that
 * read it: share-pages, subpath-crawl, section-ids and offline-build; bad-input's positive control
 * (no browser, nothing added to the cache); robustness (5), which builds a second copy the same
 * way, without the spy, and compares bytes.
 *
 * The build starts when a test first asks for it, and only once across Vitest's workers: the
 * first caller takes a lock folder in the run's scratch folder (made by tests/support/global-setup.ts)
 * and builds; the others wait for its result file. A unit-only run never builds it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { createFixtureSite, projectRoot, type BuildResult } from '../../src/tools/temp-site.ts';
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

/** The environment of the shared build, for a test that builds a second copy to compare. */
export const sharedSiteEnv = { ...noBrowser, SITE, BASE };

/** The files the shared build adds to the real site (paths from the site root). */
export function sharedSiteFiles(): Record<string, string> {
  const fixture = (name: string): string => readFileSync(join(projectRoot, 'tests/fixtures/root-links', name), 'utf8');
  return {
    'src/pages/root-links.mdx': fixture('root-links.mdx'),
    'src/layouts/RootLinksFixture.astro': fixture('Layout.astro'),
  };
}

export type SharedBuild = BuildResult & {
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
    const result = await site.build({
      ...sharedSiteEnv,
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${networkSpy}`.trim(),
      NETWORK_LOG: networkLog,
    });
    const requests = existsSync(networkLog) ? readFileSync(networkLog, 'utf8').split('\n').filter(Boolean) : [];
    const shared: SharedBuild = { ...result, cacheBefore, cacheAfter: readdirSync(site.cacheDir).sort(), requests };
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
