/**
 * Content-Security-Policy for each built page, as a <meta> in its <head>: scripts and styles
 * only from the site itself or inline blocks whose sha256 is listed; no 'unsafe-inline', no
 * 'unsafe-eval'. Computed from the final HTML, so every inline block Astro emitted is covered
 * and nothing else is. Pagefind's search runs WebAssembly, hence 'wasm-unsafe-eval'.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function inlineBlocks(html: string, tag: 'script' | 'style'): string[] {
  const pattern = new RegExp(`<${tag}(?![^>]*\\ssrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'gi');
  return [...html.matchAll(pattern)].map((m) => m[1] ?? '');
}

export function policyFor(html: string): string {
  if (/\sstyle="/i.test(html)) {
    throw new Error('A page carries a style="" attribute, which the Content-Security-Policy would block; move it to a class.');
  }
  const scripts = [...new Set(inlineBlocks(html, 'script').map(hash))].sort();
  const styles = [...new Set(inlineBlocks(html, 'style').map(hash))].sort();
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The page with its policy as the first element after <meta charset>. */
export function withPolicy(html: string): string {
  const meta = `<meta http-equiv="content-security-policy" content="${policyFor(html)}">`;
  const charset = /<meta charset="utf-8"\s*\/?>/i;
  if (!charset.test(html)) throw new Error('Page has no <meta charset="utf-8"> to put the policy after.');
  return html.replace(charset, (m) => `${m}${meta}`);
}

/** Adds the policy to every HTML page under `dir`; returns how many pages. */
export function applyPolicies(dir: string): number {
  const pages = (readdirSync(dir, { recursive: true }) as string[]).filter((p) => p.endsWith('.html'));
  for (const page of pages) {
    const path = join(dir, page);
    try {
      writeFileSync(path, withPolicy(readFileSync(path, 'utf8')));
    } catch (error) {
      throw new Error(`${page}: ${(error as Error).message}`);
    }
  }
  return pages.length;
}
