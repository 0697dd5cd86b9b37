/**
 * Builds a throwaway copy of the site with its own content/ (and optionally other files), so
 * tests can break content on purpose without touching the real briefing.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type BuildResult = { code: number | null; output: string; root: string; outDir: string };

/**
 * Vitest puts Vite's own variables (BASE_URL='/', MODE=test, DEV, PROD, SSR…) in process.env.
 * Astro turns unprefixed env vars into `import.meta.env.*` for server code, so an inherited
 * BASE_URL would override the configured base: builds get the environment a shell would give.
 */
const testRunnerEnv = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;

/** The environment a shell would give a build or dev server, with `extra`. */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !testRunnerEnv.test(key)));
  return { ...env, ...extra, FORCE_COLOR: '0', NO_COLOR: '1' };
}

/** Runs the site's build (src/cli/build.ts) in `root` with extra environment; never throws on a failed build. */
export function runBuild(root: string, env: Record<string, string> = {}, outDir = join(root, 'dist')): Promise<BuildResult> {
  return new Promise((done) => {
    // The same pipeline as `npm run build`: astro build, CSP, Pagefind, then swap into outDir.
    const child = spawn(process.execPath, [join(projectRoot, 'src/cli/build.ts')], {
      cwd: root,
      env: buildEnv({ ...env, OUT_DIR: outDir }),
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => done({ code, output, root, outDir }));
  });
}

export type FixtureSite = { root: string; cacheDir: string; build: (env?: Record<string, string>) => Promise<BuildResult>; remove: () => void };

/**
 * A temporary site: the project's code (linked), a copy of the diagram cache, and `files`
 * (paths relative to the site root, e.g. 'content/briefings/x.mdx') written fresh.
 * With `withRealContent`, the real content/ is copied first and `files` override it. The site is
 * made in a new folder under `parent` (the system's temporary folder unless given).
 */
export function createFixtureSite(
  files: Record<string, string>,
  { withRealContent = false, parent = tmpdir() }: { withRealContent?: boolean; parent?: string } = {},
): FixtureSite {
  const root = mkdtempSync(join(parent, 'briefing-fixture-'));
  for (const name of ['node_modules', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    symlinkSync(join(projectRoot, name), join(root, name));
  }
  // src/ is copied, not linked: Astro's compiler keys its metadata by real path and a linked
  // src/ makes it look for modules under the fixture's root that were compiled elsewhere.
  cpSync(join(projectRoot, 'src'), join(root, 'src'), { recursive: true });
  // Price data is shared by every briefing's components, so even a content-less site gets it.
  cpSync(join(projectRoot, withRealContent ? 'content' : 'content/prices'), join(root, withRealContent ? 'content' : 'content/prices'), { recursive: true });
  const cacheDir = join(root, 'diagram-cache');
  cpSync(join(projectRoot, 'src/plugins/diagram-cache'), cacheDir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return {
    root,
    cacheDir,
    build: (env = {}) => runBuild(root, { DIAGRAM_CACHE_DIR: cacheDir, ...env }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
