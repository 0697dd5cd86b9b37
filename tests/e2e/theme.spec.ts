import { expect, test, type Page } from '@playwright/test';

const briefing = '/briefings/deepseek-three-trends/';

/** Records data-theme at the moment <body> enters the DOM: what the first paint will use. */
async function recordThemeAtFirstPaint(page: Page) {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.body) {
        (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset['theme'];
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

const themeAtBody = (page: Page) => page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('follows the system setting when the reader has not chosen', async ({ browser }) => {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await recordThemeAtFirstPaint(page);
    await page.goto(briefing);
    expect(await themeAtBody(page)).toBe(scheme);
    expect(await background(page)).toBe(scheme === 'dark' ? 'rgb(17, 20, 24)' : 'rgb(255, 255, 255)');
    await context.close();
  }
});

test('follows a change of the system setting while open, until the reader chooses', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(briefing);
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await background(page)).toBe('rgb(17, 20, 24)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  // The reader's choice wins over later system changes, on this page and after a reload.
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  // The system goes dark and back to light; a (wrong) change handler gets a frame to run.
  const systemFlips = async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.evaluate(() => new Promise(requestAnimationFrame));
  };
  await systemFlips();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await systemFlips();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await context.close();
});

// The toggle's state, colours and memory across reloads and pages, in three engines:
// tests/support/reading-checks.ts. Here, what only Chromium's init scripts can see: the first paint.
test('a chosen theme is applied before the first paint, after a reload and on another page', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await recordThemeAtFirstPaint(page);
  await page.goto(briefing);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  // Dark was applied before <body> existed, so the first paint was already dark.
  expect(await themeAtBody(page)).toBe('dark');
  await page.goto('/');
  expect(await themeAtBody(page)).toBe('dark');

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.reload();
  expect(await themeAtBody(page)).toBe('light');
  await context.close();
});

test('the toggle is keyboard operable', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(briefing);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('without JavaScript the system dark setting still applies and the toggle is hidden', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(briefing);
  expect(await background(page)).toBe('rgb(17, 20, 24)');
  await expect(page.locator('[data-theme-toggle]')).toBeHidden();
  await context.close();
});
