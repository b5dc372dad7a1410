// Jump benchmark (not a test): the same run in the CLI and in the built app, side by side — a
// jump of +3 h at 6 nodes and of +1 h at 64 nodes, the default workload (20 ops/s, 1,000 keys,
// QUORUM, 80% writes) running from t = 0. The browser's time is the wall time from the click on
// the jump button to the clock showing the jump's end; the CLI's is the engine loop as `npm run sim`
// drives it (and the whole process, start-up included, for reference). bench/ui.bench.mjs runs it.
// Run alone: node bench/jump.bench.mjs [--no-build] [--dist DIR] [--rounds N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const lz = require('lz-string');

const WORKLOAD = [{ from: '0s', to: '30d', rate: 20, keys: 1000, writeRatio: 0.8, consistency: 'QUORUM' }];
const nodeNames = (n) => Array.from({ length: n }, (_, i) => (n <= 26 ? String.fromCharCode(65 + i) : `n${i + 1}`));
const CASES = [
  { name: '+3 h at 6 nodes', nodes: 6, jump: '+3 h', atMs: 3 * 3_600_000 },
  { name: '+1 h at 64 nodes', nodes: 64, jump: '+1 h', atMs: 3_600_000 },
];

function scenarioOf(c) {
  return {
    format: 'hintscope/scenario@1', name: `Jump bench: ${c.nodes} nodes, the default workload`, seed: 1,
    cluster: { nodes: nodeNames(c.nodes), vnodes: 8, replicationFactor: 3 },
    settings: { preset: 'cassandra' }, workload: WORKLOAD, faults: [], until: '30d',
  };
}

function cliRun(c, dir) {
  const file = join(dir, `jump-${c.nodes}.json`);
  writeFileSync(file, JSON.stringify({ format: 'hintscope/session@1', scenario: scenarioOf(c), log: [], at: c.atMs }));
  const out = execFileSync('npx', ['tsx', 'bench/jump-cli.ts', file], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

/** Wall ms from the click on the jump button to the clock at the jump's end (best of `tries`). */
async function browserRun(browser, url, c, tries = 2) {
  const link = '#s=' + lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, scenario: scenarioOf(c), log: [] }));
  const times = [];
  for (let i = 0; i < tries; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(url + link, { waitUntil: 'load' });
    await page.getByTestId('clock').waitFor();
    await page.waitForFunction(() => !document.querySelector('.jump-btn')?.hasAttribute('disabled'));
    await page.waitForTimeout(500);
    const ms = await page.evaluate(async (jumpText) => {
      const btn = [...document.querySelectorAll('.jump-btn')].find((b) => b.textContent?.trim() === jumpText);
      const clock = () => document.querySelector('[data-testid="clock"]')?.textContent ?? '';
      const before = clock();
      const t0 = performance.now();
      btn.click();
      // Polled on a timer, not on animation frames (a hidden page gets none).
      await new Promise((done, fail) => {
        const look = () => {
          if (clock() !== before && !document.querySelector('[data-testid="jump-progress"]')) done();
          else if (performance.now() - t0 > 180_000) fail(new Error(`the jump did not end (clock ${clock()})`));
          else setTimeout(look, 4);
        };
        look();
      });
      return performance.now() - t0;
    }, c.jump);
    const end = await page.getByTestId('clock').textContent();
    times.push({ ms, clock: end });
    await page.close();
  }
  return times.reduce((a, b) => (a.ms <= b.ms ? a : b));
}

export async function runJumpBench(browser, url, rounds = 3) {
  const dir = mkdtempSync(join(tmpdir(), 'hintscope-jump-'));
  const rows = [];
  // Interleaved rounds, best of each side: the machine's other load falls on both alike.
  for (const c of CASES) {
    let cli = null;
    let web = null;
    for (let r = 0; r < rounds; r++) {
      const a = cliRun(c, dir);
      const b = await browserRun(browser, url, c, 1);
      if (!cli || a.engineMs < cli.engineMs) cli = { ...a, processMs: Math.min(a.processMs, cli?.processMs ?? Infinity) };
      if (!web || b.ms < web.ms) web = b;
    }
    rows.push({ c, cli, web });
  }
  const ms = (x) => `${Math.round(x).toLocaleString('en-US')} ms`;
  console.log('\nJumps — the same run in the CLI and in the built app (headless Chromium), side by side\n');
  console.log(`${'jump'.padEnd(18)} ${'CLI engine'.padStart(11)} ${'CLI process'.padStart(12)} ${'browser'.padStart(10)} ${'ratio'.padStart(6)}  goal <= 1.3× (browser / CLI engine)`);
  for (const { c, cli, web } of rows) {
    const ratio = web.ms / cli.engineMs;
    console.log(
      `${c.name.padEnd(18)} ${ms(cli.engineMs).padStart(11)} ${ms(cli.processMs).padStart(12)} ${ms(web.ms).padStart(10)} ${ratio.toFixed(2).padStart(5)}×  ${ratio <= 1.3 ? 'met' : 'NOT met'}; ${cli.events.toLocaleString('en-US')} events, clock ${web.clock}`,
    );
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { findChrome } = await import('../scripts/find-chrome.mjs');
  const { serveStatic } = await import('../scripts/static-server.mjs');
  const { chromium } = require('playwright-core');
  const distArg = process.argv.indexOf('--dist');
  const dist = distArg > 0 ? process.argv[distArg + 1] : 'dist';
  const roundsArg = process.argv.indexOf('--rounds');
  if (!process.argv.includes('--no-build')) execFileSync('npx', ['vite', 'build'], { stdio: 'ignore' });
  const server = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: findChrome({ install: false }),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    await runJumpBench(browser, server.url, roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3);
  } finally {
    await browser.close();
    await server.close();
  }
}
