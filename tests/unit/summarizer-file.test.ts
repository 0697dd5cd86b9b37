/**
 * The summarizer's text format (src/lib/summarizer-file.ts) and the MDX written from it
 * (src/lib/briefing-mdx.ts), on the seed (tests/fixtures/seed/briefing.txt) and on
 * the documents of tests/fixtures/summarizer/ (CRLF, `-` bullets with 2-space indent, blank lines
 * inside a trend, one to five trends of 1 to 4 points, an https URL, content MDX would misread). Expected values are read from
 * the fixtures' text; expected lines are found by their words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/build/temp-site.ts';
import { briefingMdx, capturedAt, slugFromTitle } from '../../src/lib/briefing-mdx.ts';
import { parseSummarizerFile, SummarizerFileError } from '../../src/lib/summarizer-file.ts';

const SEED = 'tests/fixtures/seed/briefing.txt';
const NEW = 'tests/fixtures/summarizer/new-briefing.txt';
const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8');
const seed = read(SEED);
const fresh = read(NEW);
/** The 1-based line of the first line of `text` that includes `words`. */
const lineOf = (text: string, words: string) => text.split('\n').findIndex((l) => l.includes(words)) + 1;
/** The text of the lines from the one holding `from` up to (not including) the one holding `to`. */
const between = (text: string, from: string, to: string) => text.split('\n').slice(lineOf(text, from), lineOf(text, to) - 1);

/** The error `text` gives, which must be a SummarizerFileError. */
function errorOf(text: string, path = 'doc.txt'): SummarizerFileError {
  try {
    parseSummarizerFile(text, path);
  } catch (error) {
    expect(error).toBeInstanceOf(SummarizerFileError);
    return error as SummarizerFileError;
  }
  throw new Error('the document parsed');
}

describe('the seed', () => {
  const doc = parseSummarizerFile(seed, SEED);

  it('has the header as written, and no URL for "Text file upload"', () => {
    expect(doc.timestamp).toBe('2025-02-01T18:22:00.568678');
    expect(doc.title).toBe('The buzz over DeepSeek this week crystallized, for');
    expect(doc.via).toBe('Text file upload');
    expect(doc.url).toBeUndefined();
  });

  it('has three trends of three points, without bold markers, each at its line', () => {
    const titles = ["China's Rise in Generative AI", 'Open Weight Models and Commoditization', 'Beyond Scaling Up'];
    expect(doc.trends.map((t) => t.title)).toEqual(titles);
    expect(doc.trends.map((t) => t.line)).toEqual(titles.map((t) => lineOf(seed, `**${t}:**`)));
    expect(doc.trends.map((t) => t.points.length)).toEqual([3, 3, 3]);
    expect(doc.trends[0]!.points[0]).toBe(between(seed, "**China's Rise", 'DeepSeek-R1\'s performance')[0]!.replace(/^\s*\*\s+/, ''));
    expect(doc.trends[2]!.points[2]).toBe('There is a shift from simply scaling compute to a more nuanced approach to AI advancement.');
  });

  it('has the core and fundamental points, and the framework as an intro and three points', () => {
    expect(doc.corePoint).toBe(between(seed, '**Core Point:**', '**Fundamental Point:**').join(' ').trim());
    expect(doc.fundamentalPoint).toBe(between(seed, '**Fundamental Point:**', '**Overarching Framework:**').join(' ').trim());
    expect(doc.framework.intro).toBe('The overarching framework of this content is the shift in the AI landscape marked by:');
    const points = between(seed, 'marked by:', '<Mermaid_Diagram>').filter((l) => l.trim()).map((l) => l.replace(/^\d+\.\s+/, ''));
    expect(doc.framework.points).toEqual(points);
  });

  it('has the diagram verbatim from its first line, and the content as paragraphs', () => {
    expect(doc.diagram.line).toBe(lineOf(seed, 'graph LR'));
    expect(doc.diagram.source).toBe(between(seed, '<Mermaid_Diagram>', '</Mermaid_Diagram>').join('\n').trim());
    expect(doc.content.line).toBe(lineOf(seed, 'Content:'));
    const paragraphs = seed.split('Content:\n')[1]!.split(/\n\s*\n/).filter((p) => p.trim());
    expect(doc.content.paragraphs).toEqual(paragraphs.map((p) => p.trim()));
  });

  it('reads the same with CRLF line endings', () => {
    expect(parseSummarizerFile(seed.replace(/\n/g, '\r\n'), SEED)).toEqual(doc);
  });
});

describe('another shape: `-` bullets, 2-space indent, blank lines, 1 to 3 points, a URL', () => {
  const doc = parseSummarizerFile(fresh, NEW);

  it('reads every trend and point, inline Markdown as plain text', () => {
    expect(doc.trends.map((t) => [t.title, t.points.length])).toEqual([
      ['Costs Keep Falling', 2],
      ['Small Models Get Good', 1],
      ['Work Moves to the Device', 3],
      ['New Kinds of Apps', 1],
    ]);
    expect(doc.trends[0]!.points[1]).toBe('Cheaper chips make serving small models almost free.');
  });

  it('keeps an https URL, and the framework and content', () => {
    expect(doc.url).toBe('https://example.com/letters/small-models');
    expect(doc.framework).toEqual({ intro: 'The content frames the shift as three forces:', points: ['Cost curves that keep bending down.', 'Capability that reaches smaller models.', 'Deployment that follows the user.'] });
    expect(doc.content.paragraphs).toHaveLength(4);
  });
});

describe('bad documents: an error naming the file and the line', () => {
  const without = (text: string, words: string) => text.split('\n').filter((l) => !l.includes(words)).join('\n');

  it.each([
    ['**Core Point:**', 'Core Point'],
    ['**Fundamental Point:**', 'Fundamental Point'],
    ['**Overarching Framework:**', 'Overarching Framework'],
    ['**Summary:**', 'Summary'],
  ])('a missing %s section, at the diagram it should come before', (heading, name) => {
    const text = without(seed, heading);
    const error = errorOf(text);
    expect(error.message).toContain(`**${name}:**`);
    expect(error.line).toBe(lineOf(text, '<Mermaid_Diagram>'));
  });

  it('a <Mermaid_Diagram> that is never closed, at its opening line', () => {
    const text = without(seed, '</Mermaid_Diagram>');
    const error = errorOf(text);
    expect(error.line).toBe(lineOf(text, '<Mermaid_Diagram>'));
    expect(error.message).toBe(`doc.txt:${error.line}: <Mermaid_Diagram> is never closed; add </Mermaid_Diagram> after the diagram.`);
  });

  it('an empty Content:, at its line', () => {
    const text = seed.slice(0, seed.indexOf('Content:') + 'Content:'.length) + '\n\n';
    const error = errorOf(text);
    expect(error.line).toBe(lineOf(text, 'Content:'));
    expect(error.message).toContain('"Content:" is empty');
  });

  it('a trend with no points, at the trend', () => {
    const text = without(seed, 'DeepSeek-R1\'s performance').split('\n').filter((l) => !/China is rapidly|This shift is/.test(l)).join('\n');
    const error = errorOf(text);
    expect(error.line).toBe(lineOf(text, "**China's Rise"));
  });

  it('a missing Title: line', () => {
    expect(errorOf(without(seed, 'Title:')).message).toContain('"Title:"');
  });
});

describe('the seed cut short or missing a part: it imports, or fails naming a line', () => {
  const lines = seed.split('\n');
  const sections = ['Title:', '**Summary:**', '**Core Point:**', '**Fundamental Point:**', '**Overarching Framework:**', '<Mermaid_Diagram>', '</Mermaid_Diagram>', 'Content:'];
  const cases = [
    ...lines.map((_, i) => lines.slice(0, i).join('\n')),
    ...sections.map((s) => lines.filter((l) => !l.includes(s)).join('\n')),
  ];

  it(`never throws anything but a SummarizerFileError with a line in the document (${cases.length} documents, LF and CRLF)`, () => {
    let imported = 0;
    for (const text of cases.flatMap((t) => [t, t.replace(/\n/g, '\r\n')])) {
      try {
        parseSummarizerFile(text, 'cut.txt');
        imported++;
      } catch (error) {
        if (!(error instanceof SummarizerFileError)) throw error;
        expect(error.line).toBeGreaterThanOrEqual(1);
        const lines = text.split(/\r?\n/);
        expect(error.line).toBeLessThanOrEqual(lines.length + (lines.at(-1) === '' ? 0 : 1));
        expect(error.message.startsWith(`cut.txt:${error.line}: `)).toBe(true);
      }
    }
    // Cut inside the content, what is left is a whole document.
    expect(imported).toBeGreaterThan(0);
  });
});

describe('the MDX written from a document', () => {
  /** The frontmatter and the body of an MDX file. */
  const split = (mdx: string) => {
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx)!;
    return { frontmatter: parse(yaml!) as Record<string, any>, body: body! };
  };

  it('has the frontmatter the schema asks for, with an editor\'s title when given', () => {
    const doc = parseSummarizerFile(seed, SEED);
    const { frontmatter } = split(briefingMdx(doc, { slug: 'x', title: 'DeepSeek, three trends' }));
    expect(frontmatter['title']).toBe('DeepSeek, three trends');
    expect(frontmatter['pubDate']).toBe('2025-02-01');
    expect(frontmatter['source']).toEqual({ via: 'Text file upload', capturedAt: '2025-02-01T18:22:00.568Z', title: doc.title });
    expect(frontmatter['summary'].trends.map((t: { id: string }) => t.id)).toEqual(['chinas-rise-in-generative-ai', 'open-weight-models-and-commoditization', 'beyond-scaling-up']);
    expect(split(briefingMdx(doc, { slug: 'x' })).frontmatter['title']).toBe(doc.title);
    expect(split(briefingMdx(parseSummarizerFile(fresh, NEW), { slug: 'y' })).frontmatter['source'].url).toBe('https://example.com/letters/small-models');
  });

  const fixtures = [SEED, ...readdirSync(join(projectRoot, 'tests/fixtures/summarizer')).map((name) => `tests/fixtures/summarizer/${name}`)];
  it.each(fixtures)('%s: compiles as MDX with GFM, as the site reads it, and its letter reads as the source wrote it', async (path) => {
    const doc = parseSummarizerFile(read(path), path);
    const { frontmatter, body } = split(briefingMdx(doc, { slug: 'x' }));
    const ids = frontmatter['summary'].trends.map((t: { id: string }) => t.id);
    expect(new Set(ids).size, 'trend ids are unique').toBe(ids.length);
    const texts: string[] = [];
    // Each paragraph's text as a reader reads it: a struck-through or parsed-away character is lost.
    const collect = () => (tree: Root) => {
      for (const node of tree.children) if (node.type === 'paragraph') texts.push(toString(node));
    };
    await compile(body, { remarkPlugins: [remarkGfm, collect] });
    expect(texts).toEqual(doc.content.paragraphs);
    expect(body).toContain(`\`\`\`mermaid\n${doc.diagram.source}\n\`\`\``);
  });

  it('slugs a title to lowercase words, at most 60 characters, and keeps the instant in UTC', () => {
    expect(slugFromTitle('The buzz over DeepSeek this week crystallized, for')).toBe('the-buzz-over-deepseek-this-week-crystallized-for');
    expect(slugFromTitle('Ünïcode “quotes” — and dashes')).toBe('unicode-quotes-and-dashes');
    expect(slugFromTitle('word '.repeat(30)).length).toBeLessThanOrEqual(60);
    expect(capturedAt('2025-03-10T09:05:12.250001')).toBe('2025-03-10T09:05:12.250Z');
  });
});
