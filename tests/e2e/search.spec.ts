import { expect, test, type Page } from '@playwright/test';
import { axe } from '../support/axe.ts';

/**
 * Site search (src/components/Search.astro). Needs the Pagefind index in dist/pagefind/, which
 * `npm run build` writes after `astro build`.
 */
const briefing = '/briefings/deepseek-three-trends/';
const briefingTitle = 'DeepSeek and the three trends it made visible';

const openButton = (page: Page) => page.getByRole('button', { name: 'Search', exact: true });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search the briefings' });
const input = (page: Page) => dialog(page).getByRole('searchbox', { name: 'Search the briefings' });
const status = (page: Page) => dialog(page).getByRole('status');
const results = (page: Page) => dialog(page).getByRole('list', { name: 'Results' }).getByRole('link');

/** The result that points into the briefing page. */
const briefingResult = (page: Page) => dialog(page).locator(`[data-search-results] a[href^="${briefing}"]`);

test('loads nothing from Pagefind until the dialog opens; "/" opens it with focus in the field', async ({ page }) => {
  const pagefindRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.includes('/pagefind/')) pagefindRequests.push(request.url());
  });
  await page.goto(briefing, { waitUntil: 'networkidle' });
  await expect(openButton(page)).toBeVisible();
  // Scroll and use the page a little: still nothing.
  await page.mouse.wheel(0, 1500);
  await page.waitForTimeout(300);
  expect(pagefindRequests).toEqual([]);

  const bundle = page.waitForRequest((request) => new URL(request.url()).pathname === '/pagefind/pagefind.js');
  await page.locator('body').press('/');
  await expect(dialog(page)).toBeVisible();
  await expect(input(page)).toBeFocused();
  // The "/" that opened the dialog is not typed into the field.
  await expect(input(page)).toHaveValue('');
  await bundle;
});

test('"/" typed into a form field is left alone', async ({ page }) => {
  await page.goto('/');
  await openButton(page).click();
  await input(page).fill('a/b');
  await expect(input(page)).toHaveValue('a/b');
});

test('a phrase from the letter finds the briefing, and Enter on the result goes there', async ({ page }) => {
  await page.goto('/');
  await openButton(page).click();
  await input(page).fill('Rorschach test');
  await expect(status(page)).toHaveText(/^\d+ results? for “Rorschach test”/);
  const result = briefingResult(page);
  await expect(result).toHaveCount(1);
  await expect(result).toContainText(briefingTitle);
  // Pagefind's highlight arrives as a real <mark>, not as markup in text.
  await expect(result.locator('mark').first()).toHaveText(/Rorschach/i);
  await expect(result).not.toContainText('<mark>');
  expect(await results(page).count()).toBeLessThanOrEqual(8);

  // Arrow down from the field reaches the first result; arrow up goes back.
  await input(page).press('ArrowDown');
  await expect(results(page).first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(input(page)).toBeFocused();

  await input(page).press('ArrowDown');
  while (!(await result.evaluate((a) => a === document.activeElement))) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // The paragraph that holds the words (the location bar drops the text fragment).
  await expect(page).toHaveURL(new RegExp(`${briefing}#p-18d514$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(briefingTitle);
  await expect(page.locator('#p-18d514')).toContainText('Rorschach test');
  await expect(page.locator('#p-18d514')).toBeInViewport();
});

// Where the result lands, in Chromium, Firefox and WebKit: tests/support/reading-checks.ts.
test('"chip embargo", deep in the letter, has one result: its section, and a link to its paragraph with a text fragment on the words', async ({ page }) => {
  await page.goto('/');
  await openButton(page).click();
  await input(page).fill('chip embargo');
  await expect(status(page)).toHaveText(/^1 result for “chip embargo”/);
  const result = briefingResult(page);
  // The section where the words are, then the paragraph, then the words with the four words
  // before them in that paragraph ("…by the U.S. AI chip embargo, the DeepSeek team…").
  await expect(result.locator('.search-result-section')).toHaveText('The full letter');
  await expect(result).toHaveAttribute('href', `${briefing}#p-152476:~:text=by%20the%20U.S.%20AI-,chip%20embargo`);
});

test('the diagram’s text alternative is indexed, and clicking the result goes there', async ({ page }) => {
  await page.goto('/');
  await openButton(page).click();
  // Quoted: Pagefind then matches the exact phrase, which only the diagram in words holds.
  await input(page).fill('"Nuanced Approach to AI Progress"');
  await expect(status(page)).toHaveText(/^\d+ results? for “"Nuanced Approach to AI Progress"”/);
  await expect(briefingResult(page)).toHaveCount(1);
  await expect(briefingResult(page).locator('.search-result-excerpt')).toContainText('Shift from scaling → Nuanced Approach to AI Progress');
  // Only the diagram in words holds it: the result goes to the diagram's section.
  await expect(briefingResult(page)).toHaveAttribute('href', `${briefing}#the-diagram`);
  await briefingResult(page).click();
  await expect(page).toHaveURL(new RegExp(`${briefing}#the-diagram$`));
});

test('a nonsense query says "No results"', async ({ page }) => {
  await page.goto(briefing);
  await openButton(page).click();
  await input(page).fill('qzxv wplmk');
  await expect(status(page)).toHaveText('No results');
  await expect(results(page)).toHaveCount(0);
  // Clearing the field clears the message.
  await input(page).fill('');
  await expect(status(page)).toHaveText('');
});

test('Escape closes the dialog and focus returns to the Search button', async ({ page }) => {
  await page.goto(briefing);
  // Opened from the keyboard shortcut, with focus nowhere in particular.
  await page.locator('body').press('/');
  await expect(input(page)).toBeFocused();
  await input(page).fill('deepseek');
  await expect(results(page).first()).toBeVisible();
  // One Escape closes, even from a filled search field (whose own Escape would only clear it).
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(openButton(page)).toBeFocused();

  // The Close button and a click on the backdrop close it too.
  await openButton(page).click();
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(openButton(page)).toBeFocused();
  await openButton(page).click();
  await page.mouse.click(5, 700);
  await expect(dialog(page)).toBeHidden();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the open dialog has no axe violations in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(briefing);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await openButton(page).click();
    await input(page).fill('deepseek');
    await expect(status(page)).toHaveText(/results? for “deepseek”/);
    await expect(results(page).first()).toBeVisible();
    const background = await dialog(page).evaluate((d) => getComputedStyle(d).backgroundColor);
    expect(background).toBe(scheme === 'dark' ? 'rgb(17, 20, 24)' : 'rgb(255, 255, 255)');
    // Hover and focus states are part of what readers see: check a focused result too.
    await input(page).press('ArrowDown');
    const report = await axe(page).include('dialog[open]').analyze();
    expect(report.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('on a 360 px phone the dialog spans the screen and the button fits', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(briefing);
  const button = await openButton(page).boundingBox();
  expect(button!.x).toBeGreaterThanOrEqual(0);
  expect(button!.x + button!.width).toBeLessThanOrEqual(360);
  // The header gains a control but the page still does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await openButton(page).click();
  const box = await dialog(page).boundingBox();
  expect(box!.x).toBe(0);
  expect(box!.width).toBe(360);
  await input(page).fill('deepseek');
  await expect(results(page).first()).toBeVisible();
  const overflow = await dialog(page).evaluate((d) => d.scrollWidth - d.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('on a wide screen the dialog is at most 40rem wide, near the top, with the "/" hint', async ({ page }) => {
  await page.goto(briefing);
  await expect(openButton(page).getByText('Search')).toBeVisible();
  await expect(openButton(page).locator('kbd')).toHaveText('/');
  await expect(openButton(page).locator('kbd')).toBeVisible();
  await openButton(page).click();
  const box = await dialog(page).boundingBox();
  expect(box!.width).toBeLessThanOrEqual(640);
  expect(box!.y).toBeLessThan(800 * 0.2);
});

test('without JavaScript the Search button is hidden', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(briefing);
  await expect(page.locator('[data-search-open]')).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await context.close();
});
