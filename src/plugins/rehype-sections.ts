/**
 * Sections of a briefing, the units readers link to and share.
 *
 * - `rehypePinIds` (before Astro's heading ids): ids come from the content, never from the
 *   heading's wording. The summary's ids are set by remark-briefing-summary; every other heading
 *   takes its id from the frontmatter map `anchors: { <id>: "<heading text>" }`. In a briefing a
 *   heading without a pinned id fails the build, and so do two headings with one id.
 *   `aliases: { <old-id>: <id> }` keeps an old id landing on its section after a rename.
 * - `rehypeSectionIndex` (after everything else): adds a share link and a "Copy as Markdown" link
 *   (to the share page's Markdown twin) to each section heading, and records the sections (id, title, text) in the page's frontmatter as `sections`, which the
 *   share pages and their link-preview cards are made from.
 */
import { basename } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { sharePath, type SectionRecord } from '../lib/sections.ts';
import { joinBase, markdownPath } from '../lib/urls.ts';
import { icon } from './icon.ts';
import type { ParagraphData } from './rehype-paragraph-ids.ts';

type Frontmatter = { summary?: unknown; anchors?: Record<string, string>; aliases?: Record<string, string>; sections?: SectionRecord[] };

function frontmatterOf(file: VFile): Frontmatter | undefined {
  return (file.data as { astro?: { frontmatter?: Frontmatter } }).astro?.frontmatter;
}

const isHeading = (node: Element) => node.tagName === 'h2' || node.tagName === 'h3';

/** A briefing is an MDX file with a structured summary; only briefings have shareable sections. */
function isBriefing(file: VFile): boolean {
  return Boolean(frontmatterOf(file)?.summary);
}

export function rehypePinIds() {
  return (tree: Root, file: VFile) => {
    const frontmatter = frontmatterOf(file);
    if (!frontmatter || !isBriefing(file)) return;
    const byText = new Map(Object.entries(frontmatter.anchors ?? {}).map(([id, text]) => [text.trim(), id]));
    const used = new Map<string, number | undefined>();
    const unmatched = new Set(byText.keys());
    visit(tree, 'element', (node: Element) => {
      if (!isHeading(node)) return;
      const text = toString(node).trim();
      const line = node.position?.start.line;
      if (typeof node.properties['id'] !== 'string') {
        const id = byText.get(text);
        if (!id) {
          const suggestion = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
          file.fail(
            `The heading "${text}" has no pinned id, so links to it would break when it is reworded. ` +
              `Add it to the frontmatter: anchors: { ${suggestion}: "${text}" } (or keep the old id there if you renamed it).`,
            node,
            'sections:unpinned',
          );
        }
        node.properties['id'] = id;
        unmatched.delete(text);
      }
      const id = String(node.properties['id']);
      if (used.has(id)) {
        file.fail(
          `Two headings have the id "${id}" (lines ${used.get(id) ?? '?'} and ${line ?? '?'}): links to the second could never land. Give one of them another id in \`anchors\`.`,
          node,
          'sections:duplicate-id',
        );
      }
      used.set(id, line);
    });
    if (unmatched.size > 0) {
      file.fail(
        `\`anchors\` names ${[...unmatched].map((t) => `"${t}"`).join(', ')}, but no heading reads that way. ` +
          'If you reworded a heading, change its text in `anchors` too and keep its id.',
        undefined,
        'sections:stale-anchor',
      );
    }
    // Paragraph ids come from rehypeParagraphIds, which runs first; an alias may point at one.
    const paragraphs = (file.data as ParagraphData).paragraphIds ?? new Set<string>();
    for (const [alias, target] of Object.entries(frontmatter.aliases ?? {})) {
      if (!used.has(target) && !paragraphs.has(target)) {
        file.fail(`\`aliases\` points "${alias}" at "${target}", which is no heading's or paragraph's id.`, undefined, 'sections:alias');
      }
      if (used.has(alias) || paragraphs.has(alias)) file.fail(`The alias "${alias}" is also a heading's or paragraph's id; drop the alias.`, undefined, 'sections:alias');
    }
  };
}

function textBlocks(nodes: RootContent[]): string[] {
  const blocks: string[] = [];
  for (const node of nodes) {
    visit(node, 'element', (element: Element) => {
      if (element.tagName === 'p' || element.tagName === 'li') {
        // A list item's own paragraph is visited too; keep each text once.
        if (element.tagName === 'li' && element.children.some((c) => c.type === 'element' && c.tagName === 'p')) return;
        const text = toString(element).replace(/\s+/g, ' ').trim();
        if (text) blocks.push(text);
        return 'skip';
      }
      // A diagram contributes its description (Mermaid's accDescr), not its labels or source.
      if (element.tagName === 'desc') {
        const text = toString(element).replace(/\s+/g, ' ').trim();
        if (text) blocks.push(text);
        return 'skip';
      }
      if (element.tagName === 'details' || element.tagName === 'figcaption') return 'skip';
      return undefined;
    });
  }
  return blocks;
}

/** The cache key (figure data-diagram, set by present-diagram.ts) of the first diagram among `nodes`. */
function firstDiagram(nodes: RootContent[]): string | undefined {
  let key: string | undefined;
  for (const node of nodes) {
    visit(node, 'element', (element: Element) => {
      const value = element.properties['dataDiagram'];
      if (element.tagName === 'figure' && typeof value === 'string') key ??= value;
    });
  }
  return key;
}

export type SectionIndexOptions = { site: string; base: string };

export function rehypeSectionIndex({ site, base }: SectionIndexOptions) {
  return (tree: Root, file: VFile) => {
    const frontmatter = frontmatterOf(file);
    if (!frontmatter || !isBriefing(file)) return;
    const slug = basename(file.path, '.mdx');
    const headings = tree.children
      .map((node, index) => ({ node, index }))
      .filter((h): h is { node: Element; index: number } => h.node.type === 'element' && isHeading(h.node));
    const sections: SectionRecord[] = headings.map(({ node, index }) => {
      const depth = node.tagName === 'h2' ? 2 : 3;
      // A section runs to the next heading of the same or a higher level.
      const end = headings.find((h) => h.index > index && (h.node.tagName === 'h2' || depth === 3))?.index ?? tree.children.length;
      const id = String(node.properties['id']);
      const title = toString(node).trim();
      const shareUrl = new URL(joinBase(base, sharePath(slug, id)), site).href;
      node.children.push(shareLink(shareUrl, title), markdownLink(joinBase(base, markdownPath(sharePath(slug, id))), title));
      const body = tree.children.slice(index + 1, end);
      const record: SectionRecord = { id, title, depth, blocks: textBlocks(body) };
      const diagram = firstDiagram(body);
      if (diagram) record.diagram = diagram;
      return record;
    });
    for (const [alias, target] of Object.entries(frontmatter.aliases ?? {})) {
      const heading = headings.find((h) => h.node.properties['id'] === target);
      if (heading) heading.node.children.unshift({ type: 'element', tagName: 'span', properties: { id: alias, className: ['alias-anchor'] }, children: [] });
    }
    frontmatter.sections = sections;
  };
}

/** The share control: an ordinary link to the section's share page, enhanced to copy it. */
function shareLink(href: string, title: string): ElementContent {
  return {
    type: 'element',
    tagName: 'a',
    // The visible word "Share" comes from CSS, so the heading's text (and the TOC) stays clean.
    properties: { className: ['share-link'], href, dataShare: '', ariaLabel: `Share section: ${title} (copies its link)` },
    children: [icon('M12 10a2 2 0 0 0-1.6.8L5.9 8.5a2 2 0 0 0 0-1l4.5-2.3A2 2 0 1 0 10 4l-4.5 2.3a2 2 0 1 0 0 3.4L10 12a2 2 0 1 0 2-2z')],
  };
}

/**
 * "Copy as Markdown": an ordinary link to the section's Markdown twin, enhanced by
 * src/components/ShareLinks.astro to copy that Markdown. Its visible word comes from CSS too.
 */
function markdownLink(href: string, title: string): ElementContent {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['md-link'], href, dataCopyMd: '', ariaLabel: `Copy as Markdown: ${title}` },
    children: [],
  };
}
