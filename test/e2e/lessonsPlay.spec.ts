// Lessons that play, in Chromium: one step at human speed (messages in flight, captions on their
// engine events, a callout on the named node, the lesson's key in the inspector), screenshots for
// docs/ mid-animation at 1280×720 and 390 px. Presenter fit is walked in presenterFit.spec.ts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launch, lessonReady, openPage } from './helpers';

let browser: Browser;
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});


/** Waits for a caption whose id starts with `prefix`; returns its text and simulated time. */
async function caption(page: Page, prefix: string, timeout = 30_000): Promise<{ text: string; at: number }> {
  const sel = `[data-testid="lesson-captions"] [data-caption^="${prefix}"]`;
  await page.waitForSelector(sel, { timeout });
  const el = page.locator(sel).first();
  return { text: (await el.textContent())!, at: Number(await el.getAttribute('data-at')) };
}

test('a lesson step plays at human speed: messages in flight, captions on engine events, a callout on the named node', async () => {
  const { page, problems } = await openPage(browser, { width: 1280, height: 720 });
  await page.goto(`${BASE_URL}#lesson=replay`, { waitUntil: 'load' });
  await lessonReady(page);
  // The lesson's key is open in the key inspector, its preference list lit on the ring.
  await page.waitForFunction(() => (document.querySelector('[data-testid="inspect-key"]') as HTMLInputElement | null)?.value === 'chat:42', undefined, { timeout: 10_000 });
  assert.match((await page.getByTestId('ring').first().getAttribute('aria-label'))!, /key chat:42 marked, replicas/);
  const started = Date.now();
  await page.getByTestId('lesson-run').click();
  const crash = await caption(page, 'crash:');
  const third = /^(\S+), the third replica of chat:42, crashes/.exec(crash.text)?.[1];
  assert.ok(third, `the crash caption names the third replica: ${crash.text}`);
  await page.waitForSelector(`[data-testid="ring-callout"][data-anchor="${third}"] .ring-callout-box`);
  const convict = await caption(page, 'convict:');
  assert.ok(convict.at - crash.at > 10_000 && convict.at - crash.at < 30_000, `conviction ${convict.at - crash.at} ms after the crash, as the engine decides`);
  // The write's fan-out in slow motion: mutations on the wire, shown beat by beat.
  await page.waitForSelector('[data-testid="lesson-beat"][data-pace="slow"]:not([data-in-flight="0"])', { timeout: 30_000 });
  await page.waitForSelector('[data-testid="ring-callout"] .ring-callout-box');
  await page.screenshot({ path: `${DOCS}lesson-beat-1280.png` });
  const hint = await caption(page, 'hint:');
  assert.match(hint.text, new RegExp(`stores a hint for ${third}, the third replica of chat:42`));
  await page.waitForSelector('[data-testid="lesson-verdict"][data-state="passed"]', { timeout: 30_000 });
  const wall = Date.now() - started;
  assert.ok(wall > 2_500, `the step took ${wall} ms of wall time: played, not jumped`);
  assert.deepEqual(problems, []);
});

test('pause holds a playing step, skip to result finishes it; 390 px keeps the ring beside the step', async () => {
  const { page, problems } = await openPage(browser, { width: 390, height: 844 });
  await page.goto(`${BASE_URL}#lesson=replay&step=1`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="lesson-verdict"][data-state="passed"]', { timeout: 30_000 });
  await page.getByTestId('lesson-next').click();
  await page.getByTestId('lesson-run').click();
  await page.getByTestId('lesson-beat').waitFor();
  await page.getByTestId('lesson-pause').click();
  await page.waitForSelector('[data-testid="lesson-beat"][data-paused="true"]');
  await page.waitForTimeout(300); // the frame in flight lands
  const held = await page.getByTestId('clock').first().textContent().catch(() => null);
  await page.waitForTimeout(600);
  assert.equal(await page.getByTestId('clock').first().textContent().catch(() => null), held, 'the clock holds while paused');
  await page.getByTestId('lesson-pause').click();
  await caption(page, 'page:', 30_000);
  await page.waitForSelector('[data-testid="ring-callout"] .ring-callout-box');
  const ring = await page.getByTestId('ring-box').boundingBox();
  const player = await page.getByTestId('lesson-player').boundingBox();
  assert.ok(ring && player && ring.y < 844 && ring.y + ring.height > 0, 'the ring is on screen beside or above the step');
  assert.ok(player.y < 844, 'the step is reachable at the top of the page');
  await page.getByTestId('lesson-player').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${DOCS}lesson-beat-390.png` });
  await page.getByTestId('lesson-skip').click();
  await page.waitForSelector('[data-testid="lesson-verdict"][data-state="passed"]', { timeout: 15_000 });
  assert.deepEqual(problems, []);
});
