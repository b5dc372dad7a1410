// Embed mode: a blog page holds HintScope in an iframe (`&embed=1` on a share link); the reader
// presses play and the cluster runs in the frame — the clock advances, messages fly — with
// nothing but the ring, play/pause, the clock, the caption and "Open in HintScope". A lesson
// link embeds at its step; Share gives the iframe snippet at a size.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, FrameLocator } from 'playwright-core';
import lz from 'lz-string';
import { BASE_URL, launch, screenshot } from './helpers';

let browser: Browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const scenario = {
  format: 'hintscope/scenario@1',
  name: 'Embed demo: D dies under load',
  description: 'Writes at QUORUM while D is down: the coordinators keep hints for it.',
  seed: 7,
  cluster: { nodes: ['A', 'B', 'C', 'D', 'E', 'F'], vnodes: 8, replicationFactor: 3 },
  settings: { preset: 'cassandra' },
  workload: [{ from: '0s', to: '30d', rate: 20, keys: 1000, writeRatio: 0.8, consistency: 'QUORUM' }],
  faults: [{ at: '5s', kill: 'D' }],
  until: '30d',
};
const shareHash = '#s=' + lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, scenario, log: [] }));

const number = async (frame: FrameLocator, testId: string) => Number(((await frame.getByTestId(testId).textContent()) ?? '').match(/\d[\d,]*/)?.[0]?.replace(/,/g, '') ?? 'NaN');

test('an embed in an iframe on a blog page plays: the clock advances and messages are drawn; nothing else is on it', async () => {
  const ctx = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const src = `${BASE_URL}${shareHash}&embed=1`;
  await page.setContent(`<!doctype html><title>A blog post</title><h1>Hinted handoff, live</h1><iframe src="${src.replace(/&/g, '&amp;')}" width="720" height="480" style="border:0" title="HintScope"></iframe>`);
  const frame = page.frameLocator('iframe');
  await frame.getByTestId('embed').waitFor({ timeout: 30_000 });
  await frame.getByTestId('node-D').waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await frame.getByTestId('embed-caption').textContent(), scenario.name);
  // No panel a reader did not ask for.
  for (const id of ['counter-writes-acked', 'workload-toggle', 'share-button', 'timebar', 'speed']) assert.equal(await frame.getByTestId(id).count(), 0, `${id} is not in the embed`);

  const before = await frame.getByTestId('clock').textContent();
  await frame.getByTestId('play-toggle').click();
  await frame.getByTestId('play-toggle').and(frame.locator('[aria-pressed="true"]')).waitFor();
  // Messages in flight are drawn (the in-flight count names what the canvas draws).
  const inFrame = page.frames().find((f) => f.url().includes('embed=1'))!;
  await inFrame.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid="messages-in-flight"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
  assert.ok((await number(frame, 'messages-in-flight')) > 0, 'messages in flight while it plays');
  await inFrame.waitForFunction((was) => document.querySelector('[data-testid="clock"]')?.textContent !== was, before, { timeout: 10_000 });
  assert.notEqual(await frame.getByTestId('clock').textContent(), before, 'the clock advances');
  // The live region reads out D's crash at 5 s (and its conviction), as in the full app.
  await inFrame.waitForFunction(() => /\bD\b/.test(document.querySelector('[data-testid="live-announcer"]')?.textContent ?? ''), undefined, { timeout: 20_000 });
  assert.equal(await frame.locator('[data-testid="live-announcer"][aria-live="polite"]').count(), 1);

  // "Open in HintScope": the full app, in a new tab, at the same moment (a share link without the flag).
  const open = frame.getByTestId('embed-open');
  await open.hover();
  assert.equal(await open.getAttribute('target'), '_blank');
  const href = (await open.getAttribute('href'))!;
  assert.match(href, /#s=/);
  assert.doesNotMatch(href, /embed=1/);
  await screenshot(page, 'embed-in-iframe');

  // The iframe's own size: 720×480 holds the whole ring and its labels, D's DOWN tag included
  // (the ring is fitted to them: about 220 px here); so does a 390 px column.
  const box = await frame.getByTestId('ring-box').boundingBox();
  assert.ok(box && box.height > 200 && box.y + box.height <= 480 + 8, `the ring fits the 720×480 frame (${JSON.stringify(box)})`);
  const labels = await frame.locator('[data-testid^="ring-label-"]').evaluateAll((gs) => gs.map((g) => g.getBoundingClientRect().bottom));
  const area = await frame.locator('.ring-area').boundingBox();
  assert.ok(area && labels.every((b) => b <= area.y + area.height + 1), `every label inside the ring's area (${JSON.stringify(labels)})`);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('at 390 px the embed keeps the bar on screen and the ring whole', async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 600 } });
  const page = await ctx.newPage();
  await page.goto(`${BASE_URL}${shareHash}&embed=1`, { waitUntil: 'load' });
  await page.getByTestId('node-D').waitFor({ state: 'visible', timeout: 30_000 });
  for (const id of ['play-toggle', 'clock', 'embed-open', 'ring-box']) {
    const b = (await page.getByTestId(id).boundingBox())!;
    assert.ok(b.x >= 0 && b.x + b.width <= 390 + 1, `${id} is within 390 px (${JSON.stringify(b)})`);
    if (id !== 'clock') assert.ok(b.height >= 44, `${id} is at least 44 px tall`);
  }
  await ctx.close();
});

test('a lesson link embeds at its step; Open in HintScope keeps the lesson and step', async () => {
  const ctx = await browser.newContext({ viewport: { width: 720, height: 480 } });
  const page = await ctx.newPage();
  await page.goto(`${BASE_URL}#lesson=hint-for-down-replica&step=1&embed=1`, { waitUntil: 'load' });
  await page.getByTestId('embed').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => /#lesson=hint-for-down-replica&step=1$/.test(document.querySelector('[data-testid="embed-open"]')?.getAttribute('href') ?? ''), null, { timeout: 60_000 });
  assert.match((await page.getByTestId('embed-caption').textContent())!, /A write with a replica down leaves a hint — step 1/);
  await ctx.close();
});

test('Share offers Embed: the iframe snippet with the link and the chosen size', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(`${BASE_URL}${shareHash}`, { waitUntil: 'load' });
  await page.getByTestId('node-D').waitFor({ state: 'visible', timeout: 30_000 });
  // The scenario's name and description are on screen, and its workload in the Workload panel.
  assert.equal(await page.getByTestId('scenario-name').textContent(), scenario.name);
  assert.equal(await page.getByTestId('scenario-description').textContent(), scenario.description);
  assert.match((await page.getByTestId('scenario-workload').textContent())!, /20 ops\/s over 1,000 keys at QUORUM/);
  await page.getByTestId('share-button').click();
  await page.getByTestId('share-mode-embed').check();
  const snippet = page.getByTestId('share-embed');
  await page.waitForFunction(() => (document.querySelector('[data-testid="share-embed"]') as HTMLTextAreaElement | null)?.value.includes('#s=') ?? false);
  let text = await snippet.inputValue();
  assert.match(text, /^<iframe src="[^"]+#s=[^"]+&amp;embed=1" width="720" height="480" title="HintScope: Embed demo: D dies under load"/);
  await page.getByTestId('share-embed-size').selectOption({ index: 1 });
  text = await snippet.inputValue();
  assert.match(text, /width="390" height="600"/);
  await ctx.close();
});
