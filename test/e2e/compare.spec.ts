// Compare: the lab's session as run A beside the same with hinted handoff off as run B, both
// jumped to the end on one clock; B shows no hints and more damage than A (numbers read from
// the page, never hard-coded); Back returns to the lab exactly as it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launch, openPage, screenshot } from './helpers';
import lz from 'lz-string';
import { compareScenario } from '../fixtures/compareScenario';

const link = (session: object) => `#s=${lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, ...session }))}`;

/** Replica D down from 30 s to 2 min while clients write and read at ONE. */
const SCENARIO = compareScenario({ name: 'D down, then back' });

let browser: Browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const text = async (page: Page, id: string) => ((await page.getByTestId(id).textContent()) ?? '').trim();
const num = async (page: Page, id: string) => {
  const t = await text(page, id);
  const n = Number(t.replace(/[,\s]/g, ''));
  assert.ok(Number.isFinite(n), `${id}: expected a number, got "${t}"`);
  return n;
};
const waitText = (page: Page, id: string, want: string, timeout = 60_000) =>
  page.waitForFunction(([i, w]) => document.querySelector(`[data-testid="${i}"]`)?.textContent?.trim() === w, [id, want] as const, { timeout });

test('compare hinted handoff on vs off: B has no hints and more under-replicated keys and stale reads; Back leaves the lab as it was', async () => {
  const { page, problems } = await openPage(browser);
  // The lab opens the session paused at 1m30s (D down, hints piling up).
  await page.goto(`${BASE_URL}${link({ scenario: SCENARIO, at: 90_000 })}`, { waitUntil: 'load' });
  await waitText(page, 'clock', '0:01:30.000');
  const labClock = await text(page, 'clock');
  const labHash = await text(page, 'trace-hash');
  assert.match(labHash, /^[0-9a-f]{16}$/);

  await page.getByTestId('compare-button').click();
  await page.getByTestId('compare-view').waitFor({ timeout: 15_000 });
  // The default comparison: hinted handoff off in B; A reproduces the lab up to its moment.
  assert.equal(await page.getByTestId('compare-preset-handoff').getAttribute('aria-pressed'), 'true');
  assert.equal(await text(page, 'compare-b-value'), 'off');
  assert.equal(await text(page, 'compare-a-value'), 'on');
  assert.match(await text(page, 'compare-summary'), /hinted_handoff_enabled/);
  await page.getByTestId('compare-lab-check').waitFor({ timeout: 60_000 });
  assert.match(await text(page, 'compare-lab-check'), /A reproduces the lab at 0:01:30\.000/);
  await waitText(page, 'compare-report-at', '0:01:30.000');
  assert.equal(await text(page, 'compare-time-a'), '0:01:30.000');
  assert.equal(await text(page, 'compare-time-b'), '0:01:30.000');
  assert.equal(await text(page, 'compare-hash-a'), labHash);

  // Play both on the one clock for a few simulated seconds, pause: they stand at the same moment.
  await page.getByTestId('compare-play').click();
  await page.waitForFunction(() => (document.querySelector('[data-testid="compare-clock"]')?.textContent ?? '') >= '0:01:33', null, { timeout: 60_000 });
  await page.getByTestId('compare-play').click();
  // (Page functions are serialised: no helper functions inside.)
  await page.waitForFunction(
    (ids) => {
      const [play, a, b, at, clock] = ids.map((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim());
      return play === 'Play' && a === clock && b === clock && at === clock;
    },
    ['compare-play', 'compare-time-a', 'compare-time-b', 'compare-report-at', 'compare-clock'],
    { timeout: 60_000 },
  );
  assert.notEqual(await text(page, 'compare-clock'), '0:01:30.000');

  // Both to the end, on the one clock.
  await page.getByTestId('compare-jump-end').click();
  await waitText(page, 'compare-report-at', '0:05:00.000', 120_000);
  assert.equal(await text(page, 'compare-clock'), '0:05:00.000');
  assert.equal(await text(page, 'compare-time-a'), '0:05:00.000');
  assert.equal(await text(page, 'compare-time-b'), '0:05:00.000');

  const a = { hints: await num(page, 'diff-a-hints-created'), under: await num(page, 'diff-a-under-replicated'), stale: await num(page, 'diff-a-reads-stale') };
  const b = { hints: await num(page, 'diff-b-hints-created'), under: await num(page, 'diff-b-under-replicated'), stale: await num(page, 'diff-b-reads-stale') };
  assert.ok(a.hints > 0, `A wrote hints (${a.hints})`);
  assert.equal(b.hints, 0, 'B wrote no hints');
  assert.ok(b.under > a.under, `B under-replicated ${b.under} > A ${a.under}`);
  assert.ok(b.stale > a.stale, `B stale reads ${b.stale} > A ${a.stale}`);
  assert.equal(Number(await page.getByTestId('diff-d-under-replicated').getAttribute('data-value')), b.under - a.under);
  assert.match(await text(page, 'diff-d-under-replicated'), new RegExp(`\\+${b.under - a.under} worse`));
  assert.equal(await page.getByTestId('diff-row-under-replicated').getAttribute('data-changed'), 'worse');
  // The charts agree with the table: B's pending-hints chart never rose.
  assert.equal(await text(page, 'compare-value-b-pending'), '0');
  assert.equal(await page.getByTestId('compare-chart-b-pending').locator('[data-testid^="pending-line-"]').count(), 0);
  assert.ok((await page.getByTestId('compare-chart-a-pending').locator('[data-testid="pending-line-D"]').count()) === 1);
  await screenshot(page, 'compare-handoff-off');

  // A bad value names its field and starts nothing.
  await page.getByTestId('compare-setting').selectOption('settings.maxHintWindow');
  await page.getByTestId('compare-value').fill('3 hours');
  await page.getByTestId('compare-error').waitFor();
  assert.match(await text(page, 'compare-error'), /^settings\.maxHintWindow: /);
  assert.equal(await page.getByTestId('compare-submit').isDisabled(), true);
  assert.equal(await text(page, 'compare-report-at'), '0:05:00.000');

  // Esc goes back: the lab is where it was, same moment, same trace hash.
  await page.keyboard.press('Escape');
  await page.getByTestId('clock').waitFor();
  assert.equal(await page.getByTestId('compare-view').count(), 0);
  assert.equal(await text(page, 'clock'), labClock);
  assert.equal(await text(page, 'trace-hash'), labHash);
  assert.equal(await page.getByTestId('node-D').getAttribute('data-state'), 'down');
  assert.deepEqual(problems, []);
  await page.close();
});
