// Random nodetool schedules on top of the property tests' cases (arbitraries.ts): verbs at random
// times on one node, several or "*", and at the end every verb that would keep a node from
// settling undone (resume, enable handoff, enable gossip), before the final repairs.
import fc from 'fast-check';
import { name, toScenario, type Case } from './arbitraries';

export type VerbSpec =
  | { at: number; verb: 'pausehandoff' | 'resumehandoff' | 'disablehandoff' | 'enablehandoff' | 'disablegossip' | 'enablegossip' | 'drain'; node: number; all: boolean }
  | { at: number; verb: 'truncatehints'; node: number; all: boolean; target: number | null }
  | { at: number; verb: 'sethintedhandoffthrottle'; node: number; all: boolean; rate: number }
  | { at: number; verb: 'setmaxhintwindow'; node: number; all: boolean; window: string | null }
  | { at: number; verb: 'statushandoff' | 'listpendinghints' | 'getmaxhintwindow'; node: number; all: boolean };

const SIMPLE = ['pausehandoff', 'resumehandoff', 'disablehandoff', 'enablehandoff', 'disablegossip', 'enablegossip', 'drain'] as const;
const PROBES = ['statushandoff', 'listpendinghints', 'getmaxhintwindow'] as const;

export const verbArb = (nodes: number, span: number): fc.Arbitrary<VerbSpec> => {
  const at = fc.integer({ min: 0, max: span * 1000 });
  const node = fc.integer({ min: 0, max: nodes - 1 });
  // Mostly one node; sometimes "*" (every node).
  const base = { at, node, all: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) };
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ ...base, verb: fc.constantFrom(...SIMPLE) }) },
    { weight: 2, arbitrary: fc.record({ ...base, verb: fc.constant('truncatehints' as const), target: fc.option(node, { nil: null }) }) },
    { weight: 1, arbitrary: fc.record({ ...base, verb: fc.constant('sethintedhandoffthrottle' as const), rate: fc.constantFrom(1, 5, 50, 5000) }) },
    { weight: 1, arbitrary: fc.record({ ...base, verb: fc.constant('setmaxhintwindow' as const), window: fc.constantFrom('1ms', '10s', '1h', null) }) },
    { weight: 1, arbitrary: fc.record({ ...base, verb: fc.constantFrom(...PROBES) }) },
  );
};

export interface OperatorCase { c: Case; verbs: VerbSpec[] }

export const operatorCaseArb = (caseArb: fc.Arbitrary<Case>): fc.Arbitrary<OperatorCase> =>
  caseArb.chain((c) => fc.array(verbArb(c.nodes, c.faultSpan), { maxLength: 8 }).map((verbs) => ({ c, verbs })));

export function verbEntry(v: VerbSpec): Record<string, unknown> {
  const e: Record<string, unknown> = { at: v.at, nodetool: v.verb, node: v.all ? '*' : name(v.node) };
  if (v.verb === 'truncatehints' && v.target !== null) e.target = name(v.target);
  if (v.verb === 'sethintedhandoffthrottle') e.hintReplayRate = v.rate;
  if (v.verb === 'setmaxhintwindow') e.maxHintWindow = v.window;
  return e;
}

/** The case's scenario with the verbs; at the end (after the restarts) every node resumes, hints and gossips again. */
export function toOperatorScenario(oc: OperatorCase): Record<string, unknown> & { faults: unknown[] } {
  return withUndo(toScenario(oc.c) as Record<string, unknown> & { faults: unknown[] }, oc.c.faultSpan, oc.verbs.map(verbEntry));
}

/**
 * A property scenario (toScenario) with `verbs` among its faults and, at its end phase, after the
 * restarts and before the repair rounds, every verb that would keep a node from settling undone.
 */
export function withUndo<D extends { faults: unknown[] }>(doc: D, faultSpan: number, verbs: readonly unknown[] = []): D {
  const end = `${faultSpan + 1}s`;
  const undo = ['resumehandoff', 'enablehandoff', 'enablegossip'].map((verb) => ({ at: end, nodetool: verb, node: '*' }));
  const first = doc.faults.findIndex((f) => (f as { at?: unknown }).at === end);
  let last = first;
  while (last < doc.faults.length && (doc.faults[last] as { at?: unknown }).at === end) last++;
  return { ...doc, faults: [...doc.faults.slice(0, first), ...verbs, ...doc.faults.slice(first, last), ...undo, ...doc.faults.slice(last)] };
}
