/**
 * Link-preview cards (Open Graph / Twitter `summary_large_image`), drawn at build time
 * without a browser: satori lays the card out to SVG, resvg rasterises it to a PNG.
 *
 * Pure TypeScript, no Astro imports, so it runs the same from a page endpoint, a tool
 * script or a unit test. Fonts are read once per process and kept in module scope.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { Font } from 'satori';
import { plainLabel, type DiagramGraph } from './diagram-words.ts';
import { siteTitle } from './site.ts';

export type CardInput = {
  /** The big line: a section heading or a page title. Clamped to three lines. */
  title: string;
  /** Beneath the title, e.g. the briefing a section belongs to. One line. */
  subtitle?: string;
  /** Small label above the title, e.g. "Briefing · 1 February 2025". */
  kicker?: string;
  /** Bottom line, e.g. the page's host and path. One line. */
  footer?: string;
  /** The section's picture, drawn under the title in place of the subtitle. */
  picture?: CardPicture;
};

/** One bar of a bar chart: its label, the figure printed beside it and its length. */
export type CardBar = { label: string; value: string; amount: number };

export type CardPicture =
  /**
   * A diagram redrawn from Mermaid's parse (the render cache's `.json`): its groups with their
   * titles and key nodes, in the author's fills, at sizes a chat preview can read.
   */
  { kind: 'graph'; graph: DiagramGraph; themeCss: string }
  /** Horizontal bars, lengths proportional to `amount`, with a caption under them. */
  | { kind: 'bars'; bars: CardBar[]; caption: string };

export type CardSvgOptions = {
  /**
   * Draw text as glyph paths (default, what the PNG uses) or, with `false`, as SVG
   * `<text>` elements naming the font: handy to inspect or test what the card says.
   */
  embedFont?: boolean;
};

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The light palette of src/styles/global.css; every text colour is ≥ 4.5:1 on its background. */
export const cardPalette = {
  bg: '#ffffff',
  text: '#1b1d21',
  textSoft: '#4a4f58',
  border: '#d9dce1',
  accent: '#1f5fbf',
  /** The logo's "A". */
  onAccent: '#ffffff',
} as const;

/**
 * Inter comes in subsets by script. Each gets its own family name, because satori only
 * falls back between families: Latin first, then the rest for names like "Łódź", "Dvořák",
 * "Ελληνικά" or "Привет".
 */
const FONT_SUBSETS = [
  ['Inter', 'latin'],
  ['Inter Latin Ext', 'latin-ext'],
  ['Inter Greek', 'greek'],
  ['Inter Cyrillic', 'cyrillic'],
  ['Inter Vietnamese', 'vietnamese'],
] as const;
const FONT_WEIGHTS = [400, 700] as const;
const FONT_FAMILY = FONT_SUBSETS.map(([name]) => `"${name}"`).join(', ');

let fontsPromise: Promise<Font[]> | undefined;

/** Inter from @fontsource/inter, resolved from this module so any working directory works. */
function loadFonts(): Promise<Font[]> {
  fontsPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const files = FONT_SUBSETS.flatMap(([name, subset]) => FONT_WEIGHTS.map((weight) => ({ name, subset, weight })));
    return Promise.all(
      files.map(async ({ name, subset, weight }): Promise<Font> => ({
        name,
        data: await readFile(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
        weight,
        style: 'normal',
      })),
    );
  })();
  // A failed read should not poison the cache for the next call.
  fontsPromise.catch(() => {
    fontsPromise = undefined;
  });
  return fontsPromise;
}

/** The subset of a React element satori reads; plain objects, so no React or JSX needed. */
type Style = Record<string, string | number>;
type CardNode = {
  type: string;
  props: { style?: Style; children?: CardChild | CardChild[]; [attribute: string]: unknown };
};
type CardChild = CardNode | string;

function el(type: string, style: Style, children?: CardChild | CardChild[], attributes: Record<string, unknown> = {}): CardNode {
  return { type, props: { ...attributes, style, ...(children === undefined ? {} : { children }) } };
}

/** The site logo: accent rounded square with a white "A", as in the header. */
function logo(size: number): CardNode {
  return el('svg', { width: size, height: size, flexShrink: 0 }, [
    el('rect', {}, undefined, { x: 0, y: 0, width: 32, height: 32, rx: 7, fill: cardPalette.accent }),
    el('path', {}, undefined, { d: 'M9 22 14.5 9h3L23 22h-3.2l-1.2-3h-5.2l-1.2 3zm5.1-5.6h3.8L16 11.6z', fill: cardPalette.onAccent }),
  ], { width: size, height: size, viewBox: '0 0 32 32' });
}

/**
 * Symbols Inter's subsets lack, spelled with characters they have. Inter draws "->", "<-"
 * and "=>" as arrows, so those still look like arrows on the card.
 */
const SYMBOL_SPELLINGS: Readonly<Record<string, string>> = {
  '→': '->',
  '←': '<-',
  '⇒': '=>',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
};

/**
 * Card text: symbols respelled, characters no font has (emoji, CJK, …) dropped instead of
 * drawn as "no glyph" boxes, whitespace collapsed so a heading with line breaks in its
 * source lays out as the page shows it.
 */
function clean(text: string | undefined, drop: ReadonlySet<string>): string {
  let out = '';
  for (const char of text ?? '') {
    const spelled = SYMBOL_SPELLINGS[char] ?? char;
    if (!drop.has(spelled)) out += spelled;
  }
  return out.replace(/[\uFE0E\uFE0F\u200D]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Title size from its length: big enough to read when the card is shown ~450 px wide,
 * smaller for long headings so more of them fits in the three lines.
 */
export function titleFontSize(title: string): number {
  const length = [...title].length;
  if (length <= 40) return 72;
  if (length <= 70) return 64;
  return 56;
}

/** One line of text that ends in an ellipsis when it does not fit. */
function oneLine(style: Style, text: string): CardNode {
  return el('div', { ...style, display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '100%' }, text);
}

/** The light value of each `--dg-*: light-dark(light, dark)` colour in src/styles/diagram.css. */
function diagramLightPalette(themeCss: string): Record<string, string> {
  const palette: Record<string, string> = {};
  for (const m of themeCss.matchAll(/--(dg-[\w-]+):\s*light-dark\(\s*(#[0-9a-f]{3,8})\s*,/gi)) palette[m[1]!] = m[2]!;
  for (const name of ['dg-node-fill', 'dg-node-stroke', 'dg-cluster-fill', 'dg-cluster-stroke', 'dg-line']) {
    if (!palette[name]) throw new Error(`src/styles/diagram.css defines no --${name}: light-dark(…) colour for the card's diagram.`);
  }
  return palette;
}

/** The picture's width on the card: the text column's. */
const PICTURE_WIDTH = 1032;

/** The smallest text on a card, in px of the 1200×630 image: legible when a chat shows it 600 px wide. */
export const CARD_MIN_FONT = 26;

/** Groups drawn on a diagram card, and nodes drawn in each. */
const CARD_GROUPS = 3;
const CARD_NODES = 2;
/** The height a diagram's groups get under a two-line title. */
const GRAPH_BOX_HEIGHT = 215;

/**
 * The nodes worth naming on a card: the author's styled ones first, then the most connected,
 * then in the order Mermaid parsed them.
 */
function keyNodes(graph: DiagramGraph, ids: string[]): { label: string; fill: string | undefined }[] {
  const degree = new Map<string, number>();
  for (const edge of graph.edges ?? []) for (const id of [edge.start, edge.end]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const nodes = (graph.nodes ?? []).filter((node) => ids.includes(node.id));
  const rank = (node: (typeof nodes)[number]) => (node.fill ? 1000 : 0) + (degree.get(node.id) ?? 0);
  return [...nodes]
    .map((node, order) => ({ node, order }))
    .sort((a, b) => rank(b.node) - rank(a.node) || a.order - b.order)
    .map(({ node }) => ({ label: plainLabel(node), fill: node.fill }));
}

/** A diagram's groups as columns of labelled boxes, in the page's light palette and the author's fills. */
function graphNode(graph: DiagramGraph, themeCss: string, drop: ReadonlySet<string>): CardNode {
  const colour = diagramLightPalette(themeCss);
  const nested = new Set((graph.subgraphs ?? []).flatMap((g) => g.nodes));
  const loose = (graph.nodes ?? []).map((n) => n.id).filter((id) => !nested.has(id));
  const groups = [
    ...(graph.subgraphs ?? []).map((g) => ({ title: plainLabel({ text: g.title, ...(g.labelType ? { labelType: g.labelType } : {}) }), ids: g.nodes })),
    ...(loose.length > 0 && (graph.subgraphs ?? []).length < CARD_GROUPS ? [{ title: '', ids: loose }] : []),
  ].slice(0, CARD_GROUPS);
  const perGroup = groups.length === 1 ? CARD_NODES * 2 : CARD_NODES;
  const columns = groups.map((group) => {
    const nodes = keyNodes(graph, group.ids);
    const shown = nodes.slice(0, perGroup);
    return el('div', { display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0, gap: 8, padding: '10px 14px', borderRadius: 10, backgroundColor: colour['dg-cluster-fill']!, border: `2px solid ${colour['dg-cluster-stroke']!}` }, [
      ...(group.title ? [oneLine({ fontSize: CARD_MIN_FONT, fontWeight: 700, color: cardPalette.text }, clean(group.title, drop))] : []),
      el('div', groups.length === 1 ? { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', gap: 10 } : { display: 'flex', flexDirection: 'column', gap: 8 }, shown.map((node) =>
        oneLine({ fontSize: CARD_MIN_FONT, color: '#1b1d21', backgroundColor: node.fill ?? colour['dg-node-fill']!, border: `2px solid ${colour['dg-node-stroke']!}`, borderRadius: 8, padding: '4px 12px' }, clean(node.label, drop)),
      )),
      ...(nodes.length > shown.length ? [oneLine({ fontSize: CARD_MIN_FONT, color: cardPalette.textSoft }, `+ ${nodes.length - shown.length} more`)] : []),
    ]);
  });
  return el('div', { display: 'flex', gap: 16, width: PICTURE_WIDTH, height: GRAPH_BOX_HEIGHT, overflow: 'hidden', marginTop: 12 }, columns);
}

function pictureNode(picture: CardPicture, drop: ReadonlySet<string>): CardNode {
  if (picture.kind === 'graph') return graphNode(picture.graph, picture.themeCss, drop);
  const longest = Math.max(...picture.bars.map((b) => b.amount));
  const rows = picture.bars.map((bar, i) =>
    el('div', { display: 'flex', alignItems: 'center', gap: 20, height: 56 }, [
      oneLine({ width: 240, fontSize: 30, fontWeight: 700, color: cardPalette.text }, clean(bar.label, drop)),
      el('div', {
        width: Math.max(4, Math.round((560 * bar.amount) / longest)),
        height: 44,
        borderRadius: 6,
        backgroundColor: i === 0 ? cardPalette.textSoft : cardPalette.accent,
      }),
      el('div', { fontSize: 36, fontWeight: 700, color: cardPalette.text }, clean(bar.value, drop)),
    ]),
  );
  return el('div', { display: 'flex', flexDirection: 'column', gap: 12, marginTop: 20 }, [
    ...rows,
    oneLine({ fontSize: 26, color: cardPalette.textSoft, marginTop: 4 }, clean(picture.caption, drop)),
  ]);
}

/**
 * The element tree satori lays out; exported for tests and previews. `drop` holds the
 * characters to leave out because no loaded font has them.
 */
export function cardTree(input: CardInput, drop: ReadonlySet<string> = new Set()): CardNode {
  const title = clean(input.title, drop) || siteTitle;
  const subtitle = clean(input.subtitle, drop);
  const kicker = clean(input.kicker, drop);
  const footer = clean(input.footer, drop);
  // A card with a picture gives the title less room: at most 56 px, two lines.
  const size = input.picture ? Math.min(input.picture.kind === 'graph' ? 48 : 56, titleFontSize(title)) : titleFontSize(title);
  const lines = input.picture ? 2 : 3;
  const lineHeight = 1.12;

  const header = el('div', { display: 'flex', alignItems: 'center', gap: 20 }, [
    logo(60),
    el('div', { fontSize: 32, fontWeight: 700, color: cardPalette.text, letterSpacing: -0.2 }, siteTitle),
  ]);

  const middle: CardNode[] = [];
  if (kicker) {
    middle.push(oneLine({ fontSize: 26, fontWeight: 700, color: cardPalette.accent, letterSpacing: 0.5, textTransform: 'uppercase', marginBottom: 18 }, kicker));
  }
  middle.push(
    el(
      'div',
      {
        display: 'block',
        fontSize: size,
        fontWeight: 700,
        lineHeight,
        letterSpacing: -1,
        color: cardPalette.text,
        lineClamp: lines,
        // A long URL-like word wraps rather than running off the card.
        overflowWrap: 'anywhere',
        overflow: 'hidden',
        maxHeight: Math.ceil(size * lineHeight * lines) + 2,
      },
      title,
    ),
  );
  if (input.picture) {
    middle.push(pictureNode(input.picture, drop));
  } else if (subtitle) {
    middle.push(oneLine({ fontSize: 34, fontWeight: 400, color: cardPalette.textSoft, marginTop: 22 }, subtitle));
  }

  const body = el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, minHeight: 0, overflow: 'hidden' }, middle);

  const column: CardNode[] = [header, body];
  if (footer) {
    column.push(
      el('div', { display: 'flex', borderTop: `2px solid ${cardPalette.border}`, paddingTop: 20 }, [
        oneLine({ fontSize: 26, color: cardPalette.textSoft }, footer),
      ]),
    );
  }

  return el(
    'div',
    {
      display: 'flex',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      backgroundColor: cardPalette.bg,
      fontFamily: FONT_FAMILY,
      color: cardPalette.text,
    },
    [
      el('div', { width: 16, height: '100%', backgroundColor: cardPalette.accent, flexShrink: 0 }),
      el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, padding: '52px 80px 44px 72px', gap: 24 }, column),
    ],
  );
}

/** The card as SVG (satori). */
export async function renderCardSvg(input: CardInput, options: CardSvgOptions = {}): Promise<string> {
  const fonts = await loadFonts();
  const missing = new Set<string>();
  const render = (drop: ReadonlySet<string>): Promise<string> =>
    satori(cardTree(input, drop), {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      fonts,
      embedFont: options.embedFont ?? true,
      // Satori asks for a font for each run of text no loaded font covers.
      loadAdditionalAsset: async (_language, segment) => {
        for (const char of segment) missing.add(char);
        return [];
      },
    });
  const svg = await render(new Set());
  // Rare: lay out again without the uncovered characters, rather than show "no glyph" boxes.
  return missing.size === 0 ? svg : render(new Set(missing));
}

/** The card as a 1200×630 PNG (resvg). Same input, same bytes. */
export async function renderCardPng(input: CardInput): Promise<Uint8Array> {
  const svg = await renderCardSvg(input);
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: CARD_WIDTH },
    // Text is already glyph paths: no system fonts, so no machine-dependent output.
    font: { loadSystemFonts: false },
  })
    .render()
    .asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
