/**
 * A build reaches nothing beyond this machine: no request leaves it from any Node process of the
 * build (astro build, its integrations, Pagefind's runner, the link check), read from the run's
 * shared build, where tests/support/network-spy.ts logs each one. Astro's CLI reports usage to
 * telemetry.astro.build unless ASTRO_TELEMETRY_DISABLED is set: src/cli/build.ts sets it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../src/build/temp-site.ts';
import { sharedSite } from '../support/shared-site.ts';

it('the network spy logs a fetch and a socket that leave the machine, and not one to this machine', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'network-spy-'));
  try {
    const log = join(scratch, 'network.log');
    // .invalid never resolves (RFC 2606): nothing is sent anywhere.
    const script = `
      fetch('https://telemetry.example.invalid/record', { method: 'POST' }).catch(() => {});
      fetch('http://127.0.0.1:9/').catch(() => {});
      require('node:https').get('https://other.example.invalid/').on('error', () => {});
      setTimeout(() => {}, 200);`;
    const run = spawnSync(process.execPath, ['--import', join(projectRoot, 'tests/support/network-spy.ts'), '-e', script], {
      env: { ...process.env, NETWORK_LOG: log },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines.some((line) => line.includes('fetch https://telemetry.example.invalid/record'))).toBe(true);
    expect(lines.some((line) => line.includes('connect other.example.invalid:443'))).toBe(true);
    expect(lines.filter((line) => line.includes('127.0.0.1'))).toEqual([]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

it('the build makes no request beyond this machine (Astro\'s telemetry is off)', async () => {
  const shared = await sharedSite();
  expect(shared.code, shared.output).toBe(0);
  expect(shared.requests).toEqual([]);
}, 240_000);
