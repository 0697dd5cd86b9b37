/** Text fragments (`#:~:text=…`), shared by quotes and search results. */

/**
 * One term of a text directive, percent-encoded as the Text Fragments spec asks: everything
 * encodeURIComponent encodes, and also `-`, which would otherwise mark a prefix or suffix.
 */
export function encodeTextTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}
