/**
 * The briefing on paper (src/styles/print.css): no site chrome or controls, nothing wider than
 * the page, the diagram whole, external links followed by their address, the source printed,
 * and dark text on white even when the reader's screen is dark. Reports the PDF's page count.
 * The diagram's share page, which loads the diagram's stylesheet after the site's, prints the same.
 */
import { expect, test, type Page } from '@playwright/test';

const BRIEFING = '/briefings/deepseek-three-trends/';
// Printable width in CSS px (96 px per inch) inside print.css's 15 mm side margins.
const mm = 96 / 25.4;
const papers = [
  { format: 'A4', width: Math.floor((210 - 30) * mm) },
  { format: 'Letter', width: Math.floor(8.5 * 96 - 30 * mm) },
] as const;

type OnPaper = Awaited<ReturnType<typeof onPaper>>;

/** What a page shows once it is laid out for print. */
async function onPaper(page: Page) {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const chrome = [...document.querySelectorAll('button, input, dialog, .site-header, .site-footer, .toc, .share-link, .permalink, .skip-link, .para-link, .diagram-open, .diagram-close, .pager, .read-whole')]
      .filter(visible)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
    const pageWidth = document.documentElement.clientWidth;
    const wider = [...document.body.querySelectorAll('*')]
      .filter(visible)
      .filter((el) => el.getBoundingClientRect().right > pageWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: right edge ${Math.round(el.getBoundingClientRect().right)} px`);
    const svg = document.querySelector('figure.diagram svg');
    const box = document.querySelector('.diagram-view');
    const boxStyle = box ? getComputedStyle(box) : null;
    const link = document.querySelector<HTMLAnchorElement>('.prose a[href^="http"]');
    const note = document.querySelector('.source-note');
    const rgb = (value: string) => value.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
    return {
      chrome,
      wider: wider.slice(0, 10),
      scroll: document.documentElement.scrollWidth - pageWidth,
      diagram: svg ? { right: svg.getBoundingClientRect().right, width: svg.getBoundingClientRect().width } : null,
      // The screen's card around the diagram (border, padding, tinted background) is not printed.
      diagramFrame: boxStyle ? `${boxStyle.borderTopWidth} ${boxStyle.paddingTop} ${boxStyle.backgroundColor}` : null,
      pageWidth,
      linkAfter: link ? getComputedStyle(link, '::after').content : '',
      linkHref: link?.href ?? '',
      source: note && visible(note) ? note.textContent!.replace(/\s+/g, ' ').trim() : '',
      background: rgb(getComputedStyle(document.body).backgroundColor),
      // The first line of body text (a share page's kicker above its title is secondary text).
      text: rgb(getComputedStyle(document.querySelector('.prose :is(p, li):not(.kicker)')!).color),
    };
  });
}

/** What every printed page with a diagram must hold. */
function expectPrintedWithDiagram(seen: OnPaper): void {
  expect(seen.chrome, 'site chrome or controls on paper').toEqual([]);
  expect(seen.wider, 'elements wider than the printable width').toEqual([]);
  expect(seen.scroll).toBeLessThanOrEqual(0);
  expect(seen.diagram, 'the diagram is printed').not.toBeNull();
  expect(seen.diagram!.right).toBeLessThanOrEqual(seen.pageWidth + 1);
  expect(seen.diagram!.width).toBeGreaterThan(seen.pageWidth * 0.5);
  expect(seen.diagramFrame, "the diagram's screen card (border, padding, background)").toBe('0px 0px rgba(0, 0, 0, 0)');
  expect(seen.source).toMatch(/Source and attribution/);
  expect(seen.background).toEqual([255, 255, 255]);
  expect(Math.max(...seen.text), 'body text is dark').toBeLessThan(80);
}

for (const { format, width } of papers) {
  test(`the briefing prints on ${format} from the dark theme: text only, whole diagram, dark on white`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark', viewport: { width, height: 1000 } });
    const page = await context.newPage();
    await page.goto(BRIEFING);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const seen = await onPaper(page);
    expectPrintedWithDiagram(seen);
    expect(seen.linkAfter).toContain(seen.linkHref);

    const pdf = await page.pdf({ format, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    test.info().annotations.push({ type: 'pdf pages', description: `${format}: ${pages}` });
    console.log(`print: ${BRIEFING} on ${format} is ${pages} pages`);
    expect(pages).toBeGreaterThan(1);
    await context.close();
  });
}

// The share page links the diagram's stylesheet in its body, after the site's (print.css among
// them): the print rules must win whatever the order.
test("the diagram's share page prints on A4 from the dark theme: whole diagram, no screen card, dark on white", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: papers[0].width, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${BRIEFING}the-diagram/`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expectPrintedWithDiagram(await onPaper(page));
  await context.close();
});
