import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const briefing = '/briefings/deepseek-three-trends/';
const figure = 'figure.diagram';

/** Smallest rendered label size in CSS px: font size times the SVG's scale on screen. */
async function smallestLabelPx(page: Page): Promise<number> {
  return page.locator(`${figure} svg`).first().evaluate((svg: SVGSVGElement) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    return sizes.length ? Math.min(...sizes) : 0;
  });
}

/** WCAG contrast of each node label against its own box fill. */
async function nodeContrasts(page: Page) {
  return page.locator(`${figure} svg`).first().evaluate((svg) => {
    const rgb = (color: string) => {
      const probe = document.createElement('canvas').getContext('2d')!;
      probe.fillStyle = color;
      const hex = probe.fillStyle as string;
      return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    };
    const luminance = (color: string) => {
      const [r, g, b] = rgb(color).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    return [...svg.querySelectorAll('.node')].map((node) => {
      const box = node.querySelector('.label-container')!;
      const text = node.querySelector('text')!;
      const [a, b] = [luminance(getComputedStyle(text).fill), luminance(getComputedStyle(box).fill)];
      return { label: text.textContent, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
    });
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`labels render at 12 px or more and the page never scrolls sideways at ${viewport.width}x${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(briefing);
    const smallest = await smallestLabelPx(page);
    console.log(`smallest diagram label at ${viewport.width}x${viewport.height}: ${smallest.toFixed(1)} px`);
    expect(smallest).toBeGreaterThanOrEqual(12);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('the wide diagram scrolls sideways inside its frame with the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(briefing);
  const region = page.getByRole('region', { name: /How DeepSeek connects the three trends, scrolls sideways/ });
  await region.focus();
  await expect(region).toBeFocused();
  const before = await region.evaluate((el) => el.scrollLeft);
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`node labels keep 4.5:1 contrast and axe finds no contrast issue in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(briefing);
    const contrasts = await nodeContrasts(page);
    expect(contrasts).toHaveLength(18);
    for (const { label, ratio } of contrasts) expect(ratio, `contrast of "${label}"`).toBeGreaterThanOrEqual(4.5);
    await page.locator(`${figure} details`).evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const axe = await new AxeBuilder({ page }).include(figure).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
}

test('the dark theme really changes the diagram palette', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(briefing);
  const fill = () => page.locator(`${figure} .node .label-container:not(.dg-styled)`).first().evaluate((el) => getComputedStyle(el).fill);
  const light = await fill();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(await fill()).not.toBe(light);
});

test('trend nodes link to their sections, by keyboard too', async ({ page }) => {
  await page.goto(briefing);
  for (const id of ['chinas-rise', 'open-weight-commoditization', 'beyond-scaling']) {
    await expect(page.locator(`${figure} a[*|href="#${id}"]`)).toHaveCount(1);
  }
  // Tab from the scroll region reaches the first node link.
  await page.locator(`${figure} .diagram-scroll`).focus();
  await page.keyboard.press('Tab');
  const focusedHref = await page.evaluate(() => document.activeElement?.getAttribute('xlink:href') ?? document.activeElement?.getAttribute('href'));
  expect(focusedHref).toMatch(/^#(chinas-rise|open-weight-commoditization|beyond-scaling)$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${focusedHref}$`));
  await expect(page.locator(focusedHref!)).toBeInViewport();
});

test('the diagram has a title, a description and the diagram in words', async ({ page }) => {
  await page.goto(briefing);
  const svg = page.locator(`${figure} svg`).first();
  await expect(svg).toHaveAccessibleName('How DeepSeek connects the three trends');
  await expect(svg).toHaveAccessibleDescription(/Three groups, one per trend/);
  const words = page.locator(`${figure} details.diagram-words`);
  await words.locator('summary').click();
  for (const group of ["China's AI Advancement", 'Open Model Commoditization', 'Beyond Scaling Up']) {
    await expect(words.locator('strong', { hasText: group })).toBeVisible();
  }
  await expect(words).toContainText('DeepSeek-R1 — Comparable Performance → OpenAI Models');
  await expect(words.locator('li li')).toHaveCount(17);
});

test('"Diagram source" shows the Mermaid source highlighted by Shiki', async ({ page }) => {
  await page.goto(briefing);
  const source = page.locator(`${figure} details.diagram-source`);
  await expect(source.locator('pre')).toBeHidden();
  await source.locator('summary').press('Enter');
  const pre = source.locator('pre.astro-code');
  await expect(pre).toBeVisible();
  await expect(pre).toContainText('subgraph Beyond Scaling Up[Beyond Scaling Up]');
  // Token colours are classes (src/plugins/shiki-classes.ts), one per theme, never style="".
  expect(await pre.locator('span[class*="sd-"][class*="sl-"]').count()).toBeGreaterThan(20);
  await expect(pre.locator('[style]')).toHaveCount(0);
  const colour = await pre.locator('span[class*="sl-"]').first().evaluate((el) => getComputedStyle(el).color);
  expect(colour).not.toBe(await pre.evaluate((el) => getComputedStyle(el).color));
});

test('a touch swipe scrolls the diagram frame, not the page', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(briefing);
  const region = page.locator(`${figure} .diagram-scroll`);
  await region.scrollIntoViewIfNeeded();
  const box = (await region.boundingBox())!;
  const cdp = await context.newCDPSession(page);
  // Touch points through Chromium's input pipeline: a finger swipes 250 px to the left.
  const [x, y] = [Math.round(box.x + box.width * 0.8), Math.round(box.y + box.height / 2)];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let step = 1; step <= 10; step += 1) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x - step * 25, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
  await context.close();
});
