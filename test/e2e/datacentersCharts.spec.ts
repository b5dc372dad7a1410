// Under-replicated keys per datacenter on the page (issue #16): scenario 36's link (two regions,
// eu cut off from us at 1 m, healed at 4 m). During the cut the counters split the under-replicated
// keys per DC and the chart draws a line per DC in the ring's colour for it; after the heal and the
// hints' replay both go back to 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BASE_URL, counter, REGIONS_FILE, screenshot, shareFragment, shippedScenario, useApp, waitForNumber } from './helpers';

const scenario = shippedScenario(REGIONS_FILE);
const shareHash = shareFragment({ v: 1, scenario, log: [] });

let page: Page;
let problems: string[] = [];
useApp((app) => ({ page, problems } = app));

/** Jumps with the jump box and waits until the clock shows the time and the jump is over. */
async function jumpTo(text: string, clock: string): Promise<void> {
  await page.getByTestId('jump-to').fill(text);
  await page.getByTestId('jump-to').press('Enter');
  await page.waitForFunction(
    (c) => (document.querySelector('[data-testid="clock"]')?.textContent ?? '').startsWith(c) && !document.querySelector('[data-testid="jump-progress"]'),
    clock,
    { timeout: 60_000 },
  );
}

/** The chart's end label of a DC's line ("eu 54"). */
const endLabel = (dc: string) => page.locator(`[data-testid="chart-under"] [data-testid="under-line-${dc}"] .chart-end-label`).textContent();

test('during the cut each region misses the other\'s writes: counted per DC and drawn per DC in the ring\'s colours', async () => {
  await page.goto(`${BASE_URL}${shareHash}`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="dc-marks"]');
  await jumpTo('2m30s', '0:02:30');
  const eu = await waitForNumber(page, counter('under-dc-eu'), (n) => n > 0, 15_000);
  const us = await waitForNumber(page, counter('under-dc-us'), (n) => n > 0, 15_000);
  const total = await waitForNumber(page, counter('under-replicated'), (n) => n > 0);
  assert.ok(total >= Math.max(eu, us) && total <= eu + us, `any DC ${total} lies between the larger DC's count and their sum (us ${us}, eu ${eu})`);
  assert.match(await page.getByTestId('counter-under-by-dc').getAttribute('aria-label') ?? '', /^under-replicated [\d,]+ — us [\d,]+ · eu [\d,]+$/);

  const chart = page.getByTestId('chart-under');
  await chart.getByTestId('under-line-eu').waitFor({ state: 'attached', timeout: 10_000 });
  assert.equal(await chart.getByTestId('under-line').count(), 0, 'with datacenters the single line gives way to one per DC');
  assert.match(await endLabel('eu') ?? '', /^eu [1-9]/);
  assert.match(await endLabel('us') ?? '', /^us [1-9]/);
  // Each DC's line has the colour of that DC's label on the ring.
  // Page functions are serialised: no named helpers inside (the bundler would wrap them).
  const colours = [];
  for (const dc of ['us', 'eu']) {
    colours.push(await page.evaluate((d) => ({
      dc: d,
      ring: getComputedStyle([...document.querySelectorAll('[data-testid="dc-marks"] text')].find((t) => t.textContent === d)!).fill,
      line: getComputedStyle(document.querySelector(`[data-testid="chart-under"] [data-testid="under-line-${d}"] .chart-stroke`)!).stroke,
      swatch: getComputedStyle(document.querySelector(`[data-testid="counter-under-dc-${d}"]`)!.closest('.counter')!.querySelector('.dc-band')!).stroke,
    }), dc));
  }
  for (const c of colours) {
    assert.match(c.ring, /^rgb/, `the ring labels ${c.dc}`);
    assert.equal(c.line, c.ring, `${c.dc}'s chart line has its ring colour`);
    assert.equal(c.swatch, c.ring, `${c.dc}'s counter swatch has its ring colour`);
  }
  assert.notEqual(colours[0]!.ring, colours[1]!.ring);
  await screenshot(page, 'datacenters-charts-cut');
  assert.deepEqual(problems, []);
});

test('after the heal the hints are replayed across the WAN and both DCs go back to 0', async () => {
  await jumpTo('6m', '0:06:00');
  await waitForNumber(page, counter('under-dc-eu'), (n) => n === 0, 15_000);
  await waitForNumber(page, counter('under-dc-us'), (n) => n === 0, 15_000);
  await waitForNumber(page, counter('under-replicated'), (n) => n === 0);
  assert.equal(await endLabel('eu'), 'eu 0');
  assert.equal(await endLabel('us'), 'us 0');
  await screenshot(page, 'datacenters-charts-healed');
  assert.deepEqual(problems, []);
});
