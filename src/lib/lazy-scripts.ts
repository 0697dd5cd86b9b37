/**
 * Browser scripts that load on demand, each built to a fixed address under BASE by
 * src/plugins/emit-lazy-scripts.ts and imported with `import(url)` when first needed.
 */
export const LAZY_SCRIPTS = {
  /** "Copy quote", on the reader's first selection in a briefing. */
  quote: { entry: 'src/scripts/quote.ts', file: '_astro/quote.js' },
  /** "Copy as Markdown": fetches a section's Markdown twin, on the first click of the control. */
  copyMarkdown: { entry: 'src/scripts/copy-markdown.ts', file: '_astro/copy-markdown.js' },
  /** The diagram's full view, on the first "View full size". */
  diagramViewer: { entry: 'src/scripts/diagram-viewer.ts', file: '_astro/diagram-viewer.js' },
  /** The search dialog's code, on the first click of Search or "/". */
  search: { entry: 'src/scripts/search.ts', file: '_astro/search.js' },
  /** Where a search result lands, once the search dialog is first opened. */
  searchTarget: { entry: 'src/scripts/search-target.ts', file: '_astro/search-target.js' },
} as const;
