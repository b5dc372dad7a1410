// Every lesson and every interview demo runs in the browser — the worker acts through the
// command log and checks the live state — and every step's check passes. Also: the interview
// flow (predict, run, reveal), presenter mode at projector size, a lesson's session reproduced by
// its share link, and a bad lesson link.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { INTERVIEW, LESSONS, type Lesson } from '../../src/lessons';
import { BASE_URL, launch, lessonReady, openPage, screenshot } from './helpers';
import { seedOf, shuffleChoices } from '../../src/view/lessons/shuffle';

let browser: Browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

const verdict = (page: Page) => page.getByTestId('lesson-verdict');

/** Opens the picker from the Learn panel (or the player's "All lessons") and starts one. */
async function start(page: Page, kind: 'lesson' | 'interview', l: Lesson): Promise<void> {
  const inLesson = await page.getByTestId('lessons-switch').isVisible();
  await page.getByTestId(inLesson ? 'lessons-switch' : kind === 'interview' ? 'interview-button' : 'lessons-button').click();
  await page.getByTestId(`start-${kind}-${l.id}`).click();
  await page.waitForFunction((title) => document.querySelector('#lp-title')?.textContent === title && document.querySelector('[data-testid="lesson-player"]')?.getAttribute('data-phase') === 'ready', l.title, { timeout: 30_000 });
}

/** Runs step i (0-based) and returns its verdict state and text once the worker has checked it. */
async function runStep(page: Page, i: number, total: number): Promise<{ state: string; text: string }> {
  await page.waitForFunction((want) => document.querySelector('[data-testid="lesson-step-count"]')?.textContent === want, `step ${i + 1} of ${total}`);
  await page.getByTestId('lesson-run').click();
  // Steps play at human speed; here every check is wanted, so the rest of each step runs flat out.
  await page.getByTestId('lesson-skip').click({ timeout: 5_000 }).catch(() => undefined);
  await page.waitForFunction(
    () => {
      const phase = document.querySelector('[data-testid="lesson-player"]')?.getAttribute('data-phase');
      const state = document.querySelector('[data-testid="lesson-verdict"]')?.getAttribute('data-state');
      return phase === 'ready' && (state === 'passed' || state === 'failed');
    },
    undefined,
    { timeout: 30_000 },
  );
  return { state: (await verdict(page).getAttribute('data-state'))!, text: (await verdict(page).textContent())! };
}

async function runAll(page: Page, kind: 'lesson' | 'interview', list: readonly Lesson[]): Promise<void> {
  for (const l of list) {
    await start(page, kind, l);
    for (let i = 0; i < l.steps.length; i++) {
      if (kind === 'interview' && i === 0) await page.getByTestId('choice-0').click();
      const v = await runStep(page, i, l.steps.length);
      assert.equal(v.state, 'passed', `${l.id}, step ${i + 1} (${l.steps[i]!.title}): ${v.text}`);
      assert.match(v.text, /✓ Passed/);
      if (i + 1 < l.steps.length) await page.getByTestId('lesson-next').click();
    }
  }
}

test('every lesson runs in the browser and passes every check', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('learn-panel').waitFor({ timeout: 15_000 });
  await runAll(page, 'lesson', LESSONS);
  await page.getByTestId('lesson-leave').click();
  await page.getByTestId('learn-panel').waitFor();
  assert.deepEqual(problems, []);
});

test('every interview demo runs in the browser and passes every check', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('learn-panel').waitFor({ timeout: 15_000 });
  await runAll(page, 'interview', INTERVIEW);
  assert.deepEqual(problems, []);
});

test('interview flow: predict first, run the demo, then right or wrong and the model answer', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(BASE_URL, { waitUntil: 'load' });
  const q = INTERVIEW.find((x) => x.id === 'hint-window')!;
  await start(page, 'interview', q);
  assert.equal(await page.getByTestId('lesson-run').isDisabled(), true, 'Run waits for a prediction');
  assert.equal(await page.getByTestId('interview-reveal').count(), 0);
  const wrong = (q.correct + 1) % q.choices.length;
  await page.getByTestId(`choice-${wrong}`).click();
  assert.equal((await runStep(page, 0, q.steps.length)).state, 'passed');
  assert.equal(await page.getByRole('radio').nth(q.correct).isDisabled(), true, 'the prediction is locked once the demo ran');
  assert.equal(await page.getByTestId('interview-reveal').count(), 0, 'no reveal before the demo is over');
  await page.getByTestId('lesson-next').click();
  assert.equal((await runStep(page, 1, q.steps.length)).state, 'passed');
  for (let i = 2; i < q.steps.length; i++) {
    assert.equal(await page.getByTestId('interview-reveal').count(), 0, 'no reveal before the demo is over');
    await page.getByTestId('lesson-next').click();
    assert.equal((await runStep(page, i, q.steps.length)).state, 'passed');
  }
  const reveal = page.getByTestId('interview-reveal');
  await reveal.waitFor();
  // Numbered as shown: the options are shuffled per seed.
  const shownAt = shuffleChoices(q.choices.length, q.correct, seedOf(q.scenario), q.id).correctAt;
  assert.match((await reveal.textContent())!, new RegExp(`Not quite: the demo showed choice ${shownAt + 1}`));
  assert.match((await reveal.textContent())!, /max_hint_window/);
  assert.match((await page.getByTestId(`choice-${q.correct}`).textContent())!, /what happened/);
  await screenshot(page, 'interview-revealed');
  assert.deepEqual(problems, []);
});

test('presenter mode at 1280×720: ring, step and hint queues only, keyboard-driven steps, Esc leaves', async () => {
  const { page, problems } = await openPage(browser, { width: 1280, height: 720 });
  await page.goto(`${BASE_URL}#lesson=hint-for-down-replica`, { waitUntil: 'load' });
  await lessonReady(page);
  await page.locator('body').click({ position: { x: 5, y: 700 } }); // focus nowhere in particular
  await page.keyboard.press('f');
  await page.waitForSelector('.app.presenter');
  for (const id of ['ring', 'hint-queues', 'lesson-player']) assert.equal(await page.getByTestId(id).first().isVisible(), true, `${id} is shown`);
  for (const id of ['charts', 'workload-toggle']) assert.equal(await page.getByTestId(id).first().isVisible(), false, `${id} is hidden`);
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth && document.querySelector('[data-testid="lesson-player"]')!.getBoundingClientRect().right <= window.innerWidth);
  assert.equal(fits, true, 'nothing spills sideways at 1280 px');
  // → runs step 1; Space (not play) goes to step 2 once it passed; → runs it.
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid="lesson-verdict"][data-state="passed"]', { timeout: 30_000 });
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-step-count"]')?.textContent === 'step 2 of 2');
  assert.equal(await page.getByTestId('play-toggle').getAttribute('aria-label'), 'Play', 'Space did not start the clock');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid="lesson-verdict"][data-state="passed"]', { timeout: 30_000 });
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-step-count"]')?.textContent === 'step 1 of 2');
  await screenshot(page, 'presenter-mode');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.app:not(.presenter)');
  assert.deepEqual(problems, []);
});

test("a lesson's commands are in the session: its share link reproduces the trace hash", async () => {
  const { page } = await openPage(browser);
  await page.goto(`${BASE_URL}#lesson=holder-loss&step=5`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('[data-testid="lesson-step-count"]')?.textContent === 'step 5 of 5' && document.querySelector('[data-testid="lesson-verdict"]')?.getAttribute('data-state') === 'passed', undefined, { timeout: 30_000 });
  await page.getByTestId('share-button').click();
  // Inside a lesson the link is the lesson at its step carrying the run (`&s=`): it reopens the same run.
  await page.waitForFunction(() => ((document.querySelector('[data-testid="share-link"]') as HTMLInputElement | null)?.value ?? '').includes('&s='));
  const url = await page.getByTestId('share-link').inputValue();
  const hash = (await page.getByTestId('share-trace').textContent())!.trim();
  const { page: other, problems } = await openPage(browser);
  await other.goto(url, { waitUntil: 'load' });
  await other.waitForFunction((h) => document.querySelector('[data-testid="trace-hash"]')?.textContent?.trim() === h, hash, { timeout: 60_000 });
  assert.deepEqual(problems, []);
});

test('a bad lesson link names the field and opens the sandbox', async () => {
  const { page } = await openPage(browser);
  await page.goto(`${BASE_URL}#lesson=hint-window&step=9`, { waitUntil: 'load' });
  const alert = page.getByRole('alert').filter({ hasText: /lesson link/ });
  await alert.waitFor({ timeout: 15_000 });
  assert.match((await alert.textContent())!, /lesson link: step: expected 1 to 3/);
  await page.getByTestId('learn-panel').waitFor();
  assert.equal(await page.getByTestId('lesson-player').count(), 0);
});
