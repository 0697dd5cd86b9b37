/** What a page does behind the reader's back: Content-Security-Policy violations and requests to other origins. */
import type { Page } from '@playwright/test';

/** Run in the page before its first script (an init script): records each CSP violation. */
export function recordCspViolations(): void {
  const seen: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`CSP: ${e.violatedDirective} refused ${e.blockedURI || e.sample}`));
}

/** Run in the page: the violations recordCspViolations saw. */
export const cspViolations = (): string[] => (window as unknown as { cspViolations: string[] }).cspViolations;

/** Starts watching `page` (call before its first navigation). */
export async function watch(page: Page) {
  await page.addInitScript(recordCspViolations);
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['http:', 'https:'].includes(url.protocol)) return; // data: URLs
    if (url.origin !== new URL(page.url() === 'about:blank' ? request.url() : page.url()).origin) foreign.push(request.url());
  });
  return {
    foreign,
    violations: () => page.evaluate(cspViolations),
  };
}
