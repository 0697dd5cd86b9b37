/** Shareable sections of a briefing: their record, their page's path and a preview summary. */
export type SectionRecord = {
  /** Stable id: the #fragment on the briefing and the last segment of the share page. */
  id: string;
  /** Heading text. */
  title: string;
  depth: 2 | 3;
  /** The section's text, one paragraph or list item per entry. */
  blocks: string[];
};

/** Path of a section's share page (before the base is added). */
export function sharePath(slug: string, sectionId: string): string {
  return `/briefings/${slug}/${sectionId}/`;
}

/**
 * One sentence for a link preview: the section's first sentence, cut at a word boundary with an
 * ellipsis when it is longer than `max` characters.
 */
export function summarizeSection(blocks: readonly string[], fallback: string, max = 200): string {
  const first = blocks.find((b) => b.trim() !== '')?.trim();
  if (!first) return fallback;
  const sentence = first.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? first;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
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
