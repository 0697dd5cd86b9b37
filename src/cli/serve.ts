/**
 * Serves the built site (dist/) the way GitHub Pages does, for the end-to-end tests:
 * `node src/cli/serve.ts --port 4391`. BASE and SITE come from the environment, as for the build.
 */
import { parseArgs } from 'node:util';
import { resolveDeployTarget } from '../lib/deploy-target.ts';
import { startStaticServer } from '../build/static-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4391' }, root: { type: 'string', default: 'dist' } } });
const { base } = resolveDeployTarget(process.env);
const server = await startStaticServer({ root: values.root, base, port: Number(values.port) });
console.log(`serving ${values.root} at ${server.origin}${base === '/' ? '/' : `${base}/`}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void server.close().then(() => process.exit(0)));
