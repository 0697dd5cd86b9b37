/** Reads a diagram's cached render and Mermaid's parse of it, for pages and their cards. */
import { join } from 'node:path';
import { readCachedDiagram, type CachedDiagram } from '../plugins/diagram-cache.ts';

/**
 * The cached diagram `key`. Not cacheDirFromEnv()'s default: this runs bundled, away from
 * src/plugins. Builds run in the site's root, and test sites name their cache in DIAGRAM_CACHE_DIR.
 */
export function getCachedDiagram(key: string, where: string): CachedDiagram {
  const cacheDir = process.env['DIAGRAM_CACHE_DIR'] || join(process.cwd(), 'src/plugins/diagram-cache');
  const cached = readCachedDiagram(cacheDir, key);
  if (!cached) throw new Error(`${where}: diagram ${key} is not in the render cache (run npm run diagrams).`);
  return cached;
}
