// Shared helpers for the browser specs (run by scripts/e2e.mjs, which sets BASE_URL and
// CHROME_PATH and serves the built app).
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import lz from 'lz-string';
import { findChrome } from '../../scripts/find-chrome.mjs';

/** Where the built app is served, e.g. http://127.0.0.1:PORT/course/hintscope/ */
export const BASE_URL = process.env.BASE_URL ?? '';

/** A scenario shipped in scenarios/ (its file name), parsed. */
export const shippedScenario = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'));

/** The fragment of a share link carrying `session` ({ v: 1, scenario, log?, at? }). */
export const shareFragment = (session: unknown): string => '#s=' + lz.compressToEncodedURIComponent(JSON.stringify(session));

/** Two regions, one cut off: the datacenter specs' scenario. */
export const REGIONS_FILE = '36-two-regions-one-cut-off.json';

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

// Why these flags: we run as root (no sandbox possible), with no GPU, and on a closed
// network where Chromium's background connections are refused many at a time.
const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium (the system one; Playwright's download can't be fetched here). */
export async function launch(): Promise<Browser> {
  if (!BASE_URL) throw new Error('BASE_URL is not set: run the browser specs with `npm run test:e2e`.');
  const executablePath = process.env.CHROME_PATH || findChrome({ install: false });
  return chromium.launch({ executablePath, headless: true, args: CHROME_ARGS });
}

/** Saves a full-page PNG to test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = `${RESULTS_DIR}${name.replace(/\.png$/, '')}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Waits until the first integer in the text of `selector` (thousands separators allowed;
 * null while the element is missing or has no number) satisfies `predicate`.
 * Why this shape: the predicate is an ordinary Node closure, so it cannot run in the
 * page; instead the page waits (waitForFunction, no sleeps) for the value to *change*,
 * and Node re-checks the predicate on each new value. Resolves to the accepted value.
 */
export async function waitForNumber(
  page: Page,
  selector: string,
  predicate: (n: number) => boolean,
  timeoutMs = 10_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  // Page functions are serialised, so the parsing is written out in each of the two.
  let last = await page.evaluate((sel: string): number | null => {
    const m = document.querySelector(sel)?.textContent?.match(/-?\d[\d,]*/);
    return m ? Number.parseInt(m[0].replace(/,/g, ''), 10) : null;
  }, selector);
  for (;;) {
    if (last !== null && predicate(last)) return last;
    const remaining = deadline - Date.now();
    try {
      if (remaining <= 0) throw new Error('timeout');
      const handle = await page.waitForFunction(
        ([sel, prev]) => {
          const m = document.querySelector(sel)?.textContent?.match(/-?\d[\d,]*/);
          const now = m ? Number.parseInt(m[0].replace(/,/g, ''), 10) : null;
          return now !== prev ? { now } : false; // wrapped: a bare 0 would read as "not yet"
        },
        [selector, last] as const,
        { timeout: remaining },
      );
      last = ((await handle.jsonValue()) as { now: number | null }).now;
    } catch (err) {
      if (err instanceof Error && /timeout/i.test(err.message)) {
        throw new Error(
          `waitForNumber("${selector}"): ${predicate.toString()} did not hold within ${timeoutMs} ms; ` +
            `last seen value: ${last === null ? 'no number (element missing or empty)' : last}`,
          { cause: err },
        );
      }
      throw err;
    }
  }
}

/** A new page that records page errors and console errors into `problems` (a spec asserts it stays empty). */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 720 }): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  return { page, problems };
}

export interface App {
  browser: Browser;
  page: Page;
  /** Page errors and console errors seen so far (see openPage). */
  problems: string[];
}

/** Launches Chromium and opens one page on it (not navigated yet; see openPage). */
export async function openApp(viewport = { width: 1280, height: 720 }): Promise<App> {
  const browser = await launch();
  try {
    return { browser, ...(await openPage(browser, viewport)) };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/**
 * The before/after of a spec that drives one page: before its tests, opens the app (openApp)
 * and hands it to `onOpen`; after them, closes the browser.
 */
export function useApp(onOpen: (app: App) => void, viewport = { width: 1280, height: 720 }): void {
  let browser: Browser | undefined;
  before(async () => {
    const app = await openApp(viewport);
    browser = app.browser;
    onOpen(app);
  });
  after(async () => {
    await browser?.close();
  });
}

/** The selector of a counter in the Counters panel, e.g. counter('hints-pending'). */
export const counter = (name: string): string => `[data-testid="counter-${name}"]`;

/** What a refused input must leave as it was: the nodes, the clock and the trace hash on screen. */
export interface Fingerprint {
  nodes: string[];
  clock: string;
  trace: string;
}

export async function fingerprint(p: Page): Promise<Fingerprint> {
  return p.evaluate(() => ({
    nodes: [...document.querySelectorAll('[data-testid^="node-"]')].map((n) => n.getAttribute('data-testid')!).filter((t) => /^node-[^-]+$/.test(t)),
    clock: document.querySelector('[data-testid="clock"]')?.textContent ?? '',
    trace: document.querySelector('[data-testid="trace-hash"]')?.textContent ?? '',
  }));
}

/** Waits until the lesson player is ready for its next step (the lesson built, or a step done). */
export const lessonReady = (page: Page) =>
  page.waitForFunction(() => document.querySelector('[data-testid="lesson-player"]')?.getAttribute('data-phase') === 'ready', undefined, { timeout: 30_000 });
