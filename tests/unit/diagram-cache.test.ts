/**
 * The committed render cache of diagrams (src/plugins/diagram-cache.ts) and its CLI
 * (`npm run diagrams`, src/cli/diagrams.ts).
 *
 * - The committed cache matches content/: every diagram has a render and its parse, every render a diagram.
 * - Keys are stable, ignore trailing whitespace, and change with the source, the Mermaid
 *   version and the render options.
 * - `diagramsInText` finds ```mermaid blocks in MDX (with JSX around them) at the right lines.
 * - `npm run diagrams -- --check` passes on the repo, and names file and line when a render is missing.
 *
 * Nothing here launches a browser.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import {
  cacheStatus,
  defaultCacheDir,
  diagramKey,
  diagramsInText,
  listCachedKeys,
  mermaidVersion,
  renderOptions,
} from '../../src/plugins/diagram-cache.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const realBriefing = 'content/briefings/deepseek-three-trends.mdx';
const mdxFixture = join(projectRoot, 'tests/fixtures/diagrams/mdx-blocks/input.mdx');

/** 1-based numbers of the lines that are exactly ```mermaid (the opening fences). */
function mermaidFenceLines(text: string): number[] {
  return text
    .split('\n')
    .flatMap((line, index) => (line.trimEnd() === '```mermaid' ? [index + 1] : []));
}

describe('the committed render cache', () => {
  test('has a render for every diagram in content/, and no render that no content uses', () => {
    const status = cacheStatus(join(projectRoot, 'content'), defaultCacheDir);
    const missing = status.missing.map((d) => `${d.file}:${d.line}`);
    expect(
      missing,
      `diagrams without a cached render: ${missing.join(', ')}. Run \`npm run diagrams\` and commit src/plugins/diagram-cache/.`,
    ).toEqual([]);
    expect(
      status.unused,
      `cached renders no content uses: ${status.unused.join(', ')}. Run \`npm run diagrams\` to remove them and commit src/plugins/diagram-cache/.`,
    ).toEqual([]);
  });

  test('is not empty: the real briefing has a diagram, and its render is committed', () => {
    const text = readFileSync(join(projectRoot, realBriefing), 'utf8');
    const diagrams = diagramsInText(text, realBriefing);
    expect(diagrams.length).toBeGreaterThan(0);
    expect(listCachedKeys(defaultCacheDir)).toEqual(expect.arrayContaining(diagrams.map((d) => d.key)));
  });
});

describe('cacheStatus on a half-written cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diagram-cache-half-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('counts a diagram whose svg is cached without its parse (.json) as missing, and a lone parse as unused', () => {
    const [diagram] = diagramsInText(readFileSync(join(projectRoot, realBriefing), 'utf8'), realBriefing);
    const key = diagram?.key ?? '';
    copyFileSync(join(defaultCacheDir, `${key}.svg`), join(dir, `${key}.svg`));
    writeFileSync(join(dir, 'ffffffffffffffffffff.json'), '{}');
    const status = cacheStatus(join(projectRoot, 'content'), dir);
    expect(status.missing.map((d) => d.key)).toEqual([key]);
    expect(status.unused).toEqual(['ffffffffffffffffffff']);
    expect(listCachedKeys(dir)).toEqual([]);
    copyFileSync(join(defaultCacheDir, `${key}.json`), join(dir, `${key}.json`));
    expect(cacheStatus(join(projectRoot, 'content'), dir).missing).toEqual([]);
  });
});

describe('diagramKey', () => {
  const source = 'flowchart LR\n    A[Start] --> B(End)';

  test('is a 20-digit hex string, the same every time for the same source', () => {
    expect(diagramKey(source)).toMatch(/^[0-9a-f]{20}$/);
    expect(diagramKey(source)).toBe(diagramKey('flowchart LR\n    A[Start] --> B(End)'));
  });

  test('ignores trailing whitespace (remark-rehype adds a final newline; editors add spaces)', () => {
    expect(diagramKey(`${source}\n`)).toBe(diagramKey(source));
    expect(diagramKey(`${source}  \n\n\t\n`)).toBe(diagramKey(source));
  });

  test('changes when a single character of the source changes', () => {
    const key = diagramKey(source);
    expect(diagramKey(source.replace('Start', 'Stark'))).not.toBe(key);
    expect(diagramKey(source.replace('LR', 'RL'))).not.toBe(key);
    expect(diagramKey(` ${source}`), 'leading whitespace is part of the source').not.toBe(key);
    expect(diagramKey(source.replace('    A', '   A'))).not.toBe(key);
  });

  test('changes with the Mermaid version and the render options, so an upgrade or a new option re-renders', () => {
    expect(diagramKey(source, { mermaid: '0.0.0-other' })).not.toBe(diagramKey(source));
    const otherTheme = { ...renderOptions, mermaidConfig: { ...renderOptions.mermaidConfig, theme: 'dark' } };
    expect(diagramKey(source, { options: otherTheme })).not.toBe(diagramKey(source));
  });

  test('uses the installed Mermaid version', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'node_modules/mermaid/package.json'), 'utf8')) as { version: string };
    expect(mermaidVersion).toBe(pkg.version);
  });

  test('renders with deterministic ids and Mermaid\'s strict security level', () => {
    expect(renderOptions.mermaidConfig.deterministicIds).toBe(true);
    expect(renderOptions.mermaidConfig.securityLevel).toBe('strict');
  });
});

describe('diagramsInText', () => {
  const text = readFileSync(mdxFixture, 'utf8');
  const found = diagramsInText(text, 'tests/fixtures/diagrams/mdx-blocks/input.mdx');

  test('finds both ```mermaid blocks of an MDX file with JSX and expressions around them, and no ```ts block', () => {
    expect(found.map((d) => d.source)).toEqual([
      'flowchart LR\n    A[First] --> B(Second)',
      'graph TD\n    C{Third} -->|yes| D[Fourth]',
    ]);
    expect(found.every((d) => !d.source.includes('notADiagram'))).toBe(true);
  });

  test('reports each block at the 1-based line of its opening fence (counted by hand: 12 and 25)', () => {
    expect(found.map((d) => d.line)).toEqual([12, 25]);
    // The hand count agrees with the fixture as it is on disk.
    expect(mermaidFenceLines(text)).toEqual([12, 25]);
  });

  test('names the file it was given and keys each block like the build does', () => {
    for (const d of found) {
      expect(d.file).toBe('tests/fixtures/diagrams/mdx-blocks/input.mdx');
      expect(d.key).toBe(diagramKey(d.source));
    }
  });
});

// ---- npm run diagrams -- --check ----------------------------------------------------------------

type CliResult = { code: number | null; stdout: string; stderr: string };

/** The script behind `npm run diagrams` (`node <script>`), read from package.json so a move cannot stale this test. */
function diagramsScript(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const command = pkg.scripts?.['diagrams'] ?? '';
  const match = /^node\s+(\S+\.ts)$/.exec(command.trim());
  if (!match?.[1]) throw new Error(`package.json "diagrams" script is not \`node <file>.ts\`: ${JSON.stringify(command)}`);
  return match[1];
}

/** `npm run diagrams -- --check`, run as npm would run it but without npm in between. */
function runCheck(env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [diagramsScript(), '--check'], {
      cwd: projectRoot,
      env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm run diagrams -- --check', () => {
  const emptyCache = mkdtempSync(join(tmpdir(), 'diagram-cache-empty-'));
  afterAll(() => rmSync(emptyCache, { recursive: true, force: true }));

  test('exits 0 on the repository as committed', async () => {
    const result = await runCheck();
    const output = `\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`;
    expect(result.code, `the committed diagram cache is out of date: run \`npm run diagrams\`${output}`).toBe(0);
    expect(result.stdout).toContain('Diagram cache up to date.');
  });

  test('with an empty cache (DIAGRAM_CACHE_DIR), exits 1 naming the content file and line of the diagram', async () => {
    const result = await runCheck({ DIAGRAM_CACHE_DIR: emptyCache });
    const output = `\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`;
    expect(result.code, output).toBe(1);
    const [line] = mermaidFenceLines(readFileSync(join(projectRoot, realBriefing), 'utf8'));
    expect(line, 'the real briefing should have a ```mermaid block').toBeDefined();
    expect(result.stderr, output).toContain(`${realBriefing}:${line}:`);
    expect(result.stderr, output).toContain('npm run diagrams');
    expect(result.stdout, output).toMatch(/out of date/);
    // --check only reports: it renders and writes nothing.
    expect(readdirSync(emptyCache)).toEqual([]);
  });
});
