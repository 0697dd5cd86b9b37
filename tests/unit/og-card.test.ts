import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { describe, it, expect, vi } from 'vitest';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardPalette,
  cardTree,
  renderCardPng,
  renderCardSvg,
  titleFontSize,
} from '../../src/lib/og-card.ts';
import type { CardInput } from '../../src/lib/og-card.ts';
import { siteTitle } from '../../src/lib/site.ts';
import { diagramsInText, readCachedDiagram } from '../../src/plugins/diagram-cache.ts';

const section: CardInput = {
  title: 'Compute is the new oil: who owns the GPUs',
  subtitle: 'The AI landscape in early 2025',
  kicker: 'Briefing · 1 February 2025',
  footer: 'ai-landscape.example/briefings/2025-02/#compute',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which a valid PNG has first, at bytes 8-32. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(view.getUint32(8)).toBe(13); // IHDR length
  expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

type SvgText = { text: string; x: number; y: number; width: number; fontSize: number };

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

/** The `<text>` runs of an SVG rendered with `embedFont: false`, in document order. */
function svgTexts(svg: string): SvgText[] {
  return [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)].map((match) => {
    const attributes = match[1] ?? '';
    const number = (name: string): number => Number(new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? NaN);
    return {
      text: (match[2] ?? '').replace(/&(?:amp|lt|gt|quot|#39|apos);/g, (entity) => entities[entity] ?? entity),
      x: number('x'),
      y: number('y'),
      width: number('width'),
      fontSize: number('font-size'),
    };
  });
}

const joined = (runs: SvgText[]): string => runs.map((run) => run.text).join('');
/** The title's runs: the ones in the title's font size. */
const titleRuns = (svg: string, title: string): SvgText[] =>
  svgTexts(svg).filter((run) => run.fontSize === titleFontSize(title));

describe('renderCardPng', () => {
  it('is a 1200x630 PNG', async () => {
    expect([CARD_WIDTH, CARD_HEIGHT]).toEqual([1200, 630]);
    expect(pngSize(await renderCardPng(section))).toEqual({ width: 1200, height: 630 });
    expect(pngSize(await renderCardPng({ title: 'Methodology' }))).toEqual({ width: 1200, height: 630 });
  });

  it('gives the same bytes for the same input, and other bytes for other text', async () => {
    const first = await renderCardPng(section);
    const otherTitle = await renderCardPng({ ...section, title: 'Compute is the new oil: who rents the GPUs' });
    const again = await renderCardPng({ ...section });
    expect(same(first, again)).toBe(true);
    expect(same(first, otherTitle)).toBe(false);
    // Each line is drawn: changing only it changes the picture.
    for (const field of ['subtitle', 'kicker', 'footer'] as const) {
      const changed = await renderCardPng({ ...section, [field]: `${section[field]} (changed)` });
      expect(same(first, changed), field).toBe(false);
    }
    expect(await renderCardSvg(section)).toBe(await renderCardSvg({ ...section }));
  });

  it('draws text as glyph paths, so the PNG does not depend on installed fonts', async () => {
    const svg = await renderCardSvg(section);
    expect(svg).not.toContain('<text');
    expect(svg).toMatch(/<path\b/);
  });

  it('finds its fonts from any working directory', async () => {
    const cwd = process.cwd();
    try {
      process.chdir(tmpdir());
      vi.resetModules(); // a fresh module: no fonts cached yet
      const fresh = await import('../../src/lib/og-card.ts');
      expect(pngSize(await fresh.renderCardPng(section))).toEqual({ width: 1200, height: 630 });
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('renderCardSvg text', () => {
  it('shows the site name, kicker, title, subtitle and footer', async () => {
    const text = joined(svgTexts(await renderCardSvg(section, { embedFont: false })));
    expect(text).toContain(siteTitle);
    expect(text).toContain('BRIEFING · 1 FEBRUARY 2025'); // the kicker is set in capitals
    expect(text).toContain(section.title);
    expect(text).toContain(section.subtitle);
    expect(text).toContain(section.footer);
  });

  it('leaves out the lines it is not given', async () => {
    const runs = svgTexts(await renderCardSvg({ title: 'Methodology' }, { embedFont: false }));
    expect(joined(runs)).toBe(`${siteTitle}Methodology`);
  });

  it('sizes the title by its length: large for short headings', async () => {
    expect(titleFontSize('x'.repeat(40))).toBe(72);
    expect(titleFontSize('x'.repeat(41))).toBe(64);
    expect(titleFontSize('x'.repeat(70))).toBe(64);
    expect(titleFontSize('x'.repeat(71))).toBe(56);
    const runs = titleRuns(await renderCardSvg({ title: 'Methodology' }, { embedFont: false }), 'Methodology');
    expect(joined(runs)).toBe('Methodology');
    expect(runs[0]?.fontSize).toBe(72);
  });

  it('clamps a very long title to three lines with an ellipsis, inside the card', async () => {
    const words = 'Why open-weight models caught up with the frontier labs faster than anyone predicted ';
    const title = words.repeat(4).slice(0, 300).trim();
    expect(title).toHaveLength(300);
    const svg = await renderCardSvg({ ...section, title }, { embedFont: false });
    const runs = titleRuns(svg, title);
    const shown = joined(runs);
    expect(shown.length).toBeLessThan(150);
    expect(shown.endsWith('…')).toBe(true);
    expect(title.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
    expect(new Set(runs.map((run) => run.y)).size).toBe(3);
    // The subtitle is still there, below the title.
    const subtitle = svgTexts(svg).filter((run) => run.text.length > 0 && section.subtitle?.includes(run.text) && run.fontSize === 34);
    expect(subtitle.length).toBeGreaterThan(0);
    expect(Math.min(...subtitle.map((run) => run.y))).toBeGreaterThan(Math.max(...runs.map((run) => run.y)));
    expect(pngSize(await renderCardPng({ ...section, title }))).toEqual({ width: 1200, height: 630 });
  });

  it('wraps a long word instead of running off the card', async () => {
    const title = 'a'.repeat(300);
    const runs = titleRuns(await renderCardSvg({ title, footer: `https://example.com/${'c'.repeat(200)}` }, { embedFont: false }), title);
    expect(new Set(runs.map((run) => run.y)).size).toBe(3);
    expect(joined(runs).endsWith('…')).toBe(true);
    for (const run of runs) {
      expect(run.x + run.width).toBeLessThanOrEqual(CARD_WIDTH);
      expect(run.y).toBeLessThanOrEqual(CARD_HEIGHT);
    }
  });

  it('keeps characters Inter has beyond Latin, respells a few symbols and drops what no font has', async () => {
    const runs = titleRuns(await renderCardSvg({ title: 'Łódź, Ελλάδα, Москва' }, { embedFont: false }), 'Łódź, Ελλάδα, Москва');
    expect(joined(runs)).toBe('Łódź, Ελλάδα, Москва');
    // No "no glyph" boxes: the card is the one for the text without the emoji and CJK.
    const messy = await renderCardPng({ title: 'Costs → down 🤯 10× 中文', subtitle: '≥ 4.5 contrast' });
    const plain = await renderCardPng({ title: 'Costs -> down 10×', subtitle: '>= 4.5 contrast' });
    expect(same(messy, plain)).toBe(true);
  });

  it('escapes markup-like text', async () => {
    const title = 'R&D <b>bold</b> "quoted"';
    const svg = await renderCardSvg({ title }, { embedFont: false });
    expect(joined(titleRuns(svg, title))).toBe(title);
    expect(svg).not.toContain('<b>');
  });
});

describe('cardPalette', () => {
  /** WCAG 2 contrast ratio of two #rrggbb colours. */
  function contrast(a: string, b: string): number {
    const luminance = (hex: string): number => {
      const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  }

  it('keeps every text colour at 4.5:1 or more on its background', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    for (const colour of [cardPalette.text, cardPalette.textSoft, cardPalette.accent]) {
      expect(contrast(colour, cardPalette.bg), colour).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(cardPalette.onAccent, cardPalette.accent)).toBeGreaterThanOrEqual(4.5);
  });
});

// ---- pictures: the diagram section's card and the priced trend's card ---------------------------

/** The card's pixels (RGBA), decoded from its PNG by resvg, which draws a PNG <image> 1:1. */
function pixelsOf(png: Uint8Array): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}"><image width="${CARD_WIDTH}" height="${CARD_HEIGHT}" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
}

/** How many pixels of each colour (#rrggbb) there are, among those asked for. */
function countColours(pixels: Uint8Array, colours: string[]): Record<string, number> {
  const counts = Object.fromEntries(colours.map((c) => [c, 0]));
  for (let i = 0; i < pixels.length; i += 4) {
    const hex = `#${[pixels[i]!, pixels[i + 1]!, pixels[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    if (hex in counts) counts[hex]! += 1;
  }
  return counts;
}

describe('a card with a picture', () => {
  const cacheDir = join(dirname(fileURLToPath(import.meta.url)), '../../src/plugins/diagram-cache');
  const seedSource = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../content/briefings/deepseek-three-trends.mdx'), 'utf8');
  const [diagram] = diagramsInText(seedSource, 'deepseek-three-trends.mdx');
  const themeCss = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../src/styles/diagram.css'), 'utf8');
  // The author's `style X fill:…` lines in the seed diagram.
  const authorFills = [...diagram!.source.matchAll(/^\s*style \w+ fill:(#[0-9a-f]{6})/gim)].map((m) => m[1]!.toLowerCase());
  const graph = readCachedDiagram(cacheDir, diagram!.key)!.graph;
  const diagramCard: CardInput = { ...section, title: graph.title, picture: { kind: 'graph', graph, themeCss } };

  /** Every font size in the element tree handed to satori. */
  const fontSizes = (node: unknown): number[] => {
    if (typeof node !== 'object' || node === null) return [];
    const { props } = node as { props?: { style?: { fontSize?: number }; children?: unknown } };
    const own = props?.style?.fontSize === undefined ? [] : [props.style.fontSize];
    const children = props?.children;
    return [...own, ...(Array.isArray(children) ? children : [children]).flatMap(fontSizes)];
  };

  it('redraws the diagram from Mermaid\'s parse: its group titles and key nodes as words, none under 26 px', async () => {
    expect(graph.title, 'the card is titled with the diagram\'s accTitle').toBe('How DeepSeek connects the three trends');
    const sizes = fontSizes(cardTree(diagramCard));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(26);
    const text = joined(svgTexts(await renderCardSvg(diagramCard, { embedFont: false })));
    // Each group is named (a long title may end in an ellipsis), and every node the author styled is there.
    for (const group of graph.subgraphs!) expect(text).toContain(group.title.slice(0, 12));
    const styled = graph.nodes!.filter((n) => n.fill);
    expect(styled.map((n) => n.fill), 'Mermaid\'s parse holds the author\'s fills').toEqual(['#aaddff', '#99ddff', '#ccffcc', '#aaffaa', '#ffeeaa', '#ffccaa']);
    for (const node of styled) expect(text).toContain(node.text);
  });

  it('draws the key nodes in the author\'s six fills, each a node-sized patch, and the same bytes each time', async () => {
    expect(authorFills).toEqual(['#aaddff', '#ccffcc', '#ffeeaa', '#99ddff', '#aaffaa', '#ffccaa']);
    const pixels = pixelsOf(await renderCardPng(diagramCard));
    const counts = countColours(pixels, authorFills);
    // A node box on the card is about 300 x 40 px.
    for (const fill of authorFills) expect(counts[fill], `pixels of ${fill}`).toBeGreaterThan(4000);
    // Without the picture none of those colours is on the card.
    const plain = countColours(pixelsOf(await renderCardPng({ ...section, title: 'The diagram' })), authorFills);
    expect(Object.values(plain)).toEqual(authorFills.map(() => 0));
    const [a, b] = [await renderCardPng(diagramCard), await renderCardPng(diagramCard)];
    expect(same(a, b)).toBe(true);
  });

  it('draws price bars whose lengths follow the amounts, with their figures as text', async () => {
    const card: CardInput = {
      ...section,
      title: 'Open Weight Models and Commoditization',
      picture: { kind: 'bars', caption: 'Price per million output tokens', bars: [{ label: 'OpenAI o1', value: '$60.00', amount: 60 }, { label: 'DeepSeek R1', value: '$2.19', amount: 2.19 }] },
    };
    const svg = await renderCardSvg(card, { embedFont: false });
    const text = joined(svgTexts(svg));
    for (const words of ['OpenAI o1', '$60.00', 'DeepSeek R1', '$2.19', 'Price per million output tokens']) expect(text).toContain(words);
    // The bars: the first in the soft text colour, the second in the accent.
    const pixels = pixelsOf(await renderCardPng(card));
    const counts = countColours(pixels, [cardPalette.textSoft, cardPalette.accent]);
    const long = counts[cardPalette.textSoft]!;
    expect(long).toBeGreaterThan(560 * 40);
    // The accent also paints the side stripe, logo and kicker: subtract a card without bars.
    const base = countColours(pixelsOf(await renderCardPng({ ...card, picture: { kind: 'bars', caption: '', bars: [] } })), [cardPalette.accent]);
    const short = counts[cardPalette.accent]! - base[cardPalette.accent]!;
    expect(short / long).toBeGreaterThan(0.02);
    expect(short / long).toBeLessThan(0.1);
  });
});
