/**
 * A built page's Markdown twin, made from the page's own rendered HTML (so it cannot drift from
 * what readers see): the page's <main> → mdast (hast-util-to-mdast) → GFM Markdown
 * (mdast-util-to-markdown with mdast-util-gfm).
 *
 * Before the conversion, what is only for the screen is taken out (SCREEN_ONLY), each diagram
 * becomes its Mermaid source in a fenced `mermaid` block followed by the diagram in words, and a
 * table's caption becomes a paragraph above it. Every link and image is made absolute on the
 * page's canonical URL (SITE + BASE). The twin ends with a line that links to that URL.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toMdast } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type { PhrasingContent, Root as MdastRoot } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { SKIP, visit } from 'unist-util-visit';
import { siteTitle } from './site.ts';

/**
 * Controls, navigation and pictures that a twin leaves out: the contents lists, heading and
 * paragraph permalinks, Share and "Copy as Markdown", the diagram's drawing and its buttons, the
 * price chart (its figures are in the table beside it), the calculator's inputs (its presets
 * table stays), and a share page's kicker and "Read the whole briefing" button.
 */
const SCREEN_ONLY = [
  'script',
  'style',
  'template',
  'svg',
  'nav',
  'button',
  'dialog',
  '[hidden]',
  '[aria-hidden="true"]',
  '.toc-disclosure',
  '.briefing-toc',
  '.permalink',
  '.share-link',
  '.md-link',
  '.para-link',
  '.share-status',
  '.diagram-view',
  '.diagram-actions',
  '.section-page > .kicker',
  '.read-whole',
].join(', ');

export type PageMarkdownOptions = {
  /** Where the HTML file is, for error messages. */
  file: string;
};

/** The Markdown twin of one built HTML page. */
export function pageMarkdown(html: string, { file }: PageMarkdownOptions): string {
  const page = fromHtml(html);
  const canonical = select('link[rel="canonical"]', page)?.properties['href'];
  if (typeof canonical !== 'string') throw new Error(`${file}: the page has no <link rel="canonical">, so its twin has no address to link to.`);
  const main = select('main', page);
  if (!main) throw new Error(`${file}: the page has no <main>.`);
  const title = toText(select('title', page) ?? { type: 'root', children: [] }).replace(` · ${siteTitle}`, '');

  const content: HastRoot = { type: 'root', children: structuredClone(main.children) };
  prune(content);
  for (const figure of selectAll('figure[data-diagram]', content)) diagramAsSource(figure, file);
  for (const table of selectAll('table', content)) captionAbove(table, content);
  absoluteLinks(content, canonical);

  const tree = toMdast(content) as MdastRoot;
  const link: PhrasingContent = { type: 'link', url: canonical, children: [{ type: 'text', value: title }] };
  tree.children.push({ type: 'paragraph', children: title === siteTitle ? [link] : [{ type: 'text', value: `From ${siteTitle}: ` }, link] });
  return toMarkdown(tree, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', rule: '-', fences: true, listItemIndent: 'one' });
}

/** Takes out what is only for the screen, and the HTML comments (which would stay HTML). */
function prune(tree: HastRoot): void {
  const screenOnly = new Set<unknown>(selectAll(SCREEN_ONLY, tree));
  visit(tree, (node, index, parent) => {
    if (parent && index !== undefined && (node.type === 'comment' || screenOnly.has(node))) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
}

const element = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/** A diagram figure → its title, its Mermaid source as a `mermaid` code block, and its words. */
function diagramAsSource(figure: Element, file: string): void {
  const source = select('.diagram-source code', figure);
  if (!source) throw new Error(`${file}: a diagram (data-diagram="${String(figure.properties['dataDiagram'])}") has no "Diagram source" to put in the Markdown.`);
  const caption = select('figcaption', figure);
  const words = select('.diagram-outline', figure);
  figure.tagName = 'div';
  figure.properties = {};
  figure.children = [
    ...(caption ? [element('p', [element('strong', [text(toText(caption).trim())])])] : []),
    element('pre', [element('code', [text(toText(source, { whitespace: 'pre' }).replace(/\n+$/, ''))], { className: ['language-mermaid'] })]),
    ...(words ? [element('p', [text('The diagram in words:')]), ...words.children] : []),
  ];
}

/** hast-util-to-mdast drops a table's caption (GFM tables have none): it becomes the paragraph above. */
function captionAbove(table: Element, tree: HastRoot): void {
  const caption = table.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
  if (!caption) return;
  table.children = table.children.filter((child) => child !== caption);
  visit(tree, 'element', (node, index, parent) => {
    if (node !== table || !parent || index === undefined) return undefined;
    parent.children.splice(index, 0, element('p', [text(toText(caption).trim())]));
    return [SKIP, index + 2];
  });
}

/** Links and images resolve on the page's canonical URL, so the twin works wherever it is read. */
function absoluteLinks(tree: HastRoot, pageUrl: string): void {
  visit(tree, 'element', (node) => {
    for (const attribute of ['href', 'src'] as const) {
      const value = node.properties[attribute];
      if (typeof value === 'string') node.properties[attribute] = new URL(value, pageUrl).href;
    }
  });
}
