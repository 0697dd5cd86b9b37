/**
 * The link check runs on built pages, so a broken link is first known by its page. This maps it
 * back to where an author wrote it: the MDX file the page was built from, and the line of the
 * link there, read from the MDX parser's own tree (micromark's MDX syntax, as @mdx-js/mdx reads
 * it), never from a second reading of the text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';
import type { BrokenLink } from './crawl.ts';
import { joinBase } from '../lib/urls.ts';

/** Where a broken link was written: the source file (from the project root) and its line. */
export type LinkSource = { file: string; line: number };

/** The MDX files a built page comes from: a briefing and its share pages, or an MDX page. */
function sourcesOf(page: string, root: string): string[] {
  const parts = page.split('/').filter(Boolean);
  const candidates =
    parts[0] === 'briefings' && parts[1] ? [`content/briefings/${parts[1]}.mdx`]
    : [`src/pages/${parts.join('/') || 'index'}.mdx`, `src/pages/${[...parts, 'index'].join('/')}.mdx`];
  return candidates.filter((file) => existsSync(join(root, file)));
}

/** Each link an MDX file writes (Markdown links and JSX `href`s), with its line. */
function linksIn(text: string): { href: string; line: number }[] {
  // The frontmatter blanked in place, so line numbers stay those of the file.
  const { content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  const tree: Root = fromMarkdown(content, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  const links: { href: string; line: number }[] = [];
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'link' || node.type === 'definition') links.push({ href: node.url, line });
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'href' && typeof attribute.value === 'string') links.push({ href: attribute.value, line });
      }
    }
  });
  return links;
}

/**
 * The file and line that wrote `link`, found on the site root `root` (the project), for a site
 * built under `base`; undefined when no MDX file of the page writes it (a layout's link, say).
 */
export function locateLink(link: BrokenLink, base: string, root: string): LinkSource | undefined {
  const origin = 'http://site.invalid';
  const prefix = base.replace(/\/+$/, '');
  const page = new URL(link.from, origin).pathname;
  const target = new URL(link.url, origin).href;
  const path = prefix && page.startsWith(`${prefix}/`) ? page.slice(prefix.length) : page;
  for (const file of sourcesOf(path, root)) {
    for (const { href, line } of linksIn(readFileSync(join(root, file), 'utf8'))) {
      // As rehype-base-links writes them: root-relative links get the base.
      const written = href.startsWith('/') && !href.startsWith('//') ? joinBase(base, href) : href;
      if (new URL(written, new URL(page, origin)).href === target) return { file: relative(root, join(root, file)), line };
    }
  }
  return undefined;
}

/** One line for the author: the source file and line when known, else the page. */
export function describeBrokenLink(link: BrokenLink, base: string, root: string): string {
  const source = locateLink(link, base, root);
  return source ? `${source.file}:${source.line}: ${link.url} — ${link.reason} (on ${link.from})` : `on ${link.from}: ${link.url} — ${link.reason}`;
}
