// Partition by drawing: Network → Draw a cut, drag across the ring, the two sides are cut apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launch, screenshot } from './helpers';

let browser: Browser;
let page: Page;

before(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
});

after(async () => {
  await browser?.close();
});

test('a line dragged across the ring partitions the nodes on either side; Heal joins them', async () => {
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  await page.getByTestId('draw-cut').click();
  const box = await page.getByTestId('cut-layer').boundingBox();
  assert.ok(box, 'the cut layer covers the ring');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, y, { steps: 4 });
  await page.mouse.move(box.x + box.width - 2, y, { steps: 4 });
  assert.match((await page.getByTestId('cut-preview').textContent()) ?? '', /Release to cut \{A, B, F\} \| \{C, D, E\}/);
  await screenshot(page, 'cut-drawing');
  await page.mouse.up();
  await page.getByTestId('network-status').filter({ hasText: 'Partitioned' }).waitFor({ timeout: 10_000 });
  assert.match((await page.getByTestId('network-status').textContent()) ?? '', /\{A, B, F\} \| \{C, D, E\}/);
  assert.equal(await page.getByTestId('cut-layer').count(), 0, 'the gesture ends with the cut');
  await page.getByTestId('heal').click();
  await page.getByTestId('network-status').filter({ hasText: 'Whole' }).waitFor({ timeout: 10_000 });
});
