/**
 * The static server (sirv, served as GitHub Pages serves) and the link check (linkinator plus the
 * site's own sitemap/feed/robots, 404-page and SVG-reference checks) used by the build and by
 * tests/build/subpath-crawl.test.ts, on tiny sites written to temporary folders.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startStaticServer } from '../../src/build/static-server.ts';
import type { StaticServer } from '../../src/build/static-server.ts';
import { crawlSite, listedUrls } from '../../src/build/crawl.ts';
import { cssReferences, srcsetUrls } from '../../src/build/page-references.ts';
import type { CrawlOptions } from '../../src/build/crawl.ts';

const tempDirs: string[] = [];
const servers: StaticServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (path → text) into a fresh folder and serves it under `base`. */
async function site(base: string, files: Record<string, string>): Promise<StaticServer> {
  const root = mkdtempSync(join(tmpdir(), 'crawl-unit-'));
  tempDirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const server = await startStaticServer({ root, base });
  servers.push(server);
  return server;
}

const page = (body: string, head = ''): string => `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;

/** A raw GET that sends the path exactly as written (fetch would normalise `..`). */
function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const url = new URL(origin);
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('startStaticServer', () => {
  it('serves like GitHub Pages under a base path', async () => {
    const server = await site('/repo', {
      'index.html': page('<p>home</p>'),
      'docs/index.html': page('<p>docs</p>'),
      'about.html': page('<p>about</p>'),
      '404.html': page('<p>custom not found</p>'),
      'style.css': 'body{}',
      'app.js': '1',
      'logo.svg': '<svg/>',
      'data.json': '{}',
      'feed.xml': '<rss/>',
      'robots.txt': 'User-agent: *',
      'font.woff2': 'x',
      'favicon.ico': 'x',
      'pic.png': 'x',
    });
    const at = (path: string, init: RequestInit = {}): Promise<Response> =>
      fetch(`${server.origin}${path}`, { redirect: 'manual', ...init, headers: { accept: 'text/html,*/*', ...init.headers } });

    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await at('/repo/')).status).toBe(200);
    expect(await (await at('/repo/docs/')).text()).toContain('docs');
    expect(await (await at('/repo/about')).text()).toContain('about');

    const bare = await at('/repo');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/repo/');
    const dir = await at('/repo/docs?x=1');
    expect(dir.status).toBe(301);
    expect(dir.headers.get('location')).toBe('/repo/docs/?x=1');

    const outside = await at('/index.html');
    expect(outside.status).toBe(404);
    expect(await outside.text()).toContain('custom not found');
    const missing = await at('/repo/nothing/here/');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await missing.text()).toContain('custom not found');
    expect((await at('/repository/')).status).toBe(404);
    // A client that does not ask for HTML (the link checker) gets a plain 404, with no links to follow.
    const plain = await at('/repo/nothing/', { headers: { accept: '*/*' } });
    expect([plain.status, plain.headers.get('content-type'), await plain.text()]).toEqual([404, 'text/plain; charset=utf-8', 'Not Found']);

    const types: Record<string, RegExp> = {
      '/repo/': /^text\/html/,
      '/repo/style.css': /^text\/css/,
      '/repo/app.js': /^text\/javascript/,
      '/repo/logo.svg': /^image\/svg\+xml/,
      '/repo/data.json': /^application\/json/,
      '/repo/feed.xml': /xml/,
      '/repo/robots.txt': /^text\/plain/,
      '/repo/font.woff2': /^font\/woff2/,
      '/repo/pic.png': /^image\/png/,
    };
    for (const [path, type] of Object.entries(types)) {
      const res = await at(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(type);
    }

    const head = await at('/repo/style.css', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves from the root when base is /, and a plain 404 without 404.html', async () => {
    const server = await site('/', { 'index.html': page('home'), 'a/index.html': page('a') });
    expect((await fetch(`${server.origin}/`)).status).toBe(200);
    expect((await fetch(`${server.origin}/a/`)).status).toBe(200);
    const missing = await fetch(`${server.origin}/b/`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('never serves files outside the root', async () => {
    const server = await site('/repo', { 'public/index.html': page('inside'), 'secret.txt': 'secret' });
    // Serve the nested folder so that secret.txt sits just outside the root.
    const nested = await startStaticServer({ root: join(tempDirs.at(-1) ?? '', 'public'), base: '/repo' });
    servers.push(nested);
    for (const path of ['/repo/../secret.txt', '/repo/%2e%2e/secret.txt', '/repo/..%2fsecret.txt', '/repo/%2E%2E%2Fsecret.txt', '/repo/..\\secret.txt']) {
      const res = await rawGet(nested.origin, path);
      expect(res.status, path).not.toBe(200);
      expect(res.body, path).not.toContain('secret');
    }
    expect((await rawGet(server.origin, '/repo/secret.txt')).body).toBe('secret');
  });
});

describe('page-weight helpers', () => {
  it('reads srcset candidates', () => {
    expect(srcsetUrls('a.png 1x, b.png 2x')).toEqual(['a.png', 'b.png']);
    expect(srcsetUrls(' /img/a-480.webp 480w,/img/a-800.webp 800w')).toEqual(['/img/a-480.webp', '/img/a-800.webp']);
    // As in HTML: a comma inside a URL belongs to it; only trailing commas end a candidate.
    expect(srcsetUrls('a.png,b.png 2x, c.png')).toEqual(['a.png,b.png', 'c.png']);
    expect(srcsetUrls('a.png, b.png 2x,c.png')).toEqual(['a.png', 'b.png', 'c.png']);
    expect(srcsetUrls('/img/a-480.webp 480w, /img/a-800.webp 800w')).toEqual(['/img/a-480.webp', '/img/a-800.webp']);
  });

  it('reads url() and @import from CSS, skipping data: and comments', () => {
    const css = `@import "base.css"; /* url(gone.png) */ a{background:url(bg.png)} b{src:url('f.woff2') format('woff2'), url("data:font/woff2;base64,AA")} c{fill:url(#g)}`;
    expect(cssReferences(css)).toEqual(['base.css', 'bg.png', 'f.woff2']);
  });

});

describe('crawl helpers', () => {
  it('reads the URLs listed by sitemaps, feeds and robots.txt', () => {
    expect(listedUrls('sitemap', '<sitemapindex><sitemap><loc>https://x.test/a/sitemap-0.xml</loc></sitemap></sitemapindex>')).toEqual([
      'https://x.test/a/sitemap-0.xml',
    ]);
    const rss = `<rss><channel><link>https://x.test/a/</link><atom:link href="https://x.test/a/rss.xml" rel="self"/>
      <item><link>https://x.test/a/p/</link><guid isPermaLink="false">id-1</guid><description><![CDATA[<a href="/ignored">x</a><link>no</link>]]></description>
      <enclosure url="https://x.test/a/e.mp3" type="audio/mpeg"/></item></channel></rss>`;
    // The channel and item links and permalink guids: what @astrojs/rss writes.
    expect(listedUrls('feed', rss).sort()).toEqual(['https://x.test/a/', 'https://x.test/a/p/']);
    expect(listedUrls('robots', 'User-agent: *\nAllow: /\nSitemap: https://x.test/a/sitemap-index.xml\n')).toEqual(['https://x.test/a/sitemap-index.xml']);
  });
});

describe('crawlSite', () => {
  const crawl = (server: StaticServer, extra: Partial<CrawlOptions> = {}): ReturnType<typeof crawlSite> =>
    crawlSite({ origin: server.origin, base: '/repo', ...extra });

  it('checks every kind of reference and accepts a sound site', async () => {
    const server = await site('/repo', {
      'index.html': page(
        `<main id="main"><a href="#main">skip</a>
        <a href="/repo/guide/#step-2">guide</a><a href="guide">relative dir (301)</a>
        <img src="img/a.png" srcset="img/a.png 1x, img/a@2x.png 2x" alt="">
        <picture><source srcset="/repo/img/a.webp" type="image/webp"><img src="/repo/img/a.png" alt=""></picture>
        <svg><a xlink:href="#main"><text>x</text></a><a href="/repo/guide/#step-1"><text>y</text></a>
          <defs><linearGradient id="g"></linearGradient><symbol id="icon"></symbol></defs>
          <use href="#icon"></use><rect fill="url(#g)" /></svg>
        <a href="mailto:x@example.com">mail</a><a href="https://example.com/elsewhere">elsewhere</a>
        <a href="#">top</a><a href="#top">top</a></main>
        <script type="module" src="/repo/app.js"></script>`,
        `<link rel="stylesheet" href="/repo/style.css"><link rel="icon" href="/repo/favicon.svg">
         <link rel="canonical" href="https://site.test/repo/"><meta property="og:image" content="https://site.test/repo/img/og.png">`,
      ),
      'guide/index.html': page('<h2 id="step-1">1</h2><a name="step-2">2</a><a href="../">home</a>'),
      'style.css': '@font-face{src:url(fonts/f.woff2)} body{background:url("/repo/img/a.png")}',
      'fonts/f.woff2': 'x',
      'app.js': '1',
      'favicon.svg': '<svg/>',
      'img/a.png': 'x',
      'img/a@2x.png': 'x',
      'img/a.webp': 'x',
      'img/og.png': 'x',
    });

    const report = await crawl(server, { siteOrigin: 'https://site.test' });

    expect(report.broken).toEqual([]);
    expect(report.pages).toEqual(['/repo/', '/repo/guide/']);
    expect(report.notFound).toEqual({ url: '/repo/crawl-probe-missing/deeper/', status: 404, html: false });
    expect(report.external).toEqual(['https://example.com/elsewhere']);
    // 2 pages (and guide, before its 301), style.css, app.js, favicon.svg, a.png, a@2x.png, a.webp,
    // og.png, f.woff2, 3 site files, the 404 probe
    expect(report.checked).toBe(15);
    expect(report.outsideBase).toEqual([]);
    expect(report.extras.map((e) => [e.url, e.status])).toEqual([
      ['/repo/sitemap-index.xml', 404],
      ['/repo/rss.xml', 404],
      ['/repo/robots.txt', 404],
    ]);
  });

  it('reports missing pages, assets, fragments, SVG references and paths outside the base, naming page and URL', async () => {
    const server = await site('/repo', {
      'index.html': page(
        `<a href="/repo/gone/">gone</a><a href="/repo/other/#missing">bad fragment</a><a href="#nowhere">bad local</a>
        <img src="/repo/none.png" srcset="/repo/none@2x.png 2x" alt="">
        <svg><a xlink:href="#chinas-rise"><text>x</text></a><use href="#no-symbol"></use><path marker-end="url(#no-marker)"/></svg>
        <a href="/elsewhere/">outside base</a>`,
        '<link rel="stylesheet" href="/repo/style.css"><meta property="og:image" content="https://site.test/repo/og.png">',
      ),
      'other/index.html': page('<p id="present">x</p>'),
      'style.css': 'body{background:url(missing-bg.png)}',
    });

    const report = await crawl(server, { siteOrigin: 'https://site.test', checkNotFoundPage: false });
    const found = report.broken.map((b) => `${b.from} ${b.url}`);

    expect(found.sort()).toEqual(
      [
        '/repo/ /repo/gone/',
        '/repo/ /repo/other/#missing',
        '/repo/ /repo/#nowhere',
        '/repo/ /repo/none.png',
        '/repo/ /repo/none@2x.png',
        '/repo/ /repo/#chinas-rise',
        '/repo/ /repo/#no-symbol',
        '/repo/ /repo/#no-marker',
        '/repo/ /elsewhere/',
        '/repo/ /repo/og.png',
        '/repo/style.css /repo/missing-bg.png',
      ].sort(),
    );
    expect(report.broken.find((b) => b.url === '/repo/gone/')?.reason).toBe('HTTP 404');
    expect(report.broken.find((b) => b.url === '/repo/other/#missing')?.reason).toBe('no element with id="missing" on /repo/other/');
    expect(report.broken.find((b) => b.url === '/repo/#chinas-rise')?.reason).toBe('no element with id="chinas-rise" on this page');
    expect(report.outsideBase.map((b) => `${b.from} ${b.url}`)).toEqual(['/repo/ /elsewhere/']);
  });

  it('follows a 301 to its folder, and checks the 404 page at a deep URL', async () => {
    const server = await site('/repo', {
      'index.html': page('<a href="/repo/dir">dir</a><a href="/repo/empty">empty dir</a>'),
      'dir/index.html': page('ok'),
      'empty/readme.txt': 'no index',
      '404.html': page('<a href="/repo/">home</a><a href="missing-relative/">relative</a><a href="#main">main</a>'),
    });

    const report = await crawl(server);

    expect(report.pages).toEqual(['/repo/', '/repo/dir/', '/repo/crawl-probe-missing/deeper/']);
    expect(report.notFound).toEqual({ url: '/repo/crawl-probe-missing/deeper/', status: 404, html: true });
    expect(report.broken.map((b) => [b.from, b.url, b.reason]).sort()).toEqual([
      ['/repo/', '/repo/empty', 'HTTP 404'],
      ['/repo/crawl-probe-missing/deeper/ (the 404 page)', '/repo/crawl-probe-missing/deeper/#main', 'no element with id="main" on this page'],
      ['/repo/crawl-probe-missing/deeper/ (the 404 page)', '/repo/crawl-probe-missing/deeper/missing-relative/', 'HTTP 404'],
    ]);
  });

  it('checks sitemap, feed and robots.txt entries when present, mapping SITE onto the server', async () => {
    const server = await site('/repo', {
      'index.html': page('<a href="/repo/a/">a</a>'),
      'a/index.html': page('a'),
      'hidden/index.html': page('only in the sitemap <a href="/repo/nope/">nope</a>'),
      'sitemap-index.xml': '<sitemapindex><sitemap><loc>https://site.test/repo/sitemap-0.xml</loc></sitemap></sitemapindex>',
      'sitemap-0.xml': '<urlset><url><loc>https://site.test/repo/</loc></url><url><loc>https://site.test/repo/hidden/</loc></url><url><loc>https://site.test/repo/gone/</loc></url></urlset>',
      'robots.txt': 'User-agent: *\nSitemap: https://site.test/repo/sitemap-index.xml\n',
    });

    const plain = await crawl(server, { checkNotFoundPage: false });
    expect(plain.broken).toEqual([]);
    expect(plain.extras.map((e) => [e.url, e.listed, e.checked])).toEqual([
      ['/repo/sitemap-index.xml', 1, 0],
      ['/repo/rss.xml', 0, 0],
      ['/repo/robots.txt', 1, 0],
    ]);

    const mapped = await crawl(server, { siteOrigin: 'https://site.test', checkNotFoundPage: false });
    expect(mapped.external).toEqual([]);
    expect(mapped.pages).toContain('/repo/hidden/');
    expect(mapped.broken.map((b) => `${b.from} ${b.url}`).sort()).toEqual(['/repo/hidden/ /repo/nope/', '/repo/sitemap-0.xml /repo/gone/']);
    expect(mapped.extras).toEqual([
      { url: '/repo/sitemap-index.xml', status: 200, listed: 1, checked: 1 },
      { url: '/repo/rss.xml', status: 404, listed: 0, checked: 0 },
      { url: '/repo/robots.txt', status: 200, listed: 1, checked: 1 },
      { url: '/repo/sitemap-0.xml', status: 200, listed: 3, checked: 3 },
    ]);
  });
});
