/**
 * What a reader must see, written once for three drivers: Playwright (Chromium, in `npm test`,
 * tests/e2e/reading-checks.spec.ts), puppeteer-core (Firefox) and WebdriverIO (WebKitGTK), in
 * `npm run test:engines` (tests/engines/run.ts). The checks read the page through `evaluate`,
 * which each driver runs in the page (the site's CSP refuses injected <script> tags).
 */
import { textDirective } from '../../src/lib/quote.ts';

export interface Reader {
  /** Engine name and version, printed with each test. */
  readonly engine: string;
  /** Opens `url` and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page (its source is sent, so it can use only `arg`) and returns its value. */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Sets the width the page is laid out at, from the next goto on. */
  setWidth(width: number): Promise<void>;
  click(selector: string): Promise<void>;
  /** Types `text` into the field at `selector`, as keystrokes. */
  type(selector: string, text: string): Promise<void>;
  press(key: 'Escape'): Promise<void>;
  reload(): Promise<void>;
  /** Uncaught errors and Content-Security-Policy violations of the page's load (since the last goto or reload). */
  problems(): Promise<string[]>;
}

export type Check = { name: string; run: (reader: Reader, origin: string) => Promise<void> };

/** Polls `fn` in the page until it returns true, with a generous limit for a busy laptop. */
async function waitFor<A>(reader: Reader, what: string, fn: (arg: A) => boolean, arg?: A, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await reader.evaluate(fn, arg))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Waits until the page has stopped scrolling (smooth scrolling to a fragment can start after load). */
async function settled(reader: Reader): Promise<void> {
  let last = -1;
  for (let i = 0; i < 50; i += 1) {
    const y = await reader.evaluate(() => scrollY);
    if (y === last) return;
    last = y;
    await new Promise((done) => setTimeout(done, 150));
  }
}

function assert(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

const briefing = '/briefings/deepseek-three-trends/';
/** The letter's paragraph on scaling, which holds "chip embargo" deep in the page. */
const scaling = 'p-152476';
const quoted = 'Driven in part by the U.S. AI chip embargo';
const dark = 'rgb(17, 20, 24)';

/** Where `phrase` (inside the element with `id`) and the sticky header's bottom are in the window. */
function wordsInWindow([id, phrase]: [string, string]) {
  const root = document.getElementById(id);
  const walker = document.createTreeWalker(root ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; root && node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(phrase);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + phrase.length);
    const r = range.getBoundingClientRect();
    const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    return { top: r.top, bottom: r.bottom, elementTop: root.getBoundingClientRect().top, header, height: innerHeight, scrollY };
  }
  return null;
}

/**
 * Waits for the page to scroll to `phrase` (about 900 words down) and come to rest with the
 * words in view below the sticky header; with `whole`, the top of the element too.
 */
async function landsOn(reader: Reader, id: string, phrase: string, how: string, whole = false): Promise<void> {
  await waitFor(reader, `${how} to scroll to "${phrase}"`, (target) => {
    const root = document.getElementById(target);
    return !!root && root.getBoundingClientRect().top < innerHeight && scrollY > 2000;
  }, id);
  await settled(reader);
  const at = await reader.evaluate(wordsInWindow, [id, phrase] as [string, string]);
  assert(at, `"${phrase}" is not in #${id}`);
  assert(at.top >= at.header - 1 && at.bottom <= at.height, `${how}: "${phrase}" is not in view below the header: ${JSON.stringify(at)}`);
  assert(!whole || at.elementTop >= at.header - 1, `${how}: the top of #${id} is under the header: ${JSON.stringify(at)}`);
}

/** Each sitemap path (relative to the site's base) and what a reader must see on it. */
export function readingChecks({ paths }: { paths: string[] }): Check[] {
  const sizes = [1280, 390].map((width) => ({
    name: `at ${width} px nothing scrolls sideways and the diagram's overview is in view`,
    run: async (reader: Reader, origin: string) => {
      await reader.setWidth(width);
      for (const path of paths) {
        await reader.goto(`${origin}${path}`);
        const laid = await reader.evaluate(() => ({ width: innerWidth, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth }));
        assert(laid.width === width, `${path} is laid out ${laid.width} px wide, not ${width}`);
        assert(laid.overflow <= 0, `${path}: scrolls sideways by ${laid.overflow} px`);
      }
      await reader.goto(`${origin}${briefing}`);
      const view = await reader.evaluate(() => {
        const svg = document.querySelector('figure.diagram .diagram-view svg');
        svg?.scrollIntoView({ block: 'center', behavior: 'instant' });
        const r = svg?.getBoundingClientRect();
        return r && { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: innerWidth, height: innerHeight };
      });
      assert(view, 'no diagram overview on the briefing');
      assert(view.right - view.left > width / 2, `the overview is only ${view.right - view.left} px wide`);
      assert(view.left >= 0 && view.right <= view.width && view.top >= 0 && view.bottom <= view.height, `the overview is not wholly in the window: ${JSON.stringify(view)}`);
    },
  }));

  return [
    {
      name: `every sitemap page (${paths.length}) loads with its heading, no page error and no CSP violation`,
      run: async (reader, origin) => {
        assert(paths.length > 0, 'the sitemap lists no pages');
        await reader.setWidth(1280);
        for (const path of paths) {
          await reader.goto(`${origin}${path}`);
          const state = await reader.evaluate(() => ({ h1: document.querySelectorAll('h1').length, title: document.title }));
          assert(state.h1 === 1 && state.title !== '', `${path}: expected one <h1> and a title, got ${JSON.stringify(state)}`);
          const problems = await reader.problems();
          assert(problems.length === 0, `${path}:\n${problems.join('\n')}`);
        }
      },
    },
    ...sizes,
    {
      name: '"View full size" opens the diagram at natural size with focus inside; Escape and Close give focus back to the control',
      run: async (reader, origin) => {
        await reader.setWidth(1280);
        await reader.goto(`${origin}${briefing}`);
        for (const close of ['Escape', 'the Close button'] as const) {
          await reader.click('figure.diagram a[data-diagram-open]');
          await waitFor(reader, 'the dialog to open', () => !!document.querySelector('dialog.diagram-dialog[open] svg'));
          const open = await reader.evaluate(() => {
            const dialog = document.querySelector('dialog.diagram-dialog[open]')!;
            const svg = dialog.querySelector('svg')!;
            return { drawn: svg.getBoundingClientRect().width, natural: svg.viewBox.baseVal.width, focusInside: dialog.contains(document.activeElement) };
          });
          assert(Math.abs(open.drawn - open.natural) < 1, `the full view draws the diagram ${open.drawn} px wide, not at its natural ${open.natural} px`);
          assert(open.focusInside, 'focus is not inside the dialog');
          if (close === 'Escape') await reader.press('Escape');
          else await reader.click('dialog.diagram-dialog[open] button[data-zoom="close"]');
          await waitFor(reader, `${close} to close the dialog`, () => !document.querySelector('dialog.diagram-dialog[open]'));
          const focused = await reader.evaluate(() => document.activeElement?.matches('figure.diagram a[data-diagram-open]') ?? false);
          assert(focused, `after ${close}, focus is not on "View full size"`);
        }
      },
    },
    {
      name: 'the theme toggle switches the theme and is remembered after a reload and on another page',
      run: async (reader, origin) => {
        await reader.setWidth(1280);
        await reader.goto(`${origin}${briefing}`);
        await waitFor(reader, 'the theme toggle', () => !document.querySelector<HTMLElement>('[data-theme-toggle]')!.hidden);
        const state = () =>
          reader.evaluate(() => ({
            theme: document.documentElement.dataset['theme'],
            pressed: document.querySelector('[data-theme-toggle]')!.getAttribute('aria-pressed'),
            background: getComputedStyle(document.body).backgroundColor,
          }));
        const before = await state();
        const want = before.theme === 'dark' ? 'light' : 'dark';
        await reader.click('[data-theme-toggle]');
        await waitFor(reader, `theme ${want}`, (theme) => document.documentElement.dataset['theme'] === theme, want);
        const after = await state();
        assert(after.pressed === String(want === 'dark'), `aria-pressed is ${after.pressed} in the ${want} theme`);
        assert((after.background === dark) === (want === 'dark'), `the ${want} theme paints the page ${after.background}`);
        await reader.reload();
        assert((await state()).theme === want, `after a reload the theme is not ${want}`);
        await reader.goto(`${origin}/`);
        assert((await state()).theme === want, `on the home page the theme is not ${want}`);
        await reader.click('[data-theme-toggle]');
        await waitFor(reader, `theme back to ${before.theme}`, (theme) => document.documentElement.dataset['theme'] === theme, before.theme);
      },
    },
    {
      name: "a paragraph's link and the text-fragment URL that Copy quote builds land on the words",
      run: async (reader, origin) => {
        await reader.setWidth(1280);
        await reader.goto(`${origin}${briefing}`);
        const page = await reader.evaluate(
          ([id, phrase]) => {
            const p = document.getElementById(id);
            const text = p?.textContent ?? '';
            return {
              link: p?.querySelector('a.para-link')?.getAttribute('href'),
              body: document.body.innerText,
              before: text.slice(0, text.indexOf(phrase)),
              fragments: 'fragmentDirective' in document,
            };
          },
          [scaling, quoted] as [string, string],
        );
        assert(page.link === `#${scaling}`, `the paragraph's link is ${page.link}, not #${scaling}`);
        await reader.goto(`${origin}/`);
        await reader.goto(`${origin}${briefing}${page.link}`);
        await landsOn(reader, scaling, quoted, "the paragraph's link", true);
        if (!page.fragments) {
          console.log(`     [${reader.engine}] has no document.fragmentDirective: text fragments not checked`);
          return;
        }
        // The URL Copy quote builds for these words (src/scripts/quote.ts), opened fresh as from a
        // chat; then its text directive alone, which has no element id to fall back on.
        const directive = textDirective([quoted], page.body, page.before);
        for (const hash of [`#${scaling}:~:${directive}`, `#:~:${directive}`]) {
          await reader.goto(`${origin}/`);
          await reader.goto(`${origin}${briefing}${hash}`);
          await landsOn(reader, scaling, quoted, `${briefing}${hash}`);
        }
      },
    },
    {
      name: 'search finds "chip embargo" and its result lands on the paragraph',
      run: async (reader, origin) => {
        await reader.setWidth(1280);
        await reader.goto(`${origin}/`);
        await waitFor(reader, 'the search button', () => !document.querySelector<HTMLElement>('[data-search-open]')!.hidden);
        await reader.click('[data-search-open]');
        await waitFor(reader, 'the search dialog', () => document.activeElement?.id === 'search-input');
        await reader.type('#search-input', 'chip embargo');
        const result = `[data-search-results] a[href^="${origin.replace(/^https?:\/\/[^/]+/, '')}${briefing}#${scaling}:~:"]`;
        await waitFor(reader, 'a result in the letter\'s paragraph', (selector) => !!document.querySelector(selector), result);
        const status = await reader.evaluate(() => document.querySelector('[data-search-status]')?.textContent ?? '');
        assert(/^1 result for “chip embargo”/.test(status), `the search status says "${status}"`);
        await reader.click(result);
        await landsOn(reader, scaling, 'chip embargo', 'the search result');
      },
    },
  ];
}
