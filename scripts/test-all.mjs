// `npm test`: every check the project has, in one run, ending with ONE line
// `N passed, N failed` (CI reads that closing line). Every step runs even if an earlier
// one failed, so one run shows everything that is wrong.
//
// Counting: typecheck, lint, cycles and mutants are one check each; vitest and e2e count their tests.
// A runner that exits non-zero without reporting a failing test (a file that does not
// load, a crash, a missing report) adds one failure, so it can never pass silently.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'test-results');

function run(cmd, args) {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (err) => { console.error(`cannot start ${cmd}: ${err.message}`); ok(127); });
    child.on('close', (code) => ok(code ?? 1));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Adds one failure when the exit code says "failed" but the counts don't. */
function settle(code, passed, failed) {
  return { passed, failed: code !== 0 && failed === 0 ? failed + 1 : failed };
}

const steps = [
  ['typecheck', async () => {
    // The whole project, then the engine alone under ES2022 only (no DOM, worker or Node globals).
    const code = await run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
    const engine = await run('npx', ['tsc', '-p', 'tsconfig.engine.json', '--noEmit']);
    return code === 0 && engine === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  }],
  ['lint', async () => {
    const code = await run('npx', ['eslint', '.']);
    return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  }],
  ['cycles', async () => {
    // No import circle in src/, type-only imports included: a type that two modules need lives in
    // a third (dpdm lists each circle as a -> b -> … -> back to a).
    const code = await run('npm', ['run', '--silent', 'cycles']);
    return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  }],
  ['mutants', async () => {
    // Every lesson and interview step rerun with its mechanism switched off or flipped: each
    // mutant must make the step's check fail (scripts/mutants.ts prints the count).
    const code = await run('npx', ['tsx', 'scripts/mutants.ts']);
    return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  }],
  ['vitest', async () => {
    const file = join(RESULTS, 'vitest.json');
    rmSync(file, { force: true }); // a stale report must not count
    const code = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${file}`]);
    const r = readJson(file);
    if (!r) return { passed: 0, failed: 1, note: 'no JSON report' };
    return settle(code, r.numPassedTests ?? 0, r.numFailedTests ?? 0);
  }],
  ['e2e', async () => {
    const file = join(RESULTS, 'e2e.json');
    rmSync(file, { force: true });
    const code = await run(process.execPath, ['scripts/e2e.mjs']);
    const r = readJson(file);
    if (!r) return { passed: 0, failed: 1, note: 'no e2e.json report' };
    return { ...settle(code, r.passed ?? 0, r.failed ?? 0), note: r.error };
  }],
];

mkdirSync(RESULTS, { recursive: true });
const results = [];
for (const [name, step] of steps) {
  console.log(`\n━━━━ ${name} ━━━━`);
  const started = Date.now();
  results.push({ name, ...(await step()), secs: ((Date.now() - started) / 1000).toFixed(1) });
}

// The breakdown avoids the "N passed, N failed" shape so only the last line matches it.
console.log('\n━━━━ summary ━━━━');
for (const r of results) {
  const status = r.failed > 0 ? 'FAIL' : 'ok  ';
  console.log(`  ${status} ${r.name.padEnd(10)} pass ${String(r.passed).padStart(4)}  fail ${String(r.failed).padStart(3)}  ${r.secs}s${r.note ? `  (${r.note})` : ''}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
