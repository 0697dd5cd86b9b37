/**
 * Link previews, sitemap, feed and robots.txt of the real site, built as GitHub Pages serves a
 * project site (SITE=https://acme.github.io, BASE=/ai-briefing).
 *
 * Every HTML page the sitemap lists is read from the build and checked the way a chat app or a
 * search engine would read it: its canonical URL is its own, its Open Graph and Twitter tags are
 * complete, and its card image exists in the build as a 1200x630 PNG. A share page's preview text
 * must be a sentence of that section's own text, taken from the built briefing page.
 *
 * Read from the run's shared build (tests/support/shared-site.ts). It also holds a new briefing,
 * as a team adds one, whose pages must preview as completely as the real briefing's; and the
 * root-links fixture page of tests/build/subpath-crawl.test.ts: a bare test page, listed in the
 * sitemap like any page, and left out of the checks of the site's own pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, type BuildResult } from '../../src/build/temp-site.ts';
import { BASE, NEW_BRIEFING, ROOT_LINKS_PAGE, SITE, sharedSite } from '../support/shared-site.ts';
import { PINNED_SECTION_IDS } from '../support/pinned-sections.ts';

const ROOT_URL = `${SITE}${BASE}/`;
const SLUG = 'deepseek-three-trends';
const BRIEFING_PATH = `/briefings/${SLUG}/`;
/** The shared build's new briefing (tests/support/shared-site.ts). */
const NEW_BRIEFING_PATH = `/briefings/${NEW_BRIEFING.slug}/`;
const SITE_NAME = 'AI Landscape Briefing';

const SECTION_IDS = PINNED_SECTION_IDS;

type PageSpec = { path: string; type: 'website' | 'article' };

/** A briefing's pages: its own and one share page per section. */
const briefingPages = (path: string, ids: readonly string[] = SECTION_IDS): PageSpec[] => [
  { path, type: 'article' },
  ...ids.map((id): PageSpec => ({ path: `${path}${id}/`, type: 'article' })),
];

/** Every page that must be in the sitemap (site paths, before the base). */
const PAGES: PageSpec[] = [
  { path: '/', type: 'website' },
  { path: '/methodology/', type: 'website' },
  ...briefingPages(BRIEFING_PATH),
  ...briefingPages(NEW_BRIEFING_PATH, NEW_BRIEFING.sectionIds),
];

const absolute = (path: string) => `${SITE}${BASE}${path}`;

// ---- reading the build ------------------------------------------------------------------------

let build: BuildResult;
let outDir = '';

/** The file of the build that answers an absolute URL of the site, or why there is none. */
function fileFor(url: string): string {
  if (!url.startsWith(ROOT_URL)) throw new Error(`${url} is not under ${ROOT_URL}`);
  const path = decodeURIComponent(new URL(url).pathname.slice(BASE.length));
  return join(outDir, path.endsWith('/') ? `${path}index.html` : path);
}

const parsed = new Map<string, Root>();
function page(file: string): Root {
  let tree = parsed.get(file);
  if (!tree) {
    tree = fromHtml(readFileSync(file, 'utf8'));
    parsed.set(file, tree);
  }
  return tree;
}

function elements(tree: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

const attr = (element: Element | undefined, name: string): string | undefined => {
  const value = element?.properties[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
};
const hasToken = (element: Element, name: string, token: string): boolean => {
  const value = element.properties[name];
  return Array.isArray(value) ? value.map(String).includes(token) : value === token;
};

/** Content of every `<meta property|name=key>` in the head. */
function metas(tree: Root, key: string): string[] {
  return elements(tree, (e) => e.tagName === 'meta' && (e.properties['property'] === key || e.properties['name'] === key)).map(
    (e) => attr(e, 'content') ?? '',
  );
}

/** The one `<meta>` named `key`; a missing or repeated tag fails with the page named. */
function meta(tree: Root, key: string, where: string): string {
  const values = metas(tree, key);
  expect(values, `${where}: <meta ${key}> should appear exactly once`).toHaveLength(1);
  return values[0]!;
}

function links(tree: Root, rel: string): Element[] {
  return elements(tree, (e) => e.tagName === 'link' && hasToken(e, 'rel', rel));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which a PNG has first. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect([...png.subarray(0, 8)], `${file} should be a PNG`).toEqual(PNG_SIGNATURE);
  expect(png.subarray(12, 16).toString('latin1'), `${file} should start with IHDR`).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function sitemapUrls(): string[] {
  const xml = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The text of each section of the built briefing page: its p and li texts (diagrams, details
 * and navigation left out), up to the next heading of the same or a higher level.
 */
function briefingSections(): Map<string, { title: string; blocks: string[] }> {
  const tree = page(fileFor(absolute(BRIEFING_PATH)));
  const article = elements(tree, (e) => e.tagName === 'article' && hasToken(e, 'className', 'briefing-body'))[0];
  if (!article) throw new Error('the briefing page has no article.briefing-body');
  const children = article.children.filter((c): c is Element => c.type === 'element');
  const sections = new Map<string, { title: string; blocks: string[] }>();
  children.forEach((node, index) => {
    if (node.tagName !== 'h2' && node.tagName !== 'h3') return;
    const rank = node.tagName === 'h2' ? 2 : 3;
    const blocks: string[] = [];
    for (const next of children.slice(index + 1)) {
      if (next.tagName === 'h2' || (next.tagName === 'h3' && rank === 3)) break;
      visit(next, 'element', (element: Element) => {
        if (['details', 'nav', 'figcaption', 'script', 'style'].includes(element.tagName)) return 'skip';
        // A diagram speaks through its description (<desc>), not its labels.
        if (element.tagName === 'desc') {
          const text = squash(toString(element));
          if (text) blocks.push(text);
          return 'skip';
        }
        if (element.tagName === 'p' || (element.tagName === 'li' && !element.children.some((c) => c.type === 'element' && c.tagName === 'p'))) {
          const text = squash(toString(element));
          if (text) blocks.push(text);
          return 'skip';
        }
        return undefined;
      });
    }
    sections.set(String(node.properties['id']), { title: squash(toString(node)), blocks });
  });
  return sections;
}

/**
 * Why `description` is not the first sentence of `block` (undefined when it is): a prefix of the
 * block that ends at a sentence end or the end of the block, or a prefix cut at a word and ended
 * with "…". A "sentence end" followed by a lower-case word (as after "U.S." in "the U.S. in
 * generative AI") is not one.
 */
function notFirstSentence(description: string, block: string): string | undefined {
  if (description.length > 200) return `longer than 200 characters (${description.length})`;
  if (description.endsWith('…')) {
    const kept = description.slice(0, -1);
    if (!block.startsWith(kept)) return 'is not the start of the section text';
    if (block[kept.length] !== ' ') return 'is cut inside a word';
    return undefined;
  }
  if (!block.startsWith(description)) return 'is not the start of the section text';
  const rest = block.slice(description.length);
  if (rest === '') return undefined;
  if (!/[.!?]$/.test(description)) return 'stops before the end of the sentence';
  if (/^\s+[a-z]/.test(rest)) return `stops mid-sentence, before "${rest.trim().split(' ').slice(0, 4).join(' ')}…"`;
  return undefined;
}

// ---- the build ----------------------------------------------------------------------------------

beforeAll(async () => {
  build = await sharedSite();
  outDir = build.outDir;
}, 300_000);

afterAll(() => {
  printTable();
});

const built = () => expect(build.code, `the build failed:\n${build.output}`).toBe(0);

describe('the site built for https://acme.github.io/ai-briefing', () => {
  it('builds', () => {
    built();
  });

  it('lists in its sitemap the home page, each briefing, the methodology, one share page per section (and the fixture page), and not the 404 page', () => {
    built();
    const urls = sitemapUrls();
    expect(new Set(urls).size, 'no URL twice').toBe(urls.length);
    expect([...urls].sort()).toEqual([...PAGES.map((p) => absolute(p.path)), absolute(ROOT_LINKS_PAGE)].sort());
    expect(urls.some((u) => /\/404(\.html|\/)?$/.test(u)), 'the 404 page must not be listed').toBe(false);
    for (const url of urls) expect(existsSync(fileFor(url)), `${url} → ${relative(outDir, fileFor(url))}`).toBe(true);
    const index = readFileSync(join(outDir, 'sitemap-index.xml'), 'utf8');
    expect(index).toContain(`<loc>${absolute('/sitemap-0.xml')}</loc>`);
  });

  it.each(PAGES)('$path: has complete $type link-preview tags and a 1200x630 PNG card', ({ path, type }) => {
    built();
    const url = absolute(path);
    const tree = page(fileFor(url));
    const where = path;

    const canonical = links(tree, 'canonical');
    expect(canonical, `${where}: one canonical link`).toHaveLength(1);
    expect(attr(canonical[0], 'href'), `${where}: canonical`).toBe(url);
    expect(meta(tree, 'og:url', where), `${where}: og:url`).toBe(url);
    expect(meta(tree, 'og:type', where), `${where}: og:type`).toBe(type);
    expect(meta(tree, 'og:site_name', where), `${where}: og:site_name`).toBe(SITE_NAME);

    const title = meta(tree, 'og:title', where);
    const description = meta(tree, 'og:description', where);
    expect(title.trim(), `${where}: og:title`).not.toBe('');
    expect(description.trim(), `${where}: og:description`).not.toBe('');

    const image = meta(tree, 'og:image', where);
    expect(image, `${where}: og:image is an absolute https URL under ${ROOT_URL}og/`).toMatch(
      new RegExp(`^${ROOT_URL.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}og/.+\\.png$`),
    );
    const imageFile = fileFor(image);
    expect(existsSync(imageFile), `${where}: og:image ${image} → ${relative(outDir, imageFile)} should be built`).toBe(true);
    expect(pngSize(imageFile), `${where}: ${relative(outDir, imageFile)}`).toEqual({ width: 1200, height: 630 });
    expect(meta(tree, 'og:image:type', where)).toBe('image/png');
    expect(meta(tree, 'og:image:width', where)).toBe('1200');
    expect(meta(tree, 'og:image:height', where)).toBe('630');
    expect(meta(tree, 'og:image:alt', where).trim(), `${where}: og:image:alt`).not.toBe('');

    expect(meta(tree, 'twitter:card', where)).toBe('summary_large_image');
    expect(meta(tree, 'twitter:title', where)).toBe(title);
    expect(meta(tree, 'twitter:description', where)).toBe(description);
    expect(meta(tree, 'twitter:image', where)).toBe(image);
    expect(meta(tree, 'twitter:image:alt', where).trim()).not.toBe('');
    expect(meta(tree, 'description', where), `${where}: <meta name=description> and og:description`).toBe(description);

    const themeColors = metas(tree, 'theme-color');
    expect(themeColors.length, `${where}: theme-color`).toBeGreaterThan(0);
    for (const color of themeColors) expect(color).toMatch(/^#[0-9a-f]{3,8}$/i);
  });

  it('gives every page its own og:title and its own card', () => {
    built();
    const seen = new Map<string, string[]>();
    const images = new Set<string>();
    for (const { path } of PAGES) {
      const tree = page(fileFor(absolute(path)));
      const title = metas(tree, 'og:title')[0] ?? '';
      seen.set(title, [...(seen.get(title) ?? []), path]);
      images.add(metas(tree, 'og:image')[0] ?? '');
    }
    const repeated = [...seen].filter(([, paths]) => paths.length > 1);
    expect(repeated, 'og:title shared by several pages').toEqual([]);
    expect(images.size, 'one card per page').toBe(PAGES.length);
  });

  it("titles a diagram's card with the diagram's own title (its accTitle), and other sections with their heading", () => {
    built();
    const accTitle = /^\s*accTitle:\s*(.+)$/m.exec(readFileSync(join(projectRoot, 'content/briefings/deepseek-three-trends.mdx'), 'utf8'))![1]!.trim();
    const ogTitle = (path: string) => metas(page(fileFor(absolute(path))), 'og:title')[0] ?? '';
    expect(ogTitle(`${BRIEFING_PATH}the-diagram/`)).toMatch(new RegExp(`^${accTitle} — `));
    expect(ogTitle(`${BRIEFING_PATH}core-point/`)).toMatch(/^Core point — /);
  });

  it('has an RSS feed with each briefing, linked from the head of every page', () => {
    built();
    const feed = readFileSync(join(outDir, 'rss.xml'), 'utf8');
    const items = [...feed.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
    const itemLinks = items.map((item) => /<link>([^<]+)<\/link>/.exec(item)?.[1]);
    expect(itemLinks).toContain(absolute(BRIEFING_PATH));
    expect(itemLinks).toContain(absolute(NEW_BRIEFING_PATH));
    // Every HTML file of the build, the 404 page too (not the test's own bare fixture page).
    const fixture = join(outDir, ROOT_LINKS_PAGE, 'index.html');
    const files = htmlFiles(outDir).filter((file) => file !== fixture);
    expect(files.length, 'the fixture page is left out, and only it').toBe(htmlFiles(outDir).length - 1);
    expect(files.length).toBeGreaterThanOrEqual(PAGES.length + 1);
    for (const file of files) {
      const name = relative(outDir, file);
      const alternates = elements(page(file), (e) => e.tagName === 'link' && hasToken(e, 'rel', 'alternate') && e.properties['type'] === 'application/rss+xml');
      expect(alternates, `${name}: one RSS alternate link in <head>`).toHaveLength(1);
      const pageUrl = absolute(`/${name.replace(/index\.html$/, '')}`);
      const feedUrl = new URL(attr(alternates[0], 'href') ?? '', pageUrl).href;
      expect(feedUrl, `${name}: RSS link`).toBe(absolute('/rss.xml'));
      expect(existsSync(fileFor(feedUrl)), `${name}: ${feedUrl} should be a file of the build`).toBe(true);
    }
  });

  it('names the sitemap index in robots.txt', () => {
    built();
    const robots = readFileSync(join(outDir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^Sitemap: https:\/\/acme\.github\.io\/ai-briefing\/sitemap-index\.xml$/m);
    expect(existsSync(join(outDir, 'sitemap-index.xml'))).toBe(true);
  });

  it('gives the 404 page neither a canonical URL nor link-preview tags', () => {
    built();
    const tree = page(join(outDir, '404.html'));
    expect(links(tree, 'canonical')).toEqual([]);
    expect(metas(tree, 'og:url')).toEqual([]);
    expect(metas(tree, 'og:image')).toEqual([]);
  });
});

describe('the share pages', () => {
  it('has a share link on every section heading of the briefing, pointing at its share page', () => {
    built();
    const tree = page(fileFor(absolute(BRIEFING_PATH)));
    const headings = elements(tree, (e) => (e.tagName === 'h2' || e.tagName === 'h3') && SECTION_IDS.includes(e.properties['id'] as never));
    expect(headings.map((h) => h.properties['id'])).toEqual([...SECTION_IDS]);
    for (const heading of headings) {
      const id = String(heading.properties['id']);
      const share = elements(heading, (e) => e.tagName === 'a' && hasToken(e, 'className', 'share-link'));
      expect(share, `#${id}: one share link`).toHaveLength(1);
      expect(share[0]!.properties['dataShare'], `#${id}: data-share`).toBeDefined();
      expect(attr(share[0], 'href'), `#${id}: share link`).toBe(absolute(`${BRIEFING_PATH}${id}/`));
    }
  });

  it.each(SECTION_IDS)('%s: shows the section, its briefing, the way back and its neighbours', (id) => {
    built();
    const sections = briefingSections();
    const section = sections.get(id);
    expect(section, `the briefing page has no section #${id}`).toBeDefined();
    const tree = page(fileFor(absolute(`${BRIEFING_PATH}${id}/`)));
    const h1 = elements(tree, (e) => e.tagName === 'h1');
    expect(h1.map((h) => squash(toString(h)))).toEqual([section!.title]);
    const text = squash(toString(elements(tree, (e) => e.tagName === 'main')[0]!));
    expect(text).toContain('DeepSeek and the three trends it made visible');
    expect(text).toContain('1 February 2025');
    for (const block of section!.blocks.slice(0, 3)) {
      // Component output (the trend's price line) is not part of the recorded section text.
      if (/^By the numbers:/.test(block)) continue;
      expect(text, `share page of #${id} should carry: ${block.slice(0, 60)}…`).toContain(block);
    }

    const anchors = elements(tree, (e) => e.tagName === 'a');
    const whole = anchors.filter((a) => squash(toString(a)).startsWith('Read the whole briefing'));
    expect(whole.map((a) => attr(a, 'href'))).toEqual([`${BASE}${BRIEFING_PATH}#${id}`]);

    const index = SECTION_IDS.indexOf(id);
    const prev = anchors.filter((a) => hasToken(a, 'rel', 'prev')).map((a) => attr(a, 'href'));
    const next = anchors.filter((a) => hasToken(a, 'rel', 'next')).map((a) => attr(a, 'href'));
    expect(prev).toEqual(index > 0 ? [`${BASE}${BRIEFING_PATH}${SECTION_IDS[index - 1]}/`] : []);
    expect(next).toEqual(index < SECTION_IDS.length - 1 ? [`${BASE}${BRIEFING_PATH}${SECTION_IDS[index + 1]}/`] : []);
  });

  it.each(SECTION_IDS)("%s: previews as one sentence of the section's own text", (id) => {
    built();
    const section = briefingSections().get(id)!;
    const tree = page(fileFor(absolute(`${BRIEFING_PATH}${id}/`)));
    const description = meta(tree, 'og:description', id);
    if (section.blocks.length === 0) {
      // No text of its own (the diagram): the briefing's description stands in.
      const briefing = page(fileFor(absolute(BRIEFING_PATH)));
      expect(description).toBe(meta(briefing, 'og:description', BRIEFING_PATH));
      return;
    }
    const problem = notFirstSentence(description, section.blocks[0]!);
    expect(problem, `og:description of #${id} "${description}" ${problem ?? ''}\n  section text: "${section.blocks[0]}"`).toBeUndefined();
    if (id === 'core-point') expect(description.startsWith('The emergence of DeepSeek')).toBe(true);
  });
});

describe('share pages show their section as the briefing does', () => {
  const sharePage = (id: string) => page(fileFor(absolute(`${BRIEFING_PATH}${id}/`)));
  const mainOf = (tree: Root) => elements(tree, (e) => e.tagName === 'main')[0]!;
  const briefingHref = `${BASE}${BRIEFING_PATH}`;

  // A share page is often the only page a reader opens from a chat, and the letter's is the letter
  // itself, reproduced verbatim: each one says where its text came from, as the briefing page does.
  // The facts are the briefing's frontmatter (content/briefings/deepseek-three-trends.mdx).
  it.each(SECTION_IDS)('%s: names the source of the text: how it came, when, its title, and that it names no author or address', (id) => {
    built();
    const notes = elements(mainOf(sharePage(id)), (e) => e.tagName === 'footer' && hasToken(e, 'className', 'source-note'));
    expect(notes, `share page of #${id}: one source note in <main>`).toHaveLength(1);
    const note = squash(toString(notes[0]!));
    expect(note).toContain('Source and attribution');
    // "The letter above" is only on the briefing page itself, where the letter is above the note.
    expect(note).toContain('This briefing’s letter is reproduced verbatim from a source received as: Text file upload, captured 1 February 2025, 18:22 UTC');
    expect(note).toContain('titled “The buzz over DeepSeek this week crystallized, for”.');
    expect(note).toContain('The source names no author. The source gives no web address.');
    expect(note).not.toContain('The letter above');
  });

  it('the briefing page ends its article with the same note, about the letter above it', () => {
    built();
    const article = elements(page(fileFor(absolute(BRIEFING_PATH))), (e) => e.tagName === 'article' && hasToken(e, 'className', 'briefing-body'))[0]!;
    const last = article.children.filter((c): c is Element => c.type === 'element').at(-1)!;
    expect(hasToken(last, 'className', 'source-note'), 'the last element of the article is the source note').toBe(true);
    expect(squash(toString(last))).toContain('The letter above is reproduced verbatim from a source received as: Text file upload, captured 1 February 2025, 18:22 UTC');
  });

  it.each(SECTION_IDS)('%s: no id twice, and every #link lands on this page', (id) => {
    built();
    const tree = sharePage(id);
    const ids = elements(tree, (e) => typeof e.properties['id'] === 'string').map((e) => String(e.properties['id']));
    expect(ids.filter((x, i) => ids.indexOf(x) !== i), `${id}: repeated ids`).toEqual([]);
    const local = elements(tree, (e) => e.tagName === 'a')
      .map((a) => attr(a, 'href') ?? attr(a, 'xLinkHref') ?? '')
      .filter((href) => href.startsWith('#'));
    for (const href of local) expect(ids, `${id}: ${href} has no target on the page`).toContain(href.slice(1));
  });

  it('the-diagram: holds the diagram itself, its full view and its text alternative, with node links to the briefing', () => {
    built();
    const main = mainOf(sharePage('the-diagram'));
    const figure = elements(main, (e) => e.tagName === 'figure' && hasToken(e, 'className', 'diagram'));
    expect(figure).toHaveLength(1);
    const svg = elements(figure[0]!, (e) => e.tagName === 'svg' && attr(e, 'ariaRoleDescription') === 'flowchart-v2');
    expect(svg).toHaveLength(1);
    expect(elements(svg[0]!, (e) => hasToken(e, 'className', 'node'))).toHaveLength(18);
    const open = elements(figure[0]!, (e) => e.tagName === 'a' && squash(toString(e)) === 'View full size');
    expect(open).toHaveLength(1);
    const full = attr(open[0], 'href')!.slice(1);
    expect(elements(figure[0]!, (e) => e.properties['id'] === full), 'the full view it targets').toHaveLength(1);
    expect(elements(figure[0]!, (e) => hasToken(e, 'className', 'diagram-outline'))).toHaveLength(1);
    const nodeLinks = elements(svg[0]!, (e) => e.tagName === 'a').map((a) => attr(a, 'xLinkHref') ?? attr(a, 'href'));
    expect(nodeLinks).toEqual([`${briefingHref}#chinas-rise`, `${briefingHref}#open-weight-commoditization`, `${briefingHref}#beyond-scaling`]);
    // The viewer's first-use loader comes with it.
    expect(elements(sharePage('the-diagram'), (e) => e.tagName === 'script' && toString(e).includes('data-diagram-open'))).toHaveLength(1);
  });

  it('open-weight-commoditization: has its figures line, linking to the price comparison in the briefing', () => {
    built();
    const main = mainOf(sharePage('open-weight-commoditization'));
    const line = elements(main, (e) => e.tagName === 'p' && hasToken(e, 'className', 'trend-prices'));
    expect(line).toHaveLength(1);
    expect(squash(toString(line[0]!))).toMatch(/^By the numbers: OpenAI o1 costs \$60\.00 per million output tokens, DeepSeek R1 \$2\.19/);
    const links = elements(line[0]!, (e) => e.tagName === 'a').map((a) => attr(a, 'href'));
    expect(links).toEqual([`${briefingHref}#price-comparison`]);
  });

  it('the-full-letter: has the letter, its price claim and the price comparison aside', () => {
    built();
    const main = mainOf(sharePage('the-full-letter'));
    const text = squash(toString(main));
    expect(text).toContain('The buzz over DeepSeek this week crystallized');
    expect(text).toContain('This continues to be a great time to build!');
    expect(elements(main, (e) => hasToken(e, 'className', 'price-claim'))).toHaveLength(1);
    const aside = elements(main, (e) => e.tagName === 'aside' && hasToken(e, 'className', 'price-comparison'));
    expect(aside).toHaveLength(1);
    expect(elements(aside[0]!, (e) => e.tagName === 'table').length).toBeGreaterThan(0);
  });
});

/** page → og:title → image, for the log. */
function printTable(): void {
  if (build?.code !== 0 || !outDir) return;
  const rows = PAGES.map(({ path }) => {
    const tree = page(fileFor(absolute(path)));
    const image = metas(tree, 'og:image')[0] ?? '(none)';
    return [path, metas(tree, 'og:title')[0] ?? '(none)', image.replace(ROOT_URL, '/')];
  });
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `${r[0]!.padEnd(widths[0]!)}  →  ${r[1]!.padEnd(widths[1]!)}  →  ${r[2]}`;
  console.log(`link previews (page → og:title → image), ${ROOT_URL}\n${rows.map(line).join('\n')}`);
}
