/**
 * `npm run bench -- --scale N` builds synthetic briefings in temporary sites: it must report
 * per-page figures and leave nothing behind, neither temporary folders nor files in content/.
 * Run at the smallest scale (one synthetic briefing): the same three builds, the cold one with a
 * browser, on the fewest pages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../src/tools/temp-site.ts';
import { PINNED_SECTION_IDS } from '../support/pinned-sections.ts';

const listContent = () => (readdirSync(join(projectRoot, 'content'), { recursive: true }) as string[]).sort();

it('the scale bench reports per-page build cost and leaves no files behind', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-scratch-'));
  const contentBefore = listContent();
  try {
    // TMPDIR points the bench's temporary sites into a folder of this test's own.
    const run = spawnSync(process.execPath, ['src/tools/bench.ts', '--scale', '1'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: scratch, },
      timeout: 240_000,
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    // A synthetic briefing is a copy of the seed: its page plus one share page per section.
    const pagesPerBriefing = 1 + PINNED_SECTION_IDS.length;
    expect(run.stdout).toContain(`Scale: 2 briefings (1 synthetic, each with its own diagram), ${pagesPerBriefing} extra HTML pages`);
    // One extra briefing is too few for the figures to mean much on a noisy machine (they can
    // even come out negative); this checks they are reported, not their size.
    expect(run.stdout).toMatch(/cold build \(renders 2 diagrams\)\s+[\d.]+ s\s+→ -?\d+ ms per extra briefing/);
    expect(run.stdout).toMatch(/warm build\s+[\d.]+ s\s+→ -?\d+ ms per extra briefing, -?\d+ ms per extra page/);
    // node-compile-cache is Node's own module cache (Astro turns it on), not the bench's files.
    expect(readdirSync(scratch).filter((name) => name !== 'node-compile-cache')).toEqual([]);
    expect(listContent()).toEqual(contentBefore);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}, 300_000);
