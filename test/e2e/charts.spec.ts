// Charts that never mislead, and a lab a projector can show (#14), in Chromium at 1280×720:
// - a share link whose scenario kills D at 30 s: the pending-hints line stays at zero before the
//   kill marker (steps, not a slope from t = 0), and the marker is drawn;
// - the Counters panel with ten-digit values: every number fits its cell, none touches another;
// - node state labels at least 14 px on screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { encodeSession } from '../../src/session';
import { formatCount, formatCounter } from '../../src/view/format';
import { BASE_URL, launch, openPage, screenshot } from './helpers';

let browser: Browser;
let page: Page;
let problems: string[];

before(async () => {
  browser = await launch();
  ({ page, problems } = await openPage(browser, { width: 1280, height: 720 }));
});

after(async () => {
  await browser?.close();
});

const scenario = {
  format: 'hintscope/scenario@1',
  name: 'D dies at 30 s',
  seed: 5,
  cluster: { nodes: ['A', 'B', 'C', 'D', 'E', 'F'], vnodes: 8, replicationFactor: 3 },
  settings: { preset: 'cassandra' },
  workload: [{ from: '0s', to: '10m', rate: 20, keys: 200, consistency: 'QUORUM' }],
  faults: [{ at: '30s', kill: 'D' }],
  until: '10m',
};

test('a link: pending hints rise only after the kill marker, which is drawn', async () => {
  await page.goto(`${BASE_URL}${encodeSession({ scenario, at: 180_000 })}`, { waitUntil: 'load' });
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="clock"]')?.textContent ?? '').startsWith('0:03:00') && !document.querySelector('[data-testid="jump-progress"]'),
    null,
    { timeout: 60_000 },
  );
  const chart = page.getByTestId('chart-pending');
  await chart.getByTestId('pending-line-D').waitFor({ state: 'attached', timeout: 10_000 });
  const found = await page.evaluate(() => {
    const svg = document.querySelector('[data-testid="chart-pending"]')!;
    const marker = [...svg.querySelectorAll('[data-testid="fault-marker"]')].find((m) => m.getAttribute('data-label') === 'kill D');
    const path = svg.querySelector('[data-testid="pending-line-D"] .chart-stroke') as SVGPathElement | null;
    if (!marker || !path) return { marker: !!marker, path: !!path, markerX: NaN, zeroY: NaN, early: [] as number[][] };
    const markerX = Number(/translate\(([-\d.]+)/.exec(marker.getAttribute('transform') ?? '')?.[1]);
    const zeroY = path.getPointAtLength(0).y; // the run starts with nothing pending
    // Walk the drawn line every half pixel: any point above zero left of the marker is a lie.
    const early: number[][] = [];
    const total = path.getTotalLength();
    for (let l = 0; l <= total; l += 0.5) {
      const p = path.getPointAtLength(l);
      if (p.x < markerX - 0.5 && p.y < zeroY - 0.5) early.push([p.x, p.y]);
    }
    const risesAt = (() => {
      for (let l = 0; l <= total; l += 0.5) {
        const p = path.getPointAtLength(l);
        if (p.y < zeroY - 0.5) return p.x;
      }
      return NaN;
    })();
    return { marker: true, path: true, markerX, zeroY, early: early.slice(0, 5), risesAt };
  });
  await screenshot(page, 'charts-link');
  assert.ok(found.marker, 'the kill D marker is drawn on the pending-hints chart');
  assert.ok(found.path, 'a pending-hints line for D is drawn');
  assert.deepEqual(found.early, [], `the line is above zero before the kill marker (x = ${found.markerX}) at ${JSON.stringify(found.early)}`);
  assert.ok((found as { risesAt: number }).risesAt >= found.markerX - 0.5, 'the first non-zero point is at or after the kill marker');
  assert.deepEqual(problems, []);
});

test('node state labels are at least 14 px on screen', async () => {
  // The link's D is down: "DOWN" and "seen down by 5/5" are drawn under it.
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="node-D"] .glyph-tags text')].map((t) => {
      const el = t as SVGTextElement;
      return { text: el.textContent, px: parseFloat(getComputedStyle(el).fontSize) * (el.getScreenCTM()?.a ?? 0) };
    }),
  );
  assert.ok(sizes.some((s) => s.text === 'DOWN'), `DOWN is drawn: ${JSON.stringify(sizes)}`);
  for (const s of sizes) assert.ok(s.px >= 14 - 0.01, `"${s.text}" is ${s.px.toFixed(1)} px on screen`);
});

test('counters fit at ten-digit values: no number overflows its cell or touches a neighbour', async () => {
  // The worker cannot reach 10⁹ operations in a test's time: the panel is given the text the
  // component writes for such values (formatCounter, the one the Counters panel uses).
  for (const value of [999_999_999, 1_000_000_000, 1_234_567_890, 99_999, 172_772]) {
    const text = formatCounter(value);
    const result = await page.evaluate((shown) => {
      const cells = [...document.querySelectorAll('.counters dd[data-testid^="counter-"]')] as HTMLElement[];
      for (const dd of cells) dd.innerHTML = `<span aria-hidden="true">${shown}</span>`;
      const boxes = cells.map((dd) => {
        const r = document.createRange();
        r.selectNodeContents(dd);
        const b = r.getBoundingClientRect();
        const cell = (dd.parentElement as HTMLElement).getBoundingClientRect();
        return { id: dd.dataset.testid!, left: b.left, right: b.right, top: b.top, bottom: b.bottom, cellRight: cell.right, overflow: dd.scrollWidth - dd.clientWidth };
      });
      const clashes: string[] = [];
      for (const a of boxes) {
        if (a.overflow > 0) clashes.push(`${a.id} overflows by ${a.overflow}px`);
        for (const b of boxes) {
          if (a === b || Math.abs(a.top - b.top) > 4 || b.left < a.left) continue;
          if (b.left - a.right < 4) clashes.push(`${a.id} ends ${(b.left - a.right).toFixed(1)}px from ${b.id}`);
        }
      }
      return { count: cells.length, clashes };
    }, text);
    assert.ok(result.count >= 14, `counters measured: ${result.count}`);
    assert.deepEqual(result.clashes, [], `at ${value} ("${text}")`);
  }
  await screenshot(page, 'counters-1e9');
});

test('chart headers fit any count up to 10⁹: the number is whole and inside its header, the words give way', async () => {
  // As for the counters: the header is given the text the panel writes for such a count.
  for (const value of [999_999_999, 1_000_000_000, 68_591, 172_772]) {
    const text = formatCount(value);
    const result = await page.evaluate((shown) => {
      const titles = [...document.querySelectorAll('.chart-title')] as HTMLElement[];
      return titles.map((h) => {
        const v = h.querySelector('.chart-value') as HTMLElement;
        v.textContent = shown;
        const words = h.querySelector('.chart-title-text') as HTMLElement;
        const hb = h.getBoundingClientRect();
        const vb = v.getBoundingClientRect();
        const wb = words.getBoundingClientRect();
        return { title: words.textContent, inside: vb.left >= hb.left - 0.5 && vb.right <= hb.right + 0.5, whole: v.scrollWidth <= Math.ceil(vb.width) + 0.5, gap: vb.left - wb.right, width: vb.width };
      });
    }, text);
    assert.ok(result.length >= 1, `chart headers measured: ${result.length}`);
    for (const r of result) {
      assert.ok(r.inside, `"${r.title}" at ${text}: the number is inside its header`);
      assert.ok(r.whole, `"${r.title}" at ${text}: the number is not clipped`);
      assert.ok(r.gap >= 0, `"${r.title}" at ${text}: the words end before the number`);
      assert.ok(r.width >= text.length * 5, `"${r.title}" at ${text}: the number is drawn at full width (${r.width.toFixed(0)} px)`);
    }
  }
  await screenshot(page, 'chart-header-1e9');
});
