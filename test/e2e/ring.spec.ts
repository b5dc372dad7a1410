// The ring on a projector (#14), in Chromium at 1280×720:
// - 64 nodes, two of them down and every node holding hints: each node's label is outside the
//   ring, its name at least 12 px, and no two labels (name, hint count, state tags) overlap;
// - 32 and 128 nodes: the same, names only;
// - four nodes down at 64: every label (with its DOWN tag) stays inside the ring's panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { encodeSession } from '../../src/session';
import { BASE_URL, screenshot, useApp } from './helpers';

let page: Page;
let problems: string[] = [];
useApp((app) => ({ page, problems } = app));

const ringOf = (nodes: number, faults: unknown[] = []) => ({
  format: 'hintscope/scenario@1',
  name: `Ring of ${nodes}`,
  cluster: { nodes, vnodes: 16 },
  workload: [{ from: '0s', to: '1h', rate: 200, keys: 2000, consistency: 'QUORUM' }],
  faults,
  until: '1h',
});

/** Opens a link and waits until it stands at `at` ms with every label drawn. */
async function openAt(scenario: object, at: number, nodes: number): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${BASE_URL}${encodeSession({ scenario: scenario as never, at })}`, { waitUntil: 'load' });
  const clock = new Date(at).toISOString().slice(12, 19);
  await page.waitForFunction(
    ([c, n]) =>
      (document.querySelector('[data-testid="clock"]')?.textContent ?? '').startsWith(c as string) &&
      !document.querySelector('[data-testid="jump-progress"]') &&
      document.querySelectorAll('[data-testid^="ring-label-"]').length === n,
    [clock, nodes],
    { timeout: 60_000 },
  );
}

interface Measured {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  namePx: number;
}

/** Every label's box on the page and its name's font size. */
function measure(): Promise<Measured[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid^="ring-label-"]')].map((g) => {
      // The box of what is drawn: the name, the count and the tags, not the leader line.
      const parts = [...g.querySelectorAll('text, rect')].map((e) => e.getBoundingClientRect());
      const x = Math.min(...parts.map((r) => r.left));
      const y = Math.min(...parts.map((r) => r.top));
      const name = g.querySelector('.ring-label-name')!;
      return {
        id: g.getAttribute('data-node') ?? '',
        x,
        y,
        w: Math.max(...parts.map((r) => r.right)) - x,
        h: Math.max(...parts.map((r) => r.bottom)) - y,
        namePx: parseFloat(getComputedStyle(name).fontSize),
      };
    }),
  );
}

function overlapping(boxes: readonly Measured[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) out.push(`${a.id}/${b.id}`);
    }
  return out;
}

test('64 nodes, two down, every node holding hints: labels legible and none overlapping', async () => {
  await openAt(ringOf(64, [{ at: '5s', kill: 'n5' }, { at: '5s', kill: 'n40' }]), 60_000, 64);
  const boxes = await measure();
  await screenshot(page, 'ring-64');
  assert.equal(boxes.length, 64);
  assert.deepEqual(boxes.filter((b) => b.namePx < 12).map((b) => b.id), [], 'names at least 12 px');
  assert.deepEqual(overlapping(boxes), [], 'no two labels overlap');
  // The labels carry the counts and tags: n5's says DOWN, others a hint count.
  const n5 = await page.getByTestId('ring-label-n5').textContent();
  assert.match(n5 ?? '', /DOWN/);
  assert.ok((await page.locator('.ring-label-badge').count()) > 30, 'hint counts are in the labels');
  assert.deepEqual(problems, []);
});

test('64 nodes, four down: every label stays inside the ring panel, clear of its title and legend', async () => {
  await openAt(ringOf(64, ['n1', 'n17', 'n48', 'n60'].map((kill) => ({ at: '5s', kill }))), 60_000, 64);
  const boxes = await measure();
  await screenshot(page, 'ring-64-four-down');
  const area = await page.locator('.ring-area').boundingBox();
  assert.ok(area);
  const outside = boxes.filter((b) => b.x < area.x || b.y < area.y || b.x + b.w > area.x + area.width || b.y + b.h > area.y + area.height).map((b) => b.id);
  assert.deepEqual(outside, [], 'labels inside the ring area');
  assert.deepEqual(overlapping(boxes), []);
  assert.match((await page.getByTestId('ring-label-n60').textContent()) ?? '', /DOWN/);
  assert.deepEqual(problems, []);
});

for (const n of [32, 128]) {
  test(`${n} nodes: labels legible and none overlapping`, async () => {
    await openAt(ringOf(n), 1_000, n);
    const boxes = await measure();
    await screenshot(page, `ring-${n}`);
    assert.deepEqual(boxes.filter((b) => b.namePx < 12).map((b) => b.id), []);
    assert.deepEqual(overlapping(boxes), []);
    assert.deepEqual(problems, []);
  });
}

/** The page boxes of the menu and of every glyph but `except`, and the ring's centre. */
function menuAndGlyphs(except: string) {
  return page.evaluate((skip) => {
    // (No named helpers in here: the page gets the function's text without the bundler's.)
    const rects = [document.querySelector('[data-testid="node-menu"]'), document.querySelector('[data-testid="ring-box"]')].map((e) => {
      const r = e?.getBoundingClientRect();
      return r ? { x: r.left, y: r.top, w: r.width, h: r.height } : null;
    });
    const glyphs = [...document.querySelectorAll('.node-glyph')]
      .filter((g) => g.getAttribute('data-testid') !== `node-${skip}`)
      .map((g) => {
        const r = g.querySelector('.glyph-body')!.getBoundingClientRect();
        return { id: g.getAttribute('data-testid'), x: r.left, y: r.top, w: r.width, h: r.height };
      });
    const ring = rects[1]!;
    return { menu: rects[0], glyphs, centre: { x: ring.x + ring.w / 2, y: ring.y + ring.h / 2 } };
  }, except);
}

test('selecting a node: its menu beside the ring covers no glyph nor the centre; closing it keeps the node selected', async () => {
  await page.goto('about:blank');
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  for (const id of ['D', 'F', 'B']) {
    await page.getByTestId(`node-${id}`).click();
    await page.getByTestId('node-menu').waitFor({ state: 'visible' });
    const { menu, glyphs, centre } = await menuAndGlyphs(id);
    assert.ok(menu);
    const hit = (g: { x: number; y: number; w: number; h: number }) => menu.x < g.x + g.w && g.x < menu.x + menu.w && menu.y < g.y + g.h && g.y < menu.y + menu.h;
    assert.deepEqual(glyphs.filter(hit).map((g) => g.id), [], `${id}'s menu covers no other glyph`);
    assert.ok(!hit({ x: centre.x - 20, y: centre.y - 20, w: 40, h: 40 }), `${id}'s menu leaves the ring's centre clear`);
    if (id === 'D') await screenshot(page, 'ring-menu-D');
    // Closing the menu (its Close button) leaves the node selected, its beliefs on screen.
    await page.getByTestId('node-menu').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('node-menu').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId(`node-${id}`).getAttribute('data-selected'), 'true', `${id} stays selected`);
    await page.getByTestId('belief-panel').waitFor({ state: 'visible' });
    assert.match((await page.getByTestId('belief-panel').textContent()) ?? '', new RegExp(`${id} believes`, 'i'));
  }
  // Escape closes it too, and the node stays selected; a click on the glyph with its menu open lets it go.
  await page.getByTestId('node-C').click();
  await page.getByTestId('node-menu').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await page.getByTestId('node-menu').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('node-C').getAttribute('data-selected'), 'true');
  await page.getByTestId('node-C').click();
  await page.getByTestId('node-menu').waitFor({ state: 'visible' });
  await page.getByTestId('node-C').click();
  await page.getByTestId('node-menu').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('node-C').getAttribute('data-selected'), null);
  assert.deepEqual(problems, []);
});

test('the vnode arcs: a legend entry, and a tooltip on hover and on focus naming the owner and the token range', async () => {
  await page.goto('about:blank');
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  await page.getByTestId('legend-vnodes').waitFor({ state: 'visible' });
  // The ring settles to its stage's size after the first frames: measure it once it holds still.
  let box = (await page.getByTestId('ring-box').boundingBox())!;
  for (;;) {
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const again = (await page.getByTestId('ring-box').boundingBox())!;
    if (again.width === box.width && again.x === box.x && again.y === box.y) break;
    box = again;
  }
  const r = box.width * (281 / 640); // the middle of the band (view units 272–290 of 640)
  // (Points clear of the legend's corners, which lie over the band's diagonals.)
  for (const turn of [0.05, 0.25, 0.5, 0.7]) {
    // A point over an arc's body (not in the hairline gap or on the tick between two ranges), and the arc's colour.
    const found = await page.evaluate(
      ([cx, cy, rr, t0]) => {
        const layer = document.querySelector<SVGSVGElement>('.token-ring-svg')!;
        layer.style.pointerEvents = 'auto'; // the band above takes the pointer; let hit-testing see the arcs
        try {
          for (let k = 0; k < 40; k++) {
            const t = (t0 as number) + k * 0.002;
            const px = (cx as number) + (rr as number) * Math.sin(t * 2 * Math.PI);
            const py = (cy as number) - (rr as number) * Math.cos(t * 2 * Math.PI);
            const hits = document.elementsFromPoint(px, py);
            const arc = hits.find((e) => e.classList.contains('token-arc'));
            if (arc && !hits.some((e) => e.classList.contains('token-tick'))) return { x: px, y: py, fill: arc.getAttribute('fill') };
          }
          return null;
        } finally {
          layer.style.pointerEvents = '';
        }
      },
      [box.x + box.width / 2, box.y + box.height / 2, r, turn],
    );
    assert.ok(found, `an arc near turn ${turn}`);
    await page.mouse.move(found.x, found.y);
    const tip = page.getByTestId('token-tip');
    await tip.waitFor({ state: 'visible' });
    const owner = await tip.getAttribute('data-owner');
    assert.match((await tip.textContent()) ?? '', new RegExp(`^vnode of ${owner}${owner} owns tokens \\(−?[\\d.]+ × 10\\S+, −?[\\d.]+ × 10\\S+\\]: [\\d.]+ % of the ring$`));
    // The arc drawn under the pointer is the owner's colour.
    const glyph = await page.getByTestId(`node-${owner}`).locator('.glyph-body').getAttribute('fill');
    assert.equal(found.fill, glyph, `the tip's owner ${owner} has the arc's colour`);
  }
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByTestId('token-tip').waitFor({ state: 'detached' });
  // The keyboard: focus the band, the first range's tip; the arrows step to the next.
  await page.getByTestId('token-hit').focus();
  const first = await page.getByTestId('token-tip').textContent();
  await page.keyboard.press('ArrowRight');
  const second = await page.getByTestId('token-tip').textContent();
  assert.notEqual(second, first);
  assert.match(second ?? '', /owns tokens/);
  await page.keyboard.press('Escape');
  await page.getByTestId('token-tip').waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
});

test('presenter mode without a lesson at 1280×720: a large ring, the counters and the hint queues, no empty half, nothing spilling', async () => {
  const scenario = {
    format: 'hintscope/scenario@1',
    name: 'D dies',
    cluster: { nodes: ['A', 'B', 'C', 'D', 'E', 'F'], vnodes: 8, replicationFactor: 3 },
    workload: [{ from: '0s', to: '1h', rate: 50, keys: 500, consistency: 'QUORUM' }],
    faults: [{ at: '30s', kill: 'D' }],
    until: '1h',
  };
  await page.goto('about:blank');
  await page.goto(`${BASE_URL}${encodeSession({ scenario: scenario as never, at: 180_000 })}`, { waitUntil: 'load' });
  await page.waitForFunction(() => (document.querySelector('[data-testid="clock"]')?.textContent ?? '').startsWith('0:03:00') && !document.querySelector('[data-testid="jump-progress"]'), null, { timeout: 60_000 });
  await page.getByTestId('presenter-button').click();
  await page.waitForSelector('.app.presenter');
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const m = await page.evaluate(() => {
    // (No named helpers in here: the page gets the function's text without the bundler's.)
    const [ring, state, act, counters, queues] = ['[data-testid="ring-box"]', '.column-state', '.column-act', '.counters', '[data-testid="hint-queues"]'].map(
      (sel) => document.querySelector(sel)?.getBoundingClientRect() ?? new DOMRect(),
    ) as [DOMRect, DOMRect, DOMRect, DOMRect, DOMRect];
    return {
      ring: ring.width,
      counters: counters.width > 0 && counters.height > 0,
      queues: queues.width > 0 && queues.height > 0,
      // How much of the right-hand side holds something: the columns' content, top to bottom.
      rightFilled: Math.max(state.bottom, act.bottom) - Math.min(state.top, act.top),
      scroll: document.documentElement.scrollHeight - window.innerHeight,
      wide: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
  await screenshot(page, 'presenter-no-lesson');
  assert.ok(m.ring >= 500, `the ring is large: ${m.ring.toFixed(0)} px`);
  assert.ok(m.counters, 'the counters are shown');
  assert.ok(m.queues, 'the hint queues are shown');
  assert.ok(m.rightFilled >= 400, `the right-hand side is not left empty: ${m.rightFilled.toFixed(0)} px of content`);
  assert.ok(m.scroll <= 0 && m.wide <= 0, `fits 1280×720 (${m.scroll}px down, ${m.wide}px across)`);
  assert.deepEqual(problems, []);
});
