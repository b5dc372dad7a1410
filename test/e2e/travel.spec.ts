// Time travel in the built app: kill C, run on, scrub back before the kill (C is up again), forward
// to the end (C down, and the trace hash of the straight run); then go back between the kill and a
// later restart, give a different command (the what-if note warned), and the restart is gone for
// good. The charts keep their history up to the moment gone back to. No sleeps: every wait is a
// condition on the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE_URL, useApp, screenshot } from './helpers';

let page: Page;
let problems: string[] = [];
useApp((app) => ({ page, problems } = app));

const bar = '[data-testid="timebar"]';

/** Presses a jump button and waits until no jump runs and the clock shows `prefix`. */
async function jump(name: string, clockPrefix: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction(
    (p) => !document.querySelector('[data-testid="jump-progress"]') && (document.querySelector('[data-testid="clock"]')?.textContent ?? '').startsWith(p),
    clockPrefix,
    { timeout: 60_000 },
  );
}

async function nodeAction(id: string, action: string): Promise<void> {
  await page.getByTestId(`node-${id}`).click();
  await page.getByRole('dialog', { name: `Node ${id} actions` }).getByRole('button', { name: `${action} ${id}` }).click();
  await page.keyboard.press('Escape');
}

/** Waits until a seek has settled: `queued` commands ahead, no jump running, the thumb where the frame is. */
async function settled(queued: number): Promise<void> {
  await page.waitForFunction(
    ([sel, q]) => {
      const el = document.querySelector(sel as string);
      return el?.getAttribute('data-queued') === String(q) && !document.querySelector('[data-testid="jump-progress"]');
    },
    [bar, queued] as const,
    { timeout: 60_000 },
  );
}

/** Clicks the track at a fraction of the run. */
async function clickAt(fraction: number): Promise<void> {
  const box = (await page.getByTestId('timebar-track').boundingBox())!;
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
}

const pendingChart = '[data-testid="chart-pending"]';
const marker = (label: string) => `${pendingChart} [data-testid="fault-marker"][data-label="${label}"]`;

const state = (id: string) => page.getByTestId(`node-${id}`).getAttribute('data-state');
const traceHash = async () => ((await page.getByTestId('trace-hash').textContent()) ?? '').trim();

test('scrub back before a kill and forward again: same states, same trace hash as the straight run', async () => {
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-C').waitFor({ state: 'visible', timeout: 15_000 });
  // The app plays on load: pause, so every moment below is one the test chose.
  await page.waitForFunction(() => document.querySelector('[data-testid="play-toggle"]')?.getAttribute('aria-label') === 'Pause');
  await page.getByTestId('play-toggle').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="play-toggle"]')?.getAttribute('aria-label') === 'Play');
  await page.getByTestId('workload-toggle').check();
  await jump('+1 min', '0:01');
  await nodeAction('C', 'Kill');
  await page.waitForSelector('[data-testid="node-C"][data-state="down"]', { timeout: 10_000 });
  await jump('+10 min', '0:11');
  const straight = await traceHash();
  assert.match(straight, /^[0-9a-f]{16}$/);
  const slider = page.getByRole('slider', { name: 'Simulated moment' });
  const end = await slider.getAttribute('aria-valuemax');
  assert.equal(await page.locator(`${bar} [data-testid="timeline-mark"][data-label="kill C"]`).count(), 1);

  // Back to about 0:00:33, before the kill at 0:01:00: C is up, the kill is queued ahead.
  await clickAt(0.05);
  await settled(1);
  assert.notEqual(await state('C'), 'down');
  assert.equal(await page.locator(`${bar} [data-testid="timeline-mark"][data-queued="true"]`).getAttribute('data-label'), 'kill C');
  assert.match((await page.getByTestId('timebar-note').textContent()) ?? '', /discards 1 later command/);
  assert.match((await slider.getAttribute('aria-valuetext')) ?? '', /^0:00:3\d, .*1 later command queued$/);
  // The charts show the run up to 0:00:3x: drawn (not cleared), and the kill ahead is not marked.
  await page.waitForSelector(`${pendingChart} .chart-axis text`, { timeout: 10_000 });
  assert.equal(await page.locator(marker('kill C')).count(), 0);
  await screenshot(page, 'travel-back-before-kill');

  // Forward to the end with the keyboard: the kill replays; same moment, same trace hash.
  await slider.focus();
  await page.keyboard.press('End');
  await settled(0);
  await page.waitForFunction((v) => document.querySelector('[role="slider"]')?.getAttribute('aria-valuenow') === v, end);
  assert.equal(await state('C'), 'down');
  assert.equal(await traceHash(), straight);
  assert.deepEqual(problems, []);
});

test('a different command at a past moment forks the run: the later commands are dropped', async () => {
  await nodeAction('C', 'Restart');
  await page.waitForSelector('[data-testid="node-C"]:not([data-state="down"])', { timeout: 10_000 });
  await jump('+10 min', '0:21');
  assert.equal(await page.locator(`${bar} [data-testid="timeline-mark"][data-label="restart C"]`).count(), 1);

  // Back to about 0:08, between the kill (0:01) and the restart (0:11): C is down, the restart queued.
  await clickAt(0.4);
  await settled(1);
  assert.equal(await state('C'), 'down');
  assert.match((await page.getByTestId('timebar-note').textContent()) ?? '', /^What-if: a new command now forks the run from here and discards 1 later command/);
  // The pending-hints chart keeps its history up to here: C's hints since the kill, the kill's
  // marker at 0:01; the restart at 0:11 lies ahead, unmarked; not "No hints yet".
  await page.waitForSelector(marker('kill C'), { timeout: 10_000 });
  await page.waitForSelector(`${pendingChart} [data-testid="pending-line-C"]`, { timeout: 10_000 });
  assert.equal(await page.locator(marker('restart C')).count(), 0);
  assert.equal(await page.locator(`${pendingChart} .chart-empty`).count(), 0);
  const hintsC = Number((((await page.locator(`${pendingChart} [data-testid="pending-line-C"] .chart-end-label`).textContent()) ?? '').match(/[\d,]+$/)?.[0] ?? '0').replace(/,/g, ''));
  assert.ok(hintsC > 0, `C's pending hints at the moment gone back to: ${hintsC}`);
  await screenshot(page, 'travel-back-charts');

  // The what-if: kill E instead. The restart of C is gone, and stays gone as time moves on.
  await nodeAction('E', 'Kill');
  await settled(0);
  await page.waitForSelector('[data-testid="node-E"][data-state="down"]', { timeout: 10_000 });
  assert.equal(await page.locator(`${bar} [data-testid="timeline-mark"][data-label="restart C"]`).count(), 0);
  assert.match((await page.getByTestId('timebar-note').textContent()) ?? '', /^Live\./);
  // The fork keeps the past, and the discarded restart never comes back to the chart.
  await page.waitForSelector(marker('kill E'), { timeout: 10_000 });
  assert.equal(await page.locator(marker('kill C')).count(), 1);
  await jump('+10 min', '0:1');
  assert.equal(await state('C'), 'down');
  assert.equal(await state('E'), 'down');
  assert.equal(await page.locator(marker('restart C')).count(), 0);
  await screenshot(page, 'travel-forked');
  assert.deepEqual(problems, []);
});
