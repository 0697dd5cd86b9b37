/**
 * A quote for chat: the selected words as Markdown, with a link that lands on them.
 * Pure string work; src/scripts/quote.ts reads the selection and the page and calls these.
 */

/** Quotes up to this many words go into a text fragment whole; longer ones as `start,end`. */
const WHOLE_WORDS = 6;
/** Words at each end of a `start,end` fragment, before they are grown to be unambiguous. */
const EDGE_WORDS = 3;

import { encodeTextTerm } from './text-fragment.ts';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const count = (haystack: string, needle: string) => {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n += 1;
  return n;
};

/**
 * The `text=` directive for quoted lines (one per paragraph), e.g. `text=chip%20embargo` or
 * `text=Driven%20in%20part,H800%20GPUs`. A browser matches the start at its first occurrence
 * on the page, case-insensitively, so the start grows until `pageText` holds it only once, then
 * (if the words occur elsewhere too) takes a prefix from `before`, the text just before the quote
 * in its paragraph; the end grows until it does not occur earlier inside the quote. Each term
 * stays within one line: a term may not cross from one block of text into the next.
 */
export function textDirective(lines: readonly string[], pageText: string, before = ''): string {
  const kept = lines.map(squash).filter(Boolean);
  if (kept.length === 0) throw new Error('Nothing to quote.');
  const page = squash(pageText).toLowerCase();
  const unique = (text: string) => count(page, text.toLowerCase()) <= 1;
  const first = kept[0]!.split(' ');
  const last = kept[kept.length - 1]!.split(' ');
  const whole = kept.length === 1 && first.length <= WHOLE_WORDS;
  // Within one line, start and end must not overlap.
  const room = whole ? first.length : kept.length === 1 ? Math.floor(first.length / 2) : first.length;
  let k = whole ? first.length : Math.min(EDGE_WORDS, room);
  while (k < room && !unique(first.slice(0, k).join(' '))) k += 1;
  const start = first.slice(0, k).join(' ');
  const context = squash(before).split(' ').filter(Boolean);
  let p = 0;
  while (p < Math.min(context.length, 5) && !unique(`${context.slice(context.length - p).join(' ')} ${start}`.trim())) p += 1;
  const prefix = p > 0 ? `${encodeTextTerm(context.slice(context.length - p).join(' '))}-,` : '';
  if (whole) return `text=${prefix}${encodeTextTerm(start)}`;
  const quote = kept.join(' ').toLowerCase();
  const lastRoom = kept.length === 1 ? first.length - k : last.length;
  const endOf = (n: number) => last.slice(-n).join(' ');
  let j = Math.min(EDGE_WORDS, lastRoom);
  while (j < lastRoom && quote.indexOf(endOf(j).toLowerCase()) < quote.length - endOf(j).length) j += 1;
  return `text=${prefix}${encodeTextTerm(start)},${encodeTextTerm(endOf(j))}`;
}

export type Quote = {
  /** The quoted text, one entry per paragraph it spans. */
  lines: readonly string[];
  /** Title of the section the quote is in. */
  section: string;
  /** Title of the briefing. */
  briefing: string;
  /** Absolute URL of the paragraph, text fragment included. */
  url: string;
};

/** Markdown that Slack, Teams and Discord show as a quote followed by its source. */
export function quoteMarkdown({ lines, section, briefing, url }: Quote): string {
  const quoted = lines.map(squash).filter(Boolean).map((line) => `> ${line}`);
  return `${quoted.join('\n>\n')}\n— ${squash(section)}, in “${squash(briefing)}”: ${url}`;
}
