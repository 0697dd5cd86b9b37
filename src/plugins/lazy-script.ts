/**
 * A client script built as its own file at a fixed address, for pages to load on demand with
 * `import(url)`. Vite wraps every literal `import('./x.ts')` in its module-preload helper
 * (about 0.7 KB gzip), which every page with the import would pay for at first view even though
 * the lazy chunk has nothing to preload.
 */
import type { Plugin } from 'vite';

/** `entry`: absolute path of the script; `fileName`: where it lands in the build output (e.g. `_astro/quote.js`). */
export function lazyScript(entry: string, fileName: string): Plugin {
  return {
    name: 'lazy-script',
    apply: 'build',
    buildStart() {
      // Only the build of browser scripts: the server/prerender build never serves it.
      if (this.environment.name !== 'client') return;
      this.emitFile({ type: 'chunk', id: entry, fileName });
    },
  };
}
