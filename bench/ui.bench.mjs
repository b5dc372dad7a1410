// UI benchmark (not a test): the built app in headless Chromium with 64 nodes, the engine at full
// speed and thousands of messages in flight. Prints p95 frame interval, long main-thread tasks
// in a 10 s window, messages drawn, and the gzip size of the JavaScript bundle; then the jump
// benchmark (bench/jump.bench.mjs): +3 h at 6 nodes and +1 h at 64 nodes, CLI and browser side by side.
// Run: npm run bench:ui   (builds first)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { findChrome } from '../scripts/find-chrome.mjs';
import { serveStatic } from '../scripts/static-server.mjs';
import { runJumpBench } from './jump.bench.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const lz = require('lz-string');

const distArg = process.argv.indexOf('--dist');
const dist = distArg > 0 ? process.argv[distArg + 1] : 'dist';
if (!process.argv.includes('--no-build')) execFileSync('npx', ['vite', 'build'], { stdio: 'ignore' });

const assets = readdirSync(`${dist}/assets`).filter((f) => f.endsWith('.js'));
const sizes = assets.map((f) => ({ f, gz: gzipSync(readFileSync(`${dist}/assets/${f}`)).length }));
// Worker bundles (the engine's, the canvas's) load beside the page, not in its critical path.
const isWorker = (f) => /worker/i.test(f);
const mainGz = sizes.filter((s) => !isWorker(s.f)).reduce((a, s) => a + s.gz, 0);
const workerGz = sizes.filter((s) => isWorker(s.f)).reduce((a, s) => a + s.gz, 0);

// 64 nodes; slow links (median 300 ms) and 2,000 ops/s keep thousands of messages in flight.
const scenario = {
  format: 'hintscope/scenario@1', name: 'UI bench: 64 nodes, thousands of messages', seed: 3,
  cluster: { nodes: 64, vnodes: 8, replicationFactor: 3 },
  settings: { latency: { median: '300ms', p99: '1.5s' } },
  workload: [{ from: '0s', to: '30d', rate: 2000, keys: 100000, writeRatio: 0.8, consistency: 'QUORUM' }],
  until: '30d',
};
const link = '#s=' + lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, scenario, log: [] }));

const server = await serveStatic(dist);
const browser = await chromium.launch({
  executablePath: findChrome({ install: false }),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto(server.url + link, { waitUntil: 'load' });
await page.getByTestId('node-n1').waitFor({ timeout: 30_000 });
await page.getByTestId('speed').selectOption({ index: 13 }); // the fastest (10,000×): the engine runs flat out
await page.getByTestId('play-toggle').click();
await page.waitForTimeout(3000); // warm-up: let the queue fill

const result = await page.evaluate(async () => {
  const intervals = [];
  const longTasks = [];
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  obs.observe({ type: 'longtask', buffered: false });
  let inFlightMax = 0;
  let last = performance.now();
  const end = last + 10_000;
  await new Promise((done) => {
    const loop = (t) => {
      intervals.push(t - last);
      last = t;
      const txt = document.querySelector('[data-testid="messages-in-flight"]')?.textContent ?? '';
      const n = Number((txt.match(/\d[\d,]*/)?.[0] ?? '0').replace(/,/g, ''));
      if (n > inFlightMax) inFlightMax = n;
      if (t < end) requestAnimationFrame(loop); else done();
    };
    requestAnimationFrame(loop);
  });
  obs.disconnect();
  intervals.sort((a, b) => a - b);
  const q = (p) => intervals[Math.min(intervals.length - 1, Math.floor(p * intervals.length))];
  return { frames: intervals.length, p50: q(0.5), p95: q(0.95), max: intervals[intervals.length - 1], longTasks, inFlightMax };
});
const simNow = await page.getByTestId('clock').textContent();
await page.close();

const ms = (x) => `${x.toFixed(1)} ms`;
const rows = [
  ['frames in 10 s', String(result.frames), ''],
  ['frame interval p50', ms(result.p50), ''],
  ['frame interval p95', ms(result.p95), `goal <= 17 ms: ${result.p95 <= 17 ? 'met' : 'NOT met'}`],
  ['frame interval max', ms(result.max), ''],
  ['main-thread tasks > 50 ms', String(result.longTasks.length), `goal 0: ${result.longTasks.length === 0 ? 'met' : `NOT met (longest ${ms(Math.max(...result.longTasks))})`}`],
  ['messages in flight (max seen)', result.inFlightMax ? result.inFlightMax.toLocaleString('en-US') : 'n/a', 'goal >= 2,000'],
  ['simulated clock at the end', simNow ?? '', ''],
  ['JS bundle, main (gzip)', `${(mainGz / 1024).toFixed(1)} KB`, `goal <= 250 KB: ${mainGz / 1024 <= 250 ? 'met' : 'NOT met'}`],
  ['JS bundle, workers (gzip)', `${(workerGz / 1024).toFixed(1)} KB`, `main + worker ${((mainGz + workerGz) / 1024).toFixed(1)} KB`],
];
console.log('HintScope UI bench — headless Chromium, 1280×720, 64 nodes, engine at 10,000×\n');
for (const [a, b, c] of rows) console.log(`${a.padEnd(32)} ${b.padStart(14)}  ${c}`);

// Then the jumps, side by side with the CLI, in the same browser (bench/jump.bench.mjs).
try {
  await runJumpBench(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}
