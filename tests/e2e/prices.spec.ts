/**
 * The price figures on the built site, in a real Chromium: the comparison table, the summary's
 * "By the numbers" line, the SVG chart, the calculator (with and without JavaScript), the size of
 * the calculator's script, and the methodology page.
 *
 * Every expected figure is worked out by hand from content/prices/models.json (USD per million
 * tokens; o1: input 15.00, cached input 7.50, output 60.00; R1: input 0.55, cached 0.14, output 2.19):
 *   ratio  60 / 2.19 = 27.397… → "27.4x";   saving 1 − 2.19 / 60 = 57.81 / 60 = 0.9635 → "96.35%".
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';

const briefing = '/briefings/deepseek-three-trends/';
type Source = { url: string; title: string };
const prices = JSON.parse(readFileSync(new URL('../../content/prices/models.json', import.meta.url), 'utf8')) as { id: string; source: Source }[];

/** The cells (td) of the row whose header is exactly `label`. */
function rowCells(table: Locator, label: string): Locator {
  return table.locator('tr').filter({ has: table.page().getByRole('rowheader', { name: label, exact: true }) }).locator('td');
}

test.describe('figures on the briefing', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(briefing);
  });

  test('the comparison table’s Output row shows $60.00, $2.19, 27.4x and 96.35%', async ({ page }) => {
    const table = page.locator('aside#price-comparison .table-wrap table');
    await expect(table).toHaveCount(1);
    await expect(rowCells(table, 'Output')).toHaveText(['$60.00', '$2.19', '27.4x', '96.35%']);
  });

  test('the second trend of the summary has a "By the numbers" line with the same figures', async ({ page }) => {
    const line = page.locator('h3#open-weight-commoditization + ul + p.trend-prices');
    await expect(line).toHaveCount(1);
    await expect(page.locator('p.trend-prices'), 'only the second trend has price data').toHaveCount(1);
    await expect(line.locator('strong')).toHaveText('By the numbers:');
    await expect(line.locator('.num')).toHaveText(['$60.00', '$2.19', '27.4x', '96.35%']);
    // Read as a sentence, with the spaces a reader needs between words and figures.
    await expect(line).toHaveText(
      'By the numbers: OpenAI o1 costs $60.00 per million output tokens, DeepSeek R1 $2.19: ' +
        'OpenAI o1 is 27.4x the price, and DeepSeek R1 is 96.35% cheaper. Compare and calculate',
    );
    await expect(line.getByRole('link', { name: 'Compare and calculate' })).toHaveAttribute('href', '#price-comparison');
  });

  test('the chart is named with both prices, and its bars are in the ratio 60 : 2.19', async ({ page }) => {
    const chart = page.locator('aside#price-comparison svg.price-chart');
    await expect(chart).toHaveCount(1);
    await expect(chart).toHaveAttribute('role', 'img');
    await expect(chart).toHaveAccessibleName(/OpenAI o1 \$60\.00.*DeepSeek R1 \$2\.19/);
    const widths = await chart.locator('rect').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
    expect(widths).toHaveLength(2);
    const [o1, r1] = widths as [number, number];
    const measured = o1 / r1;
    const expected = 60 / 2.19; // 27.397…
    console.log(`price chart bars: ${o1.toFixed(2)} px and ${r1.toFixed(2)} px, ratio ${measured.toFixed(3)} (expected ${expected.toFixed(3)})`);
    expect(r1).toBeGreaterThan(0);
    expect(Math.abs(measured / expected - 1)).toBeLessThan(0.02);
  });
});

test.describe('the calculator', () => {
  const calculator = (page: Page) => page.locator('aside#price-comparison [data-calculator]');
  const field = (page: Page, name: 'input' | 'output' | 'cache') => calculator(page).locator(`.calc-form input[name="${name}"]`);
  const cost = (page: Page, id: string) => calculator(page).locator(`[data-cost="${id}"]`);
  const difference = (page: Page) => calculator(page).locator('[data-difference]');

  /** The error span an input points at with aria-describedby. */
  async function errorOf(page: Page, input: Locator): Promise<Locator> {
    const id = await input.getAttribute('aria-describedby');
    expect(id, 'the input names its error span').toBeTruthy();
    const span = page.locator(`[id="${id}"]`);
    await expect(span).toHaveCount(1);
    return span;
  }

  async function setWorkload(page: Page, workload: { input: string; output: string; cache: string }) {
    for (const name of ['input', 'output', 'cache'] as const) await field(page, name).fill(workload[name]);
  }

  async function expectNoNaN(page: Page) {
    const cells = await page.locator('td, th, output').allTextContents();
    expect(cells.filter((text) => /NaN|Infinity/.test(text))).toEqual([]);
  }

  test.beforeEach(async ({ page }) => {
    await page.goto(briefing);
    await expect(calculator(page).locator('.calc-form')).toBeVisible();
  });

  test('1,000,000,000 output tokens and no input: R1 $2,190.00, o1 $60,000.00, difference $57,810.00', async ({ page }) => {
    // 1,000 million × $2.19 = $2,190.00; 1,000 × $60 = $60,000.00; 60,000 − 2,190 = $57,810.00.
    await setWorkload(page, { input: '0', output: '1,000,000,000', cache: '0' });
    await expect(cost(page, 'deepseek-r1')).toHaveText('$2,190.00');
    await expect(cost(page, 'openai-o1')).toHaveText('$60,000.00');
    await expect(difference(page)).toHaveText('$57,810.00');
  });

  test('2,000,000 input (50% cache hits) and 1,000,000 output: o1 $82.50, R1 $2.88', async ({ page }) => {
    // 1M uncached, 1M cached, 1M output.
    // o1: 1 × 15.00 + 1 × 7.50 + 1 × 60.00 = $82.50;  R1: 1 × 0.55 + 1 × 0.14 + 1 × 2.19 = $2.88.
    // Difference: 82.50 − 2.88 = $79.62.
    await setWorkload(page, { input: '2,000,000', output: '1,000,000', cache: '50' });
    await expect(cost(page, 'openai-o1')).toHaveText('$82.50');
    await expect(cost(page, 'deepseek-r1')).toHaveText('$2.88');
    await expect(difference(page)).toHaveText('$79.62');
  });

  const invalid: { name: 'input' | 'output' | 'cache'; value: string; message: RegExp }[] = [
    ...(['input', 'output'] as const).flatMap((name) => [
      { name, value: '', message: /enter a number/i },
      { name, value: '-5', message: /negative/i },
      { name, value: 'abc', message: /whole number/i },
      { name, value: '1e20', message: /10\^15|too (large|big)|smaller/i },
    ]),
    { name: 'cache', value: '150', message: /0 to 100/ },
  ];

  test('invalid inputs are explained next to the field, marked aria-invalid, and never show NaN', async ({ page }) => {
    const valid = { input: '2,000,000', output: '1,000,000', cache: '50' };
    for (const { name, value, message } of invalid) {
      await setWorkload(page, valid);
      const input = field(page, name);
      const error = await errorOf(page, input);
      await expect(error, `${name} "${value}" before`).toHaveText('');
      await input.fill(value);
      await expect(error, `${name} "${value}"`).toHaveText(message);
      await expect(error).toBeVisible();
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      for (const cell of [cost(page, 'openai-o1'), cost(page, 'deepseek-r1'), difference(page)]) {
        await expect(cell, `no stale figure while ${name} is "${value}"`).not.toHaveText(/\$/);
      }
      await expectNoNaN(page);
      // Correcting the field clears the message.
      await input.fill(valid[name]);
      await expect(error, `${name} corrected after "${value}"`).toHaveText('');
      await expect(input).not.toHaveAttribute('aria-invalid', 'true');
      await expect(cost(page, 'openai-o1')).toHaveText('$82.50');
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form is hidden and the presets table shows the costs, computed at build time', async ({ page }) => {
    await page.goto(briefing);
    const calculator = page.locator('aside#price-comparison [data-calculator]');
    await expect(calculator.locator('.calc-form')).toBeHidden();
    const presets = calculator.locator('table.presets');
    await expect(presets).toBeVisible();
    // Equal input and output tokens, no cache hits:
    // 1 million:   o1 1 × 15 + 1 × 60 = $75.00;      R1 1 × 0.55 + 1 × 2.19 = $2.74;     difference $72.26
    // 100 million: o1 $7,500.00;                     R1 $274.00;                         difference $7,226.00
    // 1 billion:   o1 1,000 × 75 = $75,000.00;       R1 1,000 × 2.74 = $2,740.00;        difference $72,260.00
    // Ratio in every row: 75 / 2.74 = 27.37… → 27.4x.
    await expect(rowCells(presets, '1 million')).toHaveText(['$75.00', '$2.74', '$72.26', '27.4x']);
    await expect(rowCells(presets, '100 million')).toHaveText(['$7,500.00', '$274.00', '$7,226.00', '27.4x']);
    await expect(rowCells(presets, '1 billion')).toHaveText(['$75,000.00', '$2,740.00', '$72,260.00', '27.4x']);
  });
});

test('the calculator’s script is under 3 KB gzip in total', async ({ page }) => {
  await page.goto(briefing);
  const origin = new URL(page.url()).origin;
  const scripts = await page
    .locator('script[type="module"]')
    .evaluateAll((all) => all.map((s) => ({ src: (s as HTMLScriptElement).src, text: s.textContent ?? '' })));

  /** A module and every module it imports from the same origin, as url → text. */
  async function graph(entry: { src: string; text: string }): Promise<Map<string, string>> {
    const modules = new Map<string, string>();
    const visit = async (url: string, text: string) => {
      modules.set(url, text);
      const specifiers = [
        ...text.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g),
        ...text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
      ].map((m) => m[1]!);
      for (const specifier of specifiers) {
        const next = new URL(specifier, url).href;
        if (new URL(next).origin !== origin || modules.has(next)) continue;
        const response = await page.request.get(next);
        expect(response.ok(), `${next} should load`).toBe(true);
        await visit(next, await response.text());
      }
    };
    if (entry.src) {
      const response = await page.request.get(entry.src);
      expect(response.ok(), `${entry.src} should load`).toBe(true);
      await visit(entry.src, await response.text());
    } else {
      await visit(`${page.url()}#inline-module`, entry.text);
    }
    return modules;
  }

  const graphs = await Promise.all(scripts.filter((s) => !s.src || new URL(s.src).origin === origin).map(graph));
  // The calculator is the module graph that mounts [data-calculator].
  const calculators = graphs.filter((modules) => [...modules.values()].some((text) => text.includes('data-calculator')));
  expect(calculators, 'exactly one module script on the page mounts the calculator').toHaveLength(1);
  const modules = [...calculators[0]!];
  const sizes = modules.map(([url, text]) => ({ url, raw: Buffer.byteLength(text), gzip: gzipSync(text).length }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  console.log(
    `calculator script: ${total} bytes gzip in total (${sizes.map((s) => `${s.url.replace(origin, '')}: ${s.raw} B raw, ${s.gzip} B gzip`).join('; ')})`,
  );
  expect(total).toBeLessThan(3 * 1024);
});

test('the methodology page shows the formula, both sources as links and the costOfWorkload function', async ({ page }) => {
  await page.goto('/methodology/');
  await expect(page.locator('main blockquote')).toContainText(
    'cost = (input tokens × input price + cached input tokens × cached input price + output tokens × output price) ÷ 1,000,000',
  );
  // The figures in the text come from the data: 27.4x, 96.35%, and 60.00 − 2.19 = $57.81.
  await expect(page.locator('main')).toContainText('OpenAI o1 costs 27.4x as much as DeepSeek R1, which makes R1 96.35% cheaper, a difference of $57.81 per million.');
  expect(prices.map((p) => p.id).sort()).toEqual(['deepseek-r1', 'openai-o1']);
  for (const { id, source } of prices) {
    const link = page.locator(`main a[href="${source.url}"]`);
    await expect(link, `source link of ${id}`).toHaveCount(1);
    await expect(link).toHaveText(source.title);
    await expect(link).toBeVisible();
  }
  const code = page.locator('main pre.astro-code');
  await expect(code, 'one highlighted code block').toHaveCount(1);
  await expect(code).toBeVisible();
  // The block is that one function (with its doc comment), not another part of the module.
  await expect(code).toContainText('export function costOfWorkload');
  await expect(code).toContainText('tokenCount(workload.outputTokens');
  await expect(code).not.toContainText('export function parsePrice');
  await expect(code.locator('.line').first()).toContainText('/** Exact cost of a workload on a model');
  // Highlighted: its tokens are painted in several colours (however Shiki's colours are applied).
  const colours = await code.locator('.line span').evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
  expect(colours, 'distinct token colours in the code block').toBeGreaterThanOrEqual(3);
});

test('the chart labels stay readable (12 px or more) on a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/briefings/deepseek-three-trends/');
  const smallest = await page.locator('svg.price-chart').evaluate((svg: SVGSVGElement) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
  });
  expect(smallest).toBeGreaterThanOrEqual(12);
});
