// A phone (390 × 844, touch): every visible control is at least 44 × 44 px (offenders listed),
// the page speaks of taps rather than keys, "Learn" is on the first screen, and the key
// inspector's token and the write form's status stay inside their boxes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, launch } from './helpers';

const PHONE = { width: 390, height: 844 };
let browser: Browser;
let context: BrowserContext;
before(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
});
after(async () => {
  await browser?.close();
});

async function open(hash = ''): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.goto(`${BASE_URL}${hash}`, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  return { page, problems };
}

/** Visible controls smaller than 44 × 44 px (a checkbox or radio counts by its label, which takes the tap). */
const smallTargets = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], summary')) {
      const box = (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') && el.closest('label')) || el;
      const r = box.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden' || el.closest('.sr-only')) continue;
      const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 24) ?? '';
      if (r.width < 44 || r.height < 44) out.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });

/** The element's text runs past its own box or past `container`'s. */
const overflows = (page: Page, selector: string, container: string) =>
  page.evaluate(
    ([sel, box]) => {
      const el = document.querySelector<HTMLElement>(sel)!;
      const outer = el.closest<HTMLElement>(box)!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return el.scrollWidth > el.clientWidth + 1 || r.right > outer.right + 0.5 || r.left < outer.left - 0.5;
    },
    [selector, container] as const,
  );

test('phone: every visible control in the lab, Settings and an interview is at least 44 × 44 px', async () => {
  const { page, problems } = await open();
  assert.deepEqual(await smallTargets(page), [], 'the lab');
  await page.getByTestId('settings-open').click();
  await page.getByRole('dialog', { name: 'Settings' }).waitFor();
  assert.deepEqual(await smallTargets(page), [], 'Settings');
  await page.close();
  const q = await open('#interview=hint-window');
  await q.page.getByTestId('choice-0').waitFor({ timeout: 30_000 });
  assert.deepEqual(await smallTargets(q.page), [], 'an interview question');
  await q.page.close();
  assert.deepEqual([...problems, ...q.problems], []);
});

test('phone: touch wording, no key hints; Learn on the first screen and it leads to the lessons', async () => {
  const { page, problems } = await open();
  assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true, 'the context emulates a finger');
  assert.match((await page.locator('.pick-hint').textContent()) ?? '', /tap a message/);
  assert.doesNotMatch((await page.locator('.pick-hint').textContent()) ?? '', /click/i);
  assert.equal(await page.locator('kbd:visible').count(), 0, 'no key hints shown');
  const learn = page.getByTestId('learn-top-link');
  const box = await learn.boundingBox();
  assert.ok(box && box.y + box.height <= PHONE.height, `Learn is on the first screen (${JSON.stringify(box)})`);
  assert.equal(await page.evaluate(() => scrollY), 0);
  await learn.tap();
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid="learn-panel"]')!.getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight;
  });
  assert.equal(await page.evaluate(() => location.hash), '', 'the fragment (share links) stays');
  await page.close();
  // On a desktop screen the lessons are on the first screen already: no link.
  const desk = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await desk.goto(BASE_URL, { waitUntil: 'load' });
  await desk.getByTestId('learn-panel').waitFor({ timeout: 15_000 });
  assert.equal(await desk.getByTestId('learn-top-link').isVisible(), false);
  await desk.close();
  assert.deepEqual(problems, []);
});

test('phone: the inspector token and the write status stay in their boxes', async () => {
  const { page, problems } = await open();
  const key = 'customer:0123456789-abcdefghijklmnopqrstuvwxyz';
  await page.getByTestId('inspect-key').fill(key);
  await page.getByTestId('inspect-key').press('Enter');
  await page.getByTestId('inspector-token').waitFor();
  assert.equal(await overflows(page, '[data-testid="inspector-token"]', '[data-testid="inspector"]'), false, 'token');
  const form = page.getByTestId('write-form');
  await form.getByRole('textbox').first().fill(key);
  await form.getByRole('button', { name: 'Write' }).tap();
  await page.waitForFunction(() => (document.querySelector('.form-status')?.textContent ?? '').startsWith('Sent'));
  assert.equal(await overflows(page, '.form-status', '[data-testid="write-form"]'), false, 'write status');
  await page.screenshot({ path: 'test-results/phone-forms.png', fullPage: true });
  await page.close();
  assert.deepEqual(problems, []);
});
