/**
 * Where a search result should land: the section (Pagefind's sub-result, by heading id) and,
 * inside it, the paragraph holding the match (Pagefind's anchors, by paragraph id), with a text
 * fragment on the matched words so the browser scrolls to them and marks them.
 */
import { encodeTextTerm } from './text-fragment.ts';

/** An element with an id in Pagefind's index; `location` is the word index it starts at. */
export type Anchor = { element: string; id: string; location: number };
export type SubResult = { title: string; url: string; excerpt: string; locations: number[]; anchor?: Anchor };
export type ResultData = { url: string; excerpt: string; sub_results?: SubResult[]; anchors?: Anchor[] };

/** Words of context taken from the excerpt to make the fragment point at this match only. */
const CONTEXT = 4;

export function resultTarget(page: ResultData): { url: string; section?: string; excerpt: string } {
  // The section with the most matches; the first of equals.
  const sub = page.sub_results?.reduce((a, b) => (b.locations.length > a.locations.length ? b : a));
  if (!sub) return { url: page.url, excerpt: page.excerpt };
  const words = sub.excerpt.split(/\s+/);
  const marked = (w: string | undefined) => w?.includes('<mark>') ?? false;
  const first = words.findIndex(marked);
  let end = first;
  while (marked(words[end])) end += 1;
  const locations = new Set(sub.locations);
  // The excerpt's first word is at the location that puts every marked word on a match.
  const start = sub.locations.map((l) => l - first).find((s) => words.every((w, i) => !marked(w) || locations.has(s + i)));
  const anchors = [...(page.anchors ?? [])].sort((a, b) => a.location - b.location);
  const at = (start ?? 0) + first;
  const paragraph = anchors.filter((a) => a.id.startsWith('p-') && a.location <= at && a.location >= (sub.anchor?.location ?? 0)).pop();
  if (first < 0 || start === undefined || !paragraph) return { url: sub.url, section: sub.title, excerpt: sub.excerpt };
  const text = (from: number, to: number) =>
    words.slice(Math.max(0, from), to).join(' ').replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  // Context must come from the same paragraph: a term may not reach into the next block.
  const before = Math.min(CONTEXT, at - paragraph.location, first);
  const next = anchors.find((a) => a.location > at)?.location ?? Infinity;
  const after = Math.min(CONTEXT, next - (at + end - first), words.length - end);
  const phrase = text(first, end);
  const directive =
    before > 0 ? `${encodeTextTerm(text(first - before, first))}-,${encodeTextTerm(phrase.replace(/[,.;:!?)”’"]+$/, ''))}`
    : after > 0 ? `${encodeTextTerm(phrase)},-${encodeTextTerm(text(end, end + after))}`
    : encodeTextTerm(phrase);
  return { url: `${sub.url.replace(/#.*/, '')}#${paragraph.id}:~:text=${directive}`, section: sub.title, excerpt: sub.excerpt };
}
