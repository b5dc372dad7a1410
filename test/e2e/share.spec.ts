// A share link opened in a fresh browser reproduces the session exactly (same trace hash);
// a bad link is rejected with a clear message and a fresh cluster opens instead.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import lz from 'lz-string';
import { BASE_URL, launch, screenshot, waitForNumber } from './helpers';

let browser: Browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('a share link opened in a fresh browser reproduces the trace hash', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-C').waitFor({ state: 'visible', timeout: 15_000 });
  await page.getByTestId('workload-toggle').check();
  await page.getByTestId('speed').selectOption('25');
  await waitForNumber(page, '[data-testid="counter-writes-acked"]', (n) => n >= 30, 30_000);
  await page.getByTestId('node-C').click();
  await page.getByRole('dialog', { name: 'Node C actions' }).getByRole('button', { name: 'Kill C' }).click();
  await waitForNumber(page, '[data-testid="counter-hints-pending"]', (n) => n > 0, 60_000);
  await page.getByTestId('play-toggle').click(); // pause
  await page.waitForFunction(() => document.querySelector('[data-testid="play-toggle"]')?.getAttribute('aria-label') === 'Play');

  await page.getByTestId('share-button').click();
  const link = page.getByTestId('share-link');
  await page.waitForFunction(() => ((document.querySelector('[data-testid="share-link"]') as HTMLInputElement | null)?.value ?? '').includes('#s='));
  const url = await link.inputValue();
  const hash = (await page.getByTestId('share-trace').textContent())!.trim();
  assert.match(hash, /^[0-9a-f]{16}$/);
  assert.equal((await page.getByTestId('trace-hash').textContent())!.trim(), hash);
  await ctx.close();

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const other = await fresh.newPage();
  const problems: string[] = [];
  other.on('pageerror', (e) => problems.push(e.message));
  await other.goto(url, { waitUntil: 'load' });
  await other.waitForFunction((h) => document.querySelector('[data-testid="trace-hash"]')?.textContent?.trim() === h, hash, { timeout: 60_000 });
  assert.equal(await other.getByTestId('node-C').getAttribute('data-state'), 'down');
  await screenshot(other, 'share-link-opened');
  assert.deepEqual(problems, []);
  await fresh.close();
});

test('a bad share link is rejected with a clear message; a fresh cluster opens', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(`${BASE_URL}#s=definitely-not-a-session`, { waitUntil: 'load' });
  await page.getByRole('alert').filter({ hasText: /share link/i }).waitFor({ timeout: 15_000 });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  // A link whose scenario names a bad field: the worker names it.
  const bad = lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, scenario: { format: 'hintscope/scenario@1', name: 'x', cluster: { nodes: 3 }, settings: { maxHintWindow: '3 hours' }, until: '1h' } }));
  await page.goto(`${BASE_URL}#s=${bad}`, { waitUntil: 'load' });
  await page.reload({ waitUntil: 'load' });
  await page.getByRole('alert').filter({ hasText: 'settings.maxHintWindow' }).waitFor({ timeout: 15_000 });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  await ctx.close();
});
