// The datacenter editor in the built app: split the default cluster into two datacenters of three
// (RF 3 in each) in Settings, apply; the ring bands them; cut dc2 off; a LOCAL_QUORUM write from
// each side is acknowledged, the far side's replicas are hinted; heal, run on, the hints replay.
// Also saves the drawer with the editor at 1280×720 and 390 px to docs/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { BASE_URL, counter, REGIONS_FILE, screenshot, shareFragment, shippedScenario, useApp, waitForNumber } from './helpers';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const regionsLink = shareFragment({ v: 1, scenario: shippedScenario(REGIONS_FILE), log: [] });

let page: Page;
let problems: string[] = [];
useApp((app) => ({ page, problems } = app));

/** Loads the app afresh (a hash alone would not reload the page, and a drawer left open would stay). */
async function fresh(p: Page, hash = ''): Promise<void> {
  await p.goto('about:blank');
  await p.goto(`${BASE_URL}${hash}`, { waitUntil: 'load' });
}

/** Opens Settings on a fresh default lab, splits the cluster, and returns the drawer. */
async function openAndSplit(p: Page): Promise<Locator> {
  await fresh(p);
  await p.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  await p.getByTestId('settings-open').click();
  const drawer = p.getByRole('dialog', { name: 'Settings' });
  await drawer.waitFor();
  await drawer.getByRole('button', { name: 'Split into datacenters' }).click();
  await drawer.getByRole('textbox', { name: 'Nodes in dc2' }).waitFor();
  return drawer;
}

/**
 * Scrolls the drawer's body so that `from` is at its top, under the Cluster group's sticky heading:
 * the group's heading itself (nodes, RF and the editor in view) or, on a phone, the RF row.
 */
async function showEditor(drawer: Locator, from: 'cluster' | 'replicationFactor'): Promise<void> {
  await drawer.getByRole('heading', { name: 'Cluster' }).evaluate((h, target) => {
    const body = h.closest<HTMLElement>('.settings-body')!;
    const el = target === 'cluster' ? h : document.getElementById('set-replicationFactor')!.closest<HTMLElement>('.set-row')!;
    const under = target === 'cluster' ? 0 : h.getBoundingClientRect().height;
    body.scrollTop += el.getBoundingClientRect().top - body.getBoundingClientRect().top - under;
  }, from);
}

/** Controls inside `scope` smaller than a finger's 44 × 44 px, named. */
const smallTargets = (scope: Locator) =>
  scope.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('button, input, select')].flatMap((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('.sr-only') || (r.width >= 44 && r.height >= 44)) return [];
      return [`${el.id || el.getAttribute('aria-label') || el.textContent?.trim()} ${Math.round(r.width)}×${Math.round(r.height)}`];
    }),
  );

async function write(key: string, coordinator: string): Promise<void> {
  const form = page.getByTestId('write-form');
  await form.locator('input[name=key]').fill(key);
  await form.locator('input[name=value]').fill('v');
  await form.locator('select[name=consistency]').selectOption('LOCAL_QUORUM');
  await form.locator('select[name=coordinator]').selectOption(coordinator);
  await form.getByRole('button', { name: 'Write' }).click();
}

/** Cuts dc2 off: the Network panel's one-gesture button where it exists, else its nodes on side 1 and Partition. */
async function cutDc2(): Promise<void> {
  const oneGesture = page.getByTestId('cut-dc-dc2');
  if ((await oneGesture.count()) > 0) {
    await oneGesture.click();
  } else {
    const side1 = page.getByTestId('network-panel').getByRole('group', { name: 'Side 1' });
    for (const id of ['D', 'E', 'F']) await side1.getByRole('button', { name: `${id} on side 1` }).click();
    await page.getByTestId('partition').click();
  }
  await page.getByTestId('network-status').filter({ hasText: 'Partitioned' }).waitFor({ timeout: 10_000 });
}

test('build two datacenters in Settings, cut one off, write at LOCAL_QUORUM on both sides, heal, hints replay', async () => {
  const drawer = await openAndSplit(page);
  assert.equal(await drawer.getByRole('textbox', { name: 'Nodes in dc1' }).inputValue(), 'A, B, C');
  assert.equal(await drawer.getByRole('textbox', { name: 'Replication factor in dc1' }).inputValue(), '3');
  assert.equal(await drawer.getByRole('textbox', { name: 'Replication factor in dc2' }).inputValue(), '3');
  assert.equal(await drawer.getByRole('textbox', { name: 'replicationFactor' }).isDisabled(), true);

  // A bad RF is refused on its row, and Apply waits for the fix.
  const rf2 = drawer.getByRole('textbox', { name: 'Replication factor in dc2' });
  await rf2.fill('4');
  await drawer.getByTestId('dc-row-2').getByText(/cluster\.replicationFactor\.dc2: expected at most the datacenter's size \(3\)/).waitFor();
  assert.equal(await drawer.getByRole('button', { name: 'Apply & restart' }).isDisabled(), true);
  await rf2.fill('3');
  await drawer.getByTestId('dc-row-2').getByRole('alert').waitFor({ state: 'detached' });
  assert.equal(await drawer.getByRole('alert').count(), 0);
  await drawer.getByRole('button', { name: 'Apply & restart' }).click();
  await drawer.waitFor({ state: 'detached', timeout: 10_000 });

  // One ring, two bands.
  await page.waitForSelector('[data-testid="dc-marks"]', { timeout: 10_000 });
  const labels = await page.locator('[data-testid="dc-marks"] text').allTextContents();
  assert.deepEqual([...labels].sort(), ['dc1', 'dc2']);

  await cutDc2();
  await write('k:east', 'A');
  await write('k:west', 'D');
  await waitForNumber(page, counter('writes-acked'), (n) => n === 2, 30_000);
  assert.equal(await page.locator(counter('writes-failed')).textContent(), '0');
  // Each write's three replicas across the cut are hinted by its coordinator.
  await waitForNumber(page, counter('hints-pending'), (n) => n >= 6, 30_000);
  await page.waitForSelector('[data-testid="hint-queues"] tbody tr', { timeout: 10_000 });
  await screenshot(page, 'settings-datacenters-cut');

  await page.getByTestId('heal').click();
  await page.getByTestId('network-status').filter({ hasText: 'Whole' }).waitFor({ timeout: 10_000 });
  await page.getByTestId('jump-to').fill('10m');
  await page.getByTestId('jump-to').press('Enter');
  await waitForNumber(page, counter('hints-pending'), (n) => n === 0, 120_000);
  const delivered = await waitForNumber(page, counter('hints-delivered'), (n) => n >= 6, 10_000);
  assert.ok(delivered >= 6, `the ${delivered} hints delivered cover both writes' far replicas`);
  assert.deepEqual(problems, [], 'no errors in the page');
});

test('the drawer with the editor, at 1280×720 and on a 390 px phone', async () => {
  const drawer = await openAndSplit(page);
  await drawer.getByRole('textbox', { name: 'Replication factor in dc2' }).fill('2');
  await showEditor(drawer, 'cluster');
  await page.screenshot({ path: `${DOCS}settings-datacenters-1280.png` });

  // A phone: touch, so every control takes the 44 px floor, as phone.spec.ts checks for the rest.
  const context = await page.context().browser()!.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const phone = await context.newPage();
    const phoneProblems: string[] = [];
    phone.on('pageerror', (err) => phoneProblems.push(`page error: ${err.message}`));
    const small = await openAndSplit(phone);
    await small.getByRole('textbox', { name: 'Replication factor in dc2' }).fill('2');
    await showEditor(small, 'replicationFactor');
    assert.deepEqual(await smallTargets(phone.getByTestId('dc-editor')), [], 'every control of the editor is at least 44 × 44 px');
    // Nothing runs out of the drawer sideways on a phone.
    const overflow = await phone.evaluate(() => {
      const body = document.querySelector('.settings-body');
      return body ? body.scrollWidth - body.clientWidth : -1;
    });
    assert.equal(overflow, 0, 'the settings body does not scroll sideways');
    await phone.screenshot({ path: `${DOCS}settings-datacenters-390.png` });
    assert.deepEqual(phoneProblems, [], 'no errors in the phone page');
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'no errors in the page');
});

test("a running cluster's datacenters fill the editor; an edited RF applies per datacenter", async () => {
  await fresh(page, regionsLink);
  await page.waitForSelector('[data-testid="dc-marks"]', { timeout: 15_000 });
  await page.getByTestId('settings-open').click();
  const drawer = page.getByRole('dialog', { name: 'Settings' });
  await drawer.waitFor();
  assert.equal(await drawer.getByRole('textbox', { name: 'Nodes in us' }).inputValue(), 'us1, us2, us3');
  assert.equal(await drawer.getByRole('textbox', { name: 'Nodes in eu' }).inputValue(), 'eu1, eu2, eu3');
  assert.equal(await drawer.getByRole('textbox', { name: 'Replication factor in eu' }).inputValue(), '3');
  assert.equal(await drawer.getByTestId('dc-editor').getByText(/^was /).count(), 0, 'nothing changed yet');
  await drawer.getByRole('textbox', { name: 'Replication factor in eu' }).fill('2');
  await drawer.getByTestId('settings-diff').getByText(/us: us1, us2, us3 \(RF 3\); eu: eu1, eu2, eu3 \(RF 2\)/).waitFor();
  await drawer.getByRole('button', { name: 'Apply & restart' }).click();
  await drawer.waitFor({ state: 'detached', timeout: 10_000 });
  await page.getByText(/RF 3 \+ 2 \(us, eu\)/).first().waitFor({ timeout: 10_000 });
  assert.deepEqual(problems, [], 'no errors in the page');
});
