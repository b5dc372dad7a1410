// Offline: once the app has loaded, a reload with the network gone still opens it and the
// simulation runs (the service worker serves the page, its scripts and both workers).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, launch, waitForNumber } from './helpers';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

before(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
});

after(async () => {
  await browser?.close();
});

test('with the network gone, a reload still opens the app and the simulation runs', async () => {
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  // Installed, every file cached, and in control of this page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });

  await context.setOffline(true);
  const offlineCheck = await page.evaluate(() => fetch('https://example.invalid/').then(() => 'reached', () => 'offline'));
  assert.equal(offlineCheck, 'offline', 'the network is really gone');

  await page.reload({ waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  // The engine's worker came from the cache too: simulated time moves.
  await page.getByTestId('workload-toggle').check();
  await waitForNumber(page, '[data-testid="counter-writes-acked"]', (n) => n >= 5, 30_000);
  assert.deepEqual(problems, [], 'no page errors offline');
  await context.setOffline(false);
});
