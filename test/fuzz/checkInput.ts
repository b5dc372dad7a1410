// The input fuzzer's oracle. Every input is read as the CLI reads a file (in process: the same
// calls as src/cli/sim.ts's runOf), as the page reads a file, a paste or a link (parseImport,
// parseLink, decodeSession), and a session's parts through validateSession. Each either accepts
// it or refuses it with a ScenarioError / ImportError whose message names its field — the CLI's
// exit 2 — and never throws anything else (the CLI's exit 1). The page and the CLI accept the same
// files. What is accepted is run, bounded by engine events: past the budget it is "slow", not a crash.
import { parseScenario, ScenarioError, startReplay, type LoggedCommand, type Scenario } from '../../src/engine';
import { decodeSession, ImportError, parseImport, parseLink, readSessionText, tooDeep, validateSession } from '../../src/session';
import type { FuzzInput } from './inputs';

export type Verdict = 'accepted' | 'refused' | 'slow' | 'crash';

export interface InputOutcome {
  /** What the CLI would do: exit 0 (accepted: ran to the end; slow: past the budget), 2 (refused), 1 (crash). */
  verdict: Verdict;
  /** Oracle violations, one line each (a crash on any path is one). */
  problems: string[];
  events: number;
  /** Why a run was cut short, or the refusal's message. */
  detail: string;
}

/** The harness's memory budget for the Merkle trees one repair session snapshots (the 512 MB). */
export const REPAIR_MEMORY_BUDGET = 512 * 2 ** 20;

/** Bytes of the trees repair sessions may hold at once: dense trees of 2^(depth+1) 32-bit cells. */
export function repairTreeBytes(p: Scenario, log: readonly LoggedCommand[]): number {
  const periodic = (p.settings.antiEntropyInterval ?? 0) > 0;
  if (!periodic && !p.faults.some((f) => f.kind === 'repair') && !log.some((c) => c.command.type === 'repair')) return 0;
  const rf = p.replicationFactor;
  const ranges = Math.min(p.nodes.length * p.vnodes, p.vnodes * rf);
  const perSession = ranges * rf * 2 ** (p.settings.merkleDepth + 1) * 4;
  return perSession * (periodic ? p.nodes.length : 1);
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

interface Run { verdict: 'accepted' | 'slow'; events: number; detail: string }

/** Replays an accepted session (scenario + log) and runs it to `at` (or until), within `budget` events. */
function runAccepted(scenario: unknown, log: readonly LoggedCommand[], at: number | null, budget: number): Run {
  const parsed = parseScenario(scenario);
  const bytes = repairTreeBytes(parsed, log);
  if (bytes > REPAIR_MEMORY_BUDGET) return { verdict: 'slow', events: 0, detail: `repair trees of about ${Math.round(bytes / 2 ** 20)} MB, over the ${REPAIR_MEMORY_BUDGET / 2 ** 20} MB budget: not run` };
  const replay = startReplay(scenario, log);
  const sim = replay.sim as unknown as { events: number; until: number; advanceTo(ms: number, max?: number): boolean };
  while (!replay.run(Math.max(1, budget - sim.events), Infinity)) {
    if (sim.events >= budget) return { verdict: 'slow', events: sim.events, detail: `replaying the log passed ${budget} events` };
  }
  const to = at ?? sim.until;
  if (!sim.advanceTo(to, Math.max(0, budget - sim.events))) return { verdict: 'slow', events: sim.events, detail: `running to ${to} ms passed ${budget} events` };
  return { verdict: 'accepted', events: sim.events, detail: '' };
}

/** As src/cli/sim.ts reads a file: a session file replayed to its `at`, or a scenario run to its until. */
function asCli(text: string, budget: number, problems: string[]): Run | 'refused' | 'crash' {
  try {
    const s = readSessionText(text);
    if (s) return runAccepted(s.scenario, s.log, s.at, budget);
    return runAccepted(text, [], null, budget);
  } catch (e) {
    const bad = badRefusal(e, 'CLI');
    if (!bad) return 'refused';
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
export function checkInput(input: FuzzInput, budget: number): InputOutcome {
  const problems: string[] = [];
  const cli = asCli(input.text, budget, problems);
  const page = asPage(input, problems);
  asParts(input, problems);
  if (input.kind === 'scenario' || input.kind === 'session') {
    const cliAccepts = cli !== 'refused' && cli !== 'crash';
    if (page !== null && cli !== 'crash' && page !== cliAccepts) problems.push(`the page ${page ? 'accepts' : 'refuses'} this file, the CLI ${cliAccepts ? 'accepts' : 'refuses'} it`);
  }
  let run: Run | 'refused' | 'crash' = cli;
  if (input.kind === 'link' || input.kind === 'random-link') {
    // The CLI reads no links: run what the page accepted.
    run = 'refused';
    if (page) {
      try {
        const s = parseLink(input.text)!;
        run = runAccepted(s.scenario, s.log, s.at, budget);
      } catch (e) {
        const bad = badRefusal(e, 'run of an accepted link');
        if (bad) { problems.push(bad); run = 'crash'; }
      }
    }
  }
  if (run === 'crash' || problems.some((p) => p.includes('threw'))) return { verdict: 'crash', problems, events: 0, detail: '' };
  if (run === 'refused') return { verdict: 'refused', problems, events: 0, detail: '' };
  return { verdict: run.verdict, problems, events: run.events, detail: run.detail };
}
