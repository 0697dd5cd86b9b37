/**
 * The real site built for a GitHub Pages project subpath (/ai-briefing), plus one page whose
 * links and image are written from the site root (tests/fixtures/root-links): the run's shared
 * build (tests/support/shared-site.ts), the full `npm run build` as CI runs it. Served the way
 * Pages does, and crawled: every link, asset and #fragment must resolve under the base.
 * The same build's output must hold no warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Link } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/build/temp-site.ts';
import type { BuildResult } from '../../src/build/temp-site.ts';
import { startStaticServer } from '../../src/build/static-server.ts';
import type { StaticServer } from '../../src/build/static-server.ts';
import { crawlSite } from '../../src/build/crawl.ts';
import type { BrokenLink, CrawlReport } from '../../src/build/crawl.ts';
import { BASE, NEW_BRIEFING, ROOT_LINKS_PAGE, SITE, sharedSite } from '../support/shared-site.ts';

const BRIEFING = `${BASE}/briefings/deepseek-three-trends/`;
const ROOT_LINKS = `${BASE}${ROOT_LINKS_PAGE}`;

const tempDirs: string[] = [];
const servers: StaticServer[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

async function serve(root: string): Promise<StaticServer> {
  const server = await startStaticServer({ root, base: BASE });
  servers.push(server);
  return server;
}

function listBroken(broken: BrokenLink[]): string {
  return broken.map((b) => `  ${b.from} -> ${b.url}: ${b.reason}`).join('\n');
}

function summary(report: CrawlReport): string {
  const extras = report.extras.map((e) => `${e.url.slice(BASE.length + 1)} ${e.status === 404 ? 'absent' : `${e.status}, ${e.checked}/${e.listed} checked`}`).join('; ');
  return (
    `subpath crawl (${BASE}): ${report.pages.length} pages, ${report.checked} URLs fetched, ` +
    `${report.fragments} fragments, ${report.external.length} external, ${report.broken.length} broken [${extras}]`
  );
}

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('site built for a subpath', () => {
  let build: BuildResult;
  let report: CrawlReport;
  let mapped: CrawlReport;
  let origin: string;

  beforeAll(async () => {
    build = await sharedSite();
    if (build.code !== 0) return;
    const server = await serve(build.outDir);
    origin = server.origin;
    report = await crawlSite({ origin, base: BASE });
    console.log(summary(report));
    // Again with the absolute SITE URLs (canonical, og:url, feeds) mapped onto the server.
    mapped = await crawlSite({ origin, base: BASE, siteOrigin: SITE });
    console.log(`with SITE URLs followed: ${summary(mapped)}`);
  }, 300_000);

  it('builds', () => {
    expect(build.code, build.output).toBe(0);
  });

  it('prints no warning (Vite\'s MODULE_LEVEL_DIRECTIVE for MDX is silenced where it arises)', () => {
    expect(build.output).toMatch(/links checked: \d+ pages/);
    expect(build.output.split('\n').filter((line) => /\bwarn|MODULE_LEVEL_DIRECTIVE/i.test(line))).toEqual([]);
  });

  it('prefixes BASE to links and images written from the site root in content', () => {
    // Only the sitemap links to the fixture page: the crawl that follows SITE URLs reaches it.
    expect(mapped.pages).toContain(ROOT_LINKS);
    const html = readFileSync(join(build.outDir, 'root-links/index.html'), 'utf8');
    expect(html).toContain(`href="${BASE}/briefings/deepseek-three-trends/#chinas-rise"`);
    expect(html).toContain(`href="${BASE}/methodology/"`);
    expect(html).toMatch(new RegExp(`<img[^>]* src="${BASE}/favicon.svg"`));
    expect(mapped.broken.filter((b) => b.from === ROOT_LINKS)).toEqual([]);
  });

  it('has no broken links, assets or fragments', () => {
    expect(report.broken, `broken references:\n${listBroken(report.broken)}`).toEqual([]);
  });

  it('crawls the briefing page and checks its assets and fragments', () => {
    expect(report.pages).toContain(`${BASE}/`);
    expect(report.pages).toContain(BRIEFING);
    expect(report.checked).toBeGreaterThan(report.pages.length);
    expect(report.fragments).toBeGreaterThan(0);
  });

  it('checks the 404 page as GitHub Pages serves it, at a deep missing URL', () => {
    expect(report.notFound?.status).toBe(404);
    expect(report.notFound?.html).toBe(true);
    expect(report.pages).toContain(report.notFound?.url);
  });

  const fromNotFoundPage = (b: BrokenLink): boolean => b.from.endsWith('(the 404 page)');

  it('points the canonical and other absolute SITE URLs of its pages at pages that exist', () => {
    expect(report.external.length, 'the canonical URLs should have been listed as external').toBeGreaterThan(0);
    // Past SITE, the only links off the site are the price data's sources and the new briefing's
    // source (never fetched).
    const prices = JSON.parse(readFileSync(join(projectRoot, 'content/prices/models.json'), 'utf8')) as {
      source: { url: string; corroboration?: string };
    }[];
    const sources = prices.flatMap((p) => [p.source.url, ...(p.source.corroboration ? [p.source.corroboration] : [])]);
    expect([...mapped.external].sort(), 'only SITE URLs and sources are expected').toEqual([...new Set([...sources, NEW_BRIEFING.doc.url])].sort());
    const broken = mapped.broken.filter((b) => !fromNotFoundPage(b));
    expect(broken, `broken absolute URLs:\n${listBroken(broken)}`).toEqual([]);
  });

  // Known bug, reported to the lead: BaseLayout gives 404.html the canonical
  // ${SITE}/ai-briefing/404/, a URL that does not exist (Pages serves 404.html only as the error
  // body). When the 404 page drops its canonical, this starts failing: turn `it.fails` into `it`.
  it('gives the 404 page no canonical URL that answers 404', () => {
    const broken = mapped.broken.filter(fromNotFoundPage);
    expect(broken, `broken absolute URLs on the 404 page:\n${listBroken(broken)}`).toEqual([]);
  });

  it('writes a Markdown twin for every page, and llms.txt: their links are absolute under SITE + BASE and resolve', async () => {
    const twins = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    // Every page in the sitemap but the fixture page (whose own layout names no twin).
    const pages = [...readFileSync(join(build.outDir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(pages).toContain(`${BASE}/briefings/${NEW_BRIEFING.slug}/${NEW_BRIEFING.sectionIds[0]}/`);
    expect(twins.sort()).toEqual(pages.filter((p) => p !== ROOT_LINKS).map((p) => (p === `${BASE}/` ? 'index.md' : `${p.slice(BASE.length + 1, -1)}.md`)).sort());
    const llms = readFileSync(join(build.outDir, 'llms.txt'), 'utf8');
    expect(llms).toContain(`(${SITE}${BASE}/briefings/${NEW_BRIEFING.slug}.md)`);
    const status = new Map<string, number>();
    for (const file of [...twins, 'llms.txt', 'llms-full.txt']) {
      const tree = fromMarkdown(readFileSync(join(build.outDir, file), 'utf8'), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
      const links: string[] = [];
      visit(tree, 'link', (link: Link) => void links.push(link.url));
      expect(links.length, file).toBeGreaterThan(0);
      for (const url of links.filter((u) => !u.startsWith('https://') || u.startsWith(SITE))) {
        expect(url.startsWith(`${SITE}${BASE}/`), `${file}: ${url}`).toBe(true);
        const path = new URL(url).pathname;
        if (!status.has(path)) status.set(path, (await fetch(`${origin}${path}`)).status);
        expect(status.get(path), `${file}: ${url}`).toBe(200);
      }
    }
  });

  it('never links to a root-absolute path outside the base', () => {
    expect(report.outsideBase, `links outside ${BASE}:\n${listBroken(report.outsideBase)}`).toEqual([]);
  });

  it('answers 404 outside the base and redirects the bare base to its slash form', async () => {
    const outside = await fetch(`${origin}/favicon.svg`);
    expect(outside.status).toBe(404);
    const bare = await fetch(`${origin}${BASE}`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(`${BASE}/`);
  });
});

describe('the crawler', () => {
  it('reports a missing page, a missing fragment and a link outside the base', async () => {
    const root = tempDir('briefing-crawl-negative-');
    mkdirSync(join(root, 'sub'));
    writeFileSync(
      join(root, 'index.html'),
      `<!doctype html><html><head><title>t</title><link rel="icon" href="/favicon.svg"></head><body>
        <h1 id="here">Here</h1>
        <a href="${BASE}/missing/">missing page</a>
        <a href="#nope">missing fragment</a>
        <a href="#here">fine fragment</a>
        <a href="${BASE}/sub">fine after a 301</a>
      </body></html>`,
    );
    writeFileSync(join(root, 'sub/index.html'), '<!doctype html><title>sub</title><p>sub</p>');
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const server = await serve(root);

    const negative = await crawlSite({ origin: server.origin, base: BASE });

    const urls = negative.broken.map((b) => b.url);
    expect(urls).toContain(`${BASE}/missing/`);
    expect(urls).toContain(`${BASE}/#nope`);
    expect(urls).toContain('/favicon.svg');
    expect(negative.outsideBase.map((b) => b.url)).toEqual(['/favicon.svg']);
    expect(negative.broken).toHaveLength(3);
    expect(negative.pages).toEqual([`${BASE}/`, `${BASE}/sub/`]);
  });
});
