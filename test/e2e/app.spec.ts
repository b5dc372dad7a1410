// The lesson's core loop in the built app: writes flow, a replica dies, hints pile up on
// the other nodes, the replica comes back, the hints replay until none are pending.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE_URL, useApp, counter, screenshot, waitForNumber } from './helpers';

let page: Page;
let problems: string[] = [];
useApp((app) => ({ page, problems } = app));

test('kill a replica under load: hints queue up, then replay to zero after restart', async () => {
  await page.goto(BASE_URL, { waitUntil: 'load' });
  const victim = page.getByTestId('node-C');
  await victim.waitFor({ state: 'visible', timeout: 15_000 });
  assert.equal(await victim.getAttribute('data-state'), 'up');

  await page.getByTestId('workload-toggle').check();
  await page.getByTestId('speed').selectOption('25');
  await waitForNumber(page, counter('writes-acked'), (n) => n >= 20, 30_000);

  await victim.click();
  await page.getByRole('dialog', { name: 'Node C actions' }).getByRole('button', { name: 'Kill C' }).click();
  await page.waitForSelector('[data-testid="node-C"][data-state="down"]', { timeout: 10_000 });
  const pending = await waitForNumber(page, counter('hints-pending'), (n) => n > 0, 60_000);
  assert.ok(pending > 0);
  await page.waitForSelector('[data-testid="hint-queues"] tbody tr', { timeout: 10_000 });

  await victim.click();
  await page.getByRole('dialog', { name: 'Node C actions' }).getByRole('button', { name: 'Restart C' }).click();
  await page.waitForSelector('[data-testid="node-C"]:not([data-state="down"])', { timeout: 10_000 });
  await waitForNumber(page, counter('hints-pending'), (n) => n === 0, 120_000);
  const delivered = await waitForNumber(page, counter('hints-delivered'), (n) => n > 0, 10_000);
  assert.ok(delivered > 0, 'hints were replayed to the restarted node');
  assert.ok(delivered >= pending, `delivered ${delivered} ≥ the ${pending} seen pending`);

  // The clock moved and the page kept up.
  assert.match((await page.getByTestId('clock').textContent()) ?? '', /^\d+:\d\d:\d\d\.\d{3}$/);
  await screenshot(page, 'app-after-replay');
  assert.deepEqual(problems, [], 'no errors in the page');
});
