// Datacenters on the picture: scenario 36 from its share link. At a moment when a write's copy is on
// its way to a relay (found by running the same engine here: the run is deterministic), the canvas
// draws WAN messages with their dashed way and badges the relay copy, and the in-flight list says
// what it carries; later a relay's onward copy says who relayed it. Then "Cut eu off" partitions
// eu's nodes from everyone else in one click, and Heal joins them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createSimulation, type MessageView } from '../../src/engine';
import { BASE_URL, REGIONS_FILE, screenshot, shareFragment, shippedScenario, useApp } from './helpers';

const scenario = shippedScenario(REGIONS_FILE);
const shareHash = shareFragment({ v: 1, scenario, log: [] });

/** The first whole millisecond after `fromMs` at which a message matching `want` is in flight. */
function momentWith(want: (m: MessageView) => boolean, fromMs: number): number {
  const sim = createSimulation(scenario);
  for (let t = fromMs; t < 60_000; t++) {
    sim.advanceTo(t);
    if (sim.snapshot(10_000).messages.some(want)) return t;
  }
  throw new Error('no such message in the first minute');
}

let page: Page;
let problems: string[] = [];
useApp((app) => ({ page, problems } = app));

async function jumpTo(ms: number): Promise<void> {
  await page.getByTestId('jump-to').fill(`${ms}ms`);
  await page.getByRole('button', { name: 'Go to that time' }).click();
  await page.waitForFunction((n) => {
    const m = document.querySelector('[data-testid="clock"]')?.textContent?.match(/(\d+):(\d+):(\d+)\.(\d+)/);
    return m !== null && m !== undefined && ((+m[1]! * 60 + +m[2]!) * 60 + +m[3]!) * 1000 + +m[4]! >= n;
  }, ms);
}

/** Opens the in-flight list and returns the text of its row tagged `tag`. */
async function inFlightRow(tag: string): Promise<string> {
  await page.getByTestId('inflight-toggle').click();
  const row = page.locator(`[data-testid="inflight-list"] li[data-route="${tag}"]`).first();
  await row.waitFor({ timeout: 10_000 });
  const text = (await row.textContent()) ?? '';
  await page.keyboard.press('Escape');
  return text;
}

test('a write crosses the WAN once to a relay, drawn and listed as such; the relay sends it on', async () => {
  const relayAt = momentWith((m) => (m.forwardTo?.length ?? 0) > 0, 10_000);
  await page.goto(`${BASE_URL}${shareHash}`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="dc-marks"]');
  await page.waitForSelector('[data-testid="legend-wan"]');
  await jumpTo(relayAt);
  // Paused, the canvas draws the frame's messages where they are: the relay copy among them.
  await page.waitForFunction(() => {
    const layer = document.querySelector<HTMLElement>('.message-layer');
    return Number(layer?.dataset.wan ?? 0) > 0 && Number(layer?.dataset.relays ?? 0) > 0;
  });
  await screenshot(page, 'datacenters-picture-relay');
  const relayRow = await inFlightRow('WAN ×3');
  assert.match(relayRow, /write us\d → eu\d|write eu\d → us\d/);
  assert.match(relayRow, /forwarded: carries the write for (us|eu)\d, (us|eu)\d in (us|eu)/);

  const onwardAt = momentWith((m) => m.relayed === true, relayAt);
  await jumpTo(onwardAt);
  const onwardRow = await inFlightRow('relayed');
  assert.match(onwardRow, /relayed by (us|eu)\d/);
  assert.deepEqual(problems, []);
});

test('"Cut eu off" partitions eu from us in one click; Heal joins them', async () => {
  await page.getByTestId('cut-dc-eu').click();
  await page.getByTestId('network-status').filter({ hasText: 'Partitioned' }).waitFor({ timeout: 10_000 });
  assert.match((await page.getByTestId('network-status').textContent()) ?? '', /\{us1, us2, us3\} \| \{eu1, eu2, eu3\}|\{eu1, eu2, eu3\} \| \{us1, us2, us3\}/);
  const groupOf = (id: string) => page.getByTestId(`node-${id}`).getAttribute('data-group');
  assert.notEqual(await groupOf('eu1'), await groupOf('us1'));
  assert.equal(await groupOf('eu1'), await groupOf('eu3'));
  await page.getByTestId('legend-partition').waitFor();
  assert.equal(await page.getByTestId('cut-dc-eu').isDisabled(), true, 'eu is already cut off');
  // The node menu says the same of its node's datacenter.
  await page.getByTestId('node-eu1').click();
  const menuCut = page.getByTestId('menu-cut-dc');
  await menuCut.waitFor();
  assert.equal(await menuCut.isDisabled(), true, "eu1's menu: eu is already cut off");
  assert.equal((await menuCut.textContent())?.trim(), 'eu is cut off');
  await page.keyboard.press('Escape');
  await page.getByTestId('node-menu').waitFor({ state: 'detached' });
  await screenshot(page, 'datacenters-picture-cut');
  await page.getByTestId('heal').click();
  await page.getByTestId('network-status').filter({ hasText: 'Whole' }).waitFor({ timeout: 10_000 });
  assert.deepEqual(problems, []);
});
