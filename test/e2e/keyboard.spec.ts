// The keyboard alone: the skip link comes first, "?" lists the keys, and the core demo — kill
// D, start the workload, +10 min, restart D — takes under 20 key presses, with its outcome
// (hints held for D while it is down, replayed to it after) and the kill read out politely.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE_URL, counter, screenshot, useApp, waitForNumber } from './helpers';

let page: Page;
let problems: string[] = [];
useApp((app) => ({ page, problems } = app));

let presses = 0;
const press = async (key: string) => {
  presses++;
  await page.keyboard.press(key);
};
const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.textContent ?? '');
const clockMs = () =>
  page.evaluate(() => {
    const m = (document.querySelector('[data-testid="clock"]')?.textContent ?? '').match(/^(\d+):(\d\d):(\d\d)\.(\d{3})$/);
    return m ? ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]) : -1;
  });
const jumpDone = (atLeast: number) =>
  page.waitForFunction(
    (t) => {
      if (document.querySelector('[data-testid="jump-progress"]')) return false;
      const m = (document.querySelector('[data-testid="clock"]')?.textContent ?? '').match(/^(\d+):(\d\d):(\d\d)\.(\d{3})$/);
      return !!m && ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]) >= t;
    },
    atLeast,
    { timeout: 60_000 },
  );

test('the first Tab reaches "Skip to the ring", which focuses a node; "?" lists the keys', async () => {
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to the ring');
  assert.equal(await page.evaluate(() => location.hash), '');
  await page.keyboard.press('Enter');
  assert.equal(await focusedTestId(), 'node-A');
  // Enter opens A's menu; ↓ and ↑ move between its actions, Esc closes it back onto A.
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: 'Node A actions' });
  await menu.waitFor();
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  assert.match(await focused(), /^Kill A/);
  await page.keyboard.press('ArrowDown');
  assert.match(await focused(), /^Kill & wipe A/);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.match(await focused(), /^Slow A/, '↑ from the first wraps to the last');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  assert.equal(await focusedTestId(), 'node-A');
  await page.keyboard.press('Shift+?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await list.waitFor();
  for (const words of ['jump ahead 10 minutes', 'go to the ring', 'automatic workload']) assert.match((await list.textContent()) ?? '', new RegExp(words));
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
});

test('kill D, start the workload, +10 min, restart D: under 20 key presses, hints held then replayed', async () => {
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-D').waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('body').click({ position: { x: 2, y: 710 } }); // focus nowhere in particular
  // Every announcement of the live region, as it is made.
  await page.evaluate(() => {
    const region = document.querySelector('[data-testid="live-announcer"]')!;
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
  });
  presses = 0;
  await press('g');
  for (let i = 0; i < 3; i++) await press('ArrowRight');
  assert.equal(await focusedTestId(), 'node-D', 'G then → → → lands on D');
  await press('k');
  await page.waitForSelector('[data-testid="node-D"][data-state="down"]', { timeout: 10_000 });
  await press('l');
  await page.waitForSelector('[data-testid="workload-toggle"]:checked', { timeout: 10_000 });
  const before = await clockMs();
  await press('2');
  await jumpDone(before + 600_000);
  const held = await waitForNumber(page, counter('hints-pending'), (n) => n > 0, 10_000);
  assert.equal(await focusedTestId(), 'node-D', 'focus stayed on D through the jump');
  await press('r');
  await page.waitForSelector('[data-testid="node-D"]:not([data-state="down"])', { timeout: 10_000 });
  const after = await clockMs();
  await press('1');
  await jumpDone(after + 60_000);
  await waitForNumber(page, counter('hints-pending'), (n) => n === 0, 60_000);
  const delivered = await waitForNumber(page, counter('hints-delivered'), (n) => n > 0, 10_000);
  assert.ok(delivered >= held, `delivered ${delivered} ≥ the ${held} held at +10 min`);
  assert.ok(presses < 20, `${presses} key presses`);
  assert.equal(presses, 9);
  await page.waitForFunction(() => (window as unknown as { said: string[] }).said.some((s) => /D restarted/.test(s)), undefined, { timeout: 10_000 });
  const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
  for (const news of [/\bD killed\./, /\bD marked down by [A-F](, [A-F])*( and [A-F])?\./, /\bD restarted\./]) assert.ok(said.some((s) => news.test(s)), `${news} in ${JSON.stringify(said)}`);
  // Five peers convict D one by one: gathered, not read out one message each.
  assert.ok(said.filter((s) => /marked down/.test(s)).length < 5, JSON.stringify(said));
  await screenshot(page, 'keyboard-demo');
  assert.deepEqual(problems, []);
});
