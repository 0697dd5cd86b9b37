/**
 * Loaded into every Node process of a build (NODE_OPTIONS=--import=…, tests/support/shared-site.ts):
 * writes each request that leaves this machine to the file named by NETWORK_LOG, one line each,
 * before it is sent (so one that fails offline, as here, is logged too). fetch() is how Astro,
 * its integrations and most of today's packages reach the network; a socket opened another way
 * (http, https, net) is caught where it connects.
 */
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const logFile = process.env['NETWORK_LOG'];
const loopback = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/i;

function record(what: string): void {
  if (logFile) appendFileSync(logFile, `${process.argv.slice(1, 3).join(' ')}: ${what}\n`);
}

const originalFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!loopback.test(url.hostname)) record(`fetch ${url.href}`);
  return originalFetch(input, init);
};

type ConnectOptions = { host?: string | undefined; port?: number | undefined; path?: string | null | undefined };
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
  // net.connect() passes its normalised arguments as an array; a direct call passes options or port, host.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options: ConnectOptions = typeof first === 'object' && first !== null ? (first as ConnectOptions) : { port: Number(first), host: typeof args[1] === 'string' ? args[1] : undefined };
  // A Unix socket has a path and no host (an HTTP request's options carry its URL path too).
  const unixSocket = typeof options.path === 'string' && options.host === undefined;
  const host = options.host ?? 'localhost';
  if (!unixSocket && !loopback.test(host)) record(`connect ${host}:${options.port}`);
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
