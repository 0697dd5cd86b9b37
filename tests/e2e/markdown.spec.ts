/**
 * Briefings for chats and AI tools: every page's Markdown twin (named in its head) holds what the
 * page shows, as GFM with no HTML and absolute links; /llms.txt links every briefing's twin and
 * /llms-full.txt holds them whole; "Copy as Markdown" copies a section's twin, says "Copied",
 * loads its code on first use, and is a plain link to the twin without JavaScript.
 *
 * The site under test is `npm run build` with the default SITE (http://localhost:4321), served on
 * another port: absolute links are followed at their path on the test server.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Code, Link, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { gzipSize } from '../../src/build/page-weight.ts';
import { LAZY_SCRIPTS } from '../../src/lib/lazy-scripts.ts';
import { diagramsInText } from '../../src/plugins/diagram-cache.ts';
import { readSeed } from '../support/seed.ts';
import { sitemapPaths } from '../support/site-pages.ts';

const SITE = 'http://localhost:4321';
const briefing = '/briefings/deepseek-three-trends/';

const parse = (markdown: string): Root => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
const all = <T extends Nodes>(tree: Root, type: T['type']): T[] => {
  const found: T[] = [];
  visit(tree, type, (node) => void found.push(node as T));
  return found;
};
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The twin's text, block by block (paragraphs, headings, table cells, code), one space between. */
const textOf = (tree: Root) => {
  const blocks: string[] = [];
  visit(tree, (node) => {
    if (!['paragraph', 'heading', 'tableCell', 'code'].includes(node.type)) return undefined;
    blocks.push(toString(node));
    return 'skip';
  });
  return squash(blocks.join(' '));
};

async function fetchText(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), `${path} is served`).toBe(200);
  return response.text();
}

/** The twin a page names in its head (a path under BASE). */
const twinOf = (page: Page) => page.locator('link[rel="alternate"][type="text/markdown"]').getAttribute('href');

/**
 * What a reader sees of a page's content: the visible text of each paragraph, list item, heading
 * and table cell in <main>, leaving out navigation (contents, pagers, a share page's way back) and
 * controls (the diagram's buttons, the calculator's live form).
 */
const visibleBlocks = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main :is(p, li, h1, h2, h3, th, td)')]
      .filter((el) => el.checkVisibility() && !el.closest('nav, .read-whole, .section-page > .kicker, .diagram-actions, .calc-form') && !el.querySelector('p, li'))
      .map((el) => el.textContent ?? '')
      .filter((text) => text.trim() !== ''),
  );

test('every page names a Markdown twin that holds its text, as GFM with no HTML and absolute links', async ({ page, request }) => {
  expect(sitemapPaths.length).toBeGreaterThanOrEqual(12);
  for (const path of sitemapPaths) {
    await page.goto(path);
    const href = await twinOf(page);
    expect(href, `${path} names its twin`).toMatch(/\.md$/);
    const markdown = await fetchText(request, href!);
    const tree = parse(markdown);
    expect(all(tree, 'html'), `${href} has HTML in it`).toEqual([]);
    expect(markdown.replace(/```[\s\S]*?```/g, ''), `${href} has a tag in it`).not.toMatch(/<\/?[a-z][a-z0-9-]*(\s[^>]*)?>/i);
    for (const link of all<Link>(tree, 'link')) expect(link.url, `${href}: a relative link`).toMatch(/^https?:\/\//);
    const text = textOf(tree);
    const missing = (await visibleBlocks(page)).map(squash).filter((block) => !text.includes(block));
    expect(missing, `${href} lacks what ${path} shows`).toEqual([]);
    // The last line links to the page itself, at its canonical (absolute) address.
    const last = tree.children.at(-1);
    expect(last && all<Link>({ type: 'root', children: [last] } as Root, 'link').map((l) => l.url)).toEqual([`${SITE}${path}`]);
  }
});

test("the briefing's twin holds the source's every sentence, the computed prices and the diagram's Mermaid source", async ({ request }) => {
  const tree = parse(await fetchText(request, '/briefings/deepseek-three-trends.md'));
  const text = textOf(tree);
  const seed = readSeed();
  for (const sentence of [...seed.trendTitles, ...seed.trendPoints, seed.corePoint, seed.fundamentalPoint, ...seed.framework, ...seed.paragraphs]) {
    expect(text, 'a seed sentence').toContain(squash(sentence.replace(/\*\*/g, '')));
  }
  // As src/lib/pricing.ts computes them: $60 vs $2.19 per million output tokens, 27.4x, 96.35%.
  for (const figure of ['$60.00', '$2.19', '27.4x', '96.35%']) expect(text).toContain(figure);
  const table = all<Nodes & { type: 'table' }>(tree, 'table')[0];
  expect(table && toString(table.children[1]!)).toMatch(/Output\s*\$60\.00\s*\$2\.19\s*27\.4x\s*96\.35%/);
  const mermaid = all<Code>(tree, 'code').filter((c) => c.lang === 'mermaid');
  const mdx = 'content/briefings/deepseek-three-trends.mdx';
  expect(mermaid.map((c) => c.value)).toEqual(diagramsInText(readFileSync(mdx, 'utf8'), mdx).map((d) => d.source));
  for (const line of seed.diagram.split('\n')) expect(mermaid[0]?.value).toContain(line);
  expect(text).toContain('The diagram in words: ');
  expect(text).toContain('DeepSeek-R1 — Comparable Performance → OpenAI Models');
});

test('llms.txt lists every briefing and the methodology, and every link in it resolves', async ({ request }) => {
  const tree = parse(await fetchText(request, '/llms.txt'));
  expect(tree.children[0]).toMatchObject({ type: 'heading', depth: 1 });
  expect(toString(tree.children[0]!)).toBe('AI Landscape Briefing');
  expect(tree.children[1]?.type).toBe('blockquote');
  const sections = tree.children.filter((n) => n.type === 'heading' && n.depth === 2).map((h) => toString(h));
  expect(sections).toEqual(['Briefings', 'Optional']);
  const links = all<Link>(tree, 'link').map((l) => l.url);
  const briefingPages = sitemapPaths.filter((p) => /^\/briefings\/[^/]+\/$/.test(p));
  for (const p of briefingPages) expect(links).toContain(`${SITE}${p.replace(/\/$/, '.md')}`);
  expect(links).toContain(`${SITE}/methodology.md`);
  expect(links).toContain(`${SITE}/llms-full.txt`);
  for (const url of links) {
    expect(url.startsWith(`${SITE}/`), url).toBe(true);
    expect((await request.get(url.slice(SITE.length))).status(), url).toBe(200);
  }
  // llms-full.txt holds each briefing's twin whole.
  const full = await fetchText(request, '/llms-full.txt');
  for (const p of briefingPages) expect(full).toContain(await fetchText(request, p.replace(/\/$/, '.md')));
});

test.describe('Copy as Markdown, with JavaScript', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test("copies the section's Markdown and says \"Copied\"; its code loads on first use", async ({ page, request }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(briefing);
    await page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
    const control = page.getByRole('button', { name: 'Copy as Markdown: The full letter' });
    await expect(control).toHaveAttribute('href', '/briefings/deepseek-three-trends/the-full-letter.md');
    expect(fetched.filter((p) => p.endsWith('copy-markdown.js') || p.endsWith('.md'))).toEqual([]);

    await control.click();

    const copied = await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('(nothing copied yet)').then(() => page.evaluate(() => navigator.clipboard.readText()));
    expect(copied).toBe(await fetchText(request, '/briefings/deepseek-three-trends/the-full-letter.md'));
    const lines = copied.trimEnd().split('\n');
    expect(lines[0]).toBe('# The full letter');
    expect(copied).toContain(readSeed().paragraphs[0]);
    expect(lines.at(-1)).toBe(`From AI Landscape Briefing: [The full letter — DeepSeek and the three trends it made visible](${SITE}${briefing}the-full-letter/)`);
    await expect(page.locator('[data-share-status]')).toHaveText('Copied');
    await expect(page.locator('[data-share-status]')).toHaveAttribute('role', 'status');
    expect(fetched).toContain(`/${LAZY_SCRIPTS.copyMarkdown.file}`);
    expect(page.url()).toBe(new URL(briefing, page.url()).href);
    expect(gzipSize(readFileSync(join('dist', LAZY_SCRIPTS.copyMarkdown.file))), 'its code, gzip').toBeLessThanOrEqual(2048);
  });
});

test('without JavaScript, Copy as Markdown is a link to the twin', async ({ browser, request }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(briefing);
  const controls = page.locator('a[data-copy-md]');
  expect(await controls.count()).toBeGreaterThanOrEqual(9);
  await expect(controls.first()).not.toHaveAttribute('role', 'button');
  for (const href of await controls.evaluateAll((links) => links.map((a) => a.getAttribute('href')!))) {
    expect((await request.get(href)).status(), href).toBe(200);
  }
  await context.close();
});
