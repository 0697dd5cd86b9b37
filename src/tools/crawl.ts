/**
 * A link checker for the built site, run against `startStaticServer`. From `${base}/` it fetches
 * every same-origin page, collects every reference (links, stylesheets, icons, scripts, images,
 * srcsets, Open Graph images, SVG links and `url(#…)` references), fetches each referenced URL
 * once and checks every `#fragment` against the ids of its target page. Absolute URLs on another
 * origin are listed as external and never fetched.
 */
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';

export type BrokenLink = { from: string; url: string; reason: string };

/** What happened to one of the optional site files (sitemap, feed, robots.txt). */
export type ExtraFileReport = {
  url: string;
  /** HTTP status, or 0 when the fetch failed. */
  status: number;
  /** URLs the file lists. */
  listed: number;
  /** Of those, the ones on this site that were fetched and checked. */
  checked: number;
};

export type CrawlReport = {
  /** Paths of the HTML pages fetched and parsed, in crawl order. */
  pages: string[];
  /** Distinct same-origin URLs fetched (pages, assets, site files). */
  checked: number;
  /** Distinct non-HTML URLs referenced by pages that answered 200 (CSS, JS, images, fonts…). */
  assets: number;
  /** Distinct `page#fragment` targets checked. */
  fragments: number;
  /** References examined, all kinds together. */
  references: number;
  broken: BrokenLink[];
  /** Absolute URLs on other origins, not fetched. */
  external: string[];
  /** Same-origin references to paths outside `base` (these are also in `broken`). */
  outsideBase: BrokenLink[];
  /** sitemap-index.xml, rss.xml and robots.txt: checked when present, skipped on 404. */
  extras: ExtraFileReport[];
  /** The deep missing URL probed for the 404 page, if probed; its page is in `pages` when HTML. */
  notFound?: { url: string; status: number; html: boolean } | undefined;
  /** True when the URL limit stopped the crawl (reported as broken too). */
  truncated: boolean;
};

export type CrawlOptions = {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** '/' or '/ai-briefing' */
  base: string;
  /**
   * The SITE the build was made with (e.g. http://127.0.0.1). When given, absolute URLs on it
   * (canonical, og:url, sitemap and feed entries) are mapped onto `origin` and checked too.
   */
  siteOrigin?: string;
  /** At most this many distinct URLs are fetched (default 500). */
  maxUrls?: number;
  /** Also check the 404 page as served at a deep missing URL (default true). */
  checkNotFoundPage?: boolean;
  /** Per-request timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
};

type Fetched = {
  /** The URL asked for (no fragment). */
  url: string;
  /** Where it ended up after permanent redirects. */
  finalUrl: string;
  /** Undefined when the URL is fine; otherwise why it is broken. */
  problem?: string;
  status: number;
  contentType: string;
  body: string;
  /** For HTML responses: the parsed page and its fragment targets. */
  tree?: Root;
  ids?: Set<string>;
};

type Reference = { raw: string; kind: string; sameDocumentOnly?: boolean };

const FOLLOWED_REDIRECTS = new Set([301, 308]);
const MAX_REDIRECTS = 5;

function normaliseCrawlBase(raw: string): string {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

function isHtml(contentType: string): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}

function isSvg(contentType: string): boolean {
  return /^\s*image\/svg\+xml\b/i.test(contentType);
}

function isCss(contentType: string): boolean {
  return /^\s*text\/css\b/i.test(contentType);
}

/** `srcset` candidates: "a.png 1x, b.png 2x" → ["a.png", "b.png"] (the HTML parsing rules, without validation). */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i] ?? '')) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i] ?? '')) i++;
    let url = srcset.slice(start, i);
    if (url === '') break;
    if (url.endsWith(',')) {
      // "a.png,b.png 2x": a URL ending in commas has no descriptors.
      url = url.replace(/,+$/, '');
    } else {
      // Skip descriptors up to the next comma outside parentheses.
      let depth = 0;
      while (i < srcset.length) {
        const c = srcset[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        i++;
      }
    }
    if (url !== '') urls.push(url);
  }
  return urls;
}

function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' ');
  return undefined;
}

function listProperty(element: Element, name: string): string[] {
  const value = element.properties[name];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

/** Every id (and `<a name>`) in a page: the targets a `#fragment` may point at. */
export function fragmentTargets(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (element: Element) => {
    const id = stringProperty(element, 'id');
    if (id) ids.add(id);
    if (element.tagName === 'a') {
      const name = stringProperty(element, 'name');
      if (name) ids.add(name);
    }
  });
  return ids;
}

/** Every reference a page makes, in document order. */
export function pageReferences(tree: Root): Reference[] {
  const refs: Reference[] = [];
  const add = (raw: string | undefined, kind: string): void => {
    if (raw !== undefined && raw.trim() !== '') refs.push({ raw: raw.trim(), kind });
  };
  visit(tree, 'element', (element: Element) => {
    const tag = element.tagName;
    switch (tag) {
      case 'a':
      case 'area':
        add(stringProperty(element, 'href'), `${tag}[href]`);
        add(stringProperty(element, 'xLinkHref'), `${tag}[xlink:href]`);
        break;
      case 'link': {
        const rel = listProperty(element, 'rel').join(' ') || 'link';
        add(stringProperty(element, 'href'), `link[rel=${rel}]`);
        const imagesrcset = stringProperty(element, 'imageSrcSet');
        if (imagesrcset) for (const url of srcsetUrls(imagesrcset)) add(url, 'link[imagesrcset]');
        break;
      }
      case 'script':
      case 'iframe':
      case 'embed':
      case 'track':
      case 'audio':
      case 'video':
        add(stringProperty(element, 'src'), `${tag}[src]`);
        if (tag === 'video') add(stringProperty(element, 'poster'), 'video[poster]');
        break;
      case 'img':
      case 'source':
        add(stringProperty(element, 'src'), `${tag}[src]`);
        for (const url of srcsetUrls(stringProperty(element, 'srcSet') ?? '')) add(url, `${tag}[srcset]`);
        break;
      case 'object':
        add(stringProperty(element, 'data'), 'object[data]');
        break;
      case 'use':
      case 'image':
        add(stringProperty(element, 'href'), `${tag}[href]`);
        add(stringProperty(element, 'xLinkHref'), `${tag}[xlink:href]`);
        break;
      case 'meta': {
        const key = stringProperty(element, 'property') ?? stringProperty(element, 'name') ?? '';
        if (/^(og:(image|image:url|image:secure_url|url|audio|video)|twitter:image)$/i.test(key)) {
          add(stringProperty(element, 'content'), `meta[${key}]`);
        }
        break;
      }
      default:
        break;
    }
    // SVG paint servers, markers, clip paths, filters: url(#id) in attributes and style="".
    for (const [name, value] of Object.entries(element.properties)) {
      if (typeof value !== 'string' || !value.includes('url(')) continue;
      for (const match of value.matchAll(/url\(\s*['"]?(#[^'")\s]+)['"]?\s*\)/g)) {
        if (match[1]) refs.push({ raw: match[1], kind: `${tag}[${name}] url()`, sameDocumentOnly: true });
      }
    }
  });
  return refs;
}

/** url() and @import targets in a stylesheet (data: URLs and local #fragments are left out). */
export function cssReferences(css: string): string[] {
  const urls: string[] = [];
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of withoutComments.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g)) {
    const url = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '').trim();
    if (url !== '' && !url.startsWith('data:') && !url.startsWith('#')) urls.push(url);
  }
  return urls;
}

/** URLs listed by a sitemap (<loc>), an RSS/Atom feed (<link>, <guid>, enclosures) or robots.txt (Sitemap:). */
export function listedUrls(kind: 'sitemap' | 'feed' | 'robots', text: string): string[] {
  const decode = (s: string): string =>
    s
      .replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, '$1')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .trim();
  const found: string[] = [];
  if (kind === 'robots') {
    for (const match of text.matchAll(/^\s*sitemap\s*:\s*(\S+)/gim)) if (match[1]) found.push(match[1]);
  } else if (kind === 'sitemap') {
    for (const match of text.matchAll(/<loc>([\s\S]*?)<\/loc>/g)) if (match[1]) found.push(decode(match[1]));
  } else {
    // Item bodies may carry whole HTML documents; only the feed's own URL fields count.
    const fields = text.replace(/<(description|content:encoded|content|summary)\b[^>]*>[\s\S]*?<\/\1>/g, '');
    for (const match of fields.matchAll(/<link>([\s\S]*?)<\/link>/g)) if (match[1]) found.push(decode(match[1]));
    for (const match of fields.matchAll(/<guid(?![^>]*isPermaLink\s*=\s*["']false["'])[^>]*>([\s\S]*?)<\/guid>/g)) {
      if (match[1]) found.push(decode(match[1]));
    }
    for (const match of fields.matchAll(/<(?:atom:)?link\b[^>]*\bhref\s*=\s*["']([^"']+)["']/g)) if (match[1]) found.push(decode(match[1]));
    for (const match of fields.matchAll(/<enclosure\b[^>]*\burl\s*=\s*["']([^"']+)["']/g)) if (match[1]) found.push(decode(match[1]));
  }
  return [...new Set(found.filter((url) => url !== ''))];
}

export async function crawlSite(options: CrawlOptions): Promise<CrawlReport> {
  const origin = new URL(options.origin).origin;
  const base = normaliseCrawlBase(options.base);
  const siteOrigin = options.siteOrigin === undefined ? undefined : new URL(options.siteOrigin).origin;
  const maxUrls = options.maxUrls ?? 500;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const startUrl = `${origin}${base}/`;
  const notFoundProbeUrl = `${origin}${base}/crawl-probe-missing/deeper/`;

  const cache = new Map<string, Promise<Fetched>>();
  const broken: BrokenLink[] = [];
  const brokenKeys = new Set<string>();
  const outsideBase: BrokenLink[] = [];
  const outsideKeys = new Set<string>();
  const external = new Set<string>();
  const pages: string[] = [];
  const pageSet = new Set<string>();
  const queue: string[] = [];
  const fragmentsChecked = new Set<string>();
  const assetUrls = new Set<string>();
  const extraUrls = new Set<string>();
  const extras: ExtraFileReport[] = [];
  let notFound: CrawlReport['notFound'];
  let references = 0;
  let truncated = false;

  /** Same-origin URLs are shown as paths; others in full. */
  const show = (url: string): string => (url.startsWith(`${origin}/`) ? url.slice(origin.length) : url);

  const report = (from: string, url: string, reason: string): void => {
    const key = `${from}\n${url}\n${reason}`;
    if (brokenKeys.has(key)) return;
    brokenKeys.add(key);
    broken.push({ from: from === notFoundProbeUrl ? `${show(from)} (the 404 page)` : show(from), url: show(url), reason });
  };

  const underBase = (pathname: string): boolean => base === '' || pathname === base || pathname.startsWith(`${base}/`);

  async function fetchOnce(url: string): Promise<Fetched> {
    let current = url;
    for (let hop = 0; ; hop++) {
      let response: Response;
      try {
        response = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        return { url, finalUrl: current, status: 0, contentType: '', body: '', problem: `fetch failed (${message})` };
      }
      const contentType = response.headers.get('content-type') ?? '';
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        const via = current === url ? '' : ` (via ${show(current)})`;
        if (!FOLLOWED_REDIRECTS.has(response.status) || location === null) {
          return { url, finalUrl: current, status: response.status, contentType, body: '', problem: `HTTP ${response.status} redirect${via}` };
        }
        const next = new URL(location, current);
        next.hash = '';
        if (next.origin !== origin) {
          return { url, finalUrl: next.href, status: response.status, contentType, body: '', problem: `redirects off-site to ${next.href}` };
        }
        if (hop >= MAX_REDIRECTS) {
          return { url, finalUrl: next.href, status: response.status, contentType, body: '', problem: `more than ${MAX_REDIRECTS} redirects` };
        }
        current = next.href;
        continue;
      }
      const textual = isHtml(contentType) || isCss(contentType) || isSvg(contentType) || /xml|text\/plain|json/i.test(contentType);
      const body = textual ? await response.text() : (await response.arrayBuffer(), '');
      const via = current === url ? '' : ` (redirected to ${show(current)})`;
      const fetched: Fetched = { url, finalUrl: current, status: response.status, contentType, body };
      if (response.status !== 200) fetched.problem = `HTTP ${response.status}${via}`;
      if (response.status === 200 && isHtml(contentType)) {
        fetched.tree = fromHtml(body);
        fetched.ids = fragmentTargets(fetched.tree);
      } else if (response.status === 200 && isSvg(contentType)) {
        // sprite.svg#icon: the ids of an SVG document, which is not crawled as a page.
        fetched.ids = fragmentTargets(fromHtml(body, { fragment: true }));
      }
      return fetched;
    }
  }

  /** Fetches a URL (no fragment) once; undefined when the URL limit is reached. */
  function get(url: string): Promise<Fetched> | undefined {
    let pending = cache.get(url);
    if (pending === undefined) {
      if (cache.size >= maxUrls) return undefined;
      pending = fetchOnce(url);
      cache.set(url, pending);
    }
    return pending;
  }

  /**
   * Resolves a reference and maps SITE URLs onto the server. Undefined for schemes that are not
   * checked (mailto:, tel:, data:, javascript:…); 'malformed' when it cannot be parsed.
   */
  function classify(raw: string, fromUrl: string): URL | 'malformed' | undefined {
    let target: URL;
    try {
      target = new URL(raw, fromUrl);
    } catch {
      return 'malformed';
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return undefined;
    if (siteOrigin !== undefined && target.origin === siteOrigin && siteOrigin !== origin) {
      target = new URL(`${target.pathname}${target.search}${target.hash}`, origin);
    }
    return target;
  }

  /** Checks one reference made by `from` (a page, stylesheet or site file URL). */
  async function check(from: string, raw: string, fromPage?: Fetched, sameDocumentOnly = false): Promise<void> {
    references++;
    if (sameDocumentOnly) {
      const id = decodeFragment(raw.slice(1));
      fragmentsChecked.add(`${from}#${id}`);
      if (fromPage?.ids !== undefined && !fromPage.ids.has(id)) report(from, raw, `no element with id="${id}" on this page`);
      return;
    }
    const target = classify(raw, from);
    if (target === 'malformed') {
      report(from, raw, 'malformed URL');
      return;
    }
    if (target === undefined) return;
    if (target.origin !== origin) {
      external.add(target.href);
      return;
    }
    const shown = target.href;
    const outside = !underBase(target.pathname);
    if (outside) {
      const key = `${from}\n${shown}`;
      if (!outsideKeys.has(key)) {
        outsideKeys.add(key);
        outsideBase.push({ from: show(from), url: show(shown), reason: `outside base ${base || '/'}` });
      }
    }
    const fragment = target.hash.slice(1);
    target.hash = '';
    const pending = get(target.href);
    if (pending === undefined) {
      truncated = true;
      report(from, shown, `not checked: crawl limit of ${maxUrls} URLs reached`);
      return;
    }
    const fetched = await pending;
    if (fetched.problem !== undefined) {
      report(from, shown, `${fetched.problem}${outside ? `, outside base ${base || '/'}` : ''}`);
      return;
    }
    if (fetched.tree !== undefined) {
      if (!pageSet.has(fetched.finalUrl)) queue.push(fetched.finalUrl);
    } else if (!extraUrls.has(target.href)) {
      assetUrls.add(target.href);
    }
    // "#" and "#top" need no target (HTML scrolls to the top); text fragments are not ids.
    if (fragment === '' || fragment.startsWith(':~:')) return;
    const id = decodeFragment(fragment);
    if (id.toLowerCase() === 'top' && fetched.tree !== undefined && fetched.ids?.has(id) !== true) return;
    fragmentsChecked.add(`${fetched.finalUrl}#${id}`);
    if (fetched.ids === undefined) {
      report(from, shown, `fragment on a resource that is neither HTML nor SVG (${fetched.contentType || 'no content type'})`);
    } else if (!fetched.ids.has(id)) {
      report(from, shown, `no element with id="${id}" on ${show(fetched.finalUrl)}`);
    }
  }

  async function crawlPage(url: string): Promise<void> {
    if (pageSet.has(url)) return;
    const pending = get(url);
    if (pending === undefined) return;
    await checkPage(await pending);
  }

  /** Checks each reference of a fetched page (parsed when fetched) and records it as crawled. */
  async function checkPage(page: Fetched): Promise<void> {
    if (page.tree === undefined || pageSet.has(page.finalUrl)) return;
    pageSet.add(page.finalUrl);
    pages.push(show(page.finalUrl));
    // A <base href> changes how the page's relative URLs resolve.
    let baseHref = page.finalUrl;
    visit(page.tree, 'element', (element: Element) => {
      if (element.tagName === 'base' && typeof element.properties['href'] === 'string') {
        try {
          baseHref = new URL(element.properties['href'], page.finalUrl).href;
        } catch {
          // Ignored: a bad <base> leaves the page URL in charge.
        }
      }
    });
    for (const ref of pageReferences(page.tree)) {
      if (ref.sameDocumentOnly === true) {
        await check(page.finalUrl, ref.raw, page, true);
      } else if (baseHref === page.finalUrl) {
        await check(page.finalUrl, ref.raw, page);
      } else {
        // Resolve against <base>, but report from the page.
        let resolved: string;
        try {
          resolved = new URL(ref.raw, baseHref).href;
        } catch {
          resolved = ref.raw;
        }
        await check(page.finalUrl, resolved, page);
      }
    }
  }

  /**
   * GitHub Pages answers any missing URL with 404.html, at whatever depth was asked; its links
   * must work from there too. Fetches a deep missing URL and checks the page it gets back.
   */
  async function checkNotFoundPage(): Promise<void> {
    const probeUrl = notFoundProbeUrl;
    const pending = get(probeUrl);
    if (pending === undefined) return;
    const fetched = await pending;
    notFound = { url: show(probeUrl), status: fetched.status, html: false };
    if (fetched.status === 200) {
      report(startUrl, probeUrl, 'a missing URL answers 200 instead of 404');
      return;
    }
    if (fetched.status !== 404 || !isHtml(fetched.contentType)) return;
    notFound.html = true;
    const tree = fromHtml(fetched.body);
    const page: Fetched = { url: probeUrl, finalUrl: fetched.finalUrl, status: 404, contentType: fetched.contentType, body: fetched.body, tree, ids: fragmentTargets(tree) };
    // Links back to this very URL (e.g. "#main") are fine: the page is what was served.
    cache.set(probeUrl, Promise.resolve(page));
    await checkPage(page);
  }

  async function checkStylesheet(fetched: Fetched): Promise<void> {
    for (const raw of cssReferences(fetched.body)) await check(fetched.finalUrl, raw);
  }

  async function checkExtra(path: string, kind: 'sitemap' | 'feed' | 'robots', seen: Set<string>): Promise<void> {
    const url = `${origin}${base}${path}`;
    await checkExtraUrl(url, kind, seen);
  }

  async function checkExtraUrl(url: string, kind: 'sitemap' | 'feed' | 'robots', seen: Set<string>): Promise<void> {
    if (seen.has(url)) return;
    seen.add(url);
    extraUrls.add(url);
    const pending = get(url);
    if (pending === undefined) return;
    const fetched = await pending;
    const entry: ExtraFileReport = { url: show(url), status: fetched.status, listed: 0, checked: 0 };
    extras.push(entry);
    if (fetched.status === 404) return; // Not built yet: tolerated.
    if (fetched.problem !== undefined) {
      report(startUrl, url, fetched.problem);
      return;
    }
    const listed = listedUrls(kind, fetched.body);
    entry.listed = listed.length;
    for (const raw of listed) {
      const target = classify(raw, url);
      const onSite = target instanceof URL && target.origin === origin;
      if (onSite) entry.checked++;
      // Sitemap indexes and robots.txt point at further sitemaps, checked in turn.
      const childSitemap = onSite && (kind === 'sitemap' || kind === 'robots') && /\.xml$/i.test(target.pathname);
      if (childSitemap) {
        target.hash = '';
        extraUrls.add(target.href);
      }
      await check(url, raw);
      if (childSitemap) await checkExtraUrl(target.href, 'sitemap', seen);
    }
  }

  // The start page must itself answer 200.
  const start = get(startUrl);
  if (start !== undefined) {
    const fetched = await start;
    if (fetched.problem !== undefined) report(startUrl, startUrl, fetched.problem);
    else if (fetched.tree === undefined) report(startUrl, startUrl, `start page is not HTML (${fetched.contentType})`);
  }
  queue.push(startUrl);

  const seenExtras = new Set<string>();
  await checkExtra('/sitemap-index.xml', 'sitemap', seenExtras);
  await checkExtra('/rss.xml', 'feed', seenExtras);
  await checkExtra('/robots.txt', 'robots', seenExtras);

  const inspected = new Set<string>();
  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const next = queue.shift();
      if (next !== undefined) await crawlPage(next);
      // Stylesheets fetched so far: check what they load (fonts, images, @import).
      for (const [url, pending] of [...cache]) {
        if (inspected.has(url)) continue;
        inspected.add(url);
        const fetched = await pending;
        if (fetched.problem === undefined && isCss(fetched.contentType)) await checkStylesheet(fetched);
      }
    }
  }

  await drain();
  if (options.checkNotFoundPage !== false) {
    await checkNotFoundPage();
    await drain();
  }

  return {
    pages,
    checked: cache.size,
    assets: assetUrls.size,
    fragments: fragmentsChecked.size,
    references,
    broken,
    external: [...external].sort(),
    outsideBase,
    extras,
    notFound,
    truncated,
  };
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
