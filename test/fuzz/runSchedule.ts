// Runs one fault schedule on the engine under the campaign's oracles: the report's identities at
// random moments and at the end, data and hints only on replicas, no acknowledged write lost (when
// no disk was wiped past the write level), every key fully replicated after heal and repairs,
// the session (scenario + command log) replays to the same trace hash and report, and no exception.
// A run is bounded by engine events, not by time: past the budget it is a hang.
import { createSession, parseScenario, type Report } from '../../src/engine';
import { Sim } from '../../src/engine/sim';
import { dataPlacementProblems, hintPlacementProblems, identities, moreIdentities, watchHintPages } from '../property/oracles';
import type { Schedule } from './schedules';

export interface ScheduleOutcome {
  /** One line per broken oracle; an exception is one too. */
  problems: string[];
  /** The run passed its event budget. */
  hang: boolean;
  crash: boolean;
  events: number;
}

function applyPlan(sim: Sim, s: Schedule, budget: number): boolean {
  for (const p of s.plan) {
    if (!sim.advanceTo(p.at, budget - sim.events)) return false;
    if ('command' in p) {
      sim.apply(p.command);
      continue;
    }
    const inFlight = sim.snapshot(10_000).messages;
    if (inFlight.length === 0) continue;
    const id = inFlight[Math.floor(p.pick * inFlight.length)]!.id;
    sim.apply(p.message === 'dropMessage' ? { type: 'dropMessage', id } : { type: 'delayMessage', id, byMs: p.byMs });
  }
  return true;
}

function endProblems(sim: Sim, s: Schedule, r: Report): string[] {
  const out = [...identities(r, 'at until'), ...moreIdentities(r, 'at until'), ...hintPlacementProblems(sim), ...dataPlacementProblems(sim)];
  if (!s.unrestrictedWipes && r.lostAcknowledgedWrites !== 0) out.push(`lostAcknowledgedWrites = ${r.lostAcknowledgedWrites} with no disk wiped past the write level`);
  // Heal, restarts and three rounds of repair of every node: converged, unless a write was lost outright.
  if (r.lostAcknowledgedWrites === 0 && r.replication.underReplicated !== 0) out.push(`underReplicated = ${r.replication.underReplicated} of ${r.replication.keys} keys after heal, restarts and repairs`);
  return out;
}

/** Runs schedule `s` within `budget` engine events per run (two runs: live, then the replay of its log). */
export function runSchedule(s: Schedule, budget: number): ScheduleOutcome {
  const problems: string[] = [];
  let sim: Sim | undefined;
  try {
    sim = new Sim(parseScenario(s.doc));
    watchHintPages(sim, problems);
    const probes = s.case.probes.map((p) => Math.round(p * sim!.until)).sort((a, b) => a - b);
    if (!applyPlan(sim, s, budget)) return { problems, hang: true, crash: false, events: sim.events };
    for (const t of probes) {
      if (t <= sim.now) continue;
      if (!sim.advanceTo(t, budget - sim.events)) return { problems, hang: true, crash: false, events: sim.events };
      const r = sim.report();
      problems.push(...identities(r, `at ${t} ms`), ...moreIdentities(r, `at ${t} ms`), ...hintPlacementProblems(sim));
    }
    if (!sim.advanceTo(sim.until, budget - sim.events)) return { problems, hang: true, crash: false, events: sim.events };
    const r = sim.report();
    problems.push(...endProblems(sim, s, r));
    // The session file of this run: the scenario and its command log replay to the same run.
    const again = createSession(s.doc, JSON.parse(JSON.stringify(sim.commandLog)));
    if (!again.advanceTo(again.until, budget)) problems.push('the replay of the command log passed the event budget the live run kept within');
    if (again.traceHash() !== sim.traceHash()) problems.push(`trace hash differs between the live run and the replay of its log: ${sim.traceHash()} vs ${again.traceHash()}`);
    else if (JSON.stringify(again.report()) !== JSON.stringify(r)) problems.push('reports differ between the live run and the replay of its log');
    return { problems: [...new Set(problems)], hang: false, crash: false, events: sim.events };
  } catch (e) {
    problems.push(`exception: ${(e as Error).stack ?? String(e)}`);
    return { problems, hang: false, crash: true, events: sim?.events ?? 0 };
  }
}

/** What to save to replay a failing schedule outside the campaign: the scenario and the log it ran. */
export function describeSchedule(s: Schedule): string {
  return JSON.stringify({ scenario: s.doc, plan: s.plan, unrestrictedWipes: s.unrestrictedWipes });
}
