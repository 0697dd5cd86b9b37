/**
 * Every internal URL goes through here, so the site works under a GitHub Pages subpath.
 * `base` is Astro's BASE_URL ('/' or '/repo' or '/repo/'); paths are site-relative ('/briefings/x/').
 */
export function joinBase(base: string, path: string): string {
  const prefix = base.replace(/\/+$/, '');
  const rest = path.startsWith('/') ? path : `/${path}`;
  return `${prefix}${rest}`;
}

/** A site-relative path made base-aware with the build's BASE_URL. */
export function url(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** An absolute URL (for canonical, Open Graph and feeds). */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (site === undefined) throw new Error('`site` is not set in astro.config.mjs; absolute URLs need it.');
  return new URL(joinBase(import.meta.env.BASE_URL, path), site).href;
}

/** The page of one briefing. */
export function briefingPath(slug: string): string {
  return `/briefings/${slug}/`;
}

/**
 * Where a page's Markdown twin lives (written by src/build/markdown-twins.ts): `/` → `/index.md`,
 * `/briefings/x/` → `/briefings/x.md`, beside the folder that holds the page.
 */
export function markdownPath(path: string): string {
  return path === '/' ? '/index.md' : `${path.replace(/\/+$/, '')}.md`;
}
