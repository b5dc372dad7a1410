import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1280, height: 720 } });
await p.goto('http://127.0.0.1:4803/#lesson=replay');
await p.waitForFunction(() => document.querySelector('[data-testid="lesson-player"]')?.getAttribute('data-phase') === 'ready', undefined, { timeout: 30000 });
await p.getByTestId('lesson-run').click();
const t0 = Date.now();
let last = '';
while (Date.now() - t0 < 15000) {
  const s = await p.evaluate(() => { const b = document.querySelector('[data-testid="lesson-beat"]'); return b ? `${b.getAttribute('data-pace')} ${b.getAttribute('data-in-flight')} ${b.textContent} | ${document.querySelector('[data-testid=clock]')?.textContent}` : 'none'; });
  if (s !== last) { console.log(Date.now() - t0, s); last = s; }
  await p.waitForTimeout(50);
}
await b.close();
