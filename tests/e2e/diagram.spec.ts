/**
 * The diagram: an overview that fits its figure at every width, a full view (a <dialog> with
 * JavaScript, a CSS :target view without) at readable size that pans and zooms, its colours and
 * contrast in both themes, its links, text alternative and source. The overview in view at 390
 * and 1280 px, and the full view's natural size and focus, in three engines: tests/support/reading-checks.ts.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axe } from '../support/axe.ts';
import { watch } from '../support/page-watch.ts';

const briefing = '/briefings/deepseek-three-trends/';
const figure = 'figure.diagram';
const diagramSvg = 'svg[aria-roledescription="flowchart-v2"]';

/** Smallest rendered label size in CSS px: font size times the SVG's scale on screen. */
async function smallestLabelPx(svg: Locator): Promise<number> {
  return svg.evaluate((el: SVGSVGElement) => {
    const scale = el.getBoundingClientRect().width / el.viewBox.baseVal.width;
    const sizes = [...el.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    return sizes.length ? Math.min(...sizes) : 0;
  });
}

/** Opens the full view with the figure's control and returns the dialog. */
async function openFullView(page: Page): Promise<Locator> {
  await page.locator(figure).getByRole('link', { name: 'View full size' }).click();
  const dialog = page.getByRole('dialog', { name: 'How DeepSeek connects the three trends' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Fingers through Chromium's input pipeline (CDP), each moved from `from` to `to` in 10 steps. */
async function touchGesture(page: Page, from: [number, number][], to: [number, number][]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const at = (t: number) => from.map(([x, y], i) => ({ x: Math.round(x + (to[i]![0] - x) * t), y: Math.round(y + (to[i]![1] - y) * t), id: i }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let step = 1; step <= 10; step += 1) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(step / 10) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
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

// From the smallest phone to a wide desktop; 1280 and 390 are the two test viewports. One load,
// resized to each width (as when a phone turns): the overview is scaled by CSS alone.
test('the overview shows the whole diagram in its figure, scaled to the available width, at 320, 390, 1024, 1280 and 1920 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(briefing);
  for (const width of [320, 390, 1024, 1280, 1920]) {
    await test.step(`${width} px`, async () => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      const view = page.locator(`${figure} .diagram-view`);
      const svg = view.locator(diagramSvg);
      const [box, frame, article] = await Promise.all([svg.boundingBox(), view.boundingBox(), page.locator('article').first().boundingBox()]);
      // Whole: every edge of the drawing inside its frame, and the frame inside the window.
      expect(box!.x).toBeGreaterThanOrEqual(frame!.x);
      expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.x + frame!.width + 0.5);
      expect(frame!.x).toBeGreaterThanOrEqual(0);
      expect(frame!.x + frame!.width).toBeLessThanOrEqual(width);
      expect(await view.evaluate((el) => el.scrollWidth - el.clientWidth), 'no sideways scrolling in the frame').toBeLessThanOrEqual(0);
      // Scaled to the width there is: the drawing fills the frame but for its padding, undistorted.
      expect(box!.width).toBeGreaterThan(frame!.width - 40);
      const aspect = await svg.evaluate((el: SVGSVGElement) => {
        const r = el.getBoundingClientRect();
        return r.height / r.width / (el.viewBox.baseVal.height / el.viewBox.baseVal.width);
      });
      expect(aspect, 'not distorted').toBeCloseTo(1, 2);
      if (width >= 1280) {
        // Wide screens: past the text column, to the content width (76rem less the side padding).
        expect(frame!.width).toBeGreaterThan(article!.width + 200);
        expect(frame!.width).toBeCloseTo(Math.min(width, 76 * 16) - 32, 0);
      }
      console.log(`overview at ${width}px: ${Math.round(box!.width)} px wide, labels ${(await smallestLabelPx(svg)).toFixed(1)} px`);
    });
  }
});

test('a diagram narrower than its box is shown at its natural size, never blown up', async ({ page }) => {
  await page.goto(briefing);
  const svg = page.locator(`${figure} .diagram-view ${diagramSvg}`);
  // A small drawing, as a short top-to-bottom flowchart renders: Mermaid's width and height attributes.
  const width = await svg.evaluate((el: SVGSVGElement) => {
    el.setAttribute('viewBox', '0 0 260 586');
    el.setAttribute('width', '260');
    el.setAttribute('height', '586');
    return el.getBoundingClientRect().width;
  });
  expect(width).toBeCloseTo(260, 0);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the full view opens as a dialog with labels of 12 px or more, pans by keyboard, zooms and closes with Escape at ${viewport.width}x${viewport.height}`, async ({ page }) => {
    const seen = await watch(page);
    await page.setViewportSize(viewport);
    await page.goto(briefing);
    const dialog = await openFullView(page);
    const area = dialog.locator('.diagram-dialog-viewport');
    const svg = dialog.locator(diagramSvg);
    await expect(svg, "the figure's own SVG moved in").toHaveCount(1);
    await expect(page.locator(diagramSvg), 'one copy in the page').toHaveCount(1);
    const opened = await smallestLabelPx(svg);
    console.log(`full view at ${viewport.width}px opens with labels of ${opened.toFixed(1)} px`);
    expect(opened).toBeGreaterThanOrEqual(12);
    expect(await dialog.boundingBox(), 'the dialog fills the window').toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
    // Focus is inside, on the scroller, so the arrow keys pan it at once.
    await expect(area).toBeFocused();
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => area.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);

    // Zoom in with the button, out with the keyboard, whole with Fit.
    await dialog.getByRole('button', { name: 'Zoom in' }).click();
    expect(await smallestLabelPx(svg)).toBeCloseTo(opened * 1.25, 1);
    await area.focus();
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect(await smallestLabelPx(svg)).toBeCloseTo(opened * 1.25 * 0.8 * 0.8, 1);
    await dialog.getByRole('button', { name: 'Fit' }).click();
    const [fitted, room] = [(await svg.boundingBox())!, (await area.boundingBox())!];
    expect(fitted.width).toBeLessThanOrEqual(room.width);
    expect(fitted.height).toBeLessThanOrEqual(room.height);
    expect(await area.evaluate((el) => [el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight])).toEqual([0, 0]);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.locator(`${figure} .diagram-view ${diagramSvg}`), 'the SVG is back in the overview').toHaveCount(1);
    expect(await seen.violations()).toEqual([]);
  });
}

test('Ctrl+wheel zooms the full view, a plain wheel pans it, the close button closes it', async ({ page }) => {
  await page.goto(briefing);
  const dialog = await openFullView(page);
  const area = dialog.locator('.diagram-dialog-viewport');
  const svg = dialog.locator(diagramSvg);
  const before = await smallestLabelPx(svg);
  const room = (await area.boundingBox())!;
  await page.mouse.move(room.x + room.width / 2, room.y + room.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 200);
  await page.keyboard.up('Control');
  await expect.poll(() => smallestLabelPx(svg)).toBeLessThan(before * 0.9);
  const scrolled = await area.evaluate((el) => el.scrollLeft);
  await page.mouse.wheel(300, 0);
  await expect.poll(() => area.evaluate((el) => el.scrollLeft)).toBeGreaterThan(scrolled);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('a mouse drag pans the full view', async ({ page }) => {
  await page.goto(briefing);
  const dialog = await openFullView(page);
  const area = dialog.locator('.diagram-dialog-viewport');
  const room = (await area.boundingBox())!;
  await page.mouse.move(room.x + room.width * 0.8, room.y + room.height * 0.95);
  await page.mouse.down();
  await page.mouse.move(room.x + room.width * 0.2, room.y + room.height * 0.95, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => area.evaluate((el) => el.scrollLeft)).toBeGreaterThan(room.width * 0.5);
  await expect(dialog, 'a drag is not a click that closes anything').toBeVisible();
});

test('a node link in the full view closes it and goes to its section', async ({ page }) => {
  await page.goto(briefing);
  const dialog = await openFullView(page);
  await dialog.locator('a[*|href="#chinas-rise"]').click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#chinas-rise$/);
  await expect(page.locator('#chinas-rise')).toBeInViewport();
});

test('in the full view a finger swipe pans and a two-finger pinch zooms the diagram, not the page', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(briefing);
  await page.locator(figure).getByRole('link', { name: 'View full size' }).tap();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const area = dialog.locator('.diagram-dialog-viewport');
  const room = (await area.boundingBox())!;
  const y = room.y + room.height * 0.6;
  await touchGesture(page, [[room.x + room.width * 0.8, y]], [[room.x + room.width * 0.8 - 250, y]]);
  await expect.poll(() => area.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  // Two fingers spread from 100 to 200 px apart: the diagram doubles, the page does not zoom.
  const svg = dialog.locator(diagramSvg);
  const before = (await svg.boundingBox())!.width;
  const cx = room.x + room.width / 2;
  await touchGesture(page, [[cx - 50, y], [cx + 50, y]], [[cx - 100, y], [cx + 100, y]]);
  await expect.poll(async () => (await svg.boundingBox())!.width / before).toBeGreaterThan(1.6);
  expect(await page.evaluate(() => window.visualViewport?.scale)).toBe(1);
  await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violation with the full view open in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(briefing);
    await openFullView(page);
    const results = await axe(page).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    test(`"View full size" is a link to a full-window view at natural size that pans and closes at ${viewport.width}x${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(briefing);
      await page.locator(figure).getByRole('link', { name: 'View full size' }).click();
      await expect(page).toHaveURL(/#diagram-[\w-]+-full$/);
      const view = page.locator(`${figure} .diagram-view`);
      expect(await view.boundingBox()).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
      expect(await smallestLabelPx(view.locator(diagramSvg))).toBeCloseTo(16, 0);
      await expect(page.locator(diagramSvg), 'the same SVG, not a copy').toHaveCount(1);
      // The fragment focused the view, so the arrow keys pan it.
      await expect(view).toBeFocused();
      for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowRight');
      await expect.poll(() => view.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
      await view.getByRole('link', { name: 'Close full view' }).click();
      await expect(page).toHaveURL(/#diagram-[\w-]+-figure$/);
      expect((await view.boundingBox())!.width).toBeLessThan(viewport.width);
      await expect(view.getByRole('link', { name: 'Close full view' })).toBeHidden();
    });
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`node labels keep 4.5:1 contrast and axe finds no contrast issue in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(briefing);
    const contrasts = await nodeContrasts(page);
    expect(contrasts).toHaveLength(18);
    for (const { label, ratio } of contrasts) expect(ratio, `contrast of "${label}"`).toBeGreaterThanOrEqual(4.5);
    await page.locator(`${figure} details`).evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const results = await axe(page).include(figure).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
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
  // No smooth scrolling (playwright.config.ts): the focus scroll and the jump would race.
  await page.goto(briefing);
  for (const id of ['chinas-rise', 'open-weight-commoditization', 'beyond-scaling']) {
    await expect(page.locator(`${figure} a[*|href="#${id}"]`)).toHaveCount(1);
  }
  // Tab from the overview box reaches the first node link.
  await page.locator(`${figure} .diagram-view`).focus();
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
