/** axe-core for a Playwright page, set up for a test that reads violations. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import type { Page } from '@playwright/test';

/** axe-core's own minified build: the same rules as axe.js, in 0.65 MB instead of 1.48 MB. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * An AxeBuilder that puts axe-core into a document once, not twice per analysis.
 *
 * AxeBuilder evaluates its axe source in the page on every analyze(), and in legacy mode (below)
 * once more while configuring, so each analysis sent and compiled 1.48 MB of script twice. Here
 * analyze() injects the minified build only when the document has no axe yet (a navigation or a
 * reload starts a new one), and AxeBuilder's own injection is an empty statement. The analysis
 * itself is AxeBuilder's, unchanged. tests/e2e/axe-helper.spec.ts shows it still sees each change.
 */
class AxeOncePerDocument extends AxeBuilder {
  readonly #page: Page;

  constructor(page: Page) {
    super({ page, axeSource: ';' });
    this.#page = page;
  }

  override async analyze(): Promise<AxeResults> {
    const present = await this.#page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
    if (!present) await this.#page.evaluate(axeSource);
    return super.analyze();
  }
}

/**
 * An AxeBuilder that reports every violation in full, at a fraction of the default's cost:
 *
 * - axe-core injected once per document (AxeOncePerDocument above);
 * - passes, incomplete and inapplicable results by rule only (axe's `resultTypes`): the rest of a
 *   full result is thousands of nodes, serialised out of the page for nothing;
 * - axe.run() in the page itself (`setLegacyMode`), not runPartial() in each frame and then
 *   finishRun() in a new blank page, which opens a browser tab per analysis. That route exists
 *   for cross-origin iframes; the site has no frames at all (tests/e2e/pages.spec.ts checks it).
 */
export function axe(page: Page): AxeBuilder {
  return new AxeOncePerDocument(page).options({ resultTypes: ['violations'] }).setLegacyMode(true);
}
