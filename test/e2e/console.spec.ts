// The operator's console in the built app: pause handoff on A, read statushandoff, restart a
// target and see A's queue for it not draining while other holders replay, resume, see it drain.
// Screenshots of the console at 1280×720 and at 390 px wide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { BASE_URL, counter, openPage, useApp, waitForNumber, type App } from './helpers';

let app: App;
let page: Page;
let problems: string[] = [];
useApp((a) => ({ page, problems } = app = a));

const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const queueRow = '[data-testid="hint-queue-A-B"]';

async function nodetool(p: Page, node: string, line: string): Promise<void> {
  const c = p.getByTestId('operator-console');
  await c.locator('select[name=node]').selectOption(node);
  await c.locator('input[name=verb]').fill(line);
  await c.getByRole('button', { name: 'Run' }).click();
}

const output = (p: Page) => p.getByTestId('console-output').textContent().then((t) => t ?? '');
const pendingAB = async () => Number(((await page.locator(`${queueRow} .hq-pending .num`).textContent()) ?? '0').replace(/,/g, ''));

async function nodeAction(node: string, action: string): Promise<void> {
  await page.getByTestId(`node-${node}`).click();
  await page.getByRole('dialog', { name: `Node ${node} actions` }).getByRole('button', { name: `${action} ${node}` }).click();
}

test('pause handoff in the console: the queue waits while paused and drains once resumed', async () => {
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  await page.getByTestId('workload-toggle').check();
  await page.getByTestId('speed').selectOption('25');

  await nodetool(page, 'A', 'pausehandoff');
  // statushandoff prints from the latest frame: wait until the frame shows the pause (the state line).
  await page.waitForSelector('[data-testid="console-state"]:has-text("dispatch paused")', { timeout: 10_000 });
  await nodetool(page, 'A', 'statushandoff');
  await page.waitForFunction(() => /dispatch paused/.test(document.querySelector('[data-testid="console-output"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
  const status = await output(page);
  assert.match(status, /\$ nodetool -h A statushandoff/);
  assert.match(status, /Hinted handoff is running\n/, 'statushandoff prints the storing switch as nodetool does');
  await page.waitForSelector('[data-testid="node-A"][aria-label*="handoff paused"]', { timeout: 10_000 });

  // B goes down: A stores hints for it (and so do the other coordinators).
  await nodeAction('B', 'Kill');
  await page.waitForSelector('[data-testid="node-B"][data-state="down"]', { timeout: 10_000 });
  await page.waitForSelector(queueRow, { timeout: 60_000 });
  await waitForNumber(page, `${queueRow} .hq-pending .num`, (n) => n >= 3, 60_000);

  // B comes back: the other holders replay to it, A's queue for B does not drain.
  await nodeAction('B', 'Restart');
  await page.waitForSelector('[data-testid="node-B"]:not([data-state="down"])', { timeout: 10_000 });
  const before = await pendingAB();
  const delivered = await waitForNumber(page, counter('hints-delivered'), (n) => n > 0, 90_000);
  assert.ok(delivered > 0, 'other holders replayed to B');
  await page.waitForTimeout(1500);
  assert.ok((await page.locator(queueRow).count()) === 1, "A's queue for B is still there");
  assert.ok((await pendingAB()) >= before, `A's queue for B did not drain (${before} → ${await pendingAB()})`);
  assert.equal(await page.locator(`${queueRow} [data-testid="hq-paused"]`).count(), 1, 'the queue says its holder is paused');
  await nodetool(page, 'A', 'listpendinghints');
  await page.waitForFunction(() => /Host ID +Address +Rack +DC +Status +Hints +Newest +Oldest/.test(document.querySelector('[data-testid="console-output"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
  assert.match(await output(page), /\nB +B +rack1 +datacenter1 +UP +\d+ +1970-01-01 /, 'listpendinghints lists B, up, with its hints');

  mkdirSync(RESULTS, { recursive: true });
  await page.getByTestId('operator-console').screenshot({ path: `${RESULTS}console-1280.png` });
  await page.screenshot({ path: `${RESULTS}console-page-1280.png` });

  // Resumed: the next replay trigger dispatches, and the queue drains.
  await nodetool(page, 'A', 'resumehandoff');
  await page.waitForSelector(queueRow, { state: 'detached', timeout: 120_000 });
  assert.deepEqual(problems, [], 'no errors in the page');
});

test('the console at 390 px, and a refused line names its field', async () => {
  const { page: narrow, problems: narrowProblems } = await openPage(app.browser, { width: 390, height: 844 });
  await narrow.goto(BASE_URL, { waitUntil: 'load' });
  await narrow.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  await nodetool(narrow, 'C', 'setmaxhintwindow soon');
  assert.match((await narrow.getByTestId('operator-console').getByRole('alert').textContent()) ?? '', /^maxHintWindow: /);
  await nodetool(narrow, 'C', 'getmaxhintwindow');
  await narrow.waitForFunction(() => /Current max hint window: 10800000 ms/.test(document.querySelector('[data-testid="console-output"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
  const input = narrow.getByTestId('operator-console').locator('input[name=verb]');
  await input.fill('trunc');
  await input.press('Tab');
  assert.equal(await input.inputValue(), 'truncatehints ');
  assert.match((await narrow.getByTestId('console-help').textContent()) ?? '', /Cassandra only/);
  await narrow.getByTestId('operator-console').scrollIntoViewIfNeeded();
  await narrow.getByTestId('operator-console').screenshot({ path: `${RESULTS}console-390.png` });
  assert.deepEqual(narrowProblems, [], 'no errors in the page');
  await narrow.close();
});

test("a scenario's own nodetool probes print in the console at their times, as nodetool prints them", async () => {
  const file = fileURLToPath(new URL('../../scenarios/18-pausehandoff.json', import.meta.url));
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await page.getByTestId('import-dialog').waitFor({ state: 'detached', timeout: 30_000 });
  await page.getByTestId('jump-to').fill('2m');
  await page.getByTestId('jump-to').press('Enter');
  await page.waitForFunction(() => /from the scenario/.test(document.querySelector('[data-testid="console-output"]')?.textContent ?? ''), undefined, { timeout: 30_000 });
  const out = await output(page);
  assert.match(out, /\$ nodetool -h A statushandoff {2}# at 1m 40s, from the scenario\nHinted handoff is running\n# dispatch paused/);
  assert.match(out, /\$ nodetool -h A listpendinghints {2}# at 1m 40s, from the scenario\nHost ID[^\n]*\nB +B +rack1 +datacenter1 +UP +50 /);
  assert.deepEqual(problems, []);
});
