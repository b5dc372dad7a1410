// Share inside a lesson, and an embed link given to an open lab (#14), in Chromium:
// - Share inside a lesson gives one link: it opens the lesson at its step, with the same trace
//   hash; if the lesson cannot be opened (an id this build does not know), the run inside opens;
// - an old lesson link and an old share link still open (lessons.spec.ts, links.spec.ts);
// - `#s=…&embed=1` set on a lab already open (a hash change) turns it into the embed at that moment.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { encodeSession } from '../../src/session';
import { BASE_URL, launch, openPage } from './helpers';

let browser: Browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('Share inside a lesson: one link with the lesson and its step; it opens the lesson there, with the same trace', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}#lesson=holder-loss&step=2`, { waitUntil: 'load' });
  await page.waitForFunction(
    () => document.querySelector('[data-testid="lesson-step-count"]')?.textContent === 'step 2 of 5' && document.querySelector('[data-testid="lesson-verdict"]')?.getAttribute('data-state') === 'passed',
    undefined,
    { timeout: 30_000 },
  );
  await page.getByTestId('share-button').click();
  await page.waitForFunction(() => ((document.querySelector('[data-testid="share-link"]') as HTMLInputElement | null)?.value ?? '').includes('&s='));
  const url = await page.getByTestId('share-link').inputValue();
  assert.match(url, /#lesson=holder-loss&step=2&s=[A-Za-z0-9+$-]+$/);
  assert.equal(await page.getByTestId('share-lesson-link').count(), 0, 'no separate lesson link beside it');
  const hash = (await page.getByTestId('share-trace').textContent())!.trim();

  const { page: other, problems: otherProblems } = await openPage(browser);
  await other.goto(url, { waitUntil: 'load' });
  await other.waitForFunction((want) => document.querySelector('[data-testid="lesson-step-count"]')?.textContent === want, 'step 2 of 5', { timeout: 60_000 });
  await other.waitForFunction((h) => document.querySelector('[data-testid="trace-hash"]')?.textContent?.trim() === h, hash, { timeout: 60_000 });

  // The same link with a lesson this build does not know: the run inside it opens, exactly.
  const { page: third } = await openPage(browser);
  await third.goto(url.replace('#lesson=holder-loss', '#lesson=no-such-lesson'), { waitUntil: 'load' });
  const alert = third.getByRole('alert').filter({ hasText: /lesson link/ });
  await alert.waitFor({ timeout: 15_000 });
  assert.match((await alert.textContent())!, /no lesson "no-such-lesson"\. Opened the shared run instead/);
  await third.waitForFunction((h) => document.querySelector('[data-testid="trace-hash"]')?.textContent?.trim() === h, hash, { timeout: 60_000 });
  assert.equal(await third.getByTestId('lesson-player').count(), 0);
  assert.deepEqual(problems, []);
  assert.deepEqual(otherProblems, []);
});

test('an embed link set on an open lab (a hash change) turns it into the embed at the link\'s moment', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  assert.equal(await page.getByTestId('embed').count(), 0);
  const scenario = {
    format: 'hintscope/scenario@1',
    name: 'Embedded by a hash change',
    cluster: { nodes: ['A', 'B', 'C', 'D'], vnodes: 4, replicationFactor: 3 },
    workload: [{ from: '0s', to: '5m', rate: 10, keys: 100 }],
    faults: [{ at: '10s', kill: 'D' }],
    until: '5m',
  };
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `${encodeSession({ scenario: scenario as never, at: 42_000 })}&embed=1`);
  await page.getByTestId('embed').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => (document.querySelector('[data-testid="clock"]')?.textContent ?? '').includes('0:00:42'), undefined, { timeout: 60_000 });
  assert.equal(await page.getByTestId('embed-caption').textContent(), scenario.name);
  assert.equal(await page.getByTestId('share-button').count(), 0, 'the lab is gone: the embed shows');
  assert.deepEqual(problems, []);
});
