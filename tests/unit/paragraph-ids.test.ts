/**
 * Paragraph ids (src/plugins/rehype-paragraph-ids.ts) are in links people paste into chats, so an
 * id must depend on its own paragraph's opening words and on nothing else. Run on the real
 * letter through remark-parse → remark-rehype → the plugin, then on edited copies of it: the ids
 * of the paragraphs that were not touched must not move. The built page's ids are pinned in
 * tests/e2e/quote.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { OPENING_WORDS, paragraphId, rehypeParagraphIds } from '../../src/plugins/rehype-paragraph-ids.ts';
import { rehypePinIds } from '../../src/plugins/rehype-sections.ts';
import { projectRoot } from '../../src/build/temp-site.ts';
import { rejection } from '../support/vfile.ts';

/** The letter as the briefing publishes it: the body after its heading, MDX tags dropped. */
const letter = readFileSync(join(projectRoot, 'content/briefings/deepseek-three-trends.mdx'), 'utf8')
  .split('## The full letter\n')[1]!
  .split(/\n{2,}/)
  .filter((block) => !block.trim().startsWith('<'))
  .map((block) => block.trim());

type Frontmatter = { summary?: unknown; anchors?: Record<string, string>; aliases?: Record<string, string> };

async function run(markdown: string, frontmatter: Frontmatter = { summary: {} }): Promise<Root> {
  const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeParagraphIds).use(rehypePinIds);
  const file = new VFile({ path: 'content/briefings/test.mdx', value: markdown, data: { astro: { frontmatter } } });
  return (await processor.run(processor.parse(file), file)) as Root;
}

function blocks(tree: Root): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (e.tagName === 'p' || e.tagName === 'li') found.push(e);
  });
  return found;
}

/** Paragraph text → id, for every element that has an id. */
async function idsByText(paragraphs: string[]): Promise<Map<string, string>> {
  const tree = await run(paragraphs.join('\n\n'));
  return new Map(blocks(tree).filter((e) => e.properties['id']).map((e) => [toString(e).trim(), String(e.properties['id'])]));
}

describe('paragraphId', () => {
  const text = 'Scaling up isn’t the only path to AI progress. There’s been a lot of hype.';

  it('is p- and six hex digits', () => {
    expect(paragraphId(text)).toMatch(/^p-[0-9a-f]{6}$/);
  });

  it('ignores case, punctuation, spacing and every word after the opening ones', () => {
    expect(paragraphId('scaling   UP isn’t the only path: to AI progress!! Something else entirely.')).toBe(paragraphId(text));
    expect(OPENING_WORDS).toBe(8);
  });

  it('changes when one of the opening words changes', () => {
    expect(paragraphId('Scaling up is not the only path to AI progress.')).not.toBe(paragraphId(text));
    expect(paragraphId('Scaling up isn’t the only road to AI progress.')).not.toBe(paragraphId(text));
  });

  it('gives nothing for a paragraph without words', () => {
    expect(paragraphId(' — ')).toBeUndefined();
  });
});

describe('the letter', () => {
  it('has ten paragraphs here, each with its own id', async () => {
    expect(letter).toHaveLength(10);
    const ids = await idsByText(letter);
    expect(ids.size).toBe(10);
    expect(new Set(ids.values()).size).toBe(10);
  });

  it('keeps every other id when one paragraph is reworded, one added, one removed and two swapped', async () => {
    const before = await idsByText(letter);
    const edited = [...letter];
    // Reword the opening of the third paragraph, and the end of the fourth.
    edited[2] = 'Here is what I believe DeepSeek has made many people see:';
    edited[3] = `${letter[3]!.slice(0, -1)}, and it shows.`;
    // A new first paragraph, the last one gone, the fifth and sixth swapped.
    edited.unshift('A note before the letter: it is published as it was sent.');
    edited.pop();
    [edited[5], edited[6]] = [edited[6]!, edited[5]!];
    const after = await idsByText(edited);

    for (const [i, paragraph] of letter.entries()) {
      if (i === 2 || i === 3 || i === letter.length - 1) continue;
      expect(after.get(paragraph), `paragraph ${i + 1}: "${paragraph.slice(0, 40)}…"`).toBe(before.get(paragraph));
    }
    // Only its ending changed: the fourth paragraph keeps its id too.
    expect(after.get(edited[4]!)).toBe(before.get(letter[3]!));
    // Its opening words changed: the third gets a new id (and needs an alias).
    expect(after.get(edited[3]!)).not.toBe(before.get(letter[2]!));
  });
});

describe('rehypeParagraphIds', () => {
  it('gives every paragraph and list item, nested ones too, an id and a permalink as its first child', async () => {
    const tree = await run('First paragraph here.\n\n- One point\n- Two point\n  - A nested point\n\n1. Ordered item\n');
    const all = blocks(tree);
    expect(all.map((e) => e.tagName)).toEqual(['p', 'li', 'li', 'li', 'li']);
    for (const element of all) {
      const id = element.properties['id'];
      expect(id, toString(element)).toBe(paragraphId(toString(element)));
      const first = element.children[0] as Element;
      expect(first.tagName).toBe('a');
      expect(first.properties['href']).toBe(`#${String(id)}`);
      expect(first.properties['className']).toEqual(['para-link']);
      expect(first.properties['ariaLabel']).toBe('Link to this paragraph');
      // The link adds no text: quotes, search and previews read the paragraph unchanged.
      expect(toString(first)).toBe('');
    }
  });

  it('puts a loose list item’s id on the item, not on its paragraph', async () => {
    const tree = await run('- First point\n\n- Second point\n');
    const items = blocks(tree);
    expect(items.filter((e) => e.tagName === 'li').every((e) => typeof e.properties['id'] === 'string')).toBe(true);
    expect(items.filter((e) => e.tagName === 'p').map((e) => e.properties['id'])).toEqual([undefined, undefined]);
  });

  it('tells apart two paragraphs that open with the same words by a number on the later one', async () => {
    const opening = 'One two three four five six seven eight';
    const tree = await run(`${opening} nine.\n\n${opening} ten.`);
    const base = paragraphId(opening);
    expect(blocks(tree).map((e) => e.properties['id'])).toEqual([base, `${base}-2`]);
  });

  it('leaves pages that are not briefings alone', async () => {
    const tree = await run('A paragraph.', {});
    expect(blocks(tree)[0]!.properties['id']).toBeUndefined();
  });

  it('keeps an old id landing on its paragraph through `aliases`', async () => {
    const id = paragraphId('The paragraph that was renamed, and more.')!;
    const tree = await run('Intro.\n\nThe paragraph that was renamed, and more.', { summary: {}, aliases: { 'p-0ld1d0': id } });
    const target = blocks(tree).find((e) => e.properties['id'] === id)!;
    const anchors: Element[] = [];
    visit(target, 'element', (e: Element) => {
      if (e.properties['id'] === 'p-0ld1d0') anchors.push(e);
    });
    expect(anchors).toHaveLength(1);
    expect(toString(target).trim()).toBe('The paragraph that was renamed, and more.');
  });

  it('fails the build on an alias that points at no heading or paragraph, naming both ids', async () => {
    const error = await rejection(run('Intro.', { summary: {}, aliases: { 'p-0ld1d0': 'p-000000' } }));
    expect(error.message).toContain('"p-0ld1d0"');
    expect(error.message).toContain('"p-000000"');
    expect(error.file).toBe('content/briefings/test.mdx');
  });

  it('fails the build on an alias that is itself a paragraph’s id', async () => {
    const id = paragraphId('Intro')!;
    const error = await rejection(run('Intro.\n\nOther.', { summary: {}, aliases: { [id]: paragraphId('Other')! } }));
    expect(error.message).toContain(`The alias "${id}" is also a heading's or paragraph's id`);
  });
});
