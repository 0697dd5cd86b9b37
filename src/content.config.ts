/**
 * Every collection the site reads, with the rules a writer must follow.
 * Loaders read files under content/ only; nothing here touches the network.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const sectionId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase words joined by hyphens, e.g. "china-catching-up".');

const nonEmpty = z.string().trim().min(1, 'Must not be empty.');

const trend = z.object({
  /** Section id of the trend; it is part of shared links, so never change it once published. */
  id: sectionId,
  /** Trend heading, as the source words it. */
  title: nonEmpty,
  /** The trend's points, one sentence or two each. */
  points: z.array(nonEmpty).min(1, 'List at least one point.'),
});

const briefings = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/briefings' }),
  schema: z.object({
    /** Headline shown on the page, in search results and in link previews. */
    title: nonEmpty.max(90, 'Keep the title under 90 characters; link previews cut longer ones.'),
    /** One or two sentences for meta description and previews. */
    description: nonEmpty.max(200, 'Keep the description under 200 characters.'),
    /** Date the briefing is published under (YYYY-MM-DD). */
    pubDate: z.coerce.date(),
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

export const collections = { briefings };
