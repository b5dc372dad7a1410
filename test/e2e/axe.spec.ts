// axe-core on every view of the lab, in light and in dark: no serious or critical violation,
// and no duplicate banner or main landmark.
// The views: the lab idle, the lab with hints pending (D killed under writes), Settings open (and
// its datacenter editor with an error), a lesson, an interview question, Compare, two
// datacenters, a region cut off and the embed frame. label-content-name-mismatch is
// an experimental rule that axe leaves off by default; it is switched on here because a name
// that does not contain the visible words breaks voice control ("click +1 min").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, counter, launch, openPage, REGIONS_FILE, screenshot, shareFragment, shippedScenario, waitForNumber } from './helpers';
import { compareScenario } from '../fixtures/compareScenario';

// Evaluated rather than added as a <script>: the app's CSP (script-src 'self') refuses inline scripts.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe's serious and critical violations on the page as it is now, one line per rule and node. */
async function violations(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; any: { data?: unknown }[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: true } }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => {
        // For contrast, the colours and ratio axe measured: what a fix needs to know.
        const d = n.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
        return JSON.stringify(n.target) + (d?.contrastRatio ? ` ${d.fgColor} on ${d.bgColor} = ${d.contrastRatio}` : '');
      }) }));
  });
  // Plus a second banner or main (moderate for axe, but a screen reader's landmark list lies).
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id.startsWith('landmark-no-duplicate'));
}

const report = (fs: Finding[]) => fs.map((f) => `${f.impact} ${f.id} (${f.help}): ${f.targets.slice(0, 6).join(' ')}${f.targets.length > 6 ? ` and ${f.targets.length - 6} more` : ''}`).join('\n');

/** Opens a page in the colour scheme, lets `arrive` bring it to the view, and checks it. */
async function check(name: string, scheme: (typeof SCHEMES)[number], arrive: (page: Page) => Promise<void>): Promise<void> {
  const { page, problems } = await openPage(browser);
  try {
    await page.emulateMedia({ colorScheme: scheme });
    await arrive(page);
    const found = await violations(page);
    if (found.length) await screenshot(page, `axe-${name}-${scheme}`);
    assert.equal(found.length, 0, `${name} (${scheme}):\n${report(found)}`);
    assert.deepEqual(problems, [], 'no errors in the page');
  } finally {
    await page.close();
  }
}

const ready = (page: Page) => page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });

const VIEWS: Record<string, (page: Page) => Promise<void>> = {
  'lab-idle': async (page) => {
    await page.goto(BASE_URL, { waitUntil: 'load' });
    await ready(page);
  },
  'lab-hints-pending': async (page) => {
    await page.goto(BASE_URL, { waitUntil: 'load' });
    await ready(page);
    await page.getByTestId('node-D').click();
    await page.getByRole('dialog', { name: 'Node D actions' }).getByRole('button', { name: 'Kill D' }).click();
    await page.getByTestId('workload-toggle').check();
    await page.locator('.jump-btn').first().click();
    await waitForNumber(page, counter('hints-pending'), (n) => n > 0, 30_000);
    await page.getByTestId('jump-progress').waitFor({ state: 'detached', timeout: 30_000 });
  },
  settings: async (page) => {
    await page.goto(BASE_URL, { waitUntil: 'load' });
    await ready(page);
    await page.getByTestId('settings-open').click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
  },
  // The datacenter editor split into two rows, one RF refused: its rows, labels and error are checked too.
  'settings-datacenters': async (page) => {
    await page.goto(BASE_URL, { waitUntil: 'load' });
    await ready(page);
    await page.getByTestId('settings-open').click();
    const drawer = page.getByRole('dialog', { name: 'Settings' });
    await drawer.getByRole('button', { name: 'Split into datacenters' }).click();
    await drawer.getByRole('textbox', { name: 'Replication factor in dc2' }).fill('4');
    await drawer.getByTestId('dc-row-2').getByRole('alert').waitFor();
  },
  lesson: async (page) => {
    await page.goto(`${BASE_URL}#lesson=hint-for-down-replica&step=1`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="lesson-verdict"][data-state="passed"]', { timeout: 30_000 });
  },
  interview: async (page) => {
    await page.goto(`${BASE_URL}#interview=hint-window`, { waitUntil: 'load' });
    await page.getByTestId('choice-0').waitFor({ timeout: 30_000 });
  },
  compare: async (page) => {
    const session = { v: 1, scenario: compareScenario({ name: 'D down, then back' }), at: 90_000 };
    await page.goto(`${BASE_URL}${shareFragment(session)}`, { waitUntil: 'load' });
    await ready(page);
    await page.getByTestId('compare-button').click();
    await page.getByTestId('compare-back').waitFor({ timeout: 30_000 });
    await page.getByTestId('compare-jump-end').click();
    await page.waitForSelector('[data-testid="compare-jump-end"]:disabled', { timeout: 60_000 });
  },
  'regions-cut': async (page) => {
    // Scenario 36 in the cut: the counters and the chart split under-replicated keys per datacenter.
    await page.goto(`${BASE_URL}${shareFragment({ v: 1, scenario: shippedScenario(REGIONS_FILE), at: 150_000 })}`, { waitUntil: 'load' });
    await waitForNumber(page, counter('under-dc-eu'), (n) => n > 0, 60_000);
    await page.getByTestId('under-line-eu').waitFor({ state: 'attached', timeout: 15_000 });
  },
  // Two datacenters: the WAN legend entry, the Cut <dc> off buttons and the in-flight list's route tags.
  'two-datacenters': async (page) => {
    await page.goto(`${BASE_URL}${shareFragment({ v: 1, scenario: shippedScenario(REGIONS_FILE), log: [] })}`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="legend-wan"]');
    await page.getByTestId('jump-to').fill('10010ms');
    await page.getByRole('button', { name: 'Go to that time' }).click();
    await page.getByTestId('inflight-toggle').click();
    await page.locator('[data-testid="inflight-list"] li[data-route]').first().waitFor({ timeout: 15_000 });
  },
  embed: async (page) => {
    await page.goto(`${BASE_URL}#lesson=hint-for-down-replica&step=1&embed=1`, { waitUntil: 'load' });
    await page.getByTestId('play-toggle').waitFor({ timeout: 30_000 });
  },
};

for (const [name, arrive] of Object.entries(VIEWS)) {
  for (const scheme of SCHEMES) {
    test(`axe: ${name} in ${scheme} has no serious or critical violation`, () => check(name, scheme, arrive));
  }
}
