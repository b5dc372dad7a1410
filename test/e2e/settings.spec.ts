// Settings in the built app: switch to Dynamo's defaults, apply (the simulation restarts),
// then kill a replica under load and watch stand-in copies (sloppy quorum) pile up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE_URL, useApp, counter, screenshot, waitForNumber } from './helpers';

let page: Page;
let problems: string[] = [];
useApp((app) => ({ page, problems } = app));

test('dynamo preset: apply, kill a node under load, stand-in copies rise', async () => {
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  await page.getByRole('heading', { name: 'Hint queues' }).waitFor();

  // Open the drawer with the keyboard, pick Dynamo, check what it filled in.
  await page.getByRole('button', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'Settings' });
  await drawer.waitFor();
  await drawer.getByRole('radio', { name: /dynamo/i }).check();
  assert.equal(await drawer.getByRole('combobox', { name: 'hintMode' }).inputValue(), 'sloppy-quorum');
  assert.equal(await drawer.getByRole('textbox', { name: 'maxHintWindow' }).inputValue(), '');
  assert.equal(await drawer.getByRole('combobox', { name: 'conflictResolution' }).inputValue(), 'vector-clock');

  // A bad duration blocks Apply; fixing it unblocks.
  const ttl = drawer.getByRole('textbox', { name: 'hintTtl' });
  await ttl.fill('3 hours');
  await drawer.getByText(/settings\.hintTtl: expected a duration/).waitFor();
  assert.equal(await drawer.getByRole('button', { name: 'Apply & restart' }).isDisabled(), true);
  await ttl.fill('');
  await drawer.getByRole('button', { name: 'Apply & restart' }).click();

  // The worker restarted with the new scenario: the drawer closes, the header says dynamo.
  await drawer.waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Settings');
  await page.getByText(/6 nodes · RF 3 · dynamo/).waitFor({ timeout: 10_000 });
  await page.getByRole('heading', { name: 'Stand-in copies' }).waitFor();

  await page.getByTestId('workload-toggle').check();
  await page.getByTestId('speed').selectOption('25');
  await waitForNumber(page, counter('writes-acked'), (n) => n >= 20, 30_000);

  const victim = page.getByTestId('node-D');
  await victim.click();
  await page.getByRole('dialog', { name: 'Node D actions' }).getByRole('button', { name: 'Kill D' }).click();
  await page.waitForSelector('[data-testid="node-D"][data-state="down"]', { timeout: 10_000 });

  const pending = await waitForNumber(page, counter('hints-pending'), (n) => n >= 5, 60_000);
  assert.ok(pending >= 5);
  await page.waitForSelector('[data-testid="hint-queues"] tbody tr', { timeout: 10_000 });
  await page.getByTestId('ring').getByText(/by stand-ins for D/).waitFor({ timeout: 10_000 });
  await screenshot(page, 'settings-dynamo-stand-ins');
  assert.deepEqual(problems, [], 'no errors in the page');
});
