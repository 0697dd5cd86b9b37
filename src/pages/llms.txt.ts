/**
 * `/llms.txt` (llmstxt.org): the site for AI tools, linking each briefing's Markdown twin. The
 * twins and `/llms-full.txt` are written after the build (src/build/markdown-twins.ts).
 */
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { sortNewestFirst } from '../lib/briefings.ts';
import { llmsTxt } from '../lib/llms-txt.ts';
import { formatDate, siteDescription, siteTitle } from '../lib/site.ts';
import { absoluteUrl, briefingPath, markdownPath } from '../lib/urls.ts';
import { frontmatter as methodology } from './methodology.mdx';

export async function GET(context: APIContext) {
  const at = (path: string) => absoluteUrl(path, context.site);
  const body = llmsTxt({
    title: siteTitle,
    summary: siteDescription,
    about: [
      'Each briefing is one Markdown file: its trends, core and fundamental points, framework, price figures, ' +
        'its diagram as Mermaid source and in words, and the full text of its source. Each section of a briefing ' +
        "has a Markdown file of its own, linked from the briefing's page. Every briefing in one file: ",
      { text: 'llms-full.txt', url: at('/llms-full.txt') },
      '.',
    ],
    sections: [
      {
        name: 'Briefings',
        links: sortNewestFirst(await getCollection('briefings')).map((entry) => ({
          title: entry.data.title,
          url: at(markdownPath(briefingPath(entry.id))),
          note: `${entry.data.description} (${formatDate(entry.data.pubDate)})`,
        })),
      },
      { name: 'Optional', links: [{ title: String(methodology['title']), url: at(markdownPath('/methodology/')), note: String(methodology['description']) }] },
    ],
  });
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
