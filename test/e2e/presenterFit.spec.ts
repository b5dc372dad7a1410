// Presenter mode fits 1280×720 for every lesson step and interview question: no panel scrolls,
// nothing is clipped, ring type is at least 18 px (the catalogue is walked, so new lessons are
// covered). Its own file: the walk is long, and the runner's timeout is per file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { INTERVIEW, LESSONS, type Lesson } from '../../src/lessons';
import { BASE_URL, launch, lessonReady, openPage } from './helpers';

let browser: Browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});


/** What overflows in presenter mode: a panel that scrolls, anything past the viewport, type under 18 px on the ring. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    if (document.documentElement.scrollHeight > vh + 1) bad.push(`page scrolls: ${document.documentElement.scrollHeight} > ${vh}`);
    if (document.documentElement.scrollWidth > vw + 1) bad.push(`page scrolls sideways: ${document.documentElement.scrollWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('.lesson-player, .lesson-player *, .panel')) {
      if (el.offsetParent === null || el.closest('.sr-only')) continue;
      if (el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible') bad.push(`${el.className || el.tagName} scrolls: ${el.scrollHeight} > ${el.clientHeight}`);
      const r = el.getBoundingClientRect();
      if (r.bottom > vh + 1 || r.right > vw + 1) bad.push(`${el.className || el.tagName} past the viewport: ${Math.round(r.right)}×${Math.round(r.bottom)}`);
    }
    // Names, state tags ("DOWN", "seen down by 5/5") and hint badges: the screen size after every transform.
    for (const t of document.querySelectorAll<SVGTextElement>('.ring-svg .glyph-name, .ring-svg .glyph-tags text, .ring-svg .hint-badge text')) {
      const px = parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1);
      if (px < 17.95) bad.push(`ring label ${t.textContent} is ${px.toFixed(1)} px`);
    }
    for (const c of document.querySelectorAll<HTMLElement>('.ring-callout-box')) {
      const px = parseFloat(getComputedStyle(c).fontSize);
      if (px < 18) bad.push(`callout is ${px} px`);
    }
    return [...new Set(bad)].slice(0, 8);
  });
}

/** Walks every step of a lesson or question and returns what overflowed where (all of it, not only the first). */
async function walk(page: Page, kind: 'lesson' | 'interview', l: Lesson): Promise<string[]> {
  const found: string[] = [];
  const note = (when: string, bad: string[]) => found.push(...bad.map((b) => `${kind} ${l.id}, ${when}: ${b}`));
  await page.goto('about:blank'); // a new hash alone would not reload the app
  await page.goto(`${BASE_URL}#${kind}=${l.id}${kind === 'interview' ? '&predict=1' : ''}`, { waitUntil: 'load' });
  await lessonReady(page);
  if (!(await page.locator('.app.presenter').count())) await page.getByTestId('presenter-button').first().click();
  await page.waitForSelector('.app.presenter');
  for (let i = 0; i < l.steps.length; i++) {
    if (i > 0) await page.getByTestId('lesson-next').click();
    note(`step ${i + 1} before it runs`, await overflow(page));
    await page.getByTestId('lesson-run').click();
    await page.getByTestId('lesson-skip').click({ timeout: 5_000 }).catch(() => undefined);
    await page.waitForSelector('[data-testid="lesson-player"][data-phase="ready"] [data-testid="lesson-verdict"][data-state="passed"]', { timeout: 30_000 });
    note(`step ${i + 1} after it ran`, await overflow(page));
  }
  return found;
}

test('presenter mode fits 1280×720 for every lesson step: no panel scrolls, nothing clipped, type ≥ 18 px', async () => {
  const { page, problems } = await openPage(browser, { width: 1280, height: 720 });
  const found: string[] = [];
  for (const l of LESSONS) found.push(...(await walk(page, 'lesson', l)));
  assert.deepEqual(found, [], 'captions and verdicts included');
  assert.deepEqual(problems, []);
});

test('presenter mode fits 1280×720 for every interview question, its model answer included', async () => {
  const { page, problems } = await openPage(browser, { width: 1280, height: 720 });
  const found: string[] = [];
  for (const q of INTERVIEW) found.push(...(await walk(page, 'interview', q)));
  assert.deepEqual(found, [], 'choices, verdicts and model answers included');
  assert.deepEqual(problems, []);
});
