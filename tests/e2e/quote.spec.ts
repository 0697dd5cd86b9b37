/**
 * Precise links for chats: a permalink on every paragraph, "Copy quote" on a selection, and the
 * text fragment its link carries (src/plugins/rehype-paragraph-ids.ts, src/scripts/quote.ts,
 * src/lib/quote.ts, src/styles/links.css).
 *
 * The site under test is `npm run build` with the default SITE (http://localhost:4321), so
 * copied URLs are absolute on localhost:4321 while the preview server runs on another port: to
 * open one, the tests go to its path and fragment on the test server.
 */
import { expect, test, type Page } from '@playwright/test';
import { axe } from '../support/axe.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { gzipSize } from '../../src/build/page-weight.ts';
import { PINNED_PARAGRAPH_IDS } from '../support/pinned-sections.ts';

const briefing = '/briefings/deepseek-three-trends/';
const title = 'DeepSeek and the three trends it made visible';
const SITE = 'http://localhost:4321';
/** The letter's paragraph on scaling, which holds "chip embargo". */
const scaling = 'p-152476';

const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const clearClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
const quoteButton = (page: Page) => page.getByRole('button', { name: 'Copy quote' });

/** Viewport rectangle of `phrase` inside the element with `id`. */
function phraseBox(page: Page, id: string, phrase: string) {
  return page.evaluate(
    ([id, phrase]) => {
      const root = document.getElementById(id!)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(phrase!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase!.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      throw new Error(`"${phrase}" is not in #${id}`);
    },
    [id, phrase],
  );
}

/** Selects `phrase` in #id with the mouse: press at its first letter, drag to its last. */
async function dragSelect(page: Page, id: string, phrase: string): Promise<void> {
  await page.locator(`[id="${id}"]`).scrollIntoViewIfNeeded();
  const box = await phraseBox(page, id, phrase);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, y, { steps: 4 });
  await page.mouse.move(box.x + box.width - 1, y, { steps: 4 });
  await page.mouse.up();
}

/** Waits until smooth scrolling has ended. */
async function settled(page: Page): Promise<void> {
  let previous = -1;
  for (let i = 0; i < 40; i += 1) {
    const y = await page.evaluate(() => window.scrollY);
    if (y === previous) return;
    previous = y;
    await page.waitForTimeout(150);
  }
  throw new Error('the page kept scrolling');
}

test('the briefing’s paragraph ids are the pinned list, in order', () => {
  const tree = fromHtml(readFileSync(join('dist', briefing, 'index.html'), 'utf8'));
  const ids: string[] = [];
  visit(tree, 'element', (e: Element) => {
    if ((e.tagName === 'p' || e.tagName === 'li') && String(e.properties['id'] ?? '').startsWith('p-')) ids.push(String(e.properties['id']));
  });
  expect(ids, 'a paragraph id changed: links to it in chats would break (add an alias, see tests/support/pinned-sections.ts)').toEqual([
    ...PINNED_PARAGRAPH_IDS,
  ]);
});

test.describe('with the clipboard allowed', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('a paragraph’s permalink shows on hover and on focus, and copies its absolute URL', async ({ page }) => {
    await page.goto(briefing);
    await clearClipboard(page);
    const paragraph = page.locator(`[id="${scaling}"]`);
    const link = paragraph.locator('a.para-link');
    await expect(link).toHaveAccessibleName('Link to this paragraph');
    await paragraph.scrollIntoViewIfNeeded();
    const opacity = () => link.evaluate((a) => getComputedStyle(a).opacity);
    expect(await opacity()).toBe('0');
    await paragraph.hover({ position: { x: 40, y: 10 } });
    await expect.poll(opacity).toBe('1');
    await page.mouse.move(0, 0);
    await expect.poll(opacity).toBe('0');

    // From the keyboard: Tab from the paragraph before reaches this paragraph's permalink.
    await page.locator(`[id="p-e2d048"] a.para-link`).focus();
    await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    await expect.poll(opacity).toBe('1');
    await expect(link).toBeInViewport();
    const box = (await link.boundingBox())!;
    expect(box.x + box.width, 'the permalink is on screen, not past its edge').toBeLessThanOrEqual(1280);

    const before = page.url();
    await page.keyboard.press('Enter');
    await expect.poll(() => readClipboard(page)).toBe(`${SITE}${briefing}#${scaling}`);
    await expect(page.locator('[data-share-status]')).toHaveText('Link copied');
    expect(page.url(), 'copying does not navigate').toBe(before);
  });

  test('selecting words with the mouse shows "Copy quote" beside them; it copies Markdown for chat', async ({ page }) => {
    await page.goto(briefing);
    await clearClipboard(page);
    await expect(quoteButton(page)).toHaveCount(0);
    // Start and end inside words: the quote is widened to whole words.
    await dragSelect(page, scaling, 'riven in part by the U.S. AI chip embar');
    await expect(quoteButton(page)).toBeVisible();
    const words = await phraseBox(page, scaling, 'chip embar');
    const button = (await quoteButton(page).boundingBox())!;
    expect(Math.abs(button.y - (words.y + words.height)), 'the button sits just below the selection').toBeLessThan(40);
    await quoteButton(page).click();
    await expect(page.locator('[data-share-status]')).toHaveText('Quote copied');
    expect(await readClipboard(page)).toBe(
      '> Driven in part by the U.S. AI chip embargo\n' +
        `— The full letter, in “${title}”: ${SITE}${briefing}#${scaling}:~:text=Driven%20in%20part,AI%20chip%20embargo`,
    );
    // Deselecting hides the control.
    await page.mouse.click(5, 400);
    await expect(quoteButton(page)).toHaveCount(0);
  });

  test('after selecting with Shift+arrows, Tab reaches "Copy quote" and Enter copies', async ({ page }) => {
    await page.goto(briefing);
    await clearClipboard(page);
    const point = page.locator('[id="p-540edf"]');
    await point.scrollIntoViewIfNeeded();
    // Chromium extends a selection, not a bare caret, with Shift+arrows (unless caret browsing
    // is on): pick one word, then extend it word by word from the keyboard.
    const word = await phraseBox(page, 'p-540edf', 'cost');
    await page.mouse.dblclick(word.x + word.width / 2, word.y + word.height / 2);
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Control+Shift+ArrowRight');
    await expect(quoteButton(page)).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(quoteButton(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => readClipboard(page)).toBe(
      '> cost is significantly lower\n' +
        `— 2. Open Weight Models and Commoditization, in “${title}”: ${SITE}${briefing}#p-540edf:~:text=cost%20is%20significantly%20lower`,
    );
    // Escape drops the selection and the control; focus stays by the words.
    await page.keyboard.press('Escape');
    await expect(quoteButton(page)).toHaveCount(0);
    await expect(point.locator('a.para-link')).toBeFocused();
  });

  test('opening a copied quote’s URL brings the quoted words into view', async ({ page }) => {
    await page.goto(briefing);
    await dragSelect(page, scaling, 'Driven in part by the U.S. AI chip embargo');
    await quoteButton(page).click();
    await expect(page.locator('[data-share-status]')).toHaveText('Quote copied');
    const copied = new URL((await readClipboard(page)).split(': ').pop()!);
    expect(copied.origin).toBe(SITE);
    // A fresh navigation, as from a chat, to the same path and fragment on the test server.
    await page.goto('about:blank');
    await page.goto(`${copied.pathname}${copied.hash}`);
    // The scroll to the fragment can start after the load: wait for the paragraph to come into
    // view (two reads of an unmoved page would look settled), then for the scroll to end.
    await expect(page.locator(`[id="${scaling}"]`)).toBeInViewport();
    await settled(page);
    // The browser keeps the directive out of location.hash; the element fragment is the paragraph.
    expect(await page.evaluate(() => location.hash)).toBe(`#${scaling}`);
    await expect(page.locator(`[id="${scaling}"]`)).toBeInViewport();
    const words = await phraseBox(page, scaling, 'Driven in part by the U.S. AI chip embargo');
    expect(words.y).toBeGreaterThan(56); // below the sticky header
    expect(words.y + words.height).toBeLessThan(800);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violations with the quote control shown (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(briefing);
      await dragSelect(page, scaling, 'Driven in part by the U.S. AI chip embargo');
      await expect(quoteButton(page)).toBeVisible();
      // The control, the paragraph it sits by and the status line it speaks through (the whole
      // page is checked by pages.spec.ts, which is much slower).
      const results = await axe(page).include('.quote-button').include(`[id="${scaling}"]`).include('[data-share-status]').analyze();
      expect(results.passes.map((p) => p.id)).toContain('color-contrast');
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the words a text fragment lands on are marked with AA contrast (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(briefing);
    const colours = await page.locator(`[id="${scaling}"]`).evaluate((p) => {
      const style = getComputedStyle(p, '::target-text');
      return { fg: style.color, bg: style.backgroundColor, text: getComputedStyle(p).color, page: getComputedStyle(document.body).backgroundColor };
    });
    // Marked, not the page's own colours…
    expect(colours.bg).not.toBe(colours.page);
    expect(colours.bg).not.toMatch(/rgba\(0, 0, 0, 0\)/);
    // …and readable: WCAG contrast of the text on the mark.
    expect(contrast(colours.fg, colours.bg), `${colours.fg} on ${colours.bg}`).toBeGreaterThanOrEqual(4.5);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a paragraph’s permalink is an ordinary link to the paragraph', async ({ page }) => {
    await page.goto(briefing);
    const link = page.locator(`[id="${scaling}"] a.para-link`);
    await expect(link).toHaveAttribute('href', `#${scaling}`);
    expect(await link.getAttribute('role')).toBeNull();
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${briefing}#${scaling}$`));
    await expect(page.locator(`[id="${scaling}"]`)).toBeInViewport();
  });
});

test('the quote control loads on the first selection only, within 2 KB gzip', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(briefing, { waitUntil: 'networkidle' });
  expect(scripts.filter((s) => s.includes('quote'))).toEqual([]);
  const before = [...scripts];
  const loaded = page.waitForRequest((r) => new URL(r.url()).pathname === '/_astro/quote.js');
  await dragSelect(page, scaling, 'chip embargo');
  await loaded;
  await expect(quoteButton(page)).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The script and the chunks it imports, as the browser fetched them.
  const files = [...new Set(scripts.filter((s) => s.startsWith('/_astro/') && !before.includes(s)))];
  expect(files).toContain('/_astro/quote.js');
  const size = files.reduce((sum, f) => sum + gzipSize(readFileSync(join('dist', f))), 0);
  console.log(`quote control: ${files.join(' + ')} = ${size} B gzip`);
  expect(size).toBeLessThanOrEqual(2048);
});

/** WCAG 2 contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
