/**
 * `npm run screenshots`: pictures of the built site for a person to look at before a change
 * lands. Every page of the sitemap (and the 404 page) at 1280x800 and 390x844, light and dark,
 * full length with every disclosure open; plus the briefing printed to A4 and US Letter (PDF)
 * and as print media on screen (PNG). Written to screenshots/ (git-ignored). Not part of `npm test`.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions, findChromium, installHint } from '../build/chromium.ts';
import { resolveDeployTarget } from '../lib/deploy-target.ts';
import { startStaticServer } from '../build/static-server.ts';

const dist = resolve(process.env['OUT_DIR'] ?? 'dist');
const out = resolve('screenshots');
if (!findChromium()) throw new Error(installHint);

const { base } = resolveDeployTarget(process.env);
const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
const paths = [...[...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname), `${base.replace(/\/$/, '')}/no-such-page/`];
const briefing = paths.find((p) => /\/briefings\/[^/]+\/$/.test(p) && !/\/briefings\/[^/]+\/[^/]+\/$/.test(p));

/** "/briefings/x/" → "briefings-x"; "/" → "home". */
const slug = (path: string) => path.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home';

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const server = await startStaticServer({ root: dist, base });
const browser = await chromium.launch(chromiumLaunchOptions());
let count = 0;
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${server.origin}${path}`);
        await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        await page.screenshot({ path: join(out, `${slug(path)}-${viewport.width}-${scheme}.png`), fullPage: true });
        count += 1;
      }
      await context.close();
    }
  }
  if (briefing) {
    for (const scheme of ['light', 'dark'] as const) {
      // Printed from either theme, the page must come out dark on white.
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 794, height: 1123 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}${briefing}`);
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(out, `${slug(briefing)}-print-${scheme}.png`), fullPage: true });
      for (const format of ['A4', 'Letter'] as const) {
        await page.pdf({ path: join(out, `${slug(briefing)}-${format}-${scheme}.pdf`), format, printBackground: true });
      }
      count += 3;
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots: ${count} files in ${out}`);
