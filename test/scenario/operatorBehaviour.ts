// The behaviour each operator (nodetool) scenario of scenarios/ shows: the checkable claims of
// docs/behaviour.md "Operator commands", on the shipped files themselves (variants in operator.test.ts).
import { expect } from 'vitest';
import { createSimulation, type Report } from '../../src/engine';

type Json = Record<string, unknown> & { settings: Record<string, unknown>; workload: unknown[]; faults: unknown[] };

function reportAt(doc: unknown, ms: number): Report {
  const sim = createSimulation(doc);
  sim.advanceTo(ms);
  return sim.report() as Report;
}

export const OPERATOR_BEHAVIOUR: Record<string, (doc: Json, r: Report) => void> = {
  '18-pausehandoff.json': (doc, r) => {
    // Claim 1: paused from 0, B back at 60 s, at 150 s nothing delivered and all 50 pending for B.
    const mid = reportAt(doc, 150_000);
    expect(mid.hints).toMatchObject({ created: 50, delivered: 0, truncated: 0 });
    expect(mid.nodes.A!.hintsPending).toEqual({ B: 50 });
    expect(mid.nodes.B!.keys).toBe(0);
    // resumehandoff at 150 s: by 240 s all 50 delivered.
    expect(r.hints).toMatchObject({ created: 50, delivered: 50, pending: 0 });
    expect(r.nodes.B!.keys).toBe(50);
  },
  '19-disablehandoff.json': (_doc, r) => {
    // Claim 2 (Cassandra): 20 stored before the switch, 20 refused after; stored ones still replayed.
    expect(r.hints).toMatchObject({ created: 20, dropped: 20, delivered: 20, pending: 0 });
    expect(r.nodes.C!.keys).toBe(20);
  },
  '20-truncatehints.json': (_doc, r) => {
    // Claim 3: the 30 hints for C deleted; C gets nothing; nothing lost (A and B hold every write).
    expect(r.hints).toMatchObject({ created: 30, truncated: 30, delivered: 0, pending: 0 });
    expect(r.nodes.C!.keys).toBe(0);
    expect(r.replication.underReplicated).toBe(30);
    expect(r.lostAcknowledgedWrites).toBe(0);
  },
  '21-setmaxhintwindow.json': (_doc, r) => {
    // Claim 4: a 1 ms window set at run time refuses all 100 hints.
    expect(r.hints).toMatchObject({ created: 0, dropped: 100 });
    expect(r.nodes.B!.keys).toBe(0);
  },
  '22-disablegossip.json': (doc, r) => {
    // Claim 5: A marks B down on its shutdown announcement, so the 11 s writes are hinted by 12.5 s.
    expect(reportAt(doc, 12_500).hints.created).toBe(10);
    // enablegossip at 20 s: A sees B up and replays them.
    expect(r.hints).toMatchObject({ created: 10, delivered: 10 });
    expect(r.nodes.B!.keys).toBe(10);
  },
  '23-drain.json': (_doc, r) => {
    // Claim 6: drain flushed the 2 s old hints, so none is lost and all 5 reach C.
    expect(r.hints).toMatchObject({ created: 5, lost: 0, delivered: 5 });
  },
};
