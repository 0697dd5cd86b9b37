/**
 * Reads the text file a team's summarizer writes (the shape of tests/fixtures/seed/briefing.txt).
 *
 * The format's own parts are read line by line: the header lines (`Timestamp:`, `Title:`, `URL:`,
 * `Status:`, `Duration:`), `Description:`, the `<Mermaid_Diagram>` tags and `Content:`. The
 * Description is Markdown, so it is parsed with remark's parser (mdast-util-from-markdown), and
 * its sections, trends and points are read from that tree: any list marker, indentation or
 * spacing Markdown accepts is accepted. Every part keeps its line in the file, and every defect is
 * a SummarizerFileError naming the file and the line.
 */
import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

export class SummarizerFileError extends Error {
  /** The document's path, as given. */
  readonly path: string;
  /** The 1-based line the problem is at. */
  readonly line: number;
  constructor(path: string, line: number, problem: string) {
    super(`${path}:${line}: ${problem}`);
    this.path = path;
    this.line = line;
  }
}

export type Trend = {
  /** The trend's title, without its bold markers and trailing colon. */
  title: string;
  /** Its points, as plain text. */
  points: string[];
  /** The line of its title. */
  line: number;
};

export type SummarizerDocument = {
  /** The `Timestamp:` as written, e.g. 2025-02-01T18:22:00.568678 (no zone: UTC). */
  timestamp: string;
  /** The `Title:` as written; often cut off mid-sentence. */
  title: string;
  /** The `URL:` when it holds an absolute http(s) URL. */
  url: string | undefined;
  /** The `URL:` line's text, e.g. "Text file upload". */
  via: string;
  /** The numbered trends of the summary. */
  trends: Trend[];
  /** The core point, as plain text. */
  corePoint: string;
  /** The fundamental point, as plain text. */
  fundamentalPoint: string;
  /** The framework: its introductory sentence and its numbered points. */
  framework: { intro: string; points: string[] };
  /** The Mermaid source between the tags, verbatim, and the line it starts at. */
  diagram: { source: string; line: number };
  /** The full text's paragraphs, and the line of `Content:`. */
  content: { paragraphs: string[]; line: number };
};

/** The instant a summarizer timestamp names, in ms (NaN if it names none); no zone means UTC. */
export function timestampInstant(timestamp: string): number {
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(timestamp) ? timestamp : `${timestamp}Z`;
  // Microseconds, as the summarizer writes them, cut to the milliseconds a Date holds.
  return new Date(zoned.replace(/(\.\d{3})\d+/, '$1')).getTime();
}

const SECTIONS = { summary: 'Summary', corePoint: 'Core Point', fundamentalPoint: 'Fundamental Point', framework: 'Overarching Framework' } as const;
type SectionName = keyof typeof SECTIONS;

const plain = (node: Parameters<typeof toString>[0]): string => toString(node).replace(/\s+/g, ' ').trim();

/** The Description's sections: a paragraph opening with `**Name:**`, then every node up to the next. */
function sectionsOf(tree: Root): Map<string, { line: number; rest: string; nodes: RootContent[] }> {
  const found = new Map<string, { line: number; rest: string; nodes: RootContent[] }>();
  let current: RootContent[] | undefined;
  for (const node of tree.children) {
    const first = node.type === 'paragraph' ? node.children[0] : undefined;
    const name = first?.type === 'strong' ? plain(first).replace(/:$/, '').trim() : undefined;
    if (node.type === 'paragraph' && name && Object.values(SECTIONS).includes(name as never)) {
      // What follows the bold name in the same paragraph (the next line, e.g. the core point).
      const rest = plain({ type: 'paragraph', children: node.children.slice(1) } satisfies Paragraph).replace(/^:\s*/, '');
      current = [];
      found.set(name, { line: node.position?.start.line ?? 1, rest, nodes: current });
    } else {
      current?.push(node);
    }
  }
  return found;
}

/** A list item's own text: its first paragraph, without a nested list. */
const itemText = (item: ListItem): string => plain({ type: 'root', children: item.children.filter((c) => c.type !== 'list') });

export function parseSummarizerFile(input: string, path: string): SummarizerDocument {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  // The line after the last: a file ending in a newline has an empty last element.
  const end = lines.length + (lines.at(-1) === '' ? 0 : 1);
  const fail = (line: number, problem: string): never => {
    throw new SummarizerFileError(path, line, problem);
  };
  const lineOf = (test: (line: string) => boolean, from = 0): number => {
    const index = lines.findIndex((line, i) => i >= from && test(line));
    return index < 0 ? 0 : index + 1;
  };

  const descriptionLine = lineOf((l) => /^Description:/.test(l));
  const header = (name: string): { value: string; line: number } => {
    const line = lineOf((l) => l.startsWith(`${name}:`));
    if (line === 0 || (descriptionLine > 0 && line > descriptionLine)) fail(descriptionLine || 1, `no "${name}:" line in the header; the summarizer writes it before "Description:".`);
    return { value: lines[line - 1]!.slice(name.length + 1).trim(), line };
  };
  const timestamp = header('Timestamp');
  if (Number.isNaN(timestampInstant(timestamp.value))) {
    fail(timestamp.line, `"Timestamp: ${timestamp.value}" is not a date and time; write it as 2025-02-01T18:22:00.`);
  }
  const title = header('Title');
  if (title.value === '') fail(title.line, 'the "Title:" line is empty.');
  const urlLine = lineOf((l) => l.startsWith('URL:'));
  const via = urlLine > 0 && (descriptionLine === 0 || urlLine < descriptionLine) ? lines[urlLine - 1]!.slice(4).trim() : '';
  if (descriptionLine === 0) fail(end, 'no "Description:" line; the summary, core point, fundamental point and framework follow it.');

  const open = lineOf((l) => l.trim() === '<Mermaid_Diagram>', descriptionLine);
  if (open === 0) fail(end, 'no <Mermaid_Diagram> block after the Description.');
  const close = lineOf((l) => l.trim() === '</Mermaid_Diagram>', open);
  if (close === 0) fail(open, '<Mermaid_Diagram> is never closed; add </Mermaid_Diagram> after the diagram.');
  const contentLine = lineOf((l) => /^Content:/.test(l), close);
  if (contentLine === 0) fail(end, 'no "Content:" line after </Mermaid_Diagram>; the full text follows it.');

  // The Description, parsed as Markdown; its positions are offset back to the file's lines.
  const offset = descriptionLine;
  const tree = fromMarkdown(lines.slice(descriptionLine, open - 1).join('\n'));
  const at = (node: { position?: { start: { line: number } } | undefined }): number => (node.position?.start.line ?? 1) + offset;
  const sections = sectionsOf(tree);
  const section = (name: SectionName) => {
    const found = sections.get(SECTIONS[name]);
    if (!found) return fail(open, `no **${SECTIONS[name]}:** section in the Description (expected before <Mermaid_Diagram>).`);
    return { ...found, line: found.line + offset };
  };

  const summary = section('summary');
  // Trends are the items of numbered lists; their points, bullets nested in them or, where the
  // summarizer indented them less than Markdown nests, a bullet list right after the item.
  const trends: Trend[] = [];
  for (const list of summary.nodes.filter((n): n is List => n.type === 'list')) {
    for (const item of list.children) {
      const nested = item.children.filter((c): c is List => c.type === 'list').flatMap((l) => l.children.map(itemText));
      if (list.ordered) trends.push({ title: itemText(item).replace(/:$/, '').trim(), points: nested.filter(Boolean), line: at(item) });
      else if (trends.length > 0) trends.at(-1)!.points.push(...[itemText(item), ...nested].filter(Boolean));
      else fail(at(item), 'a bullet comes before the first numbered trend; number each trend (1., 2., …) and put its points under it.');
    }
  }
  if (trends.length === 0) fail(summary.line, '**Summary:** lists no trend; write them as a numbered list of bold titles, each with its points.');
  for (const trend of trends) {
    if (trend.title === '') fail(trend.line, 'a trend has no title.');
    if (trend.points.length === 0) fail(trend.line, `the trend "${trend.title}" has no points; list them as bullets under it.`);
  }

  const prose = (name: 'corePoint' | 'fundamentalPoint'): string => {
    const found = section(name);
    const text = [found.rest, ...found.nodes.map(plain)].filter(Boolean).join(' ').trim();
    if (text === '') fail(found.line, `**${SECTIONS[name]}:** is empty.`);
    return text;
  };
  const corePoint = prose('corePoint');
  const fundamentalPoint = prose('fundamentalPoint');

  const framework = section('framework');
  const pointsList = framework.nodes.find((n): n is List => n.type === 'list');
  const intro = [framework.rest, ...framework.nodes.filter((n) => n.type === 'paragraph').map(plain)].filter(Boolean).join(' ').trim();
  if (intro === '') fail(framework.line, '**Overarching Framework:** has no introductory sentence.');
  if (!pointsList) fail(framework.line, '**Overarching Framework:** lists no points; write them as a numbered list.');

  const source = lines.slice(open, close - 1);
  while (source.length > 0 && source[0]!.trim() === '') source.shift();
  while (source.length > 0 && source.at(-1)!.trim() === '') source.pop();
  if (source.length === 0) fail(open, 'the <Mermaid_Diagram> block is empty.');
  const diagramLine = lines.indexOf(source[0]!, open) + 1;

  const paragraphs = lines
    .slice(contentLine - 1)
    .join('\n')
    .replace(/^Content:[ \t]*/, '')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  if (paragraphs.length === 0) fail(contentLine, '"Content:" is empty; the full text of the source follows it.');

  return {
    timestamp: timestamp.value,
    title: title.value,
    url: /^https?:\/\/\S+$/.test(via) ? via : undefined,
    via,
    trends,
    corePoint,
    fundamentalPoint,
    framework: { intro, points: pointsList!.children.map(itemText).filter(Boolean) },
    diagram: { source: source.join('\n'), line: diagramLine },
    content: { paragraphs, line: contentLine },
  };
}
