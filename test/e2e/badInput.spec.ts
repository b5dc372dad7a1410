// The bad-input corpus (test/fixtures/bad) in the browser: every file through the file picker,
// a drop on the page and a paste on the page; every bad link through the address bar of the
// running tab and the paste box. Each must be refused with its field named, while the session
// that was running stays exactly as it was (same nodes, same moment, same trace hash), with no
// page error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { badFiles, badLinks, type BadInput } from '../fixtures/bad/corpus';
import { BASE_URL, fingerprint, launch, openPage, screenshot, type Fingerprint } from './helpers';

let browser: Browser;
let page: Page;
let problems: string[];
let before0: Fingerprint;



before(async () => {
  browser = await launch();
  ({ page, problems } = await openPage(browser));
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  // Some history, then stand still so the moment and the trace hash can be compared.
  await page.getByTestId('node-C').click();
  await page.getByRole('dialog', { name: 'Node C actions' }).getByRole('button', { name: 'Kill C' }).click();
  await page.getByTestId('play-toggle').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="play-toggle"]')?.getAttribute('aria-label') === 'Play');
  await page.waitForFunction(() => /^[0-9a-f]{16}$/.test(document.querySelector('[data-testid="trace-hash"]')?.textContent ?? ''));
  before0 = await fingerprint(page);
  assert.ok(before0.nodes.length === 6, `six nodes, got ${before0.nodes.join(',')}`);
});

after(async () => {
  await browser?.close();
});

/** Waits for the dialog's error, checks its field and the untouched session, closes the dialog. */
async function expectRefused(bad: BadInput, how: string): Promise<void> {
  const error = page.getByTestId('import-error');
  await error.waitFor({ state: 'visible', timeout: 10_000 });
  const field = (await page.getByTestId('import-error-field').textContent())?.trim();
  // A whole-input problem names the input: the file, or the pasted text.
  const want = bad.field === 'file' && /paste/.test(how) ? 'pasted text' : bad.field;
  assert.equal(field, want, `${bad.name} via ${how}: field named`);
  assert.match((await error.textContent()) ?? '', bad.says, `${bad.name} via ${how}: explanation`);
  assert.deepEqual(await fingerprint(page), before0, `${bad.name} via ${how}: the running session is untouched`);
  await page.keyboard.press('Escape');
  await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
}

test('every bad file through the file picker is refused, naming its field', async () => {
  for (const bad of badFiles()) {
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file-input').setInputFiles({ name: bad.name, mimeType: 'application/json', buffer: Buffer.from(bad.text) });
    await expectRefused(bad, 'file picker');
  }
  assert.deepEqual(problems, []);
});

test('every bad file dropped on the page is refused; the drop target shows while dragging', async () => {
  let first = true;
  for (const bad of badFiles()) {
    await page.evaluate(([name, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      (window as unknown as { __dt: DataTransfer }).__dt = dt;
    }, [bad.name, bad.text] as const);
    await page.getByTestId('drop-overlay').waitFor({ state: 'visible' });
    if (first) {
      await screenshot(page, 'drop-overlay');
      first = false;
    }
    await page.evaluate(() => {
      const dt = (window as unknown as { __dt: DataTransfer }).__dt;
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
    await expectRefused(bad, 'drop');
  }
  assert.deepEqual(problems, []);
});

test('every bad file pasted on the page (Ctrl/Cmd+V outside a text field) is refused', async () => {
  for (const bad of badFiles()) {
    // An empty file pastes nothing that looks like a session: the page ignores it.
    if (bad.text.trim() === '') continue;
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, bad.text);
    await expectRefused(bad, 'page paste');
  }
  assert.deepEqual(problems, []);
});

test('bad files in the paste box are refused', async () => {
  const small = badFiles().filter((b) => b.text.trim() !== '' && b.text.length < 20_000);
  assert.ok(small.length >= 20);
  for (const bad of small) {
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-paste').fill(bad.text);
    await page.getByTestId('import-paste-open').click();
    await expectRefused(bad, 'paste box');
  }
  assert.deepEqual(problems, []);
});

test('bad share links are refused in the running tab (address bar and paste box)', async () => {
  for (const bad of badLinks()) {
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, bad.text);
    await expectRefused(bad, 'address bar');
  }
  for (const bad of badLinks().filter((b) => b.text.length < 20_000)) {
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-paste').fill(`${BASE_URL}${bad.text}`);
    await page.getByTestId('import-paste-open').click();
    await expectRefused(bad, 'paste box link');
  }
  assert.deepEqual(problems, []);
});

test('after all that, the same session still runs and nothing was injected', async () => {
  assert.deepEqual(await fingerprint(page), before0);
  // Nothing from a file reached the DOM as markup (html-in-node-name, extra-session-key).
  assert.equal(await page.locator('img[src="x"], b:text("x")').count(), 0);
  assert.equal(await page.evaluate(() => ({} as Record<string, unknown>).polluted), undefined);
  await page.getByTestId('play-toggle').click();
  await page.waitForFunction((c) => document.querySelector('[data-testid="clock"]')?.textContent !== c, before0.clock);
  assert.deepEqual(problems, []);
});

test('an error message, as the user sees it', async () => {
  await page.getByTestId('import-open').click();
  const bad = badFiles().find((b) => b.name === 'rf-above-nodes.json')!;
  await page.getByTestId('import-file-input').setInputFiles({ name: bad.name, mimeType: 'application/json', buffer: Buffer.from(bad.text) });
  await page.getByTestId('import-error').waitFor({ state: 'visible' });
  await screenshot(page, 'import-error-1280');
  await page.keyboard.press('Escape');
});
