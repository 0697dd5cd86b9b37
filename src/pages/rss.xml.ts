import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { sortNewestFirst } from '../lib/briefings.ts';
import { siteDescription, siteTitle } from '../lib/site.ts';
import { briefingPath, url } from '../lib/urls.ts';

export async function GET(context: APIContext) {
  if (!context.site) throw new Error('`site` must be set in astro.config.mjs to build the RSS feed.');
  const briefings = sortNewestFirst(await getCollection('briefings'));
  return rss({
    title: siteTitle,
    description: siteDescription,
    // The feed's links must carry the base (e.g. /ai-briefing) as well as the origin.
    site: new URL(url('/'), context.site).href,
    items: briefings.map((entry) => ({
      title: entry.data.title,
      description: entry.data.description,
      pubDate: entry.data.pubDate,
      link: new URL(url(briefingPath(entry.id)), context.site).href,
    })),
  });
}
