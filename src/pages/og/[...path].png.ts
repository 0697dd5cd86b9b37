/**
 * Link-preview card images (1200x630 PNG), one per page and per shareable section, made at
 * build time from the same data as the pages (no browser). BaseLayout points og:image here.
 */
import type { APIContext, GetStaticPaths } from 'astro';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { getCachedDiagram } from '../../data/diagrams.ts';
import { getModelPrice } from '../../data/model-prices.ts';
import { sortNewestFirst } from '../../lib/briefings.ts';
import { renderCardPng, type CardInput, type CardPicture } from '../../lib/og-card.ts';
import { costOfWorkload, formatUsd, ONE_MILLION_OUTPUT } from '../../lib/pricing.ts';
import { sharePath, type SectionRecord } from '../../lib/sections.ts';
import { ogImagePath } from '../../lib/social.ts';
import { formatDate, siteDescription } from '../../lib/site.ts';
import { briefingPath } from '../../lib/urls.ts';
import themeCss from '../../styles/diagram.css?raw';

type Props = { card: CardInput; pagePath: string };

/**
 * The picture of a section's card: its diagram, redrawn from Mermaid's parse in the render cache, or for a trend with
 * prices the two prices as bars (the figures line's numbers, from the same data).
 */
async function sectionPicture(entry: CollectionEntry<'briefings'>, section: SectionRecord): Promise<CardPicture | undefined> {
  if (section.diagram) {
    return { kind: 'graph', graph: getCachedDiagram(section.diagram, `${entry.id}#${section.id}`).graph, themeCss };
  }
  const prices = entry.data.summary.trends.find((trend) => trend.id === section.id)?.prices;
  if (!prices) return undefined;
  const models = [await getModelPrice(prices.expensive), await getModelPrice(prices.cheap)];
  const bars = models.map((model) => {
    const cost = costOfWorkload(model, ONE_MILLION_OUTPUT);
    return { label: model.name, value: formatUsd(cost), amount: Number(cost) };
  });
  return { kind: 'bars', bars, caption: 'Price per million output tokens' };
}

/** The og path of a page, without '/og/' and '.png', as the rest parameter. */
const param = (pagePath: string) => ogImagePath(pagePath).slice('/og/'.length, -'.png'.length);

export const getStaticPaths = (async () => {
  const cards: { params: { path: string }; props: Props }[] = [];
  const add = (pagePath: string, card: CardInput) => cards.push({ params: { path: param(pagePath) }, props: { card, pagePath } });
  add('/', { kicker: 'Briefings', title: 'Where AI is going, sourced and computed', subtitle: siteDescription });
  add('/methodology/', { kicker: 'Methodology', title: 'How we compute these numbers', subtitle: 'Formula, price data and sources, exact arithmetic' });
  for (const entry of sortNewestFirst(await getCollection('briefings'))) {
    const date = formatDate(entry.data.pubDate);
    add(briefingPath(entry.id), { kicker: `Briefing · ${date}`, title: entry.data.title, subtitle: entry.data.description });
    const { remarkPluginFrontmatter } = await render(entry);
    for (const section of (remarkPluginFrontmatter['sections'] ?? []) as SectionRecord[]) {
      const picture = await sectionPicture(entry, section);
      // A diagram's card is titled with the diagram's own title (its accTitle), where it has one.
      const title = (picture?.kind === 'graph' && picture.graph.title) || section.title;
      add(sharePath(entry.id, section.id), { kicker: `Briefing section · ${date}`, title, subtitle: entry.data.title, ...(picture ? { picture } : {}) });
    }
  }
  return cards;
}) satisfies GetStaticPaths;

export async function GET({ props, site }: APIContext<Props>) {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const footer = site ? `${new URL(site).host}${base}${props.pagePath}` : props.pagePath;
  const png = await renderCardPng({ ...props.card, footer });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
