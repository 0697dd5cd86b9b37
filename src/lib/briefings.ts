/** Ordering and picking briefings; pure, so it is tested without Astro. */
export type Dated = { id: string; data: { pubDate: Date } };

/** Newest first; ties broken by id so the order never depends on file-system order. */
export function sortNewestFirst<T extends Dated>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id));
}
