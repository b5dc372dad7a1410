// Rings of any allowed size open and play without freezing the page: a 256 × 256 and a 64 × 256
// scenario opened through Open… (paste), then played at speed, with every long task of the main
// thread recorded (PerformanceObserver 'longtask', buffered). The bound: none over 200 ms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE_URL, screenshot, useApp, type App } from './helpers';

const LIMIT_MS = 200;

let app: App;
useApp((a) => (app = a));

/** Installed before any page script: every long task since load, kept on window. */
async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Long tasks that started at or after `since` (page time, ms). */
function longTasksSince(page: Page, since: number): Promise<{ start: number; duration: number }[]> {
  return page.evaluate((t) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((e) => e.start >= t), since);
}

const scenario = (nodes: number, vnodes: number) =>
  JSON.stringify({
    format: 'hintscope/scenario@1',
    name: `Ring ${nodes} x ${vnodes}`,
    cluster: { nodes, vnodes },
    workload: [{ from: 0, to: '1h', rate: 200, keys: 2000 }],
    until: '1h',
  });

const clock = (page: Page) => page.evaluate(() => document.querySelector('[data-testid="clock"]')?.textContent?.trim() ?? '');

async function openBig(nodes: number, vnodes: number): Promise<void> {
  const { page } = app;
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-paste').fill(scenario(nodes, vnodes));
  const since = await page.evaluate(() => performance.now());
  await page.getByTestId('import-paste-open').click();
  await page.getByTestId(`node-n${nodes}`).waitFor({ state: 'attached', timeout: 60_000 });
  await page.getByTestId('import-dialog').waitFor({ state: 'detached', timeout: 30_000 });
  // Two animation frames after the last glyph: the ring is laid out and painted.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const long = await longTasksSince(page, since);
  const worst = Math.max(0, ...long.map((t) => t.duration));
  console.log(`open ${nodes} x ${vnodes}: ${long.length} long tasks, worst ${worst.toFixed(0)} ms`);
  assert.ok(worst <= LIMIT_MS, `opening ${nodes} x ${vnodes}: a ${worst.toFixed(0)} ms task (bound ${LIMIT_MS} ms)`);
}

async function playFor(ms: number, label: string): Promise<void> {
  const { page } = app;
  await page.getByTestId('speed').selectOption('25');
  const before = await clock(page);
  const since = await page.evaluate(() => performance.now());
  await page.getByTestId('play-toggle').click();
  await page.waitForTimeout(ms);
  await page.getByTestId('play-toggle').click();
  const after = await clock(page);
  const long = await longTasksSince(page, since);
  const worst = Math.max(0, ...long.map((t) => t.duration));
  const total = long.reduce((s, t) => s + t.duration, 0);
  console.log(`play ${label} for ${ms} ms: ${long.length} long tasks, ${total.toFixed(0)} ms in all, worst ${worst.toFixed(0)} ms; clock ${before} → ${after}`);
  assert.notEqual(after, before, 'the clock advances: frames arrive');
  assert.ok(worst <= LIMIT_MS, `playing ${label}: a ${worst.toFixed(0)} ms task (bound ${LIMIT_MS} ms)`);
}

test('a 256 × 256 ring opens through Open… and plays with no task over 200 ms', async () => {
  const { page, problems } = app;
  await recordLongTasks(page);
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  await openBig(256, 256);
  await page.getByTestId('ring-dense-note').waitFor({ state: 'visible' });
  await playFor(4_000, '256 × 256');
  await screenshot(page, 'big-ring-256');
  assert.deepEqual(problems, []);
});

test('a 64 × 256 ring opens and plays with no task over 200 ms', async () => {
  const { page, problems } = app;
  await openBig(64, 256);
  // 64 names fit outside the ring (ring.spec.ts checks them): no "on hover" note.
  await page.getByTestId('ring-labels').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('ring-dense-note').count(), 0);
  await playFor(3_000, '64 × 256');
  assert.deepEqual(problems, []);
});
