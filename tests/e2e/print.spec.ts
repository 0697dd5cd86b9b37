/**
 * The briefing on paper (src/styles/print.css): no site chrome or controls, nothing wider than
 * the page, the diagram whole, external links followed by their address, the source printed,
 * and dark text on white even when the reader's screen is dark. Reports the PDF's page count.
 */
import { expect, test } from '@playwright/test';

const BRIEFING = '/briefings/deepseek-three-trends/';
// Printable width in CSS px (96 px per inch) inside print.css's 15 mm side margins.
const mm = 96 / 25.4;
const papers = [
  { format: 'A4', width: Math.floor((210 - 30) * mm) },
  { format: 'Letter', width: Math.floor(8.5 * 96 - 30 * mm) },
] as const;

for (const { format, width } of papers) {
  test(`the briefing prints on ${format} from the dark theme: text only, whole diagram, dark on white`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark', viewport: { width, height: 1000 } });
    const page = await context.newPage();
    await page.goto(BRIEFING);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ media: 'print' });

    const seen = await page.evaluate(() => {
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const chrome = [...document.querySelectorAll('button, input, dialog, .site-header, .site-footer, .toc, .share-link, .permalink, .skip-link, .para-link, .diagram-open, .diagram-close')]
        .filter(visible)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
      const pageWidth = document.documentElement.clientWidth;
      const wider = [...document.body.querySelectorAll('*')]
        .filter(visible)
        .filter((el) => el.getBoundingClientRect().right > pageWidth + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: right edge ${Math.round(el.getBoundingClientRect().right)} px`);
      const svg = document.querySelector('figure.diagram svg');
      const link = document.querySelector<HTMLAnchorElement>('.prose a[href^="http"]');
      const rgb = (value: string) => value.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
      return {
        chrome,
        wider: wider.slice(0, 10),
        scroll: document.documentElement.scrollWidth - pageWidth,
        diagram: svg ? { right: svg.getBoundingClientRect().right, width: svg.getBoundingClientRect().width } : null,
        pageWidth,
        linkAfter: link ? getComputedStyle(link, '::after').content : '',
        linkHref: link?.href ?? '',
        source: visible(document.querySelector('.source-note')!) ? document.querySelector('.source-note')!.textContent!.replace(/\s+/g, ' ').trim() : '',
        background: rgb(getComputedStyle(document.body).backgroundColor),
        text: rgb(getComputedStyle(document.querySelector('.prose p')!).color),
      };
    });

    expect(seen.chrome, 'site chrome or controls on paper').toEqual([]);
    expect(seen.wider, 'elements wider than the printable width').toEqual([]);
    expect(seen.scroll).toBeLessThanOrEqual(0);
    expect(seen.diagram, 'the diagram is printed').not.toBeNull();
    expect(seen.diagram!.right).toBeLessThanOrEqual(seen.pageWidth + 1);
    expect(seen.diagram!.width).toBeGreaterThan(seen.pageWidth * 0.5);
    expect(seen.linkAfter).toContain(seen.linkHref);
    expect(seen.source).toMatch(/Source and attribution/);
    expect(seen.background).toEqual([255, 255, 255]);
    expect(Math.max(...seen.text), 'body text is dark').toBeLessThan(80);

    const pdf = await page.pdf({ format, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    test.info().annotations.push({ type: 'pdf pages', description: `${format}: ${pages}` });
    console.log(`print: ${BRIEFING} on ${format} is ${pages} pages`);
    expect(pages).toBeGreaterThan(1);
    await context.close();
  });
}
