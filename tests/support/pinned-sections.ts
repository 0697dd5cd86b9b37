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

/**
 * THE PINNED LIST of the seed briefing's paragraph ids (summary points, then the letter), in page
 * order: each is a hash of its paragraph's opening words (src/plugins/rehype-paragraph-ids.ts).
 * If one changes because its opening words were reworded, add `aliases: { <old-id>: <new-id> }`
 * to the briefing's frontmatter, then add the new id here; never drop an old one silently.
 */
export const PINNED_PARAGRAPH_IDS = [
  // Summary: three trends of three points, core point, fundamental point, framework intro and points.
  'p-33da71', 'p-bf3808', 'p-ef0076',
  'p-24fe48', 'p-540edf', 'p-1e4e19',
  'p-b604ab', 'p-3fec7f', 'p-bd72b3',
  'p-6943b8', 'p-a0a966', 'p-0ba7a7', 'p-b4a353', 'p-7bdb2e', 'p-d40e7c',
  // The full letter, ten paragraphs.
  'p-4ef9f0', 'p-493f8c', 'p-a36a97', 'p-0d1098', 'p-c1aad0',
  'p-329203', 'p-e2d048', 'p-152476', 'p-73f252', 'p-18d514',
] as const;
