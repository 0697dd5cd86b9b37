/**
 * Every page a reader can reach (the sitemap's, plus the 404 page), one test each, on ONE page
 * load, at phone and desktop widths (the viewport is resized, as when a phone turns):
 *
 * - as a reader sees it, at 320, 390 and 1280 px with every <details> open: no words run together,
 *   no SVG text outside its box, no table wider than its box, no sideways scrolling;
 * - its Content-Security-Policy holds with no violation, it makes no third-party request, and its
 *   inline scripts run;
 * - axe finds nothing at 390 and 1280 px: every rule in the light theme, then, after the reader's
 *   own switch to dark, the colour rules (the dark theme changes colours only: one DOM, colours
 *   from light-dark()).
 *
 * Each width is a step, so a failure names the page, the width and the check.
 */
import { expect, test, type Page } from '@playwright/test';
import { axe } from '../support/axe.ts';
import { watch } from '../support/page-watch.ts';
import { findJoins, openEveryDisclosure, overflow, proseText, textOutsideSvg } from '../support/reading.ts';
import { notFoundPath, sitePages } from '../support/site-pages.ts';

const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function expectReadable(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 844 });
  const found = await overflow(page);
  expect(found.tables, `at ${width} px, tables wider than their box`).toEqual([]);
  expect(found.page, `at ${width} px the page scrolls sideways by this many px`).toBeLessThanOrEqual(0);
  expect(await textOutsideSvg(page), `at ${width} px, SVG text outside its box`).toEqual([]);
  const text = await proseText(page);
  expect(text.length).toBeGreaterThan(200);
  expect(findJoins(text), `at ${width} px, words run together`).toEqual([]);
}

async function axeViolations(page: Page, label: string, rules?: string[]): Promise<string[]> {
  const builder = axe(page);
  const { violations } = await (rules ? builder.withRules(rules) : builder).analyze();
  return violations.map((v) => `${label} ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
}

for (const path of sitePages) {
  test(`${path}: reads cleanly at 320, 390 and 1280 px; CSP holds, no third-party request, scripts run; axe finds nothing in either theme at 390 and 1280 px`, async ({ browser }) => {
    // One load checked at three widths and in two themes, rather than one load each.
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 320, height: 844 } });
    const page = await context.newPage();
    const seen = await watch(page);
    const response = await page.goto(path);
    expect(response!.status()).toBe(path === notFoundPath ? 404 : 200);

    await test.step('the policy holds and the inline scripts ran', async () => {
      const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain("'unsafe-inline'");
      expect(csp).not.toMatch(/'unsafe-eval'/);
      // The theme script set the theme, and the toggle was revealed.
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await expect(page.locator('[data-theme-toggle]')).toBeVisible();
      // No frames: axe runs in the page's one document (tests/support/axe.ts).
      await expect(page.locator('iframe, frame, object, embed')).toHaveCount(0);
    });

    // Open disclosures so their content is read and checked too.
    await openEveryDisclosure(page);
    const axeReport: string[] = [];
    await test.step('320 px: reads cleanly', () => expectReadable(page, 320));
    await test.step('390 px: reads cleanly; axe (light)', async () => {
      await expectReadable(page, 390);
      axeReport.push(...(await axeViolations(page, 'light 390 px')));
    });
    await test.step('1280 px: reads cleanly; axe (light)', async () => {
      await expectReadable(page, 1280);
      axeReport.push(...(await axeViolations(page, 'light 1280 px')));
    });
    await test.step('the reader switches to dark: colour rules at 1280 and 390 px', async () => {
      await page.getByRole('button', { name: 'Dark theme' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      axeReport.push(...(await axeViolations(page, 'dark 1280 px', COLOUR_RULES)));
      await page.setViewportSize({ width: 390, height: 844 });
      axeReport.push(...(await axeViolations(page, 'dark 390 px', COLOUR_RULES)));
    });
    expect(axeReport).toEqual([]);
    expect(await seen.violations()).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await context.close();
  });
}
