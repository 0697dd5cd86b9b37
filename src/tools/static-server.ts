/**
 * A tiny static file server that behaves like GitHub Pages for a project site: files of `root`
 * are served only under `base`, `/x/` serves `/x/index.html`, `/x` (a folder) redirects to `/x/`,
 * `/x` serves `/x.html` when that file exists, and everything else is a 404 with the body of
 * `root/404.html`. Used by the build tests to crawl the built site as it will be deployed.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

export type StaticServerOptions = {
  /** Folder to serve, e.g. the build's outDir. */
  root: string;
  /** Path prefix the site lives under: '/' or '/ai-briefing' (a trailing slash is ignored). */
  base: string;
};

export type StaticServer = {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  close: () => Promise<void>;
};

export const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/** The Content-Type for a file name; unknown extensions are served as bytes. */
export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function normaliseServerBase(raw: string): string {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}`;
}

type Found = { kind: 'file'; path: string; size: number } | { kind: 'dir' } | { kind: 'none' };

async function probe(path: string): Promise<Found> {
  try {
    const info = await stat(path);
    if (info.isFile()) return { kind: 'file', path, size: info.size };
    if (info.isDirectory()) return { kind: 'dir' };
  } catch {
    // Missing or unreadable: treated as absent.
  }
  return { kind: 'none' };
}

/**
 * Splits a URL path into decoded segments, or returns undefined when it is not a safe path inside
 * the root: undecodable escapes, `.`/`..` segments (also when percent-encoded), or segments that
 * decode to a slash, backslash or NUL.
 */
export function safeSegments(pathname: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of pathname.split('/').filter((s) => s !== '')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** Starts the server on 127.0.0.1 with an ephemeral port. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const base = normaliseServerBase(options.base);
  const notFoundPage = join(root, '404.html');

  async function send(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string): Promise<void> {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, { ...headers, 'Content-Length': String(bytes.length) });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = await probe(notFoundPage);
    if (page.kind === 'file') {
      await send(req, res, 404, { 'Content-Type': contentTypes['.html'] ?? 'text/html' }, await readFile(page.path));
    } else {
      await send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not Found\n');
    }
  }

  function redirect(req: IncomingMessage, res: ServerResponse, location: string): Promise<void> {
    return send(req, res, 301, { Location: location, 'Content-Type': 'text/plain; charset=utf-8' }, `Moved to ${location}\n`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      await send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method Not Allowed\n');
      return;
    }
    const rawTarget = req.url ?? '/';
    // Only origin-form targets ("/path?query"); anything else is not a file request.
    if (!rawTarget.startsWith('/')) return notFound(req, res);
    // The raw target is checked before URL parsing, which would silently resolve `..`.
    const rawPath = rawTarget.split(/[?#]/, 1)[0] ?? '/';
    const query = rawTarget.slice(rawPath.length).split('#', 1)[0] ?? '';
    if (safeSegments(rawPath) === undefined) {
      await send(req, res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad Request\n');
      return;
    }

    let rest: string;
    if (base === '/') {
      rest = rawPath;
    } else if (rawPath === base) {
      return redirect(req, res, `${base}/${query}`);
    } else if (rawPath.startsWith(`${base}/`)) {
      rest = rawPath.slice(base.length);
    } else {
      return notFound(req, res);
    }

    const segments = safeSegments(rest) ?? [];
    const filePath = resolve(root, ...segments);
    if (filePath !== root && !filePath.startsWith(root + sep)) return notFound(req, res);

    let found: Found;
    if (rest.endsWith('/')) {
      found = await probe(join(filePath, 'index.html'));
    } else {
      found = await probe(filePath);
      if (found.kind === 'dir') return redirect(req, res, `${rawPath}/${query}`);
      // GitHub Pages serves /about from about.html.
      if (found.kind === 'none') found = await probe(`${filePath}.html`);
    }
    if (found.kind !== 'file') return notFound(req, res);
    await send(req, res, 200, { 'Content-Type': contentTypeFor(found.path) }, await readFile(found.path));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Internal Server Error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
