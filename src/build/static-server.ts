/**
 * Serves a built site the way GitHub Pages does, for the link check, the subpath tests, the
 * end-to-end tests and Lighthouse: files by sirv under `base`, a folder without its slash redirected (301) to it, and
 * 404.html with status 404 for anything missing, at any depth, inside or outside `base`, to a
 * browser (a request that accepts text/html). Other clients get a plain 404: the link checker
 * then reads no links from an error page, while the 404 page is probed as a browser asks for it.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

export type StaticServer = { origin: string; close: () => Promise<void> };

/** Serves `root` under `base` on 127.0.0.1, at `port` (any free one unless given). */
export async function startStaticServer({ root, base, port = 0 }: { root: string; base: string; port?: number }): Promise<StaticServer> {
  const dir = resolve(root);
  const prefix = base.replace(/^\/+|\/+$/g, '') === '' ? '' : `/${base.replace(/^\/+|\/+$/g, '')}`;
  // sirv lists the folder once, at start: it never serves a file outside it.
  const serve = sirv(dir, { etag: false, dotfiles: false });
  const isFolder = (path: string): boolean => {
    const full = join(dir, path);
    return full.startsWith(dir) && (statSync(full, { throwIfNoEntry: false })?.isDirectory() ?? false);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    const notFound = (): void => {
      let page: Buffer | undefined;
      try {
        page = /text\/html/.test(req.headers.accept ?? '') ? readFileSync(join(dir, '404.html')) : undefined;
      } catch {
        page = undefined;
      }
      res.writeHead(404, { 'content-type': page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8' });
      res.end(page ?? 'Not Found');
    };
    const redirect = (to: string): void => void res.writeHead(301, { location: `${to}${url.search}` }).end();
    if (url.pathname === prefix) return redirect(`${prefix}/`);
    if (!url.pathname.startsWith(`${prefix}/`)) return notFound();
    const path = url.pathname.slice(prefix.length);
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return notFound();
    }
    if (!path.endsWith('/') && isFolder(decoded)) return redirect(`${url.pathname}/`);
    req.url = `${path}${url.search}`;
    serve(req, res, notFound);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  const { port: listening } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${listening}`,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
