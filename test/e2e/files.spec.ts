// Files and exports in the browser: the Export menu downloads a session file, the report, the
// event log, the ring as SVG and PNG (each checked); the session file opened in a fresh page by
// the file picker, the paste box and a drop reproduces the trace hash; and the strict CSP of
// index.html holds throughout (no violation reported).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, launch, waitForNumber } from './helpers';

const OUT = fileURLToPath(new URL('../../test-results/exports/', import.meta.url));
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const problems: string[] = [];
const saved: Record<string, string> = {};

async function watch(p: Page): Promise<void> {
  // Registered before any page script: CSP violations are events, whatever the console says.
  await p.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  p.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  p.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
}

async function exportAs(kind: string): Promise<string> {
  await page.getByTestId('export-button').click();
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.getByTestId(`export-${kind}`).click()]);
  const path = `${OUT}${dl.suggestedFilename()}`;
  await dl.saveAs(path);
  saved[kind] = path;
  return path;
}

const traceHash = (p: Page) => p.evaluate(() => document.querySelector('[data-testid="trace-hash"]')?.textContent?.trim() ?? '');

before(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launch();
  ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  page = await ctx.newPage();
  await watch(page);
  await page.goto(BASE_URL, { waitUntil: 'load' });
  await page.getByTestId('node-C').waitFor({ state: 'visible', timeout: 15_000 });
  await page.getByTestId('workload-toggle').check();
  await page.getByTestId('speed').selectOption('25');
  await waitForNumber(page, '[data-testid="counter-writes-acked"]', (n) => n >= 20, 30_000);
  await page.getByTestId('node-C').click();
  await page.getByRole('dialog', { name: 'Node C actions' }).getByRole('button', { name: 'Kill C' }).click();
  await waitForNumber(page, '[data-testid="counter-hints-pending"]', (n) => n > 0, 60_000);
  await page.getByTestId('play-toggle').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="play-toggle"]')?.getAttribute('aria-label') === 'Play');
  // A write whose key needs CSV quoting (a comma and a quote) and a value a spreadsheet would run.
  const form = page.getByTestId('write-form');
  await form.locator('input[name="key"]').fill('a,b"c');
  await form.locator('input[name="value"]').fill('=1+1');
  await form.locator('button[value="write"]').click();
  await page.locator('[data-testid="event-log"]').getByText('a,b"c', { exact: false }).first().waitFor();
});

after(async () => {
  await browser?.close();
});

test('the index.html CSP is strict', async () => {
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-eval/);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
  // The built page connects nowhere and runs only its own workers (dev's ws: / blob: are dropped).
  assert.match(csp, /connect-src 'self'(;|$)/);
  assert.match(csp, /worker-src 'self'(;|$)/);
});

test('Export → Session file: the format of the README, with the trace hash shown', async () => {
  const file = JSON.parse(readFileSync(await exportAs('session'), 'utf8'));
  assert.equal(file.format, 'hintscope/session@1');
  assert.equal(file.scenario.format, 'hintscope/scenario@1');
  assert.ok(Array.isArray(file.log) && file.log.some((c: { command: { type: string } }) => c.command.type === 'kill'));
  assert.equal(file.traceHash, await traceHash(page));
  assert.ok(file.at > 0);
});

test('Export → Report: the report format of scenario-format.md', async () => {
  const r = JSON.parse(readFileSync(await exportAs('report'), 'utf8'));
  assert.equal(r.format, 'hintscope/report@1');
  for (const k of ['scenario', 'seed', 'simulatedMs', 'writes', 'reads', 'hints', 'repair', 'nodes', 'replication', 'lostAcknowledgedWrites', 'events', 'traceHash']) assert.ok(k in r, `report.${k}`);
  assert.equal(r.writes.attempted, r.writes.acknowledged + r.writes.failed + r.writes.pending);
  assert.equal(r.hints.created, r.hints.delivered + r.hints.expired + r.hints.lost + r.hints.pending);
  assert.equal(r.nodes.C.state, 'down');
  assert.deepEqual(Object.keys(r.nodes).sort(), ['A', 'B', 'C', 'D', 'E', 'F']);
  assert.equal(r.traceHash, await traceHash(page));
});

/** RFC 4180 parsing, enough for the check. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test('Export → Event log: CSV with a header and well-formed rows', async () => {
  const rows = parseCsv(readFileSync(await exportAs('events'), 'utf8'));
  assert.deepEqual(rows[0], ['seq', 'time_ms', 'time', 'kind', 'node', 'key', 'text']);
  assert.ok(rows.length >= 3, `rows: ${rows.length}`);
  for (const r of rows.slice(1)) {
    assert.equal(r.length, 7, `row ${r.join('|')}`);
    assert.ok(Number.isFinite(Number(r[1])));
  }
  assert.ok(rows.some((r) => r[3] === 'fault' && /C/.test(r[6] ?? '')), 'the kill of C is in the log');
  const write = rows.find((r) => r[5] === 'a,b"c');
  assert.ok(write, 'the key with a comma and a quote survives the round trip');
  assert.equal(write[3], 'write');
  assert.match(write[6]!, /^Write a,b"c==1\+1/);
});

test('Export → Ring SVG: parses, has the nodes, opens in Chromium as an image', async () => {
  const path = await exportAs('svg');
  const svg = readFileSync(path, 'utf8');
  assert.equal(svg.match(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g)?.length, 1, 'one namespace declaration');
  const info = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, nodes: doc.querySelectorAll('[data-testid^="node-"]').length, root: doc.documentElement.nodeName };
  }, svg);
  assert.equal(info.error, null);
  assert.equal(info.root, 'svg');
  assert.ok(info.nodes >= 6, `nodes: ${info.nodes}`);
  const viewer = await ctx.newPage();
  await viewer.goto(`file://${path}`);
  const size = await viewer.evaluate(() => {
    const r = document.documentElement.getBoundingClientRect();
    return { w: r.width, h: r.height, name: document.documentElement.nodeName };
  });
  assert.equal(size.name, 'svg');
  assert.ok(size.w >= 600 && size.h >= 600);
  await viewer.close();
  // And as an <img> (what a slide or a document does with it): it decodes and is not blank.
  const drawn = await page.evaluate(async (text) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 200;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0, 200, 200);
    const px = g.getImageData(0, 0, 200, 200).data;
    const colours = new Set<number>();
    for (let i = 0; i < px.length; i += 4) colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
    return { w: img.naturalWidth, colours: colours.size };
  }, svg);
  assert.ok(drawn.w > 0);
  assert.ok(drawn.colours > 20, `colours: ${drawn.colours}`);
});

test('Export → Ring PNG: a real PNG, 1280 px, not blank', async () => {
  const png = readFileSync(await exportAs('png'));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.readUInt32BE(16), 1280);
  assert.equal(png.readUInt32BE(20), 1280);
  assert.ok(png.length > 20_000, `size ${png.length}`);
  assert.deepEqual(problems, []);
});

test('the session file reopens in a fresh page with the same trace hash (picker, paste box, drop)', async () => {
  const path = saved.session ?? (await exportAs('session'));
  const text = readFileSync(path, 'utf8');
  const want = JSON.parse(text).traceHash as string;
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const p = await fresh.newPage();
  await watch(p);
  await p.goto(BASE_URL, { waitUntil: 'load' });
  await p.getByTestId('node-A').waitFor({ state: 'visible', timeout: 15_000 });
  assert.notEqual(await traceHash(p), want);

  await p.getByTestId('import-open').click();
  await p.getByTestId('import-file-input').setInputFiles(path);
  await p.waitForFunction((h) => document.querySelector('[data-testid="trace-hash"]')?.textContent?.trim() === h, want, { timeout: 60_000 });
  assert.equal(await p.getByTestId('node-C').getAttribute('data-state'), 'down');
  await p.getByTestId('import-dialog').waitFor({ state: 'detached' });

  // Move on, then open it again by pasting it.
  await p.getByTestId('step').click();
  await p.waitForFunction((h) => document.querySelector('[data-testid="trace-hash"]')?.textContent?.trim() !== h, want);
  await p.getByTestId('import-open').click();
  await p.getByTestId('import-paste').fill(text);
  await p.getByTestId('import-paste-open').click();
  await p.waitForFunction((h) => document.querySelector('[data-testid="trace-hash"]')?.textContent?.trim() === h, want, { timeout: 60_000 });

  // And by dropping it.
  await p.getByTestId('step').click();
  await p.waitForFunction((h) => document.querySelector('[data-testid="trace-hash"]')?.textContent?.trim() !== h, want);
  await p.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'session.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await p.waitForFunction((h) => document.querySelector('[data-testid="trace-hash"]')?.textContent?.trim() === h, want, { timeout: 60_000 });
  assert.deepEqual(problems, []);
  await fresh.close();
});

test('a long session replays with progress while the running one goes on; Cancel leaves it untouched', async () => {
  const heavy = JSON.stringify({
    format: 'hintscope/session@1',
    scenario: {
      format: 'hintscope/scenario@1', name: 'Heavy', cluster: { nodes: 64, vnodes: 16 },
      workload: [{ from: 0, to: '1h', rate: 2000, keys: 10000 }], until: '1h',
    },
    log: [{ at: 900_000, command: { type: 'kill', node: 'n3' } }],
    at: 900_000,
  });
  const hash = await traceHash(page);
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-paste').fill(heavy);
  await page.getByTestId('import-paste-open').click();
  await page.getByTestId('import-progress').waitFor({ state: 'visible', timeout: 10_000 });
  // The page stays responsive and the old session is still the one shown.
  assert.equal(await traceHash(page), hash);
  assert.equal(await page.getByTestId('node-A').count(), 1);
  await page.getByTestId('import-progress').getByRole('button', { name: 'Cancel opening the session' }).click();
  await page.getByTestId('import-error').filter({ hasText: 'cancelled' }).waitFor({ timeout: 10_000 });
  await page.getByTestId('import-progress').waitFor({ state: 'detached' });
  assert.equal(await traceHash(page), hash);
  assert.equal(await page.getByTestId('node-A').count(), 1);
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
});
