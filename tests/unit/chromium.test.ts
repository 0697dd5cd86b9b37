/**
 * Which Chromium src/build/chromium.ts picks: `CHROMIUM_PATH` alone when it is set (pointing it
 * nowhere is how a test proves a build needs no browser), else the first executable candidate.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/build/chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, mode: number): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it is executable, and nothing else when it is set', () => {
    const browser = file('my-chrome', 0o755);
    expect(findChromium({ CHROMIUM_PATH: browser })).toEqual({ path: browser, source: 'CHROMIUM_PATH' });
    expect(findChromium({ CHROMIUM_PATH: file('not-executable', 0o644) })).toBeUndefined();
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'missing') })).toBeUndefined();
  });
});
