/**
 * Vitest's global setup: a scratch folder for this run (shared builds live there, see
 * tests/support/shared-site.ts), removed when the run ends, whatever happened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const scratch = mkdtempSync(join(tmpdir(), 'briefing-tests-'));
  project.provide('buildScratch', scratch);
  return () => rmSync(scratch, { recursive: true, force: true });
}
