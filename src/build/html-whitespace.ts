/**
 * Astro's compressHTML is off because it drops the space between text and an inline element
 * on the next line ("captured1 February"). This takes back the bytes of the templates'
 * indentation the safe way, with html-minifier-terser's conservative collapse: each run of white
 * space between or inside elements becomes a single space or line break, never nothing, so no
 * two words can touch. <pre>, <textarea>, scripts and styles are left as they are (their
 * Content-Security-Policy hashes are computed afterwards anyway).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'html-minifier-terser';

const OPTIONS = { collapseWhitespace: true, conservativeCollapse: true, preserveLineBreaks: true, caseSensitive: true, keepClosingSlash: true };

export function collapsePageWhitespace(html: string): Promise<string> {
  return minify(html, OPTIONS);
}

/** Collapses white space in every HTML page under `dir`; returns how many pages. */
export async function collapseWhitespace(dir: string): Promise<number> {
  const pages = (readdirSync(dir, { recursive: true }) as string[]).filter((p) => p.endsWith('.html'));
  for (const page of pages) {
    const path = join(dir, page);
    writeFileSync(path, await collapsePageWhitespace(readFileSync(path, 'utf8')));
  }
  return pages.length;
}
