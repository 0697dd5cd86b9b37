import { expect, test } from '@playwright/test';
import { readSeed, squash } from '../support/seed.ts';

const briefing = '/briefings/deepseek-three-trends/';
const seed = readSeed();

test.describe('the briefing page', () => {
  test('carries every part of the seed, word for word', async ({ page }) => {
    await page.goto(briefing);
    const text = squash(await page.locator('article').innerText());
    // The seed has 3 trends of 3 points, an intro and 3 framework lines, and 10 letter paragraphs; a parse
    // that found fewer would make the loops below prove nothing.
    expect(seed.trendTitles).toHaveLength(3);
    expect(seed.trendPoints).toHaveLength(9);
    expect(seed.framework).toHaveLength(4);
    expect(seed.paragraphs).toHaveLength(10);
    for (const part of [...seed.trendTitles, ...seed.trendPoints, seed.corePoint, seed.fundamentalPoint, ...seed.framework]) {
      expect(text, `summary text missing: ${part}`).toContain(squash(part));
    }
    for (const paragraph of seed.paragraphs) {
      expect(text, `letter paragraph missing: ${paragraph.slice(0, 60)}…`).toContain(squash(paragraph));
    }
    await expect(page.getByRole('heading', { level: 2, name: 'The full letter' })).toBeVisible();
    await expect(page.locator('.source-note')).toContainText('Text file upload');
    await expect(page.locator('.source-note')).toContainText('The buzz over DeepSeek this week crystallized, for');
  });

  test('shows the diagram as inline SVG with its labels', async ({ page }) => {
    await page.goto(briefing);
    const svg = page.locator('figure.diagram svg').first();
    await expect(svg).toBeVisible();
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(100);
    for (const label of ['DeepSeek-R1', 'Open Weight Models', 'Algorithm Innovations', 'Price Reduction']) {
      await expect(svg.locator('text', { hasText: label }).first()).toBeAttached();
    }
  });

  test('has one h1, landmarks, a skip link and a table of contents that navigates', async ({ page }) => {
    await page.goto(briefing);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo').first()).toBeAttached();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();

    const toc = page.getByRole('navigation', { name: 'On this page' });
    await toc.getByRole('link', { name: 'The full letter' }).click();
    await expect(page).toHaveURL(/#the-full-letter$/);
    await expect(page.locator('#the-full-letter')).toBeInViewport();
  });

  test('every h2 and h3 has an id and a named permalink that lands below the sticky header', async ({ page }) => {
    await page.goto(briefing);
    const headings = page.locator('article :is(h2, h3):not(.source-title)');
    const count = await headings.count();
    expect(count).toBeGreaterThanOrEqual(9);
    for (let i = 0; i < count; i += 1) {
      const heading = headings.nth(i);
      const id = await heading.getAttribute('id');
      expect(id, `heading ${i} has no id`).toMatch(/^[a-z0-9-]+$/);
      const link = heading.locator('a.permalink');
      await expect(link).toHaveAttribute('href', `#${id}`);
      const name = squash(await heading.innerText());
      await expect(link).toHaveAccessibleName(`Link to section: ${name}`);
    }
    const core = page.locator('#core-point');
    await core.hover();
    await core.locator('a.permalink').click();
    await expect(page).toHaveURL(/#core-point$/);
    const headerBottom = (await page.locator('.site-header').boundingBox())!;
    const coreBox = (await core.boundingBox())!;
    expect(coreBox.y).toBeGreaterThanOrEqual(headerBottom.y + headerBottom.height - 1);
    await expect(core).toBeInViewport();
  });

  test('without JavaScript the text and the diagram are all there', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(briefing);
    await expect(page.locator('figure.diagram svg').first()).toBeVisible();
    await expect(page.locator('article')).toContainText(squash(seed.paragraphs.at(-1)!));
    await context.close();
  });

  // 320, 390 and 1280 px are checked on every page by tests/e2e/pages.spec.ts; these are the
  // widths between and beyond, on one load (the viewport is resized, as when a phone turns).
  test('never scrolls sideways at 360, 768 or 1440 px', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(briefing);
    for (const width of [360, 768, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `at ${width} px the page scrolls sideways by this many px`).toBeLessThanOrEqual(0);
    }
  });

  test('reading measure stays between 60 and 80 characters on a wide screen', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(briefing);
    const chars = await page.evaluate((sample) => {
      const p = document.querySelector('#the-full-letter ~ p')!;
      // Average width of a character of real English prose in the page's own font.
      const probe = document.createElement('span');
      probe.style.whiteSpace = 'nowrap';
      probe.textContent = sample;
      p.append(probe);
      const perChar = probe.getBoundingClientRect().width / sample.length;
      probe.remove();
      return p.getBoundingClientRect().width / perChar;
    }, seed.paragraphs[0]!);
    expect(chars).toBeGreaterThan(60);
    expect(chars).toBeLessThan(85);
  });
});

test.describe('site pages', () => {
  test('the home page introduces the site and features the latest briefing', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('h1')).toHaveText('AI Landscape Briefing');
    const card = page.locator('.latest');
    await expect(card).toContainText('Latest briefing');
    await card.getByRole('link', { name: 'Read the briefing' }).click();
    await expect(page).toHaveURL(new RegExp(`${briefing}$`));
    await expect(page.locator('h1')).toHaveText('DeepSeek and the three trends it made visible');
  });

  test('an unknown path gets the 404 page with status 404', async ({ page }) => {
    const response = await page.goto('/no/such/page/');
    expect(response!.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Go to the latest briefing' }).click();
    await expect(page.locator('h1')).toHaveText('AI Landscape Briefing');
  });

  test('head carries lang, title, description and favicon', async ({ page }) => {
    await page.goto(briefing);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('DeepSeek and the three trends it made visible · AI Landscape Briefing');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /China is closing the gap/);
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const response = await page.request.get(icon!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('svg');
  });
});
