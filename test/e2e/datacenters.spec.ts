// Datacenters on the page: a scenario that names them opens from a share link; the ring draws a
// band and a label per datacenter, each glyph's name says its DC, and the node menu tags it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE_URL, REGIONS_FILE, screenshot, shareFragment, shippedScenario, useApp } from './helpers';

const scenario = shippedScenario(REGIONS_FILE);
const shareHash = shareFragment({ v: 1, scenario, log: [] });

let page: Page;
let problems: string[] = [];
useApp((app) => ({ page, problems } = app));

test('the ring labels each datacenter and the node menu tags the node\'s DC', async () => {
  await page.goto(`${BASE_URL}${shareHash}`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="dc-marks"]');
  const labels = await page.locator('[data-testid="dc-marks"] text').allTextContents();
  assert.deepEqual([...labels].sort(), ['eu', 'us']);
  const glyph = page.locator('[aria-label^="Node eu1,"][aria-label*="in datacenter eu"]');
  assert.equal(await glyph.count(), 1);
  await glyph.click();
  await page.waitForSelector('[data-testid="node-dc"]');
  assert.match(await page.locator('[data-testid="node-dc"]').textContent() ?? '', /eu/);
  await screenshot(page, 'datacenters-ring');
  assert.deepEqual(problems, []);
});
