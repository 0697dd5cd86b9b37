/**
 * What a reader sees on every page, read back from the browser: words that run together
 * (Astro's HTML compression has dropped spaces before), SVG text drawn outside its box, and
 * anything that makes a phone scroll sideways. One test per page and width, so a failure names both.
 */
import { expect, test, type Page } from '@playwright/test';
import { sitePages } from '../support/site-pages.ts';

/** Places where two words meet without a space, as a reader sees them. */
export const JOINS: { name: string; pattern: RegExp }[] = [
  // "…for".The source — a sentence end running into the next sentence.
  { name: 'sentence runs into the next', pattern: /[a-z]["'”’)]?[.!?]["'”’)]?[A-Z]/g },
  // captured1 February — a word running into a number ("o1", "R1" are model names: 3+ letters).
  { name: 'word runs into a number', pattern: /[a-z]{3,}\d/g },
  // made visible ·1 February — a separator touching a word.
  { name: 'separator touches a word', pattern: /[^\s(]·|·[^\s)]/g },
  // Sources: A ; B . — the opposite fault: template line breaks kept as a space before punctuation.
  { name: 'space before punctuation', pattern: /[^\s.…]\s+[,;:.!?](?=\s|$)/g },
];

/** Every match of every pattern, with 20 characters either side, for a readable failure. */
export function findJoins(text: string): string[] {
  const found: string[] = [];
  for (const { name, pattern } of JOINS) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      found.push(`${name}: "…${text.slice(Math.max(0, at - 20), at + match[0].length + 20).replace(/\s+/g, ' ')}…"`);
    }
  }
  return found;
}

async function openEveryDisclosure(page: Page): Promise<void> {
  await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

/** Each <text> of each inline SVG whose drawn box leaves its SVG's box (1 px of tolerance). */
function textOutsideSvg(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll('svg')) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // not rendered (closed disclosure, hidden copy)
      for (const text of svg.querySelectorAll('text')) {
        const r = text.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
          out.push(`"${text.textContent?.trim()}" at x ${Math.round(r.left - box.left)}…${Math.round(r.right - box.left)} of ${Math.round(box.width)} px wide <svg class="${svg.getAttribute('class') ?? ''}">`);
        }
      }
    }
    return out;
  });
}

/** Tables wider than the box that holds them, and the page's own sideways overflow. */
function overflow(page: Page): Promise<{ page: number; tables: string[] }> {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: [...document.querySelectorAll('table')]
      .filter((t) => t.getBoundingClientRect().width > 0)
      .filter((t) => t.getBoundingClientRect().width > t.parentElement!.clientWidth + 1)
      .map((t) => `${t.querySelector('caption')?.textContent?.trim() ?? t.className}: ${Math.round(t.getBoundingClientRect().width)} px in ${t.parentElement!.clientWidth} px`),
  }));
}

test('the join patterns catch the joins readers saw, and not the text around them', () => {
  expect(findJoins('captured1 February 2025')).toHaveLength(1);
  expect(findJoins('titled "…for".The source names no author.The source')).toHaveLength(2);
  expect(findJoins('each briefing.All briefings')).toHaveLength(1);
  expect(findJoins('made visible ·1 February')).toHaveLength(1);
  expect(findJoins('Sources: OpenAI API pricing ; DeepSeek API Docs .')).toHaveLength(2);
  expect(findJoins('OpenAI o1 and DeepSeek R1 cost $60.00 vs $2.19. The gap · 1 February, e.g. in (·) U.S. Node.js; see … . Done.')).toEqual([]);
});

for (const path of sitePages) {
  for (const width of [320, 390, 1280]) {
    test(`${path} at ${width} px: no words run together, SVG text inside its box, no table wider than its box, no sideways scrolling`, async ({ page }) => {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(path);
      await openEveryDisclosure(page);
      const found = await overflow(page);
      expect(found.tables).toEqual([]);
      expect(found.page, 'the page scrolls sideways by this many px').toBeLessThanOrEqual(0);
      expect(await textOutsideSvg(page)).toEqual([]);
      // A code block is not prose: `a ? b : c` has spaces before its punctuation by design.
      await page.locator('pre').evaluateAll((all) => all.forEach((el) => ((el as HTMLElement).style.display = 'none')));
      const text = await page.locator('body').innerText();
      expect(text.length).toBeGreaterThan(200);
      expect(findJoins(text)).toEqual([]);
    });
  }
}
