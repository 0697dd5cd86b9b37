/**
 * The axe helper (tests/support/axe.ts) injects axe-core once per document. Its analyses must
 * still see the page as it is now: a defect added after the first analysis, and a new document
 * after a navigation, where axe has to be injected again.
 */
import { expect, test, type Page } from '@playwright/test';
import { axe } from '../support/axe.ts';

const ruleIds = async (page: Page) => (await axe(page).analyze()).violations.map((v) => v.id);

test('the axe helper reports a defect added after its first analysis, and works again after a navigation', async ({ page }) => {
  await page.goto('/');
  expect(await ruleIds(page)).toEqual([]);
  await page.evaluate(() => {
    const faint = document.createElement('p');
    faint.textContent = 'Words too faint to read';
    faint.style.color = '#ddd';
    faint.style.background = '#fff';
    document.querySelector('main')!.append(faint);
  });
  expect(await ruleIds(page)).toContain('color-contrast');

  await page.goto('/methodology/');
  expect(await page.evaluate(() => 'axe' in window), 'a new document starts without axe').toBe(false);
  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = '/favicon.svg';
    document.querySelector('main')!.append(image);
  });
  expect(await ruleIds(page)).toContain('image-alt');
});
