// Smoke test of the built app served from a sub-path: it loads, says its name, draws
// the ring, and nothing on the way logs an error or fails to load (a wrong asset path
// under the sub-path shows up here as a 404).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launch, screenshot } from './helpers';

let browser: Browser;
let page: Page;
const problems: string[] = [];

before(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
});

after(async () => {
  await browser?.close();
});

test('the app loads from a sub-path and shows the ring', async () => {
  const res = await page.goto(BASE_URL, { waitUntil: 'load' });
  assert.equal(res?.status(), 200, `GET ${BASE_URL}`);
  assert.match(await page.title(), /HintScope/);
  await page.locator('[data-testid="ring"]').first().waitFor({ state: 'visible', timeout: 15_000 });
  await screenshot(page, 'smoke');
  assert.deepEqual(problems, [], 'no errors while loading');
});
