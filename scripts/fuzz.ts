// `npm run fuzz`: the full standing campaign of issue #12 — 1,000 seeded fault schedules and 2,000
// fuzzed inputs (scenario files, session files, share links) — printing runs, crashes, hangs and
// oracle violations, the inputs cut short as too costly ("slow"), and the time taken. A failure
// prints its seed and index; `npm run fuzz -- --schedules|--inputs --seed S --only N` replays one.
// A small sample of the inputs also goes through the real CLI (spawned: exit 0 or 2, one line).
//   --seed S        campaign seed (default 1)
//   --schedules N   schedules to run (default 1000; with --only, run schedules only)
//   --inputs N      inputs to run (default 2000; with --only, run inputs only)
//   --only I        run item I alone (verbose)
//   --cli N         inputs to spawn through the CLI (default 12)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyTally, inputStep, replayHint, scheduleStep, type Tally } from '../test/fuzz/campaign';
import { describeSchedule } from '../test/fuzz/runSchedule';
import type { FuzzInput } from '../test/fuzz/inputs';
import type { InputOutcome } from '../test/fuzz/checkInput';

/** Engine events an accepted input may run before it is reported slow and left. */
const INPUT_EVENTS = 100_000;
/** Wall time over which an input counts as slow (reported, not a failure); over HANG_MS it is a hang. */
const SLOW_MS = 2_000;
const HANG_MS = 10_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function args(argv: string[]) {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--') ? Number(argv[i + 1]) : undefined;
  };
  const only = get('--only');
  const wantS = argv.includes('--schedules');
  const wantI = argv.includes('--inputs');
  return {
    seed: get('--seed') ?? 1,
    only,
    schedules: only !== undefined ? (wantS || !wantI ? 1 : 0) : get('--schedules') ?? 1000,
    inputs: only !== undefined ? (wantI || !wantS ? 1 : 0) : get('--inputs') ?? 2000,
    cli: get('--cli') ?? 12,
  };
}

const print = (line: string) => process.stdout.write(`${line}\n`);

function summary(what: string, t: Tally, ms: number, extra = ''): void {
  print(`${what}: ${t.runs} runs, ${t.crashes} crashes, ${t.hangs} hangs, ${t.violations} oracle violations${extra} — ${(ms / 1000).toFixed(1)} s`);
  for (const f of t.failures.slice(0, 20)) print(`  FAIL ${f}`);
  if (t.failures.length > 20) print(`  … and ${t.failures.length - 20} more`);
}

function runSchedules(seed: number, count: number, only: number | undefined): Tally {
  const t = emptyTally();
  const start = Date.now();
  let events = 0;
  for (let k = 0; k < count; k++) {
    const i = only ?? k;
    const { schedule, outcome } = scheduleStep(seed, i, t);
    events += outcome.events;
    if (only !== undefined) print(`schedule ${i}: ${outcome.events} events, ${outcome.problems.length} problems\n${describeSchedule(schedule)}`);
    if (k % 100 === 99) print(`  … ${k + 1} schedules, ${((Date.now() - start) / 1000).toFixed(0)} s`);
  }
  summary(`schedules (seed ${seed})`, t, Date.now() - start, `; ${events.toLocaleString('en-US')} engine events`);
  return t;
}

/** Spawns the real CLI on one input written to a file: its exit must agree with the in-process verdict. */
function throughCli(dir: string, input: FuzzInput, outcome: InputOutcome): string | null {
  const file = join(dir, `input-${input.index}.json`);
  writeFileSync(file, input.text);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'sim.ts'), file, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  const want = outcome.verdict === 'refused' ? 2 : 0;
  if (r.status !== want) return `CLI exit ${r.status ?? r.signal} (want ${want}): ${r.stderr.trim().slice(0, 300)}`;
  if (want === 2 && r.stderr.trim().split('\n').length !== 1) return `CLI exit 2 with ${r.stderr.trim().split('\n').length} lines on stderr`;
  return null;
}

function cliEligible(input: FuzzInput, outcome: InputOutcome): boolean {
  if (input.kind !== 'scenario' && input.kind !== 'session') return false;
  return outcome.verdict === 'refused' || (outcome.verdict === 'accepted' && outcome.events < 50_000);
}

function runInputs(seed: number, count: number, only: number | undefined, cliSample: number): Tally {
  const t = emptyTally();
  const start = Date.now();
  const slowOnes: string[] = [];
  let wallSlow = 0;
  const dir = mkdtempSync(join(tmpdir(), 'hintscope-fuzz-'));
  let spawned = 0;
  try {
    for (let k = 0; k < count; k++) {
      const i = only ?? k;
      const { input, outcome, ms } = inputStep(seed, i, INPUT_EVENTS, false, t, HANG_MS);
      // Validation and building a simulation are not chunked: a hang there shows as the time taken.
      if (outcome.verdict !== 'hang' && ms > HANG_MS) {
        t.hangs++;
        t.failures.push(`input seed ${seed} index ${i} (${replayHint('inputs', seed, i)}): took ${ms} ms (over ${HANG_MS} ms), a ${input.kind} (${input.note.slice(0, 200)})`);
      } else if (outcome.verdict !== 'hang' && (outcome.verdict === 'slow' || ms > SLOW_MS)) {
        if (outcome.verdict !== 'slow') wallSlow++;
        slowOnes.push(`index ${i} (${ms} ms, ${outcome.verdict}${outcome.detail ? `: ${outcome.detail}` : ''}): a ${input.kind} (${input.note.slice(0, 160)})`);
      }
      if (only !== undefined) print(`input ${i}: ${outcome.verdict} in ${ms} ms ${outcome.detail}\n  ${outcome.problems.join('\n  ')}\n${input.text.slice(0, 4000)}`);
      if (spawned < cliSample && outcome.problems.length === 0 && cliEligible(input, outcome) && (only !== undefined || i % 7 === 0)) {
        spawned++;
        const bad = throughCli(dir, input, outcome);
        if (bad) {
          t.violations++;
          t.failures.push(`input seed ${seed} index ${i} through the CLI: ${bad}`);
        }
      }
      if (k % 250 === 249) print(`  … ${k + 1} inputs, ${((Date.now() - start) / 1000).toFixed(0)} s`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  summary(`inputs (seed ${seed})`, t, Date.now() - start, `; ${t.accepted} accepted and run, ${t.refused} refused naming a field, ${t.slow} slow (past ${INPUT_EVENTS.toLocaleString('en-US')} events), ${wallSlow} over ${SLOW_MS / 1000} s; ${spawned} also through the CLI`);
  for (const s of slowOnes.slice(0, 40)) print(`  slow ${s}`);
  if (slowOnes.length > 40) print(`  … and ${slowOnes.length - 40} more slow`);
  return t;
}

const a = args(process.argv.slice(2));
const started = Date.now();
const tallies: Tally[] = [];
if (a.schedules > 0) tallies.push(runSchedules(a.seed, a.schedules, a.only));
if (a.inputs > 0) tallies.push(runInputs(a.seed, a.inputs, a.only, a.cli));
const failed = tallies.reduce((n, t) => n + t.crashes + t.hangs + t.violations, 0);
print(`fuzz campaign, seed ${a.seed}: ${failed === 0 ? 'no failures' : `${failed} FAILURES`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = failed === 0 ? 0 : 1;
