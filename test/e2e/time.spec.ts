// Time and charts in the built app: under load, kill a replica and jump ten simulated
// minutes ahead; the pending-hints chart grows a line for the dead node, marked "kill C" on
// the time axis; restart it, jump again, and the line comes back down to 0. A long jump
// shows its progress and Cancel stops it where it is. No sleeps: every wait is a condition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE_URL, useApp, screenshot, waitForNumber } from './helpers';

let page: Page;
let problems: string[] = [];
useApp((app) => ({ page, problems } = app));

/** The simulated clock in ms ("0:10:26.044" or "1d 02:03:04"). */
async function clockMs(): Promise<number> {
  const text = (await page.getByTestId('clock').textContent()) ?? '';
  return parseClock(text);
}

function parseClock(text: string): number {
  const m = /^(?:(\d+)d )?(\d+):(\d\d):(\d\d)(?:\.(\d{3}))?$/.exec(text.trim());
  if (!m) throw new Error(`clock reads "${text}"`);
  const [, d = '0', h, min, s, ms = '0'] = m;
  return (((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60 + Number(s)) * 1000 + Number(ms);
}

/** Presses a jump button and waits until the clock has passed its target and no jump runs. */
async function jumpAndWait(name: string, byMs: number): Promise<void> {
  const target = (await clockMs()) + byMs;
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction(
    (t) => {
      const text = document.querySelector('[data-testid="clock"]')?.textContent ?? '';
      const m = /^(?:(\d+)d )?(\d+):(\d\d):(\d\d)(?:\.(\d{3}))?$/.exec(text.trim());
      if (!m) return false;
      const ms = ((((Number(m[1] ?? 0) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000) + Number(m[5] ?? 0);
      return ms >= t && !document.querySelector('[data-testid="jump-progress"]');
    },
    target,
    { timeout: 60_000 },
  );
}

async function nodeAction(id: string, action: string): Promise<void> {
  await page.getByTestId(`node-${id}`).click();
  await page.getByRole('dialog', { name: `Node ${id} actions` }).getByRole('button', { name: `${action} ${id}` }).click();
}

const pendingLineC = '[data-testid="chart-pending"] [data-testid="pending-line-C"]';

test('kill C, jump 10 min: the pending-hints chart shows C; restart, jump: back to 0', async () => {
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-C').waitFor({ state: 'visible', timeout: 15_000 });
  await page.getByTestId('workload-toggle').check();
  await page.getByTestId('speed').selectOption('25');
  await waitForNumber(page, '[data-testid="counter-writes-acked"]', (n) => n >= 20, 30_000);

  await nodeAction('C', 'Kill');
  await page.waitForSelector('[data-testid="node-C"][data-state="down"]', { timeout: 10_000 });
  await jumpAndWait('+10 min', 600_000);

  // A line for the dead target, labelled with its name and a count above 0, and the kill on the time axis.
  await page.waitForSelector(pendingLineC, { timeout: 10_000 });
  const peak = await waitForNumber(page, `${pendingLineC} .chart-end-label`, (n) => n > 0, 10_000);
  assert.match((await page.locator(`${pendingLineC} .chart-end-label`).textContent()) ?? '', /^C [\d,]+$/);
  assert.equal(await page.locator('[data-testid="chart-pending"] [data-testid="fault-marker"][data-label="kill C"]').count(), 1);
  assert.equal(await page.locator('[data-testid="chart-pending"] .chart-line').count(), 1, 'only C has hints waiting');

  await nodeAction('C', 'Restart');
  await page.waitForSelector('[data-testid="node-C"]:not([data-state="down"])', { timeout: 10_000 });
  await jumpAndWait('+10 min', 600_000);

  // The hints replayed: the chart's line for C ends at 0, and the restart is marked too.
  await waitForNumber(page, `${pendingLineC} .chart-end-label`, (n) => n === 0, 60_000);
  await page.waitForSelector('[data-testid="chart-pending"] [data-testid="fault-marker"][data-label="restart C"]', { timeout: 10_000 });
  assert.ok(peak > 0);
  await screenshot(page, 'time-charts');
  assert.deepEqual(problems, [], 'no errors in the page');
});

test('a long jump shows its progress; Cancel stops it where it is', async () => {
  const start = await clockMs();
  await page.getByRole('button', { name: '+3 h', exact: true }).click();
  const box = page.getByTestId('jump-progress');
  await box.waitFor({ timeout: 10_000 });
  assert.match((await box.textContent()) ?? '', /Jumping \d+:\d\d:\d\d\s*→\s*to\s+\d+:\d\d:\d\d/);
  // The page answers while the worker runs the jump: the clock moves on between two looks.
  const seen = await clockMs();
  await page.waitForFunction((t) => {
    const text = document.querySelector('[data-testid="clock"]')?.textContent ?? '';
    return text !== '' && text !== t;
  }, await page.getByTestId('clock').textContent());
  await page.getByRole('button', { name: 'Cancel jump' }).click();
  await box.waitFor({ state: 'detached', timeout: 10_000 });
  const stopped = await clockMs();
  assert.ok(stopped > seen && stopped < start + 3 * 3_600_000, `cancelled part-way: ${start} < ${stopped} < ${start + 3 * 3_600_000}`);
  assert.deepEqual(problems, [], 'no errors in the page');
});
