/**
 * After `astro build`: every page that names a Markdown twin in its head
 * (`<link rel="alternate" type="text/markdown" href="…">`, src/layouts/BaseLayout.astro) gets it,
 * at that address, made from the page's HTML (src/lib/page-markdown.ts). Then `/llms-full.txt`:
 * the twins of the briefings `/llms.txt` lists, in its order, whole.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import type { Heading, Link } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { pageMarkdown } from '../lib/page-markdown.ts';
import { siteDescription, siteTitle } from '../lib/site.ts';
import { joinBase } from '../lib/urls.ts';
import { listPages } from './page-weight.ts';

export type TwinsReport = { twins: string[]; full: string };

/** The file under `dir` that a site URL (absolute, or a path under BASE) is served from. */
function fileOf(dir: string, href: string, base: string, where: string): string {
  const { pathname } = new URL(href, 'http://site.invalid');
  const prefix = joinBase(base, '/');
  if (!pathname.startsWith(prefix)) throw new Error(`${where}: ${href} is outside the site's base ${prefix}.`);
  return join(dir, decodeURIComponent(pathname.slice(prefix.length)));
}

export function writeMarkdownTwins(dir: string, base: string): TwinsReport {
  const twins: string[] = [];
  for (const page of listPages(dir)) {
    const html = readFileSync(join(dir, page), 'utf8');
    const href = select('link[rel="alternate"][type="text/markdown"]', fromHtml(html))?.properties['href'];
    if (typeof href !== 'string') continue;
    const file = fileOf(dir, href, base, page);
    writeFileSync(file, pageMarkdown(html, { file: page }));
    twins.push(file);
  }
  return { twins, full: writeLlmsFull(dir, base) };
}

/** `/llms-full.txt`: every briefing's twin, in the order of `/llms.txt`'s "Briefings" list. */
function writeLlmsFull(dir: string, base: string): string {
  const index = join(dir, 'llms.txt');
  const tree = fromMarkdown(readFileSync(index, 'utf8'));
  const start = tree.children.findIndex((node): node is Heading => node.type === 'heading' && node.depth === 2 && node.children.some((c) => c.type === 'text' && c.value === 'Briefings'));
  const list = tree.children[start + 1];
  if (start < 0 || list?.type !== 'list') throw new Error(`${index}: no "## Briefings" list to gather llms-full.txt from.`);
  const links: string[] = [];
  visit(list, 'link', (link: Link) => void links.push(link.url));
  const parts = links.map((url) => {
    const file = fileOf(dir, url, base, index);
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new Error(`${index}: ${url} has no Markdown twin (${file}); every briefing page names one in its head.`);
    }
  });
  const full = join(dir, 'llms-full.txt');
  writeFileSync(full, [`# ${siteTitle}\n\n> ${siteDescription}\n`, ...parts].join('\n---\n\n'));
  return full;
}
