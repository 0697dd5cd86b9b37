import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
const cpu = () => { const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number); return (f[0] + f[1] + f[2] + f[5] + f[6]) / 100; };
const base = ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'];
const extra = process.argv.slice(2);
const url = 'http://127.0.0.1:4555/briefings/deepseek-three-trends/';
const N = 20;
const c0 = cpu(), t0 = Date.now();
const b = await chromium.launch({ executablePath: '/usr/bin/chromium-headless-shell', args: [...base, ...extra] });
for (let i = 0; i < N; i++) { const ctx = await b.newContext(); const p = await ctx.newPage(); await p.goto(url); await p.setViewportSize({width: 390, height: 800}); await p.evaluate(() => document.body.offsetHeight); await ctx.close(); }
await b.close();
console.log(extra.join(' ') || '(base)', ((cpu() - c0) / N).toFixed(3), 'CPU-s/iter', ((Date.now() - t0) / N).toFixed(0), 'ms');
