/**
 * Link-preview card images (1200x630 PNG), one per page and per shareable section, made at
 * build time from the same data as the pages (no browser). BaseLayout points og:image here.
 */
import type { APIContext, GetStaticPaths } from 'astro';
import { getCollection, render } from 'astro:content';
import { sortNewestFirst } from '../../lib/briefings.ts';
import { renderCardPng, type CardInput } from '../../lib/og-card.ts';
import { sharePath, type SectionRecord } from '../../lib/sections.ts';
import { ogImagePath } from '../../lib/social.ts';
import { formatDate, siteDescription } from '../../lib/site.ts';
import { briefingPath } from '../../lib/urls.ts';

type Props = { card: CardInput; pagePath: string };

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
      add(sharePath(entry.id, section.id), { kicker: `Briefing section · ${date}`, title: section.title, subtitle: entry.data.title });
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
