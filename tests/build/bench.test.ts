/**
 * `npm run bench -- --scale N` builds synthetic briefings in temporary sites: it must report
 * per-page figures and leave nothing behind, neither temporary folders nor files in content/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../src/tools/temp-site.ts';

const listContent = () => (readdirSync(join(projectRoot, 'content'), { recursive: true }) as string[]).sort();

it('the scale bench reports per-page build cost and leaves no files behind', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-scratch-'));
  const contentBefore = listContent();
  try {
    // TMPDIR points the bench's temporary sites into a folder of this test's own.
    const run = spawnSync(process.execPath, ['src/tools/bench.ts', '--scale', '2'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: scratch, },
      timeout: 240_000,
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Scale: 3 briefings \(2 synthetic.*\), 20 extra HTML pages/);
    // Two extra briefings are too few for the figures to mean much on a noisy machine (they can
    // even come out negative); this checks they are reported, not their size.
    expect(run.stdout).toMatch(/warm build\s+[\d.]+ s\s+→ -?\d+ ms per extra briefing, -?\d+ ms per extra page/);
    // node-compile-cache is Node's own module cache (Astro turns it on), not the bench's files.
    expect(readdirSync(scratch).filter((name) => name !== 'node-compile-cache')).toEqual([]);
    expect(listContent()).toEqual(contentBefore);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}, 300_000);
