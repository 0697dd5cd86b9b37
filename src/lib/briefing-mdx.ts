/**
 * A briefing's MDX file, written from a parsed summarizer document: the frontmatter the schema of
 * src/content.config.ts asks for (serialised by the `yaml` package), then the diagram and the
 * full text. The text is serialised by mdast-util-to-markdown with the MDX extension, which
 * escapes whatever MDX would otherwise read as syntax (`{`, `<`, a leading `#` or `-`, `~`…).
 */
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import { timestampInstant, type SummarizerDocument } from './summarizer-file.ts';

/** `text` cut at a word boundary to at most `max` characters, with "…" when cut. */
export function clampWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[\s,;:.]+$/, '')}…`;
}

/** A URL slug for a title: lowercase words joined by hyphens, at most 60 characters. */
export function slugFromTitle(title: string): string {
  const words = new GithubSlugger().slug(title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).replace(/[^a-z0-9-]/g, '').split('-').filter(Boolean);
  let slug = '';
  for (const word of words) {
    if (slug && slug.length + word.length + 1 > 60) break;
    slug = slug ? `${slug}-${word}` : word.slice(0, 60);
  }
  return slug || 'briefing';
}

/** The instant of a summarizer timestamp in ISO form, UTC, to the millisecond. */
export function capturedAt(timestamp: string): string {
  return new Date(timestampInstant(timestamp)).toISOString();
}

export function briefingMdx(doc: SummarizerDocument, options: { slug: string; title?: string }): string {
  const slugger = new GithubSlugger();
  const frontmatter = {
    title: clampWords(options.title ?? doc.title, 90),
    description: clampWords(doc.corePoint, 200),
    pubDate: capturedAt(doc.timestamp).slice(0, 10),
    source: {
      via: doc.url ? 'Summarizer' : doc.via || 'Summarizer',
      capturedAt: capturedAt(doc.timestamp),
      title: doc.title,
      ...(doc.url ? { url: doc.url } : {}),
    },
    anchors: { 'the-diagram': 'The diagram', 'the-full-letter': 'The full letter' },
    summary: {
      trends: doc.trends.map((trend) => ({ id: slugger.slug(slugFromTitle(trend.title)), title: trend.title, points: trend.points })),
      corePoint: doc.corePoint,
      fundamentalPoint: doc.fundamentalPoint,
      framework: doc.framework,
    },
  };
  const body: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'The diagram' }] },
      { type: 'code', lang: 'mermaid', value: doc.diagram.source },
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'The full letter' }] },
      ...doc.content.paragraphs.map((value) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, value }] })),
    ],
  };
  // toMarkdown picks a fence longer than any run of backticks in the diagram. GFM, because the
  // site reads MDX with it (a bare `~x~` would be struck through). A paragraph opening with
  // `export ` or `import ` would be read as an ES module statement.
  const markdown = toMarkdown(body, {
    extensions: [gfmToMarkdown(), mdxToMarkdown()],
    fences: true,
    unsafe: [
      { character: 'e', atBreak: true, after: 'xport[ \\t]' },
      { character: 'i', atBreak: true, after: 'mport[ \\t]' },
    ],
  });
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${markdown}`;
}
