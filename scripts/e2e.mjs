// Browser tests: build the app, serve dist/ under a sub-path, run test/e2e/**/*.spec.ts
// with Node's own test runner (playwright-core driving Debian's Chromium).
//
//   node scripts/e2e.mjs [--no-build] [--dist DIR] [spec files...]
//
// Always ends with the line `N passed, N failed` and writes test-results/e2e.json
// ({ passed, failed, error? }) for scripts/test-all.mjs. A harness problem (no Chromium,
// build failed, no specs, runner died) counts as one failure rather than a stack trace.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome } from './find-chrome.mjs';
import { serveStatic } from './static-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'test-results');
const TAP_FILE = join(RESULTS, 'e2e.tap');
const SPEC_DIR = join(ROOT, 'test/e2e');
// A hung browser must not eat CI's whole budget.
const RUN_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 10 * 60_000);

class HarnessError extends Error {}

function parseArgs(argv) {
  const opts = { build: true, dist: join(ROOT, 'dist'), specs: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') opts.build = false;
    else if (argv[i] === '--dist') opts.dist = resolve(argv[++i] ?? '');
    else opts.specs.push(resolve(argv[i]));
  }
  return opts;
}

/** Runs a command with live output; resolves to its exit code (killed on timeout). */
function run(cmd, args, env = process.env, timeoutMs = 0) {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = timeoutMs ? setTimeout(() => {
      console.error(`e2e: ${cmd} still running after ${timeoutMs} ms; killing it.`);
      child.kill('SIGKILL');
    }, timeoutMs) : undefined;
    child.on('error', (err) => { console.error(`e2e: cannot start ${cmd}: ${err.message}`); ok(127); });
    child.on('close', (code) => { clearTimeout(timer); ok(code ?? 1); });
  });
}

function findSpecs() {
  if (!existsSync(SPEC_DIR)) return [];
  return readdirSync(SPEC_DIR, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.spec.ts') && !f.split(/[\\/]/).includes('node_modules'))
    .sort()
    .map((f) => join(SPEC_DIR, f));
}

/** node:test's TAP summary: the last `# pass N` / `# fail N` / `# cancelled N` lines. */
function parseTap(text) {
  const last = (key) => {
    const all = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  const passed = last('pass');
  const failed = last('fail');
  if (passed === undefined || failed === undefined) return undefined;
  return { passed, failed: failed + (last('cancelled') ?? 0) };
}

async function main(opts) {
  // Chromium first: it may need installing, and there is no point building without it.
  let chrome;
  try {
    chrome = findChrome();
  } catch (err) {
    throw new HarnessError(err instanceof Error ? err.message : String(err));
  }
  console.log(`e2e: Chromium at ${chrome}`);

  if (opts.build) {
    if (!existsSync(join(ROOT, 'index.html'))) throw new HarnessError('index.html is missing at the project root: there is no app to build yet.');
    console.log('e2e: building with `npx vite build` ...');
    const code = await run('npx', ['vite', 'build', '--outDir', opts.dist, '--emptyOutDir']);
    if (code !== 0) throw new HarnessError(`vite build failed (exit ${code}); see its output above.`);
  }
  if (!existsSync(join(opts.dist, 'index.html'))) {
    throw new HarnessError(`${relative(ROOT, opts.dist) || opts.dist}/index.html does not exist: nothing to serve.`);
  }
  const specs = opts.specs.length ? opts.specs : findSpecs();
  if (specs.length === 0) throw new HarnessError('no test/e2e/**/*.spec.ts files found.');

  const server = await serveStatic(opts.dist);
  console.log(`e2e: serving ${relative(ROOT, opts.dist) || opts.dist} at ${server.url}`);
  try {
    rmSync(TAP_FILE, { force: true });
    const code = await run(process.execPath, [
      '--import', 'tsx', '--test', '--test-timeout=240000', // per file: the presenter walk visits every lesson step
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${TAP_FILE}`,
      ...specs,
    ], { ...process.env, BASE_URL: server.url, CHROME_PATH: chrome }, RUN_TIMEOUT_MS);
    const counts = existsSync(TAP_FILE) ? parseTap(readFileSync(TAP_FILE, 'utf8')) : undefined;
    if (!counts) throw new HarnessError(`the test runner exited ${code} without a summary.`);
    // A non-zero exit with no failing test (e.g. a crash after the summary) still fails.
    if (code !== 0 && counts.failed === 0) return { ...counts, failed: 1, error: `test runner exited ${code}` };
    return counts;
  } finally {
    await server.close();
  }
}

const opts = parseArgs(process.argv.slice(2));
mkdirSync(RESULTS, { recursive: true });
let result;
try {
  result = await main(opts);
} catch (err) {
  if (!(err instanceof HarnessError)) throw err; // a bug in this script: keep the trace
  console.error(`\ne2e: ERROR: ${err.message}`);
  result = { passed: 0, failed: 1, error: err.message };
}
writeFileSync(join(RESULTS, 'e2e.json'), JSON.stringify(result) + '\n');
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed > 0 || result.passed === 0 ? 1 : 0);
