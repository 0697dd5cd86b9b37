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
