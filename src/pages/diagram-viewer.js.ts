/**
 * The diagram viewer (src/scripts/diagram-viewer.ts) as a standalone ES module, loaded by
 * diagram-viewer-stub.ts on the first "View full size". Served from here rather than through
 * a bundled `import()`: Vite wraps every bundled dynamic import in a ~1 KB gzip preload helper,
 * which would have tripled the first-view cost of the stub. The module imports nothing, so
 * stripping its types and minifying it is all the bundling it needs.
 */
import { minify, transformWithOxc } from 'vite';
import source from '../scripts/diagram-viewer.ts?raw';

export async function GET() {
  const { code } = await transformWithOxc(source, 'diagram-viewer.ts', { lang: 'ts', target: 'es2022' });
  const result = await minify('diagram-viewer.js', code, { compress: true, mangle: { toplevel: true }, module: true });
  if (result.errors.length > 0) throw new Error(`diagram-viewer.js: ${result.errors.map((e) => e.message).join('; ')}`);
  return new Response(result.code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
}
