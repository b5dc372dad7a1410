// A worker that recovers: the simulation worker fails, the page says so in plain words and offers
// Restart, and Restart brings the same session back (same share link: scenario, command log and
// moment; same trace hash) on a fresh worker, paused, without a reload.
//
// How the failure is forced: the spec reaches into the running worker through the browser's own
// debugging protocol (Playwright's WebWorker.evaluate) and throws an uncaught exception there, so
// the page sees exactly what a real crash looks like — the Worker's `error` event. The app has no
// hook, query flag or message for this, so nothing a share link, scenario or session file can
// contain is able to trigger it: only a debugger attached to the browser can.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Worker } from 'playwright-core';
import { BASE_URL, counter, openApp, screenshot, waitForNumber, type App } from './helpers';

const FORCED = 'forced by the recovery spec';

/** The simulation worker (not the ring's canvas worker); after a restart, the fresh one. */
async function simulationWorker(page: Page, not?: Worker): Promise<Worker> {
  for (let i = 0; i < 100; i++) {
    const w = page.workers().find((x) => x !== not && /\/worker[^/]*\.js/.test(x.url()) && !/canvas/i.test(x.url()));
    if (w) return w;
    await page.waitForTimeout(100);
  }
  throw new Error(`no simulation worker among ${page.workers().map((w) => w.url()).join(', ')}`);
}

/** Throws in the worker from a timer: an uncaught exception, the Worker's `error` event in the page. */
async function crash(worker: Worker): Promise<void> {
  await worker.evaluate((message) => {
    setTimeout(() => {
      throw new Error(message);
    }, 0);
  }, FORCED);
}

/** The share link and trace hash of the session at this moment (Share → the link shown). */
async function shareLink(page: Page): Promise<{ link: string; hash: string }> {
  await page.getByTestId('share-button').click();
  await page.waitForFunction(() => ((document.querySelector('[data-testid="share-link"]') as HTMLInputElement | null)?.value ?? '').includes('#s='));
  const link = await page.getByTestId('share-link').inputValue();
  const hash = (await page.getByTestId('share-trace').textContent())!.trim();
  await page.getByTestId('share-button').click();
  return { link, hash };
}

async function pause(page: Page): Promise<void> {
  await page.getByTestId('play-toggle').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="play-toggle"]')?.getAttribute('aria-label') === 'Play');
}

async function killC(page: Page): Promise<void> {
  await page.getByTestId('node-C').click();
  await page.getByRole('dialog', { name: 'Node C actions' }).getByRole('button', { name: 'Kill C' }).click();
}

test('a worker that fails is restarted on the last good session, which comes back the same', async () => {
  const app: App = await openApp({ width: 1280, height: 720 });
  const { page, problems } = app;
  try {
    await page.goto(BASE_URL, { waitUntil: 'load' });
    await page.getByTestId('node-C').waitFor({ state: 'visible', timeout: 15_000 });
    await page.getByTestId('workload-toggle').check();
    await page.getByTestId('speed').selectOption('25');
    await waitForNumber(page, counter('writes-acked'), (n) => n >= 20, 30_000);
    await killC(page);
    await waitForNumber(page, counter('hints-pending'), (n) => n > 0, 60_000);
    await pause(page);
    const before = await shareLink(page);
    assert.match(before.hash, /^[0-9a-f]{16}$/);
    const clock = (await page.getByTestId('clock').textContent())!.trim();

    const first = await simulationWorker(page);
    // The ring's canvas worker draws the messages; it is not the simulation and lives on.
    const canvas = page.workers().find((w) => /canvas/i.test(w.url()));
    await crash(first);
    const alert = page.getByTestId('recovery');
    await alert.filter({ hasText: 'The simulation stopped: the engine hit an error it could not recover from.' }).waitFor({ timeout: 15_000 });
    assert.match((await page.getByTestId('recovery-line').textContent())!, /last good session \(\d+ commands?\)/);
    // The raw detail is there for the curious, folded away.
    assert.equal(await page.locator('.recovery-detail code').isVisible(), false);
    assert.match((await page.locator('.recovery-detail code').textContent())!, new RegExp(FORCED));
    await screenshot(page, 'recover-failed-1280');

    await page.getByTestId('recovery-restart').click();
    await page.getByTestId('recovery-line').filter({ hasText: 'Restarted: the session is back' }).waitFor({ timeout: 60_000 });
    await simulationWorker(page, first);
    await page.waitForFunction((h) => document.querySelector('[data-testid="trace-hash"]')?.textContent?.trim() === h, before.hash, { timeout: 30_000 });
    assert.equal((await page.getByTestId('clock').textContent())!.trim(), clock);
    assert.equal(await page.getByTestId('play-toggle').getAttribute('aria-label'), 'Play');
    assert.equal(await page.getByTestId('node-C').getAttribute('data-state'), 'down');
    await screenshot(page, 'recover-restored-1280');
    assert.ok(canvas && page.workers().includes(canvas), 'the canvas worker is the same one');
    const after = await shareLink(page);
    assert.equal(after.hash, before.hash);
    assert.equal(after.link, before.link, 'the same scenario, command log and moment');

    // And it runs on: play moves time again.
    await page.getByTestId('play-toggle').click();
    await page.waitForFunction((c) => document.querySelector('[data-testid="clock"]')?.textContent?.trim() !== c, clock, { timeout: 15_000 });
    assert.deepEqual(problems.filter((p) => !p.includes(FORCED)), []);
  } finally {
    await app.browser.close();
  }
});

test('on a phone-sized page the failure reads well and Restart works', async () => {
  const app: App = await openApp({ width: 390, height: 844 });
  const { page, problems } = app;
  try {
    await page.goto(BASE_URL, { waitUntil: 'load' });
    await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
    await crash(await simulationWorker(page));
    await page.getByTestId('recovery-restart').waitFor({ timeout: 15_000 });
    await screenshot(page, 'recover-failed-390');
    await page.getByTestId('recovery-restart').click();
    await page.getByTestId('recovery-line').filter({ hasText: 'Restarted: the session is back' }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'recover-restored-390');
    assert.deepEqual(problems.filter((p) => !p.includes(FORCED)), []);
  } finally {
    await app.browser.close();
  }
});

test('when the same session fails again, a fresh cluster is offered instead', async () => {
  const app: App = await openApp({ width: 1280, height: 720 });
  const { page, problems } = app;
  try {
    await page.goto(BASE_URL, { waitUntil: 'load' });
    await page.getByTestId('node-C').waitFor({ state: 'visible', timeout: 15_000 });
    await page.getByTestId('workload-toggle').check();
    await pause(page);
    // An hour of writes: long enough to rebuild that the second failure lands while it is restarting.
    await page.getByTestId('jump-to').fill('1h');
    await page.getByTestId('jump-to').press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent?.trim().startsWith('1:00:00'), null, { timeout: 60_000 });
    // The store keeps the session at rest as the one a restart brings back: wait until it holds the hour.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-restorable-at')) >= 3_600_000, null, { timeout: 15_000 });
    const first = await simulationWorker(page);
    await crash(first);
    await page.getByTestId('recovery-restart').click({ timeout: 15_000 });
    const second = await simulationWorker(page, first);
    await page.getByTestId('recovery-line').filter({ hasText: 'Restarting' }).waitFor({ timeout: 15_000 });
    await crash(second);
    await page.getByTestId('recovery-fresh').waitFor({ timeout: 15_000 });
    assert.match((await page.getByTestId('recovery').textContent())!, /The restart failed too/);
    await screenshot(page, 'recover-failed-again-1280');
    await page.getByTestId('recovery-fresh').click();
    await page.getByTestId('recovery').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="play-toggle"]')?.getAttribute('aria-label') === 'Pause', null, { timeout: 15_000 });
    assert.deepEqual(problems.filter((p) => !p.includes(FORCED)), []);
  } finally {
    await app.browser.close();
  }
});
