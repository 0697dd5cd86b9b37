/**
 * What a first view of each built page costs: the HTML plus every stylesheet, script, icon,
 * image and font it pulls in, each gzip-compressed as a static host would send it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { cssReferences, pageReferences } from './page-references.ts';

export type Resource = { path: string; kind: 'html' | 'css' | 'js' | 'font' | 'image' | 'other'; raw: number; gzip: number };
export type PageWeight = { page: string; resources: Resource[]; gzip: number; jsGzip: number; requests: number };

const kindOf = (path: string): Resource['kind'] =>
  path.endsWith('.html') ? 'html'
  : path.endsWith('.css') ? 'css'
  : /\.m?js$/.test(path) ? 'js'
  : /\.(woff2?|ttf|otf)$/.test(path) ? 'font'
  : /\.(svg|png|jpe?g|webp|avif|gif|ico)$/.test(path) ? 'image'
  : 'other';

export function gzipSize(bytes: Buffer | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/** Every built page (index.html files and 404.html), as paths relative to dist. */
export function listPages(dist: string): string[] {
  return (readdirSync(dist, { recursive: true }) as string[]).filter((p) => p.endsWith('.html')).sort();
}

/** Maps a URL found in a page to a file in dist, or undefined for other origins / data URIs. */
function fileFor(url: string, fromPage: string, base: string): string | undefined {
  if (/^(data:|mailto:|#)/.test(url)) return undefined;
  const resolved = new URL(url, `http://site${base.replace(/\/?$/, '/')}${fromPage}`);
  if (resolved.host !== 'site') return undefined;
  const prefix = base.replace(/\/$/, '');
  const path = decodeURIComponent(resolved.pathname).slice(prefix.length).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** References a browser fetches to show the page (not links to other pages, not og:image). */
const FETCHED = /^(link\[rel=(stylesheet|icon|preload|modulepreload|apple-touch-icon)\]|(script|img|source|image|use)\[)/;

export function measurePage(dist: string, page: string, base = '/'): PageWeight {
  const html = readFileSync(join(dist, page));
  const resources: Resource[] = [{ path: page, kind: 'html', raw: html.length, gzip: gzipSize(html) }];
  const seen = new Set([page]);
  const add = (path: string | undefined) => {
    if (!path || seen.has(path)) return;
    seen.add(path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dist, path));
    } catch {
      throw new Error(`${page} references ${path}, which is not in ${dist}.`);
    }
    resources.push({ path, kind: kindOf(path), raw: bytes.length, gzip: gzipSize(bytes) });
    if (path.endsWith('.css')) for (const url of cssReferences(bytes.toString('utf8'))) add(fileFor(url, path, base));
  };
  for (const ref of pageReferences(fromHtml(html.toString('utf8')))) {
    if (FETCHED.test(ref.kind) && !ref.raw.startsWith('#')) add(fileFor(ref.raw, page, base));
  }
  const gzip = resources.reduce((sum, r) => sum + r.gzip, 0);
  // Astro inlines small scripts into the HTML: they count as JS too (and are already in `gzip`).
  const inlineJs = [...html.toString('utf8').matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? '').join('\n');
  const jsGzip =
    resources.filter((r) => r.kind === 'js').reduce((sum, r) => sum + r.gzip, 0) + (inlineJs.trim() ? gzipSize(inlineJs) : 0);
  return { page: relative('.', page), resources, gzip, jsGzip, requests: resources.length };
}
