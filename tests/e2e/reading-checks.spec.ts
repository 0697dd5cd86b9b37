/** The reading checks that `npm run test:engines` runs in Firefox and WebKit (tests/support/reading-checks.ts), here in Chromium. */
import { test, type Page } from '@playwright/test';
import { watch } from '../support/page-watch.ts';
import { readingChecks, type Reader } from '../support/reading-checks.ts';
import { sitemapPaths } from '../support/site-pages.ts';

async function playwrightReader(page: Page): Promise<Reader> {
  const seen = await watch(page);
  let errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  const fresh = async (navigate: () => Promise<unknown>) => {
    errors = [];
    await navigate();
  };
  return {
    engine: `Chromium ${page.context().browser()?.version() ?? '?'}`,
    goto: (url) => fresh(() => page.goto(url)),
    // The checks' functions are typed by the Reader; each driver only passes them through.
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as Promise<never>,
    setWidth: (width) => page.setViewportSize({ width, height: page.viewportSize()?.height ?? 800 }),
    click: (selector) => page.click(selector),
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    press: (key) => page.keyboard.press(key),
    reload: () => fresh(() => page.reload()),
    problems: async () => [...errors, ...(await seen.violations())],
  };
}

for (const check of readingChecks({ paths: sitemapPaths })) {
  test(`reading: ${check.name}`, async ({ page, baseURL }, info) => {
    const reader = await playwrightReader(page);
    info.annotations.push({ type: 'engine', description: reader.engine });
    await check.run(reader, baseURL!);
  });
}
