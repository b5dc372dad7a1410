// The input fuzzer's oracle. Every input is read as the CLI reads a file (in process: the same
// calls as src/cli/sim.ts's runOf), as the page reads a file, a paste or a link (parseImport,
// parseLink, decodeSession), and a session's parts through validateSession. Each either accepts
// it or refuses it with a ScenarioError / ImportError whose message names its field — the CLI's
// exit 2 — and never throws anything else (the CLI's exit 1). The page and the CLI accept the same
// files. What is accepted is run, bounded by engine events: past the budget it is "slow", not a crash.
import { ScenarioError, startReplay, type LoggedCommand } from '../../src/engine';
import { decodeSession, ImportError, parseImport, parseLink, readSessionText, tooDeep, validateSession } from '../../src/session';
import type { FuzzInput } from './inputs';

export type Verdict = 'accepted' | 'refused' | 'slow' | 'hang' | 'crash';

export interface InputOutcome {
  /**
   * What the CLI would do: exit 0 (accepted: ran to the end; slow: past the event budget), 2
   * (refused), 1 (crash); hang: past the wall-clock deadline the full campaign sets.
   */
  verdict: Verdict;
  /** Oracle violations, one line each (a crash on any path is one). */
  problems: string[];
  events: number;
  /** Why a run was cut short, or the refusal's message. */
  detail: string;
}

/** null for a proper refusal (a ScenarioError or ImportError with a message, naming its field first); else the problem. */
export function badRefusal(e: unknown, where: string): string | null {
  if (e instanceof ScenarioError || e instanceof ImportError) {
    if (!e.message.trim()) return `${where}: ${e.name} with an empty message`;
    if (e.field && !e.message.startsWith(e.field)) return `${where}: ${e.name} for field "${e.field}" whose message does not name it: ${e.message}`;
    return null;
  }
  const err = e as Error;
  return `${where}: threw ${err?.name ?? typeof e} (not a refusal): ${err?.message ?? String(e)}`.slice(0, 400);
}

interface Run { verdict: 'accepted' | 'slow' | 'hang'; events: number; detail: string }

/** Events run between two looks at the clock when a deadline is set. */
const CHUNK = 2_000;

interface Bounds {
  /** Engine events. */
  budget: number;
  /** Date.now() past which the run is a hang (the full campaign only: the slice has vitest's timeout). */
  deadline?: number;
}

type Advancing = { events: number; until: number; advanceTo(ms: number, max?: number): boolean };

/** Advances towards `to` within the bounds, in chunks so that the deadline is looked at. */
function advanceWithin(sim: Advancing, to: number, b: Bounds): 'done' | 'slow' | 'hang' {
  for (;;) {
    const left = b.budget - sim.events;
    if (left <= 0) return 'slow';
    if (sim.advanceTo(to, b.deadline === undefined ? left : Math.min(left, CHUNK))) return 'done';
    if (b.deadline !== undefined && Date.now() > b.deadline) return 'hang';
  }
}

/** Replays an accepted session (scenario + log) and runs it to `at` (or until), within `budget` events. */
function runAccepted(scenario: unknown, log: readonly LoggedCommand[], at: number | null, b: Bounds): Run {
  const replay = startReplay(scenario, log);
  const sim = replay.sim as unknown as Advancing;
  const step = b.deadline === undefined ? Infinity : CHUNK;
  while (!replay.run(Math.max(1, Math.min(step, b.budget - sim.events)), 1)) {
    if (sim.events >= b.budget) return { verdict: 'slow', events: sim.events, detail: `replaying the log passed ${b.budget} events` };
    if (b.deadline !== undefined && Date.now() > b.deadline) return { verdict: 'hang', events: sim.events, detail: 'replaying the log passed the deadline' };
  }
  const to = at ?? sim.until;
  const end = advanceWithin(sim, to, b);
  if (end === 'slow') return { verdict: 'slow', events: sim.events, detail: `running to ${to} ms passed ${b.budget} events` };
  if (end === 'hang') return { verdict: 'hang', events: sim.events, detail: `running to ${to} ms passed the deadline at ${sim.events} events` };
  return { verdict: 'accepted', events: sim.events, detail: '' };
}

/**
 * As src/cli/sim.ts reads a file: a session file replayed to its `at`, or a scenario run to its
 * until. 'replay-refused': the file was valid but its replay refused it (a message command naming
 * no message in flight), which the page learns only when its worker replays it too.
 */
function asCli(text: string, b: Bounds, problems: string[]): Run | 'refused' | 'replay-refused' | 'crash' {
  let s;
  try {
    s = readSessionText(text);
    if (!s) return runAccepted(text, [], null, b);
  } catch (e) {
    const bad = badRefusal(e, 'CLI');
    if (!bad) return 'refused';
    problems.push(bad);
    return 'crash';
  }
  try {
    return runAccepted(s.scenario, s.log, s.at, b);
  } catch (e) {
    const bad = badRefusal(e, 'CLI (replay)');
    if (!bad) return 'replay-refused';
    problems.push(bad);
    return 'crash';
  }
}

/** As the page reads it: a file or a paste (parseImport), and a link also through parseLink and decodeSession. */
function asPage(input: FuzzInput, problems: string[]): boolean | null {
  const source = input.kind === 'scenario' || input.kind === 'session' ? 'file' : 'link';
  let accepted: boolean | null = null;
  try {
    parseImport(input.text, source);
    accepted = true;
  } catch (e) {
    const bad = badRefusal(e, `page (${source})`);
    if (bad) problems.push(bad);
    else accepted = false;
  }
  if (source === 'link') {
    try {
      parseLink(input.text);
    } catch (e) {
      const bad = badRefusal(e, 'parseLink');
      if (bad) problems.push(bad);
    }
    const i = input.text.indexOf('#s=');
    try {
      if (i >= 0) decodeSession(input.text.slice(i));
    } catch (e) {
      if ((e as Error)?.name !== 'LinkError') problems.push(`decodeSession: threw ${(e as Error)?.name}: ${(e as Error)?.message}`.slice(0, 400));
    }
  }
  return accepted;
}

/** A session file's parts through validateSession directly (within the nesting bound its callers check first). */
function asParts(input: FuzzInput, problems: string[]): void {
  if (input.kind !== 'session' || tooDeep(input.text)) return;
  let value: unknown;
  try {
    value = JSON.parse(input.text);
  } catch {
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const v = value as { scenario?: unknown; log?: unknown; at?: unknown };
  try {
    validateSession(v.scenario, v.log ?? [], v.at);
  } catch (e) {
    const bad = badRefusal(e, 'validateSession');
    if (bad) problems.push(bad);
  }
}

/** Every path for one input; `budget` bounds the run of what is accepted, in engine events. */
export function checkInput(input: FuzzInput, budget: number, deadline?: number): InputOutcome {
  const problems: string[] = [];
  const b: Bounds = { budget, deadline };
  const cli = asCli(input.text, b, problems);
  const page = asPage(input, problems);
  asParts(input, problems);
  if (input.kind === 'scenario' || input.kind === 'session') {
    const cliAccepts = cli !== 'refused' && cli !== 'crash'; // a replay refusal comes after the page accepted
    if (page !== null && cli !== 'crash' && page !== cliAccepts) problems.push(`the page ${page ? 'accepts' : 'refuses'} this file, the CLI ${cliAccepts ? 'accepts' : 'refuses'} it`);
  }
  let run: Run | 'refused' | 'replay-refused' | 'crash' = cli;
  if (input.kind === 'link' || input.kind === 'random-link') {
    // The CLI reads no links: run what the page accepted.
    run = 'refused';
    if (page) {
      try {
        const s = parseLink(input.text)!;
        run = runAccepted(s.scenario, s.log, s.at, b);
      } catch (e) {
        const bad = badRefusal(e, 'run of an accepted link');
        if (bad) { problems.push(bad); run = 'crash'; } else run = 'replay-refused';
      }
    }
  }
  if (run === 'crash' || problems.some((p) => p.includes('threw'))) return { verdict: 'crash', problems, events: 0, detail: '' };
  if (run === 'refused' || run === 'replay-refused') return { verdict: 'refused', problems, events: 0, detail: run === 'replay-refused' ? 'refused when replayed' : '' };
  return { verdict: run.verdict, problems, events: run.events, detail: run.detail };
}
