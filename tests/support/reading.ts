/**
 * What a reader sees wrong on a page, read back from the browser as it is laid out now: words that
 * run together (Astro's HTML compression dropped spaces once), SVG text drawn outside its box,
 * tables wider than their box, and sideways scrolling.
 */
import type { Page } from '@playwright/test';

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

export async function openEveryDisclosure(page: Page): Promise<void> {
  await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

/** Each <text> of each inline SVG whose drawn box leaves its SVG's box (1 px of tolerance). */
export function textOutsideSvg(page: Page): Promise<string[]> {
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
export function overflow(page: Page): Promise<{ page: number; tables: string[] }> {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: [...document.querySelectorAll('table')]
      .filter((t) => t.getBoundingClientRect().width > 0)
      .filter((t) => t.getBoundingClientRect().width > t.parentElement!.clientWidth + 1)
      .map((t) => `${t.querySelector('caption')?.textContent?.trim() ?? t.className}: ${Math.round(t.getBoundingClientRect().width)} px in ${t.parentElement!.clientWidth} px`),
  }));
}

/**
 * The page's prose as a reader sees it: `innerText` of the body without code blocks (a code block is
 * not prose: `a ? b : c` has spaces before its punctuation by design). The blocks are hidden only
 * while the text is read, so later checks see the page as it was.
 */
export function proseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const blocks = [...document.querySelectorAll('pre')];
    const saved = blocks.map((el) => el.style.display);
    blocks.forEach((el) => (el.style.display = 'none'));
    try {
      return document.body.innerText;
    } finally {
      blocks.forEach((el, i) => (el.style.display = saved[i]!));
    }
  });
}
