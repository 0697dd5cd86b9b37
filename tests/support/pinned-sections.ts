/**
 * THE PINNED LIST: the seed briefing's section ids, in page order. They are in links already
 * shared in chats: never edit this to make a rename pass; keep the id or add an alias instead.
 */
export const PINNED_SECTION_IDS = [
  'summary',
  'chinas-rise',
  'open-weight-commoditization',
  'beyond-scaling',
  'core-point',
  'fundamental-point',
  'overarching-framework',
  'the-diagram',
  'the-full-letter',
] as const;
