/**
 * Root-relative links and image sources written in content (`[see](/briefings/x/#y)`,
 * `![…](/images/a.png)`) get the site's base, so they work under a GitHub Pages subpath as they
 * do at `/`. Through `joinBase`, the helper behind `url()`: `url()` itself reads
 * `import.meta.env.BASE_URL`, which Astro has not set yet where rehype plugins are loaded (the
 * config), so the base comes from astro.config.mjs as an option.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { joinBase } from '../lib/urls.ts';

export type RehypeBaseLinksOptions = { base: string };

/** Element properties that hold one URL a reader's browser fetches or follows. */
const URL_PROPERTIES = ['href', 'src', 'poster'] as const;

export function rehypeBaseLinks({ base }: RehypeBaseLinksOptions) {
  const prefix = base.replace(/\/+$/, '');
  return (tree: Root) => {
    if (prefix === '') return;
    visit(tree, 'element', (node) => {
      for (const name of URL_PROPERTIES) {
        const value = node.properties[name];
        // `//host/…` is another site; a path that already starts with the base was written for it.
        if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) continue;
        if (value === prefix || value.startsWith(`${prefix}/`)) continue;
        node.properties[name] = joinBase(base, value);
      }
    });
  };
}
