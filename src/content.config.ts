/**
 * Every collection the site reads, with the rules a writer must follow.
 * Loaders read files under content/ only; nothing here touches the network.
 */
import { readFile } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { PRICE_FILE } from './lib/pricing.ts';

const sectionId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase words joined by hyphens, e.g. "china-catching-up".');

const nonEmpty = z.string().trim().min(1, 'Must not be empty.');


/** Reads the price list, refusing duplicate ids (the file loader would silently keep one). */
function parsePriceList(text: string): Record<string, unknown>[] {
  let entries: Record<string, unknown>[];
  try {
    entries = JSON.parse(text) as Record<string, unknown>[];
  } catch (error) {
    throw new Error(`${PRICE_FILE} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(entries)) throw new Error(`${PRICE_FILE} must hold a JSON array of models.`);
  const seen = new Set<unknown>();
  for (const [index, entry] of entries.entries()) {
    if (seen.has(entry['id'])) {
      throw new Error(`${PRICE_FILE}: entry ${index + 1} repeats the id "${String(entry['id'])}"; every model needs its own id.`);
    }
    seen.add(entry['id']);
  }
  return entries;
}

const trend = z.object({
  /** Section id of the trend; it is part of shared links, so never change it once published. */
  id: sectionId,
  /** Trend heading, as the source words it. */
  title: nonEmpty,
  /** The trend's points, one sentence or two each. */
  points: z.array(nonEmpty).min(1, 'List at least one point.'),
  /** Two models from content/prices whose prices back this trend, shown under its points. */
  prices: z.object({ expensive: sectionId, cheap: sectionId }).optional(),
});

const briefings = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/briefings' }),
  schema: z.object({
    /** Headline shown on the page, in search results and in link previews. */
    title: nonEmpty.max(90, 'Keep the title under 90 characters; link previews cut longer ones.'),
    /** One or two sentences for meta description and previews. */
    description: nonEmpty.max(200, 'Keep the description under 200 characters.'),
    /** Date the briefing is published under (YYYY-MM-DD). */
    pubDate: z.coerce.date({ error: 'Write the date as YYYY-MM-DD, e.g. 2025-02-01.' }),
    /** Where the text came from, as the source material states it; never invent an author or URL. */
    source: z.object({
      /** How the text reached us, e.g. "Text file upload". */
      via: nonEmpty,
      /** When the source was captured (ISO date-time, as recorded). */
      capturedAt: z.coerce.date(),
      /** The source's own title line, verbatim. */
      title: nonEmpty,
      /** Author, only if the source names one. */
      author: nonEmpty.optional(),
      /** Address of the original, only if the source gives one. */
      url: z.url().optional(),
    }),
    /** Ids of the body's headings: `{ <id>: "<heading text>" }`. Ids are in shared links: never change one. */
    anchors: z.record(sectionId, nonEmpty).default({}),
    /**
     * Old ids that must keep landing after a section got a new id, or a paragraph did because its
     * opening words were reworded (paragraph ids are `p-` and a hash of those words): `{ <old-id>: <id> }`.
     */
    aliases: z.record(sectionId, sectionId).default({}),
    /** The structured summary, rendered above the body as sections with their own ids. */
    summary: z
      .object({
        /** The trends, in order. */
        trends: z.array(trend).min(1, 'List at least one trend.'),
        /** The single point the briefing makes. */
        corePoint: nonEmpty,
        /** Why it matters, one level up. */
        fundamentalPoint: nonEmpty,
        /** The frame the briefing sits in: an introductory sentence and its numbered points. */
        framework: z.object({
          /** Sentence introducing the points. */
          intro: nonEmpty,
          /** The framework's points, in order. */
          points: z.array(nonEmpty).min(1, 'List at least one point.'),
        }),
      })
      .refine((s) => new Set(s.trends.map((t) => t.id)).size === s.trends.length, {
        message: 'Two trends share an id; each trend needs its own.',
        path: ['trends'],
      }),
  }),
});

/** Prices per million tokens, written as decimal strings so no float can round them. */
const price = z
  .string()
  .regex(
    /^\d+(\.\d{1,6})?$/,
    'Write the price as a decimal string of USD per million tokens, such as "2.19": no sign, no exponent, at most 6 decimals.',
  );

const prices = defineCollection({
  loader: {
    name: 'prices',
    load: async (context) => {
      // file() only logs a parser error and goes on with an empty collection: check first, so
      // the build stops and says why.
      parsePriceList(await readFile(new URL(PRICE_FILE, context.config.root), 'utf8'));
      return file(PRICE_FILE, { parser: parsePriceList }).load(context);
    },
  },
  schema: z.object({
    /** Stable id used by MDX components, e.g. "deepseek-r1". */
    id: sectionId,
    /** Display name, e.g. "DeepSeek R1". */
    name: nonEmpty,
    /** Company that sells the API. */
    vendor: nonEmpty,
    /** Currency of every price of the entry; only USD is supported. */
    currency: z.enum(['USD'], { error: 'Only "USD" prices are supported.' }),
    /** USD per million output tokens. */
    output: price,
    /** USD per million input tokens (cache miss, where the vendor distinguishes). */
    input: price,
    /** USD per million cached input tokens (cache hit), where the vendor lists one. */
    cachedInput: price.optional(),
    /** Date the prices were in force (YYYY-MM-DD). */
    inForce: z.iso.date({ error: 'Write the date the price was in force as YYYY-MM-DD.' }),
    /** Where the figures come from. An entry without a source does not build. */
    source: z.object({
      /** The vendor's pricing page. */
      url: z.url({ error: 'Give the source as an absolute https:// URL.' }),
      /** Title of that page. */
      title: nonEmpty,
      /** What the page said, and when. */
      note: nonEmpty,
      /** A second, dated place that quotes the same figures, if the page has changed since. */
      corroboration: z.url().optional(),
    }),
    /** Fields whose figure could not be sourced; the page marks them "unsourced". */
    unsourced: z.array(z.enum(['output', 'input', 'cachedInput'])).default([]),
  }),
});

export const collections = { briefings, prices };
