/**
 * "Copy as Markdown", loaded on the control's first use (src/components/ShareLinks.astro): the
 * section's Markdown is its share page's twin, written by the build (src/build/markdown-twins.ts),
 * so what is copied is exactly what an AI tool reads at that address.
 */
export async function markdownOf(href: string): Promise<Blob> {
  const response = await fetch(href);
  if (!response.ok) throw new Error(`${href}: ${response.status}`);
  return new Blob([await response.text()], { type: 'text/plain' });
}
