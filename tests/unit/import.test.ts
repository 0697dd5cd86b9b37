/**
 * `npm run import` (src/cli/import.ts) on throwaway site roots: it writes one briefing, refuses a
 * document imported before (the seed is this site's deepseek-three-trends.mdx) and an existing
 * file without --force, and writes nothing for a bad document. With a Chromium it renders the
 * diagram into the cache, and Mermaid's own error names the document's line.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../src/build/temp-site.ts';
import { ImportError, importBriefing } from '../../src/cli/import.ts';
import { SummarizerFileError } from '../../src/lib/summarizer-file.ts';
import { diagramKey } from '../../src/plugins/diagram-cache.ts';
import { noBrowser } from '../support/build-output.ts';

const SEED = join(projectRoot, 'tests/fixtures/seed/briefing.txt');
const NEW = join(projectRoot, 'tests/fixtures/summarizer/new-briefing.txt');
let root: string;
let cache: string;
const briefings = () => readdirSync(join(root, 'content/briefings')).sort();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'import-'));
  cache = join(root, 'cache');
  mkdirSync(join(root, 'content/briefings'), { recursive: true });
  mkdirSync(cache);
  vi.stubEnv('DIAGRAM_CACHE_DIR', cache);
  vi.stubEnv('CHROMIUM_PATH', noBrowser.CHROMIUM_PATH);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

describe('importing a document', () => {
  it('writes content/briefings/<slug>.mdx from the title, or --slug; without a browser it says so', async () => {
    expect(await importBriefing(NEW, { root })).toEqual({ file: 'content/briefings/small-models-on-every-device-are-changing-where.mdx', rendered: 'no-browser' });
    expect(await importBriefing(SEED, { root, slug: 'three-trends', title: 'DeepSeek and three trends' })).toEqual({ file: 'content/briefings/three-trends.mdx', rendered: 'no-browser' });
    expect(readFileSync(join(root, 'content/briefings/three-trends.mdx'), 'utf8')).toMatch(/^---\ntitle: DeepSeek and three trends\n/);
  });

  it('refuses a document imported before, naming the file it went to: the seed is deepseek-three-trends.mdx', async () => {
    cpSync(join(projectRoot, 'content/briefings/deepseek-three-trends.mdx'), join(root, 'content/briefings/deepseek-three-trends.mdx'));
    const refused = importBriefing(SEED, { root, slug: 'again' });
    await expect(refused).rejects.toThrow(ImportError);
    await expect(refused).rejects.toThrow('was imported before, as content/briefings/deepseek-three-trends.mdx');
    expect(briefings()).toEqual(['deepseek-three-trends.mdx']);
  });

  it('never overwrites an existing file without --force', async () => {
    writeFileSync(join(root, 'content/briefings/taken.mdx'), 'hand-written');
    await expect(importBriefing(NEW, { root, slug: 'taken' })).rejects.toThrow('content/briefings/taken.mdx exists; choose another --slug, or pass --force');
    expect(readFileSync(join(root, 'content/briefings/taken.mdx'), 'utf8')).toBe('hand-written');
    await importBriefing(NEW, { root, slug: 'taken', force: true });
    expect(readFileSync(join(root, 'content/briefings/taken.mdx'), 'utf8')).toMatch(/^---\n/);
  });

  it('writes nothing for a bad document', async () => {
    const bad = join(root, 'bad.txt');
    writeFileSync(bad, readFileSync(SEED, 'utf8').replace('</Mermaid_Diagram>', ''));
    await expect(importBriefing(bad, { root })).rejects.toThrow(SummarizerFileError);
    expect(briefings()).toEqual([]);
    expect(readdirSync(cache)).toEqual([]);
  });
});

describe('with a Chromium', () => {
  it('renders the diagram into the cache, and a diagram Mermaid rejects names the document and its line, writing nothing', async () => {
    vi.unstubAllEnvs();
    vi.stubEnv('DIAGRAM_CACHE_DIR', cache);
    const text = readFileSync(NEW, 'utf8');
    expect((await importBriefing(NEW, { root })).rendered).toBe('rendered');
    const source = /<Mermaid_Diagram>\n([\s\S]*?)\n<\/Mermaid_Diagram>/.exec(text)![1]!;
    expect(readdirSync(cache).sort()).toEqual([`${diagramKey(source)}.json`, `${diagramKey(source)}.svg`]);

    const broken = join(root, 'broken.txt');
    writeFileSync(broken, text.replace('B --> C', 'B --> --> C').replace('Timestamp: 2025-03-10', 'Timestamp: 2025-03-11'));
    const line = text.split('\n').findIndex((l) => l.startsWith('graph TB')) + 1;
    const refused = importBriefing(broken, { root, slug: 'broken' });
    await expect(refused).rejects.toThrow(ImportError);
    await expect(refused).rejects.toThrow(`broken.txt:${line}: Mermaid could not render the diagram at line ${line}:`);
    expect(briefings()).toEqual(['small-models-on-every-device-are-changing-where.mdx']);
  }, 60_000);
});
