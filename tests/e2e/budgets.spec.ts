/**
 * Byte budgets on what a first view of each built page transfers (gzip): HTML plus the CSS, JS,
 * images and fonts it loads. Search's bundle loads only when opened and is budgeted on its own.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSize, listPages, measurePage } from '../../src/tools/page-weight.ts';

const dist = 'dist';
const KB = 1024;
const budgets = { briefing: 24 * KB, other: 14 * KB, js: 4 * KB, search: 120 * KB };
const isBriefing = (page: string) => /^briefings\/[^/]+\/index\.html$/.test(page);
const pages = listPages(dist).filter((p) => !p.startsWith('pagefind/'));

test('every page fits its first-view budget', () => {
  const rows = pages.map((page) => {
    const w = measurePage(dist, page);
    return { page, total: w.gzip, js: w.jsGzip, requests: w.requests, budget: isBriefing(page) ? budgets.briefing : budgets.other };
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
