import { chromium } from 'playwright-core';
const [,, hash, out, w, h, presenter, run] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto('http://127.0.0.1:4803/' + hash);
await p.waitForFunction(() => document.querySelector('[data-testid="lesson-player"]')?.getAttribute('data-phase') === 'ready', undefined, { timeout: 30000 });
if (presenter === '1') { await p.getByTestId('presenter-button').first().click(); }
if (run) {
  await p.getByTestId('lesson-run').click();
  if (run === 'skip') { await p.getByTestId('lesson-skip').click(); await p.waitForSelector('[data-testid="lesson-verdict"][data-state="passed"]'); }
  else await p.waitForTimeout(+run);
}
await p.screenshot({ path: out });
await b.close();
