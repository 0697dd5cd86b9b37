/**
 * Byte budgets on what a first view of each built page transfers (gzip): HTML plus the CSS, JS,
 * images and fonts it loads. Search's bundle and the diagram viewer load only when first used
 * and are budgeted on their own.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSize, listPages, measurePage } from '../../src/build/page-weight.ts';
import { LAZY_SCRIPTS } from '../../src/lib/lazy-scripts.ts';

const dist = 'dist';
const KB = 1024;
const budgets = { briefing: 24 * KB, other: 14 * KB, js: 4 * KB, search: 120 * KB, viewer: 2 * KB, viewerStub: 300 };
const isBriefing = (page: string) => /^briefings\/[^/]+\/index\.html$/.test(page);
/** A page that carries a diagram (a briefing, the diagram's share page) gets the briefing's budget. */
const hasDiagram = (page: string) => readFileSync(join(dist, page), 'utf8').includes('data-diagram-open');
const pages = listPages(dist).filter((p) => !p.startsWith('pagefind/'));

test('every page fits its first-view budget', () => {
  const rows = pages.map((page) => {
    const w = measurePage(dist, page);
    return { page, total: w.gzip, js: w.jsGzip, requests: w.requests, budget: isBriefing(page) || hasDiagram(page) ? budgets.briefing : budgets.other };
  });
  console.log(
    ['page'.padEnd(62) + 'gzip'.padStart(8) + 'budget'.padStart(8) + 'js'.padStart(7) + 'req'.padStart(5)]
      .concat(rows.map((r) => r.page.padEnd(62) + `${r.total}`.padStart(8) + `${r.budget}`.padStart(8) + `${r.js}`.padStart(7) + `${r.requests}`.padStart(5)))
      .join('\n'),
  );
  expect(rows.length).toBeGreaterThanOrEqual(13);
  const over = rows.filter((r) => r.total > r.budget).map((r) => `${r.page}: ${r.total} B > ${r.budget} B`);
  const overJs = rows.filter((r) => r.js > budgets.js).map((r) => `${r.page}: JS ${r.js} B > ${budgets.js} B`);
  expect([...over, ...overJs]).toEqual([]);
});

test('the search bundle stays within its own budget and no page loads it up front', () => {
  const dir = join(dist, 'pagefind');
  // What an English page fetches on first search: the script, its entry, metadata and English wasm.
  const core = ['pagefind.js', 'pagefind-entry.json', ...readdirSync(dir).filter((f) => /\.pf_meta$|^wasm\.en\./.test(f))];
  const sizes = core.map((f) => ({ f, gz: gzipSize(readFileSync(join(dir, f))) }));
  const total = sizes.reduce((s, x) => s + x.gz, 0);
  console.log(`search on first use: ${sizes.map((x) => `${x.f} ${x.gz} B`).join(', ')}; total ${total} B gzip`);
  expect(total).toBeLessThanOrEqual(budgets.search);
  for (const page of pages) {
    for (const r of measurePage(dist, page).resources) expect(r.path, `${page} loads search up front`).not.toContain('pagefind');
  }
});

test('the diagram viewer loads on first use within its own budget; its first-view loader is tiny', () => {
  const viewer = gzipSize(readFileSync(join(dist, LAZY_SCRIPTS.diagramViewer.file)));
  const stubs = pages
    .map((page) => readFileSync(join(dist, page), 'utf8'))
    .flatMap((html) => [...html.matchAll(/<script type="module">([^<]*data-diagram-open[^<]*)<\/script>/g)].map((m) => m[1]!));
  expect(stubs.length, 'pages with the loader').toBeGreaterThanOrEqual(2);
  const stub = Math.max(...stubs.map((s) => gzipSize(s)));
  console.log(`diagram viewer: ${viewer} B gzip on first use; first-view loader ${stub} B gzip`);
  expect(viewer).toBeLessThanOrEqual(budgets.viewer);
  expect(stub).toBeLessThanOrEqual(budgets.viewerStub);
  for (const page of pages) {
    for (const r of measurePage(dist, page).resources) expect(r.path, `${page} loads the viewer up front`).not.toContain('diagram-viewer');
  }
});

// The diagram's theme (src/styles/diagram.css) is most of a section's CSS: a share page without a
// diagram is 1.2 to 1.3 KB gzip lighter without it. Its custom properties mark it wherever it lands.
test("a page's first view carries the diagram's styles only when the page shows a diagram", () => {
  const diagramRule = /--dg-node-fill\s*:/;
  const found = pages.map((page) => {
    const html = readFileSync(join(dist, page), 'utf8');
    // The page itself counts: Astro inlines small stylesheets.
    const styles = measurePage(dist, page).resources.map((r) => readFileSync(join(dist, r.path), 'utf8')).join('\n');
    return { page, diagram: html.includes('data-diagram-open'), styled: diagramRule.test(styles) };
  });
  expect(found.filter((p) => p.diagram).length, 'pages with a diagram').toBeGreaterThanOrEqual(2);
  expect(found.filter((p) => !p.diagram).length, 'pages without one').toBeGreaterThanOrEqual(10);
  expect(found.filter((p) => p.diagram !== p.styled).map((p) => `${p.page}: ${p.diagram ? 'a diagram without its styles' : "the diagram's styles without a diagram"}`)).toEqual([]);
});

test('the diagram viewer is fetched when "View full size" is first pressed, not before', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('/briefings/deepseek-three-trends/');
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((p) => p.includes('diagram-viewer'))).toEqual([]);
  await page.getByRole('link', { name: 'View full size' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(fetched.filter((p) => p.includes('diagram-viewer'))).toEqual([`/${LAZY_SCRIPTS.diagramViewer.file}`]);
});

test('no built file is unexpectedly large', () => {
  const big = (readdirSync(dist, { recursive: true }) as string[])
    .filter((f) => !f.startsWith('pagefind') && statSync(join(dist, f)).isFile())
    .filter((f) => statSync(join(dist, f)).size > 200 * KB);
  expect(big).toEqual([]);
});

for (const page of pages) {
  const path = `/${page.replace(/index\.html$/, '').replace(/\.html$/, '/')}`.replace('/404/', '/no-such-page/');
  test(`${path} shows its text${isBriefing(page) ? ', diagram and tables' : ''} without JavaScript`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(path);
    expect((await p.locator('main').innerText()).length).toBeGreaterThan(100);
    if (isBriefing(page)) {
      await expect(p.locator('figure.diagram svg')).toBeVisible();
      await expect(p.locator('table.presets')).toBeVisible();
      await expect(p.locator('.price-comparison table').first()).toBeVisible();
    }
    await context.close();
  });
}
