/** Every page a reader can reach: the built sitemap, plus the 404 page (not in the sitemap). */
import { readFileSync } from 'node:fs';

const sitemap = readFileSync('dist/sitemap-0.xml', 'utf8');

/** Site paths listed in the built sitemap. */
export const sitemapPaths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);

/** A path that does not exist, so the server answers with the 404 page. */
export const notFoundPath = '/no-such-page/';

/** The sitemap's pages and the 404 page. */
export const sitePages = [...sitemapPaths, notFoundPath];
