// The instrument in the built app: write a key at ALL, inspect it, kill a replica, write again
// at QUORUM, see the stale replica and the hint that carries the key; then pause and drop one
// message in flight from the keyboard list, and find "dropped by hand" in the event log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE_URL, useApp, screenshot } from './helpers';

let page: Page;
let problems: string[] = [];
useApp((app) => ({ page, problems } = app));

const KEY = 'lecture:1';
const row = (node: string) => `[data-testid="inspector-row-${node}"]`;

async function write(value: string, consistency: string, coordinator = '') {
  const form = page.getByTestId('write-form');
  await form.locator('input[name=key]').fill(KEY);
  await form.locator('input[name=value]').fill(value);
  await form.locator('select[name=consistency]').selectOption(consistency);
  await form.locator('select[name=coordinator]').selectOption(coordinator);
  await form.getByRole('button', { name: 'Write' }).click();
}

test('inspect a key: replicas, a stale one with its hint; drop a message by hand', async () => {
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });

  // 1. Write at ALL, inspect: every replica holds the value.
  await write('first', 'ALL');
  const field = page.getByRole('textbox', { name: 'Inspect key' });
  await field.fill(KEY);
  await field.press('Enter');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid^="inspector-row-"][data-status="current"]').length === 3,
    undefined,
    { timeout: 20_000 },
  );
  const replicas = await page
    .locator('[data-testid^="inspector-row-"]:not([data-status="extended"])')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace('inspector-row-', '')));
  assert.equal(replicas.length, 3, `three replicas listed, got ${replicas.join(', ')}`);
  for (const id of replicas) assert.match((await page.locator(row(id)).textContent()) ?? '', /first/);
  assert.match((await page.getByTestId('inspector-token').textContent()) ?? '', /\d/);
  // The ring marks the key and ranks its replicas.
  await page.getByTestId('key-marks').waitFor();
  assert.equal(await page.getByTestId(`rank-${replicas[0]}`).getAttribute('data-rank'), '1');

  // 2. Kill the second replica with its keyboard shortcut, write again at QUORUM via the first.
  const [coordinator, victim] = replicas as [string, string, string];
  await page.getByTestId(`node-${victim}`).focus();
  await page.keyboard.press('k');
  await page.waitForSelector(`[data-testid="node-${victim}"][data-state="down"]`, { timeout: 10_000 });
  await write('second', 'QUORUM', coordinator);
  await page.waitForSelector(`${row(victim)}[data-status="stale"]`, { timeout: 30_000 });
  const hint = page.getByTestId(`inspector-hint-${coordinator}-${victim}`);
  await hint.waitFor({ timeout: 30_000 });
  assert.match((await hint.textContent()) ?? '', /second/);
  assert.match((await page.locator(row(victim)).textContent()) ?? '', /first/);
  assert.match((await page.getByTestId('inspector-verdict').textContent()) ?? '', /2 of 3 replicas/);
  await page.waitForSelector(`[data-testid="rank-${victim}"].rank-flagged`);

  // 3. Pause, put messages in flight, drop one from the keyboard list.
  await page.getByTestId('play-toggle').click();
  await page.waitForSelector('[data-testid="play-toggle"][aria-pressed="false"]');
  await write('third', 'QUORUM', coordinator);
  const toggle = page.getByTestId('inflight-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('dialog', { name: 'Messages in flight' });
  await list.getByRole('listitem').first().waitFor();
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  assert.match(focused, /^Drop /, `focus is on a Drop button, got "${focused}"`);
  await page.keyboard.press('Enter');
  await page.getByTestId('event-log').getByText(/dropped by hand/).first().waitFor({ timeout: 10_000 });

  await screenshot(page, 'inspector');
  assert.deepEqual(problems, [], 'no errors in the page');
});
