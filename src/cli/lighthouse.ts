/**
 * `npm run lighthouse`: audits every page of the built site's sitemap with Lighthouse (mobile
 * settings, the default) in the Chromium the tests use, and prints the four scores per page.
 * Not part of `npm test`: it takes ~10-25 s a page and its timings are noisy.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, findChromium, installHint } from '../build/chromium.ts';
import { resolveDeployTarget } from '../lib/deploy-target.ts';
import { startStaticServer } from '../build/static-server.ts';

const dist = resolve(process.env['OUT_DIR'] ?? 'dist');
const browser = findChromium();
if (!browser) throw new Error(installHint);

const { base } = resolveDeployTarget(process.env);
const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
const server = await startStaticServer({ root: dist, base });
const chrome = await chromeLauncher.launch({
  chromePath: browser.path,
  chromeFlags: ['--headless=new', ...chromiumArgs],
});

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const rows: string[] = [];
let below100 = 0;
try {
  for (const path of paths) {
    const result = await lighthouse(`${server.origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
    const scores = categories.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100));
    if (scores.some((s) => s < 100)) below100 += 1;
    const row = `${path.padEnd(60)} ${scores.map((s) => String(s).padStart(4)).join('')}`;
    rows.push(row);
    console.log(row);
  }
} finally {
  chrome.kill();
  await server.close();
}
console.log(`\n${''.padEnd(60)} perf a11y  bp  seo   (mobile, ${paths.length} pages, ${below100} below 100 in some category)`);
