/**
 * Sharing a section: its share link copies the section's share-page URL (with the mouse, Enter
 * or Space), says so, and stays put; without JavaScript it is an ordinary link to the share page.
 * The share pages walk through the sections with previous/next links, and every way back into
 * the briefing (share page, table of contents) lands with the heading clear of the sticky header.
 *
 * The site under test is `npm run build` with the default SITE (http://localhost:4321), so share
 * URLs are absolute on localhost:4321 while the preview server runs on another port: to follow
 * one, the tests go to its path on the test server.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

const briefing = '/briefings/deepseek-three-trends/';
const SITE = 'http://localhost:4321';
const coreShareUrl = `${SITE}${briefing}core-point/`;

const statusRegion = (page: Page) => page.locator('[data-share-status]');
const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const clearClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));

/** Waits until `locator` stops moving (smooth scrolling has ended) and returns its box. */
async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let previous = await locator.boundingBox();
  for (let i = 0; i < 40; i += 1) {
    await locator.page().waitForTimeout(75);
    const current = await locator.boundingBox();
    if (current && previous && current.y === previous.y) return current;
    previous = current;
  }
  throw new Error('the page kept scrolling');
}

/** The heading `id` is in view and its top is not under the sticky site header. */
async function expectLandedOn(page: Page, id: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  const heading = page.locator(`[id="${id}"]`);
  // After a navigation the scroll can start after the load: wait for the heading to come into
  // view first, so the box is not read (and found still) before the page has moved at all.
  await expect(heading).toBeInViewport();
  const box = await settledBox(heading);
  const header = (await page.locator('.site-header').boundingBox())!;
  const headerBottom = header.y + header.height;
  expect(box.y, `#${id} (top ${box.y}) should start below the sticky header (bottom ${headerBottom})`).toBeGreaterThanOrEqual(headerBottom);
  await expect(heading).toBeInViewport();
}

test.describe('a share link, with JavaScript', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('copies the absolute share URL on click, says "Link copied" and stays on the page', async ({ page }) => {
    await page.goto(briefing);
    await clearClipboard(page);
    const link = page.locator('#core-point a[data-share]');
    await expect(link).toHaveAttribute('role', 'button');
    await expect(link).toHaveAccessibleName(/Core point/);
    const before = page.url();
    // Before: empty and transparent.
    await expect(statusRegion(page)).toHaveText('');
    expect(await statusRegion(page).evaluate((el) => getComputedStyle(el).opacity)).toBe('0');

    await link.click();

    await expect.poll(() => readClipboard(page)).toBe(coreShareUrl);
    const status = statusRegion(page);
    await expect(status).toHaveAttribute('role', 'status');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(status).toHaveText('Link copied');
    await expect(status).toBeVisible();
    await expect(status).toBeInViewport();
    await expect.poll(() => status.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await expect(link).toHaveClass(/\bcopied\b/);
    expect(await link.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"Copied"');
    expect(page.url(), 'copying must not navigate or add a #fragment').toBe(before);
    await expect(page.locator('h1')).toHaveText('DeepSeek and the three trends it made visible');
  });

  test('copies with Enter and with Space after tabbing to it, without scrolling', async ({ page }) => {
    await page.goto(briefing);
    await clearClipboard(page);
    // Tab from the top of the page until a share link has focus.
    let focusedShare: string | null = null;
    for (let i = 0; i < 60 && !focusedShare; i += 1) {
      await page.keyboard.press('Tab');
      focusedShare = await page.evaluate(() => (document.activeElement?.matches('a[data-share]') ? (document.activeElement as HTMLAnchorElement).href : null));
    }
    expect(focusedShare, 'a share link should be reachable with Tab').not.toBeNull();
    expect(focusedShare).toMatch(new RegExp(`^${SITE}${briefing}[a-z0-9-]+/$`));
    const before = page.url();

    await page.keyboard.press('Enter');
    await expect.poll(() => readClipboard(page), { message: 'Enter copies' }).toBe(focusedShare);
    await expect(statusRegion(page)).toHaveText('Link copied');
    expect(page.url()).toBe(before);

    await clearClipboard(page);
    await page.waitForTimeout(400); // let any smooth scroll from focusing end
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('Space');
    await expect.poll(() => readClipboard(page), { message: 'Space copies' }).toBe(focusedShare);
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => window.scrollY), 'Space on the share button must not scroll the page').toBe(scrollBefore);
    expect(page.url()).toBe(before);
    await expect(page.locator('a[data-share]:focus')).toHaveCount(1);
  });

  test('follows the link when the clipboard refuses', async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', {
        configurable: true,
        get: () => ({ writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) }),
      });
    });
    // The share URL is on SITE (localhost:4321): answer it from the test server.
    await page.route(`${SITE}/**`, async (route) => {
      const url = new URL(route.request().url());
      await route.fulfill({ response: await route.fetch({ url: new URL(`${url.pathname}${url.search}`, baseURL).href }) });
    });
    await page.goto(briefing);
    await page.locator('#core-point a[data-share]').click();
    await expect(page).toHaveURL(coreShareUrl);
    await expect(page.locator('h1')).toHaveText('Core point');
    // The page's late requests (scripts, icons) may still be in the route when the test ends;
    // left running, they fail the next test instead.
    await page.unrouteAll({ behavior: 'wait' });
  });
});

test.describe('a share link, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('is an ordinary link to the share page, which leads back to the section below the header', async ({ page }) => {
    await page.goto(briefing);
    const link = page.locator('#core-point a[data-share]');
    await expect(link).toHaveAttribute('href', coreShareUrl);
    expect(await link.getAttribute('role'), 'no button role without the script').toBeNull();
    await expect(link).toHaveAccessibleName(/Core point/);

    // Follow it: its path on the test server.
    await page.goto(new URL(coreShareUrl).pathname);
    await expect(page.locator('h1')).toHaveText('Core point');
    await expect(page.locator('main')).toContainText('The emergence of DeepSeek');
    await expect(page.locator('main')).toContainText('DeepSeek and the three trends it made visible');

    await page.getByRole('link', { name: /Read the whole briefing/ }).click();
    await expect(page).toHaveURL(new RegExp(`${briefing}#core-point$`));
    await expectLandedOn(page, 'core-point');
  });
});

test.describe('section links', () => {
  test('every entry of the table of contents lands on its heading below the sticky header', async ({ page }) => {
    await page.goto(briefing);
    const entries = page.locator('.briefing-toc nav a');
    const hrefs = await entries.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThanOrEqual(9);
    // Out of order too, so some jumps scroll up.
    const order = [...hrefs.keys(), 0, hrefs.length - 1, 1];
    for (const i of order) {
      const id = hrefs[i]!.replace(/^#/, '');
      await entries.nth(i).click();
      await expectLandedOn(page, id);
    }
  });

  test.describe('with motion allowed', () => {
    test.use({ reducedMotion: 'no-preference' });

    test('a jump from the table of contents scrolls smoothly and lands its heading below the sticky header', async ({ page }) => {
      await page.goto(briefing);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
      await page.locator('.briefing-toc nav a[href="#fundamental-point"]').click();
      await expectLandedOn(page, 'fundamental-point');
    });
  });

  test('previous/next links on the share pages walk through every section in order', async ({ page }) => {
    await page.goto(briefing);
    const toc = await page
      .locator('.briefing-toc nav a')
      .evaluateAll((links) => links.map((a) => ({ id: (a.getAttribute('href') ?? '').replace(/^#/, ''), title: (a.textContent ?? '').trim() })));
    expect(toc.length).toBeGreaterThanOrEqual(9);

    await page.goto(`${briefing}${toc[0]!.id}/`);
    const prev = page.locator('a[rel="prev"]');
    const next = page.locator('a[rel="next"]');
    const visited: string[] = [];
    for (const [i, section] of toc.entries()) {
      await expect(page).toHaveURL(new RegExp(`${briefing}${section.id}/$`));
      await expect(page.locator('h1')).toHaveText(section.title);
      await expect(page.getByRole('link', { name: /Read the whole briefing/ })).toHaveAttribute('href', `${briefing}#${section.id}`);
      visited.push(section.id);
      if (i === 0) await expect(prev).toHaveCount(0);
      else await expect(prev).toContainText(toc[i - 1]!.title);
      if (i === toc.length - 1) {
        await expect(next).toHaveCount(0);
      } else {
        await expect(next).toContainText(toc[i + 1]!.title);
        await next.click();
      }
    }
    expect(visited).toEqual(toc.map((s) => s.id));

    // And back again.
    for (let i = toc.length - 1; i > 0; i -= 1) {
      await expect(page).toHaveURL(new RegExp(`${briefing}${toc[i]!.id}/$`));
      await prev.click();
    }
    await expect(page).toHaveURL(new RegExp(`${briefing}${toc[0]!.id}/$`));
    await expect(prev).toHaveCount(0);
  });
});

test.describe("the diagram's share page", () => {
  const diagramPage = `${briefing}the-diagram/`;
  const svgOf = (page: Page) => page.locator('figure.diagram svg[aria-roledescription="flowchart-v2"]');

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    test(`holds the whole diagram, which opens at full size, at ${viewport.width}x${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(diagramPage);
      const svg = svgOf(page);
      await expect(svg).toBeVisible();
      await expect(svg).toHaveAccessibleName('How DeepSeek connects the three trends');
      const box = (await svg.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, 'the whole width in the window').toBeLessThanOrEqual(viewport.width);
      // Wider than the 60ch text column where the window allows it.
      const text = (await page.locator('h1').boundingBox())!;
      if (viewport.width >= 1280) expect(box.width).toBeGreaterThan(text.width + 200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

      await page.getByRole('link', { name: 'View full size' }).click();
      const dialog = page.getByRole('dialog', { name: 'How DeepSeek connects the three trends' });
      await expect(dialog).toBeVisible();
      const scale = await svg.evaluate((el: SVGSVGElement) => el.getBoundingClientRect().width / el.viewBox.baseVal.width);
      expect(16 * scale, 'labels in the full view').toBeGreaterThanOrEqual(12);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('link', { name: 'View full size' })).toBeFocused();
    });
  }

  test("a trend node leads to that trend's section in the briefing", async ({ page }) => {
    await page.goto(diagramPage);
    await page.locator('figure.diagram a[*|href$="#beyond-scaling"]').click();
    await expect(page).toHaveURL(new RegExp(`${briefing}#beyond-scaling$`));
    await expectLandedOn(page, 'beyond-scaling');
  });
});
