/** axe-core for a Playwright page, set up for a test that reads violations. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * An AxeBuilder that reports every violation in full, and costs a third of the default:
 *
 * - passes, incomplete and inapplicable results by rule only (axe's `resultTypes`): the rest of a
 *   full result is thousands of nodes, serialised out of the page for nothing;
 * - axe.run() in the page itself (`setLegacyMode`), not runPartial() in each frame and then
 *   finishRun() in a new blank page, which opens a browser tab per analysis. That route exists
 *   for cross-origin iframes; the site has no frames at all (tests/e2e/pages.spec.ts checks it).
 *
 * On the briefing page one analysis took 2.4 s by default, 1.9 s with `resultTypes`, and
 * about 0.6 s with both.
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode(true);
}
