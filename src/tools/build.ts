/**
 * `npm run build`: builds into a temporary folder, adds the Pagefind search index, and only then
 * replaces dist/. A failed build (bad content, broken diagram…) leaves the last good dist/ intact.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const dist = resolve(process.env['OUT_DIR'] ?? 'dist');
const staging = `${dist}.staging-${process.pid}`;
const previous = `${dist}.previous-${process.pid}`;

function run(label: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nbuild: ${label} failed (exit ${result.status ?? result.signal}); ${existsSync(dist) ? `the previous ${dist} is left as it was` : 'nothing was written'}.`);
    process.exit(result.status ?? 1);
  }
}

run('astro build', 'astro', ['build', '--outDir', staging]);
run('pagefind', 'pagefind', ['--site', staging, '--quiet']);

if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
console.log(`build: ${dist} is up to date.`);
