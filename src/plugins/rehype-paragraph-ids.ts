/**
 * A link for every paragraph of a briefing: each paragraph and list item (the letter's
 * paragraphs, the summary's points) gets an id and, as its first child, a permalink.
 *
 * The id is `p-` and a short hash of the paragraph's opening words, so it depends on nothing
 * else on the page: editing, adding, removing or moving another paragraph leaves it alone, and
 * so does an edit further inside the paragraph. Rewording its opening words gives it a new id;
 * `aliases: { <old-id>: <new-id> }` in the frontmatter keeps the old links landing (the pinned
 * list in tests/support/pinned-sections.ts says which id went missing).
 *
 * Runs before rehypePinIds, which checks aliases against heading and paragraph ids alike.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** How many opening words name a paragraph: enough to tell paragraphs apart, few enough to survive edits. */
export const OPENING_WORDS = 8;

type Frontmatter = { summary?: unknown; aliases?: Record<string, string> };

/** Ids this plugin gave out, read by rehypePinIds to check `aliases`. */
export type ParagraphData = { paragraphIds?: Set<string> };

/**
 * The id of a paragraph with this text: case, punctuation and spacing do not count, only the
 * first OPENING_WORDS words.
 */
export function paragraphId(text: string): string | undefined {
  const words = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words) return undefined;
  const opening = words.slice(0, OPENING_WORDS).join(' ');
  return `p-${createHash('sha256').update(opening, 'utf8').digest('hex').slice(0, 6)}`;
}

/** The permalink: an ordinary in-page link without JS; ShareLinks.astro makes it copy the absolute URL. */
function permalink(id: string): ElementContent {
  // Empty on purpose: the mark is drawn by CSS (src/styles/links.css), so it never enters the
  // paragraph's text, a selection, a quote or the search index. A link inside its paragraph is
  // named well enough by "this paragraph" (WCAG 2.4.4, purpose in context).
  return { type: 'element', tagName: 'a', properties: { className: ['para-link'], href: `#${id}`, dataShare: '', ariaLabel: 'Link to this paragraph' }, children: [] };
}

export function rehypeParagraphIds() {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Frontmatter } }).astro?.frontmatter;
    // Only briefings (MDX with a structured summary) have shareable sections and paragraphs.
    if (!frontmatter?.summary) return;
    const ids = new Map<string, Element>();
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (node.tagName !== 'p' && node.tagName !== 'li') return undefined;
      // A loose list item wraps its text in <p>: the item carries the id, once.
      if (node.tagName === 'p' && parent?.type === 'element' && parent.tagName === 'li') return 'skip';
      if (typeof node.properties['id'] === 'string') return 'skip';
      const base = paragraphId(toString(node));
      if (!base) return 'skip';
      // Two paragraphs that open with the same words: the later one is told apart by a number.
      let id = base;
      for (let n = 2; ids.has(id); n += 1) id = `${base}-${n}`;
      ids.set(id, node);
      node.properties['id'] = id;
      node.children.unshift(permalink(id));
      // A nested list's items get their own ids and links.
      return node.tagName === 'li' ? undefined : 'skip';
    });
    for (const [alias, target] of Object.entries(frontmatter.aliases ?? {})) {
      // The old id lands on the paragraph it was renamed to (heading aliases are rehypeSectionIndex's).
      ids.get(target)?.children.unshift({ type: 'element', tagName: 'span', properties: { id: alias, className: ['alias-anchor'] }, children: [] });
    }
    (file.data as ParagraphData).paragraphIds = new Set(ids.keys());
  };
}
