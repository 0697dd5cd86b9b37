/**
 * Checks over every page of the sitemap: no Content-Security-Policy violation, no request to
 * another origin, and no axe violation in either theme at phone and desktop widths.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { notFoundPath, sitemapPaths as paths, sitePages as pages } from '../support/site-pages.ts';

test('the sitemap lists the pages this suite walks', () => {
  expect(paths).toContain('/');
  expect(paths).toContain('/briefings/deepseek-three-trends/');
  expect(paths.length).toBeGreaterThanOrEqual(12);
});

async function watch(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['http:', 'https:'].includes(url.protocol)) return; // data: URLs
    if (url.origin !== new URL(page.url() === 'about:blank' ? request.url() : page.url()).origin) foreign.push(request.url());
  });
  return {
    foreign,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

test('search (Pagefind, WebAssembly) works under the policy', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('/briefings/deepseek-three-trends/');
  await page.keyboard.press('/');
  await page.getByRole('searchbox').fill('Rorschach');
  await expect(page.locator('dialog a[href*="/briefings/deepseek-three-trends/"]').first()).toBeVisible();
  expect(await seen.violations()).toEqual([]);
  expect(seen.foreign).toEqual([]);
});

// One test per page and width (a loop over 13 pages inside one test timed out on a busy
// machine), each on one page load: the policy and the scripts, then every axe rule in the light
// theme, then the reader's own switch to dark and the colour rules again (the dark theme changes
// colours only: one DOM, colours from light-dark()).
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
for (const path of pages) {
  for (const width of [390, 1280]) {
    test(`${path} at ${width} px: CSP holds, no third-party request, scripts run, axe finds nothing in either theme`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: 'light', viewport: { width, height: 900 } });
      const page = await context.newPage();
      const seen = await watch(page);
      const response = await page.goto(path);
      expect(response!.status()).toBe(path === notFoundPath ? 404 : 200);
      const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain("'unsafe-inline'");
      expect(csp).not.toMatch(/'unsafe-eval'/);
      // The inline scripts ran: the theme script set the theme, and the toggle was revealed.
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await expect(page.locator('[data-theme-toggle]')).toBeVisible();
      // Open disclosures so their content is checked too.
      await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const report = (await new AxeBuilder({ page }).analyze()).violations.map((v) => `light ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
      await page.getByRole('button', { name: 'Dark theme' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      for (const v of (await new AxeBuilder({ page }).withRules(COLOUR_RULES).analyze()).violations) {
        report.push(`dark ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
      }
      expect(report).toEqual([]);
      expect(await seen.violations()).toEqual([]);
      expect(seen.foreign).toEqual([]);
      await context.close();
    });
  }
}

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
