/**
 * `npm run dev` on a site whose only briefing is the seed, imported (src/cli/import.ts writes
 * the same MDX): the dev server serves the home page and the briefing with every paragraph of the
 * seed's letter, and an edit to the MDX shows on the next load. Neither the home page nor the
 * build depends on the hand-written briefing's slug.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnv, createFixtureSite, projectRoot, type FixtureSite } from '../../src/build/temp-site.ts';
import { briefingMdx, slugFromTitle } from '../../src/lib/briefing-mdx.ts';
import { parseSummarizerFile } from '../../src/lib/summarizer-file.ts';

const SEED = join(projectRoot, 'tests/fixtures/seed/briefing.txt');
const doc = parseSummarizerFile(readFileSync(SEED, 'utf8'), SEED);
const slug = slugFromTitle(doc.title);
const file = `content/briefings/${slug}.mdx`;
const PORT = 4393;
const origin = `http://127.0.0.1:${PORT}`;

let site: FixtureSite;
let dev: ChildProcess;
let output = '';

/** The page's text as a reader gets it, white space folded. */
async function textOf(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${origin}${path}`);
  return { status: response.status, text: toText(fromHtml(await response.text())).replace(/\s+/g, ' ') };
}

beforeAll(async () => {
  site = createFixtureSite({ [file]: briefingMdx(doc, { slug }) });
  dev = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: site.root,
    env: buildEnv({ DIAGRAM_CACHE_DIR: site.cacheDir, ASTRO_TELEMETRY_DISABLED: '1' }),
    detached: true,
  });
  dev.stdout?.on('data', (chunk) => (output += chunk));
  dev.stderr?.on('data', (chunk) => (output += chunk));
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (await fetch(`${origin}/`).then(() => true, () => false)) return;
    await sleep(250);
  }
  throw new Error(`astro dev did not answer within 60 s:\n${output}`);
}, 90_000);

afterAll(() => {
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  site?.remove();
});

describe('npm run dev with only an imported briefing', () => {
  it('serves the home page, featuring it', async () => {
    const home = await textOf('/');
    expect(home.status, output).toBe(200);
    expect(home.text).toContain(doc.title);
  });

  it('serves the briefing with every paragraph of the seed, and shows an edit on the next load', async () => {
    const page = await textOf(`/briefings/${slug}/`);
    expect(page.status, output).toBe(200);
    for (const paragraph of [...doc.content.paragraphs, doc.corePoint, ...doc.trends.flatMap((t) => t.points)]) expect(page.text).toContain(paragraph);

    const mdx = readFileSync(join(site.root, file), 'utf8');
    writeFileSync(join(site.root, file), mdx.replace(doc.content.paragraphs.at(-1)!, 'An edited last paragraph.'));
    let edited = '';
    for (let i = 0; i < 40 && !edited.includes('An edited last paragraph.'); i++) {
      await sleep(250);
      edited = (await textOf(`/briefings/${slug}/`)).text;
    }
    expect(edited).toContain('An edited last paragraph.');
  }, 60_000);
});
