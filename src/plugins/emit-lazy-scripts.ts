/**
 * Client scripts built as their own files at fixed addresses, for pages to load on demand with
 * `import(url)` (src/lib/lazy-scripts.ts). Vite wraps every literal `import('./x.ts')` in its
 * module-preload helper (about 0.7 KB gzip), which every page with the import would pay for at
 * first view even though these chunks have nothing to preload.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

export function lazyScripts(root: string, scripts: Record<string, { entry: string; file: string }>): Plugin {
  return {
    name: 'lazy-scripts',
    apply: 'build',
    buildStart() {
      // Only the build of browser scripts: the server/prerender build never serves them.
      if (this.environment.name !== 'client') return;
      for (const { entry, file } of Object.values(scripts)) this.emitFile({ type: 'chunk', id: resolve(root, entry), fileName: file });
    },
  };
}
