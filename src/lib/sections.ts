/** Shareable sections of a briefing: their record, their page's path, a preview summary and their HTML. */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

export type SectionRecord = {
  /** Stable id: the #fragment on the briefing and the last segment of the share page. */
  id: string;
  /** Heading text. */
  title: string;
  depth: 2 | 3;
  /** The section's text, one paragraph or list item per entry. */
  blocks: string[];
  /** Render-cache key of the first diagram in the section, if it has one (its card draws it). */
  diagram?: string;
};

/** Path of a section's share page (before the base is added). */
export function sharePath(slug: string, sectionId: string): string {
  return `/briefings/${slug}/${sectionId}/`;
}

/** Abbreviations whose full stop does not end a sentence ("the U.S. in…", "e.g. this"). */
const ABBREVIATION = /(?:\b(?:[A-Za-z]\.)+[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|vs|etc|e\.g|i\.e|No|St))$/;

/** The text up to the first full stop, question or exclamation mark that ends a sentence. */
export function firstSentence(text: string): string {
  for (const match of text.matchAll(/[.!?]["”’)]*(?=\s|$)/g)) {
    const end = match.index + match[0].length;
    const before = text.slice(0, match.index);
    if (match[0].startsWith('.') && ABBREVIATION.test(before)) continue;
    return text.slice(0, end);
  }
  return text;
}

/**
 * One sentence for a link preview: the section's first sentence, cut at a word boundary with an
 * ellipsis when it is longer than `max` characters.
 */
export function summarizeSection(blocks: readonly string[], fallback: string, max = 200): string {
  const first = blocks.find((b) => b.trim() !== '')?.trim();
  if (!first) return fallback;
  const sentence = firstSentence(first);
  if (sentence.length <= max) return sentence;
  // Up to max - 1 characters plus "…": end at the last space that keeps within that.
  const space = sentence.slice(0, max).lastIndexOf(' ');
  return `${space > 0 ? sentence.slice(0, space) : sentence.slice(0, max - 1)}…`;
}

/** The section before and after `id`, for previous/next links. */
export function neighbours<T extends { id: string }>(sections: readonly T[], id: string): { previous?: T; next?: T } {
  const i = sections.findIndex((s) => s.id === id);
  if (i < 0) return {};
  const result: { previous?: T; next?: T } = {};
  if (i > 0) result.previous = sections[i - 1]!;
  if (i < sections.length - 1) result.next = sections[i + 1]!;
  return result;
}

const isSectionHeading = (node: ElementContent | RootContent): node is Element =>
  node.type === 'element' && (node.tagName === 'h2' || node.tagName === 'h3');

/**
 * One section of a rendered briefing body, as HTML: what follows the heading `id` up to the next
 * heading of the same or a higher level (the heading itself is left out; its page has an h1).
 * Headings inside move up as the section's own heading did (h3 under an h2 becomes h2), so the
 * page's outline has no gap. `#fragment` links to ids that are not in the section are pointed at
 * `wholeHref` (the briefing page), where they land. Returns undefined when no top-level heading
 * has that id.
 */
export function sectionHtml(html: string, id: string, wholeHref: string): string | undefined {
  const tree = fromHtml(html, { fragment: true });
  const start = tree.children.findIndex((node) => isSectionHeading(node) && node.properties['id'] === id);
  if (start < 0) return undefined;
  const depth = (tree.children[start] as Element).tagName === 'h2' ? 2 : 3;
  const rest = tree.children.slice(start + 1);
  const end = rest.findIndex((node) => isSectionHeading(node) && (node.tagName === 'h2' || depth === 3));
  const section: Root = { type: 'root', children: end < 0 ? rest : rest.slice(0, end) };
  const ids = new Set<string>();
  visit(section, 'element', (node: Element) => {
    if (typeof node.properties['id'] === 'string') ids.add(node.properties['id']);
  });
  visit(section, 'element', (node: Element) => {
    const level = /^h([2-6])$/.exec(node.tagName)?.[1];
    if (level) node.tagName = `h${Math.max(2, Number(level) - (depth - 1))}`;
    if (node.tagName !== 'a') return;
    // SVG links (a diagram's nodes) may still say xlink:href.
    for (const name of ['href', 'xLinkHref']) {
      const value = node.properties[name];
      if (typeof value === 'string' && value.startsWith('#') && !ids.has(value.slice(1))) node.properties[name] = `${wholeHref}${value}`;
    }
  });
  return toHtml(section);
}
