/**
 * Site-wide checks beyond each page's own (tests/e2e/pages.spec.ts): the sitemap lists the pages
 * the suite walks, search works under the Content-Security-Policy, and every control is reachable
 * by keyboard with a visible focus ring.
 */
import { expect, test } from '@playwright/test';
import { watch } from '../support/page-watch.ts';
import { sitemapPaths as paths } from '../support/site-pages.ts';

test('the sitemap lists the pages this suite walks', () => {
  expect(paths).toContain('/');
  expect(paths).toContain('/briefings/deepseek-three-trends/');
  expect(paths.length).toBeGreaterThanOrEqual(12);
});

test('search (Pagefind, WebAssembly) works under the policy', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('/briefings/deepseek-three-trends/');
  await page.keyboard.press('/');
  await page.getByRole('searchbox').fill('Rorschach');
  await expect(page.locator('dialog a[href*="/briefings/deepseek-three-trends/"]').first()).toBeVisible();
  expect(await seen.violations()).toEqual([]);
  expect(seen.foreign).toEqual([]);
});

test('every control can be reached with Tab and shows a focus ring', async ({ page }) => {
  await page.goto('/briefings/deepseek-three-trends/');
  const seen = new Set<string>();
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { key: `${el.tagName} ${el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? el.getAttribute('name') ?? el.textContent?.trim().slice(0, 30)}`, ring };
    });
    if (!info) continue;
    expect(info.ring, `${info.key} has no visible focus ring`).toBe(true);
    seen.add(info.key);
  }
  // Skip link, search, theme toggle, TOC links, permalinks, share links and diagram links at least.
  expect(seen.size).toBeGreaterThan(30);
});
