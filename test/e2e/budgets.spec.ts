// The budgets of issue 12, measured in Chromium on the heaviest inputs a link may carry:
// - a repair of 8 nodes × 256 vnodes at merkleDepth 16 every minute for an hour (the issue's
//   194-character repro at the interval floor) — the worker's heap, read through DevTools
//   (Runtime.getHeapUsage on the worker's own target) every few frames, stays under 512 MB;
// - a valid share link near the 200,000-character bound (a 9,500-command log of writes, just under the 1 MB a link may expand to) — the
//   main thread decodes and validates it with no task over 200 ms;
// - a 256 × 256 ring — the worker's heap after opening it.
// Every number is printed, so the README's figures can be checked against a run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, CDPSession, Page } from 'playwright-core';
import lz from 'lz-string';
import { BASE_URL, launch, openPage } from './helpers';

const WORKER_BUDGET = 512 * 1024 * 1024;
const LONG_TASK_LIMIT_MS = 200;
const MB = 1024 * 1024;

let browser: Browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const link = (session: object) => `#s=${lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, ...session }))}`;

/** Every long task of the main thread since load, kept on window (installed before any script). */
async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

/**
 * The simulation worker's used JS heap, in bytes, read through DevTools: the page's session
 * attaches to the worker's target (non-flat, the one mode a page-level CDP session can route).
 */
async function workerHeap(page: Page): Promise<() => Promise<number>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && /\/worker-[^/]*\.js$/.test(t.url));
  assert.ok(target, `the simulation worker is running (targets: ${targetInfos.map((t) => t.url).join(', ')})`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const waiting = new Map<number, (usedSize: number) => void>();
  let next = 0;
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const reply = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
    if (reply.id !== undefined && reply.result) waiting.get(reply.id)?.(reply.result.usedSize);
  });
  return () =>
    new Promise<number>((ok) => {
      const id = ++next;
      waiting.set(id, ok);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    });
}

/** Samples `read` once per animation frame pair until `done` holds in the page; returns the peak. */
async function peakUntil(page: Page, read: () => Promise<number>, done: () => Promise<boolean>, timeoutMs: number): Promise<{ peak: number; samples: number }> {
  const deadline = Date.now() + timeoutMs;
  let peak = 0;
  let samples = 0;
  for (;;) {
    peak = Math.max(peak, await read());
    samples++;
    if (await done()) return { peak, samples };
    assert.ok(Date.now() < deadline, `not finished within ${timeoutMs} ms (peak so far ${(peak / MB).toFixed(0)} MB)`);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  }
}

const clockIs = (page: Page, want: string) => async () =>
  (await page.evaluate(() => document.querySelector('[data-testid="clock"]')?.textContent?.trim() ?? '')) === want;

test('an hour of repairs at 8 nodes × 256 vnodes, merkleDepth 16: the worker stays under 512 MB', async () => {
  const { page, problems } = await openPage(browser);
  await recordLongTasks(page);
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  const heap = await workerHeap(page);
  const idle = await heap();
  const scenario = {
    format: 'hintscope/scenario@1',
    name: 'm',
    cluster: { nodes: 8, vnodes: 256 },
    settings: { merkleDepth: 16, antiEntropyInterval: '1m' },
    workload: [{ from: 0, to: '1h', rate: 50, keys: 5000 }],
    until: '1h',
  };
  await page.goto(`${BASE_URL}${link({ scenario, at: 3_600_000 })}`, { waitUntil: 'load' });
  const { peak, samples } = await peakUntil(page, heap, clockIs(page, '1:00:00.000'), 240_000);
  const worst = Math.max(0, ...(await longTasks(page)));
  console.log(`repair 8 x 256 @ depth 16 for 1 h: worker heap idle ${(idle / MB).toFixed(1)} MB, peak ${(peak / MB).toFixed(1)} MB over ${samples} samples; worst main-thread task ${worst.toFixed(0)} ms`);
  assert.ok(peak < WORKER_BUDGET, `worker heap peaked at ${(peak / MB).toFixed(0)} MB (budget 512 MB)`);
  assert.ok(worst <= LONG_TASK_LIMIT_MS, `a ${worst.toFixed(0)} ms main-thread task (bound ${LONG_TASK_LIMIT_MS} ms)`);
  assert.match((await page.getByTestId('counter-repair-sessions').textContent()) ?? '', /[1-9]/, 'repairs ran');
  assert.deepEqual(problems, []);
  await page.close();
});

/** A valid session of `n` writes with varied keys and values: it compresses badly, as real logs do. */
function heavySession(n: number) {
  const log = Array.from({ length: n }, (_, i) => ({
    at: 1000 + i * 10 + 0.001,
    command: { type: 'write', key: `user:${(i * 7919) % 100_003}`, value: `v${((i * 2654435761) >>> 0).toString(36)}`, consistency: 'ONE' },
  }));
  const scenario = { format: 'hintscope/scenario@1', name: 'Nine thousand five hundred writes', cluster: { nodes: 6 }, until: '10m' };
  return { scenario, log, at: 200_000 };
}

test('a valid link near the 200,000-character bound opens with no main-thread task over 200 ms', async () => {
  const { page, problems } = await openPage(browser);
  await recordLongTasks(page);
  const hash = link(heavySession(9_500));
  assert.ok(hash.length > 150_000 && hash.length <= 200_003, `the link is near the bound (${hash.length} characters)`);
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  const heap = await workerHeap(page);
  const since = (await longTasks(page)).length;
  await page.evaluate((h) => { location.hash = h; }, hash);
  const { peak } = await peakUntil(page, heap, clockIs(page, '0:03:20.000'), 120_000);
  const tasks = (await longTasks(page)).slice(since);
  const worst = Math.max(0, ...tasks);
  console.log(`link of ${hash.length} characters (9,500 writes): ${tasks.length} long tasks, worst ${worst.toFixed(0)} ms; worker heap peak ${(peak / MB).toFixed(1)} MB`);
  assert.ok(worst <= LONG_TASK_LIMIT_MS, `a ${worst.toFixed(0)} ms main-thread task (bound ${LONG_TASK_LIMIT_MS} ms)`);
  assert.ok(peak < WORKER_BUDGET, `worker heap peaked at ${(peak / MB).toFixed(0)} MB`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a 256 × 256 ring: the worker stays under 512 MB while it opens and plays', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  const heap = await workerHeap(page);
  const scenario = { format: 'hintscope/scenario@1', name: 'Ring 256 x 256', cluster: { nodes: 256, vnodes: 256 }, workload: [{ from: 0, to: '1h', rate: 200, keys: 2000 }], until: '1h' };
  await page.goto(`${BASE_URL}${link({ scenario, at: 60_000 })}`, { waitUntil: 'load' });
  const { peak } = await peakUntil(page, heap, clockIs(page, '0:01:00.000'), 120_000);
  console.log(`256 x 256 run to 1 min: worker heap peak ${(peak / MB).toFixed(1)} MB`);
  assert.ok(peak < WORKER_BUDGET, `worker heap peaked at ${(peak / MB).toFixed(0)} MB (budget 512 MB)`);
  assert.deepEqual(problems, []);
  await page.close();
});
