/**
 * `npm run build`: builds into a temporary folder, adds each page's Markdown twin and the Pagefind
 * search index, and only then replaces dist/. A failed build (bad content, broken diagram…) leaves the last good dist/ intact.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveDeployTarget } from '../lib/deploy-target.ts';
import { crawlSite } from '../build/crawl.ts';
import { describeBrokenLink } from '../build/link-sources.ts';
import { applyPolicies } from '../build/csp.ts';
import { collapseWhitespace } from '../build/html-whitespace.ts';
import { writeMarkdownTwins } from '../build/markdown-twins.ts';
import { startStaticServer } from '../build/static-server.ts';

const dist = resolve(process.env['OUT_DIR'] ?? 'dist');
const staging = `${dist}.staging-${process.pid}`;
const previous = `${dist}.previous-${process.pid}`;

/** What a failed build did to the site: nothing, since it only ever wrote to the staging folder. */
const untouched = () => (existsSync(dist) ? `the previous ${dist} is left as it was` : 'nothing was written');

// Astro's CLI would post usage events to telemetry.astro.build during the build: a build
// reaches nothing beyond this machine (tests/build/offline-build.test.ts).
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function run(label: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nbuild: ${label} failed (exit ${result.status ?? result.signal}); ${untouched()}.`);
    process.exit(result.status ?? 1);
  }
}

const { site, base } = resolveDeployTarget(process.env);

// Binaries by path (not PATH), so this also runs outside `npm run`, e.g. from tests.
run('astro build', process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', staging]);
try {
  await collapseWhitespace(staging);
  console.log(`build: Content-Security-Policy added to ${applyPolicies(staging)} pages.`);
  console.log(`build: ${writeMarkdownTwins(staging, base).twins.length} Markdown twins and llms-full.txt written.`);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`build: ${(error as Error).message}`);
  process.exit(1);
}
run('pagefind', process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', staging, '--quiet']);

// Every link, asset and #fragment of every page must resolve, served as GitHub Pages would serve it.
const server = await startStaticServer({ root: staging, base });
try {
  const report = await crawlSite({ origin: server.origin, base, siteOrigin: site });
  if (report.broken.length > 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nbuild: ${report.broken.length} broken link(s); fix the content that produced them:`);
    for (const line of new Set(report.broken.map((b) => describeBrokenLink(b, base, process.cwd())))) console.error(`  ${line}`);
    console.error(`build: ${untouched()}.`);
    process.exitCode = 1;
  } else {
    console.log(`build: links checked: ${report.pages.length} pages, ${report.checked} URLs, ${report.fragments} #fragments, 0 broken.`);
  }
} finally {
  await server.close();
}
if (process.exitCode) process.exit(process.exitCode);

if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
console.log(`build: ${dist} is up to date.`);
