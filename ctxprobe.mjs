import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
const cpu = () => { const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number); return (f[0] + f[1] + f[2] + f[5] + f[6]) / 100; };
const b = await chromium.launch({ executablePath: '/usr/bin/chromium-headless-shell', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
const url = 'http://127.0.0.1:4555/briefings/deepseek-three-trends/core-point/';
const N = 25;
async function measure(name, fn) { await fn(); const c = cpu(), t = Date.now(); for (let i = 0; i < N; i++) await fn(); console.log(name, ((cpu() - c) / N).toFixed(3), 'CPU-s/iter', ((Date.now() - t) / N).toFixed(0), 'ms'); }
await measure('new context+page+goto', async () => { const ctx = await b.newContext(); const p = await ctx.newPage(); await p.goto(url); await ctx.close(); });
const shared = await b.newContext();
await measure('shared context, new page+goto', async () => { const p = await shared.newPage(); await p.goto(url); await p.close(); });
const page = await shared.newPage();
await measure('same page, goto', async () => { await page.goto(url); });
await measure('same page, goto about:blank then url', async () => { await page.goto('about:blank'); await page.goto(url); });
await measure('new context+page only', async () => { const ctx = await b.newContext(); const p = await ctx.newPage(); await ctx.close(); });
await b.close();
