/**
 * The link check of the built site, served by `startStaticServer`: linkinator crawls from
 * `${base}/`, checking every link, asset, stylesheet reference and #fragment. Around it, only what
 * is particular to this site: the sitemap, feed and robots.txt entries (SITE URLs mapped onto the
 * server) become start points, the 404 page is checked as Pages serves it at a deep missing URL,
 * and the inline diagrams' SVG references (`xlink:href="#id"`, `url(#id)`), which linkinator does
 * not read, are checked against the ids of their page.
 */
import { Parser } from 'htmlparser2';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';

export type BrokenLink = { from: string; url: string; reason: string };
/** One of the site files (sitemap, feed, robots.txt): its status, the URLs it lists, those on this site. */
export type ExtraFileReport = { url: string; status: number; listed: number; checked: number };
export type CrawlReport = {
  /** HTML pages crawled, as paths. */
  pages: string[];
  /** Distinct URLs on this site that were fetched. */
  checked: number;
  /** Distinct `page#fragment` targets (links and SVG references). */
  fragments: number;
  broken: BrokenLink[];
  /** URLs on other origins: listed, never fetched. */
  external: string[];
  /** References to paths on this origin outside `base` (also broken: Pages answers 404 there). */
  outsideBase: BrokenLink[];
  extras: ExtraFileReport[];
  /** The deep missing URL probed for the 404 page. */
  notFound?: { url: string; status: number; html: boolean } | undefined;
};
export type CrawlOptions = {
  /** The server, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** '/' or '/ai-briefing' */
  base: string;
  /** The SITE the build was made with: its absolute URLs (canonical, og:url, feeds) are checked on the server. */
  siteOrigin?: string;
  /** Also check the 404 page as served at a deep missing URL (default true). */
  checkNotFoundPage?: boolean;
};

const EXTRAS = [['/sitemap-index.xml', 'sitemap'], ['/rss.xml', 'feed'], ['/robots.txt', 'robots']] as const;

/** URLs listed by a sitemap (<loc>), an RSS feed (<link>, permalink <guid>) or robots.txt (Sitemap:). */
export function listedUrls(kind: 'sitemap' | 'feed' | 'robots', text: string): string[] {
  const pattern =
    kind === 'robots' ? /^\s*sitemap\s*:\s*(\S+)/gim
    : kind === 'sitemap' ? /<loc>\s*(?:<!\[CDATA\[)?([^<\]]+?)(?:\]\]>)?\s*<\/loc>/g
    : /<(link|guid)(?![^>]*isPermaLink="false")>\s*([^<]+?)\s*<\/\1>/g;
  // A feed item's description may hold whole HTML documents: only the feed's own fields count.
  const fields = kind === 'feed' ? text.replace(/<(description|content:encoded)\b[^>]*>[\s\S]*?<\/\1>/g, '') : text;
  const urls = [...fields.matchAll(pattern)].map((m) => (m[2] ?? m[1] ?? '').replace(/&amp;/g, '&'));
  return [...new Set(urls)];
}

/** `#id` references a page makes without an <a href> (which linkinator reads), and the ids it has. */
function sameDocumentReferences(html: string, withAnchors: boolean): { ids: Set<string>; refs: string[]; fragments: string[] } {
  const ids = new Set<string>();
  const refs: string[] = [];
  const fragments: string[] = [];
  // htmlparser2, as linkinator itself reads pages: a streaming tokenizer, no tree.
  new Parser({
    onopentag(tag, attributes) {
      const { id, name, href, 'xlink:href': xLinkHref } = attributes;
      if (id) ids.add(id);
      if (tag === 'a' && name) ids.add(name);
      for (const value of [href, xLinkHref]) if (/#./.test(value ?? '')) fragments.push(value!);
      if (xLinkHref) refs.push(xLinkHref);
      if (href && (withAnchors || tag === 'use' || tag === 'image')) refs.push(href);
      const paints = Object.values(attributes).flatMap((value) => [...value.matchAll(/url\(\s*['"]?(#[^'")\s]+)/g)].map((m) => m[1]!));
      refs.push(...paints);
      fragments.push(...paints);
    },
  }).end(html);
  return { ids, refs: refs.filter((ref) => ref.length > 1 && ref.startsWith('#')), fragments };
}

function reasonOf(link: LinkResult, show: (url: string) => string): string {
  const [page, fragment] = link.url.split('#');
  // A missing #fragment on a page that loads: said as the other checks here say it.
  if (fragment !== undefined && link.status !== undefined && link.status < 400) return `no element with id="${decodeURIComponent(fragment)}" on ${show(page ?? '')}`;
  const detail = link.failureDetails?.[0];
  if (detail instanceof Error) return detail.message;
  return link.status ? `HTTP ${link.status}` : 'no answer';
}

export async function crawlSite(options: CrawlOptions): Promise<CrawlReport> {
  const origin = new URL(options.origin).origin;
  const trimmed = options.base.replace(/^\/+|\/+$/g, '');
  const base = trimmed === '' ? '' : `/${trimmed}`;
  const start = `${origin}${base}/`;
  const show = (url: string): string => (url.startsWith(`${origin}/`) ? url.slice(origin.length) : url);
  const site = options.siteOrigin === undefined ? undefined : new URL(options.siteOrigin).origin;
  const siteUrl = site === undefined ? undefined : new RegExp(`^${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|$)`);
  /** A SITE URL as the same path on the server. */
  const onSite = (url: string): string => (siteUrl ? url.replace(siteUrl, origin) : url);
  const broken: BrokenLink[] = [];
  const external = new Set<string>();
  const fragments = new Set<string>();

  // Sitemaps, the feed and robots.txt: a missing one is tolerated; what they list is crawled too.
  const extras: ExtraFileReport[] = [];
  const listedBy = new Map<string, string>();
  const files: [string, string][] = EXTRAS.map(([path, kind]) => [`${origin}${base}${path}`, kind]);
  for (const [url, kind] of files) {
    const response = await fetch(url);
    const report: ExtraFileReport = { url: show(url), status: response.status, listed: 0, checked: 0 };
    extras.push(report);
    if (response.status === 404) continue;
    if (!response.ok) broken.push({ from: show(start), url: show(url), reason: `HTTP ${response.status}` });
    const listed = listedUrls(kind as 'sitemap', await response.text()).map(onSite);
    report.listed = listed.length;
    for (const target of listed.filter((u) => u.startsWith(`${origin}/`))) {
      report.checked++;
      listedBy.set(target, show(url));
      if (/\.xml$/.test(new URL(target).pathname) && !files.some(([u]) => u === target)) files.push([target, 'sitemap']);
    }
  }

  const pages: string[] = [];
  const check = async (paths: string[], from?: string) => {
    const started: string[] = [];
    const redirected = new Map<string, string>();
    const checker = new LinkChecker()
      .on('pagestart', (url) => void started.push(String(url)))
      .on('redirect', ({ url, targetUrl }) => void (targetUrl && redirected.set(url, targetUrl)));
    const { links } = await checker.check({
      path: paths,
      // Not a browser's Accept (linkinator's default) in the crawl: it then gets plain 404s and never
      // crawls on from an error page; the 404 page itself is checked as a browser gets it.
      ...(from === undefined ? { headers: { Accept: '*/*' } } : {}),
      redirects: 'warn',
      recurse: from === undefined,
      checkFragments: true,
      checkCss: true,
      urlRewriteExpressions: siteUrl ? [{ pattern: siteUrl, replacement: origin }] : [],
      // Asked before linkinator rewrites a SITE URL onto the server, so map it here too.
      linksToSkip: async (url) => !onSite(url).startsWith(`${origin}/`) && Boolean(external.add(url)),
    });
    for (const link of links) {
      if (link.state !== LinkState.BROKEN || (from !== undefined && link.url === paths[0])) continue;
      const parent = link.parent === undefined ? listedBy.get(link.url) ?? show(start) : show(link.parent);
      broken.push({ from: from ?? parent, url: show(link.url), reason: reasonOf(link, show) });
    }
    // `guide` and `guide/` are two URLs to linkinator, one page after the 301.
    const crawled = started.filter((url) => !url.endsWith('.css')).map((url) => show(redirected.get(url) ?? url));
    pages.push(...new Set(crawled.filter((page) => !pages.includes(page))));
    return links;
  };
  const links = await check([start, ...listedBy.keys()]);
  const checked = new Set([...files.map(([url]) => url), ...links.filter((l) => l.state !== LinkState.SKIPPED).map((l) => l.url.split('#')[0])]);

  // Same-document references that linkinator does not read, page by page.
  const checkSameDocument = (page: string, html: string, from: string, withAnchors: boolean) => {
    const { ids, refs, fragments: found } = sameDocumentReferences(html, withAnchors);
    for (const f of found) fragments.add(new URL(f, `${origin}${page}`).href);
    for (const ref of new Set(refs)) {
      const id = decodeURIComponent(ref.slice(1));
      if (!ids.has(id) && id.toLowerCase() !== 'top') broken.push({ from, url: `${page}${ref}`, reason: `no element with id="${id}" on this page` });
    }
  };
  const bodies = await Promise.all(pages.map(async (page) => (await fetch(`${origin}${page}`)).text()));
  pages.forEach((page, i) => checkSameDocument(page, bodies[i]!, page, false));

  // Pages answers any missing URL with 404.html, at whatever depth: its links must work from there.
  let notFound: CrawlReport['notFound'];
  if (options.checkNotFoundPage !== false) {
    const probe = `${origin}${base}/crawl-probe-missing/deeper/`;
    const response = await fetch(probe, { headers: { accept: 'text/html' } });
    checked.add(probe);
    notFound = { url: show(probe), status: response.status, html: /text\/html/.test(response.headers.get('content-type') ?? '') };
    const from = `${show(probe)} (the 404 page)`;
    if (response.status === 200) broken.push({ from: show(start), url: show(probe), reason: 'a missing URL answers 200 instead of 404' });
    if (response.status === 404 && notFound.html) {
      checkSameDocument(show(probe), await response.text(), from, true);
      await check([probe], from);
    }
  }

  const outsideBase = links
    .filter((l) => l.url.startsWith(`${origin}/`) && !(base === '' || `${new URL(l.url).pathname}/`.startsWith(`${base}/`)))
    .map((l) => ({ from: l.parent ? show(l.parent) : show(start), url: show(l.url), reason: `outside base ${base || '/'}` }));
  return { pages, checked: checked.size, fragments: fragments.size, broken, external: [...external].sort(), outsideBase, extras, notFound };
}
