/**
 * A page's Markdown twin (src/lib/page-markdown.ts), from small pages shaped like the built ones:
 * what is only for the screen goes, a diagram becomes its Mermaid source and its words, a price
 * table stays a GFM table, links become absolute, and no HTML is left. The twins of the real
 * built pages are checked against their pages in tests/e2e/markdown.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Code, Link, Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { pageMarkdown } from '../../src/lib/page-markdown.ts';
import { llmsTxt } from '../../src/lib/llms-txt.ts';

const CANONICAL = 'https://acme.github.io/ai-briefing/briefings/x/';
const MERMAID = 'graph LR\n    accTitle: Two boxes\n    A[Cheap <b>tokens</b>] --> B{{"Apps & {more}"}}';

const page = (main: string, head = `<link rel="canonical" href="${CANONICAL}">`) =>
  `<!doctype html><html><head><title>A briefing · AI Landscape Briefing</title>${head}</head>` +
  `<body><header class="site-header"><a href="/ai-briefing/">Home</a></header><main id="main">${main}</main>` +
  `<footer class="site-footer"><p>Footer text</p></footer></body></html>`;

const heading =
  '<h2 id="prices">Prices<a class="permalink" aria-label="Link to section: Prices" href="#prices"><svg viewBox="0 0 16 16"><path d="M0 0"></path></svg></a>' +
  '<a class="share-link" href="https://acme.github.io/ai-briefing/briefings/x/prices/" data-share aria-label="Share section: Prices"></a>' +
  '<a class="md-link" href="/ai-briefing/briefings/x/prices.md" data-copy-md aria-label="Copy as Markdown: Prices"></a></h2>';

const diagram =
  '<figure class="diagram" data-diagram="k"><figcaption>Two boxes</figcaption><div class="diagram-view"><a class="diagram-close" href="#f">Close full view</a><svg><text>Cheap tokens</text></svg></div>' +
  '<p class="diagram-actions"><a class="diagram-open" href="#full">View full size</a></p>' +
  '<details class="diagram-words"><summary>The diagram in words</summary><div class="diagram-outline"><ul><li>Cheap tokens → Apps &amp; {more}</li></ul></div></details>' +
  `<details class="diagram-source"><summary>Diagram source</summary><pre class="astro-code"><code class="language-mermaid">${MERMAID.split('\n')
    .map((line) => `<span class="line"><span class="sl-1">${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</span></span>`)
    .join('\n')}</code></pre></details></figure>`;

const table =
  '<section class="table-wrap"><table><caption>US dollars per million tokens</caption><thead><tr><th>Tokens</th><th>OpenAI o1</th><th>DeepSeek R1</th></tr></thead>' +
  '<tbody><tr><th scope="row">Output</th><td data-label="OpenAI o1">$60.00</td><td>$2.19</td></tr></tbody></table></section>';

const body =
  '<nav class="toc"><a href="#prices">Prices</a></nav>' +
  heading +
  '<p id="p-1"><a class="para-link" href="#p-1" data-share aria-label="Link to this paragraph"></a>OpenAI o1 is <span class="num">27.4x</span> the price. <a href="#price-comparison">Compare</a>, <a href="/ai-briefing/methodology/">method</a>, <a href="https://openai.com/api/pricing/">source</a>.</p>' +
  '<!-- a comment the twin must not keep -->' +
  table +
  '<fieldset class="calc-form" hidden><input name="input" value="1"><output>—</output></fieldset>' +
  '<script type="module">console.log(1)</script><style>.x{}</style>' +
  diagram;

const parse = (markdown: string): Root => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
const nodes = (tree: Root, type: Nodes['type']) => {
  const found: Nodes[] = [];
  visit(tree, type, (node) => void found.push(node));
  return found;
};

describe('a page as Markdown', () => {
  const markdown = pageMarkdown(page(body), { file: 'briefings/x/index.html' });
  const tree = parse(markdown);
  const text = toString(tree);

  it('keeps the content of <main> and nothing of the site header, footer or controls', () => {
    expect(markdown.startsWith('## Prices\n')).toBe(true);
    expect(text).toContain('OpenAI o1 is 27.4x the price.');
    for (const gone of ['Home', 'Footer text', 'View full size', 'Close full view', 'console.log', 'Link to', 'Share section', 'Copy as Markdown', '—']) expect(text).not.toContain(gone);
    expect(nodes(tree, 'heading').map((h) => toString(h))).toEqual(['Prices']);
  });

  it('leaves no HTML: no html nodes, no comment, no tag', () => {
    expect(nodes(tree, 'html')).toEqual([]);
    expect(markdown).not.toContain('<!--');
    expect(markdown.replace(/```[\s\S]*?```/g, '')).not.toMatch(/<\/?[a-z][^>]*>/i);
  });

  it('turns a diagram into its title, its Mermaid source in a mermaid block, and its words', () => {
    const code = nodes(tree, 'code') as Code[];
    expect(code.map((c) => [c.lang, c.value])).toEqual([['mermaid', MERMAID]]);
    expect(text).toContain('Two boxes');
    expect(text).toContain('The diagram in words:');
    expect(text).toContain('Cheap tokens → Apps & {more}');
    expect(text).not.toContain('Diagram source');
  });

  it('keeps a price table as a GFM table, its caption as the paragraph above it', () => {
    const [priceTable] = nodes(tree, 'table') as Table[];
    expect(priceTable?.children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([
      ['Tokens', 'OpenAI o1', 'DeepSeek R1'],
      ['Output', '$60.00', '$2.19'],
    ]);
    expect(markdown).toMatch(/US dollars per million tokens\n\n\|/);
  });

  it('makes every link absolute on the canonical URL, and ends with a link to the page', () => {
    const links = (nodes(tree, 'link') as Link[]).map((l) => l.url);
    expect(links).toEqual([
      `${CANONICAL}#price-comparison`,
      'https://acme.github.io/ai-briefing/methodology/',
      'https://openai.com/api/pricing/',
      CANONICAL,
    ]);
    expect(markdown.trimEnd().split('\n').at(-1)).toBe(`From AI Landscape Briefing: [A briefing](${CANONICAL})`);
  });

  it('names the page when it cannot make a twin', () => {
    expect(() => pageMarkdown(page(body, ''), { file: 'briefings/y/index.html' })).toThrow(/briefings\/y\/index\.html: the page has no <link rel="canonical">/);
    expect(() => pageMarkdown(page(diagram.replace(/<details class="diagram-source">[\s\S]*<\/details>/, '')), { file: 'd.html' })).toThrow(/d\.html: a diagram .* has no "Diagram source"/);
  });
});

describe('llms.txt', () => {
  const text = llmsTxt({
    title: 'AI Landscape Briefing',
    summary: 'Short, sourced briefings.',
    about: ['All in one file: ', { text: 'llms-full.txt', url: 'https://a.example/llms-full.txt' }, '.'],
    sections: [
      { name: 'Briefings', links: [{ title: 'Prices [and] *stars*', url: 'https://a.example/b.md', note: 'Cheaper_tokens <b>' }] },
      { name: 'Optional', links: [{ title: 'Method', url: 'https://a.example/m.md', note: 'How.' }] },
    ],
  });
  const tree = parse(text);

  it('is an H1, a > summary, a note, then ## sections of "- [name](url): note" links, Optional last', () => {
    expect(tree.children.map((n) => n.type)).toEqual(['heading', 'blockquote', 'paragraph', 'heading', 'list', 'heading', 'list']);
    expect(nodes(tree, 'heading').map((h) => toString(h))).toEqual(['AI Landscape Briefing', 'Briefings', 'Optional']);
    expect(toString(tree.children[1]!)).toBe('Short, sourced briefings.');
    const links = nodes(tree, 'link') as Link[];
    expect(links.map((l) => [toString(l), l.url])).toEqual([
      ['llms-full.txt', 'https://a.example/llms-full.txt'],
      ['Prices [and] *stars*', 'https://a.example/b.md'],
      ['Method', 'https://a.example/m.md'],
    ]);
    // Titles and notes are escaped, not read as Markdown or HTML.
    expect(toString(tree.children[4]!)).toBe('Prices [and] *stars*: Cheaper_tokens <b>');
    expect(nodes(tree, 'html')).toEqual([]);
  });
});
