/**
 * `npm run test:engines`: the shared reading checks (tests/support/reading-checks.ts) in Firefox
 * (puppeteer-core over WebDriver BiDi) and WebKitGTK (WebdriverIO, WebKitWebDriver + MiniBrowser
 * under Xvfb), one browser at a time, against dist/ served as GitHub Pages serves it.
 * A small node script rather than Vitest/Playwright: the two drivers need one long-lived browser
 * each, started and torn down here, with a line per test naming engine and version.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { startStaticServer } from '../../src/build/static-server.ts';
import { resolveDeployTarget } from '../../src/lib/deploy-target.ts';
import { readingChecks, type Reader } from '../support/reading-checks.ts';
import { cspViolations, recordCspViolations } from '../support/page-watch.ts';
import { engines, installPlan } from './install.ts';
import { webkitConsoleErrors } from './webkit-console.ts';

const { firefox, webkitDriver, miniBrowser, xvfb } = engines;

function ensureEngines(): void {
  const plan = installPlan({
    missing: Object.values(engines).filter((path) => !existsSync(path)),
    root: process.getuid?.() === 0,
    aptGet: existsSync('/usr/bin/apt-get'),
  });
  if (plan.do === 'stop') {
    console.error(plan.message);
    process.exit(1);
  }
  if (plan.do === 'nothing') return;
  console.log(`test:engines: installing ${plan.packages.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...plan.packages], { stdio: 'inherit', env });
}

const freePort = (): Promise<number> => new Promise((done, fail) => {
  const s = createServer();
  s.once('error', fail);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => done(port));
  });
});

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited with ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/status`);
      return;
    } catch {
      await new Promise((d) => setTimeout(d, 100));
    }
  }
  throw new Error(`nothing listened on port ${port}`);
}

const children: ChildProcess[] = [];
const stopChildren = (): void => {
  for (const c of [...children].reverse()) if (c.exitCode === null && c.pid) c.kill('SIGTERM');
};
process.on('exit', stopChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

async function withFirefox(use: (reader: Reader) => Promise<void>): Promise<void> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefox, headless: true });
  try {
    const page = await browser.newPage();
    const height = 900;
    await page.setViewport({ width: 1280, height });
    await page.evaluateOnNewDocument(recordCspViolations);
    let errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${(error as Error).message ?? error}`));
    const fresh = async (navigate: () => Promise<unknown>) => {
      errors = [];
      await navigate();
    };
    await use({
      engine: `Firefox ${(await browser.version()).replace(/^firefox\//i, '')}`,
      goto: (url) => fresh(() => page.goto(url, { waitUntil: 'load' })),
      evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as Promise<never>,
      setWidth: (width) => page.setViewport({ width, height }),
      click: (selector) => page.click(selector),
      type: (selector, text) => page.type(selector, text),
      press: (key) => page.keyboard.press(key),
      reload: () => fresh(() => page.reload({ waitUntil: 'load' })),
      problems: async () => [...errors, ...(await page.evaluate(cspViolations))],
    });
  } finally {
    await browser.close();
  }
}

async function withWebKit(use: (reader: Reader) => Promise<void>): Promise<void> {
  // Xvfb picks a free display itself and writes its number to fd 1.
  const x = spawn(xvfb, ['-displayfd', '1', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(x);
  const display = await new Promise<string>((done, fail) => {
    x.stdout!.once('data', (chunk: Buffer) => done(`:${chunk.toString().trim()}`));
    x.once('exit', (code) => fail(new Error(`Xvfb exited with ${code}`)));
  });
  const port = await freePort();
  const scratch = mkdtempSync(join(tmpdir(), 'engines-webkit-'));
  const driver = spawn(webkitDriver, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
  children.push(driver);
  try {
    await waitForPort(port, driver);
    const browser = await remote({
      hostname: '127.0.0.1', port, logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
      } as WebdriverIO.Capabilities,
    });
    try {
      const ua = await browser.execute(() => navigator.userAgent);
      const engine = `WebKitGTK ${browser.capabilities.browserVersion} (${ua.match(/AppleWebKit\/\S+/)?.[0] ?? ua})`;
      const height = 900;
      await browser.setWindowSize(1280, height);
      // MiniBrowser's window is at least 447 px wide (its toolbar). Narrower layouts are read
      // in a same-origin <iframe> of that width, over the page: the engine lays it out with a
      // viewport that wide, as a phone's. `framed` is that width while a narrow one is set.
      let framed = 0;
      const frame = 'reader-narrow-frame';
      const onlyFramedRead = (what: string) => {
        if (framed) throw new Error(`${what} is not driven inside the ${framed} px frame`);
      };
      await use({
        engine,
        goto: async (url) => {
          await browser.url(url);
          if (!framed) return;
          await browser.execute(
            (id, src, width) =>
              new Promise<void>((loaded) => {
                const f = document.createElement('iframe');
                f.id = id;
                f.style.cssText = `position: fixed; inset: 0 auto auto 0; z-index: 2147483647; border: 0; width: ${width}px; height: ${innerHeight}px`;
                f.addEventListener('load', () => loaded(), { once: true });
                f.src = src;
                document.body.append(f);
              }),
            frame, url, framed,
          );
        },
        // WebDriver's Execute Script awaits a returned promise. In the frame, `with` makes the
        // frame's window the function's global scope (`document`, `innerWidth`, `scrollY`…).
        evaluate: (fn, arg) =>
          (framed
            ? browser.execute(`with (document.getElementById(${JSON.stringify(frame)}).contentWindow) { return (${fn.toString()})(arguments[0]); }`, arg)
            : browser.execute(fn as (a: string) => unknown, arg as string)) as Promise<never>,
        setWidth: async (width) => {
          await browser.setWindowSize(Math.max(width, 447), height);
          framed = (await browser.execute(() => innerWidth)) > width ? width : 0;
          if (framed) console.log(`     [${engine}] ${width} px: read in a ${width} px <iframe> (MiniBrowser's window is at least 447 px)`);
        },
        click: (selector) => (onlyFramedRead('click'), browser.$(selector).click()),
        type: (selector, text) => (onlyFramedRead('typing'), browser.$(selector).addValue(text)),
        press: (key) => (onlyFramedRead('a key press'), browser.keys(key)),
        reload: () => (onlyFramedRead('reload'), browser.refresh()),
        problems: async () => (onlyFramedRead('problems'), webkitConsoleErrors({ browser: miniBrowser, url: await browser.getUrl(), display, port: await freePort(), scratch })),
      });
    } finally {
      await browser.deleteSession();
    }
  } finally {
    stopChildren();
    rmSync(scratch, { recursive: true, force: true });
  }
}

ensureEngines();
if (!existsSync('dist/sitemap-0.xml')) {
  console.error('test:engines: no built site in dist/; run `npm run build` (or `npm test`) first');
  process.exit(1);
}
// Read after the check above: it reads the built sitemap as it loads.
const { sitemapPaths } = await import('../support/site-pages.ts');
const { base } = resolveDeployTarget(process.env);
const prefix = base === '/' ? '' : base.replace(/\/+$/, '');
const server = await startStaticServer({ root: 'dist', base });
// Sitemap paths include the base; the checks join them to origin + base.
const paths = sitemapPaths.map((path) => path.slice(prefix.length));
let failed = 0;
let passed = 0;
try {
  for (const [label, withEngine] of [['firefox', withFirefox], ['webkit', withWebKit]] as const) {
    try {
      await withEngine(async (reader) => {
        for (const check of readingChecks({ paths })) {
          try {
            await check.run(reader, `${server.origin}${prefix}`);
            passed++;
            console.log(`ok   [${reader.engine}] ${check.name}`);
          } catch (error) {
            failed++;
            console.log(`FAIL [${reader.engine}] ${check.name}\n     ${(error as Error).message.split('\n').join('\n     ')}`);
          }
        }
      });
    } catch (error) {
      failed++;
      console.log(`FAIL [${label}] could not drive the engine: ${(error as Error).stack}`);
    }
  }
} finally {
  await server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
