// The operator's nodetool verbs (docs/behaviour.md "Operator commands"): each checkable claim with
// its variants, on the shipped scenario files changed as each variant says; probes; restarts; bad input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, createSimulation, parseScenario, runScenario, type Report } from '../../src/engine';

type Doc = Record<string, unknown> & { settings: Record<string, unknown>; workload: unknown[]; faults: Record<string, unknown>[]; until: string };
const DIR = join(__dirname, '..', '..', 'scenarios');
const load = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Doc;
const run = (doc: unknown) => runScenario(doc);
function reportAt(doc: unknown, ms: number): Report {
  const sim = createSimulation(doc);
  sim.advanceTo(ms);
  return sim.report() as Report;
}
const withFaults = (doc: Doc, faults: Record<string, unknown>[], extra: Partial<Doc> = {}): Doc => ({ ...doc, faults, ...extra });

describe('claim 1: pausehandoff holds replay', () => {
  it('without resumehandoff, until 150 s: nothing delivered, 50 pending for B, B holds no key', () => {
    const doc = load('18-pausehandoff.json');
    const r = run({ ...doc, faults: doc.faults.filter((f) => f.nodetool !== 'resumehandoff'), until: '150s' });
    expect(r.hints).toMatchObject({ delivered: 0, pending: 50 });
    expect(r.nodes.A!.hintsPending).toEqual({ B: 50 });
    expect(r.nodes.B!.keys).toBe(0);
  });
  it('hints are still created and still expire while paused', () => {
    const doc = load('18-pausehandoff.json');
    const r = run({ ...doc, settings: { ...doc.settings, hintTtl: '60s' }, faults: doc.faults.filter((f) => f.nodetool !== 'resumehandoff') });
    expect(r.hints).toMatchObject({ created: 50, expired: 50, delivered: 0, pending: 0 });
  });
  it('a restart unpauses: the node starts with dispatch running', () => {
    const doc = load('18-pausehandoff.json');
    const r = run({ ...doc, faults: [...doc.faults.filter((f) => f.nodetool !== 'resumehandoff'), { at: '100s', kill: 'A' }, { at: '110s', restart: 'A' }] });
    expect(r.hints.delivered).toBe(50);
  });
});

describe('claim 2: disablehandoff stops creation only (Cassandra), replay too under scylla', () => {
  it('scylla preset: stored hints wait unreplayed, pending 20', () => {
    const doc = load('19-disablehandoff.json');
    const r = run({ ...doc, settings: { preset: 'scylla' } });
    expect(r.hints).toMatchObject({ created: 20, dropped: 20, delivered: 0, pending: 20 });
  });
  it('scylla preset: after enablehandoff A the 20 are delivered', () => {
    const doc = load('19-disablehandoff.json');
    const r = run({ ...doc, settings: { preset: 'scylla' }, faults: [...doc.faults, { at: '150s', nodetool: 'enablehandoff', node: 'A' }] });
    expect(r.hints).toMatchObject({ created: 20, dropped: 20, delivered: 20, pending: 0 });
  });
  it('replayWhenDisabled false under cassandra behaves as scylla', () => {
    const doc = load('19-disablehandoff.json');
    expect(run({ ...doc, settings: { preset: 'cassandra', replayWhenDisabled: false } }).hints).toMatchObject({ delivered: 0, pending: 20 });
  });
});

describe('claim 3: truncatehints', () => {
  it('a repair of A at 150 s leaves nothing under-replicated', () => {
    const doc = load('20-truncatehints.json');
    const r = run(withFaults(doc, [...doc.faults, { at: '150s', repair: 'A' }]));
    expect(r.hints.truncated).toBe(30);
    expect(r.replication.underReplicated).toBe(0);
  });
  it('without a target every target is truncated; hints still in the buffer survive', () => {
    const doc = load('20-truncatehints.json');
    // At 45 s the hints of 40 s are still in the 10 s buffer: none truncated, all replayed later.
    const r = run(withFaults(doc, [{ at: '10s', kill: 'C' }, { at: '45s', nodetool: 'truncatehints', node: 'A' }, { at: '90s', restart: 'C' }]));
    expect(r.hints).toMatchObject({ truncated: 0, delivered: 30 });
    const all = run(withFaults(doc, [{ at: '10s', kill: 'C' }, { at: '60s', nodetool: 'truncatehints', node: 'A' }, { at: '90s', restart: 'C' }]));
    expect(all.hints.truncated).toBe(30);
  });
  it('a hint past its TTL counts as expired, not truncated', () => {
    const doc = load('20-truncatehints.json');
    const r = run({ ...doc, settings: { preset: 'cassandra', hintTtl: '15s' } });
    expect(r.hints).toMatchObject({ truncated: 0, expired: 30 });
  });
  it('truncating another target deletes nothing', () => {
    const doc = load('20-truncatehints.json');
    const r = run(withFaults(doc, [{ at: '10s', kill: 'C' }, { at: '60s', nodetool: 'truncatehints', node: 'A', target: 'B' }, { at: '90s', restart: 'C' }]));
    expect(r.hints).toMatchObject({ truncated: 0, delivered: 30 });
  });
});

describe('claim 4: setmaxhintwindow at run time', () => {
  it('on one node only: the other keeps the scenario window', () => {
    const doc = load('21-setmaxhintwindow.json');
    const r = run(withFaults(doc, [{ at: '5s', nodetool: 'setmaxhintwindow', node: ['B'], maxHintWindow: '1ms' }, { at: '10s', kill: 'B' }, { at: '80s', restart: 'B' }]));
    expect(r.hints).toMatchObject({ created: 100, dropped: 0 });
  });
  it('null means no window; stored hints are untouched by a later window', () => {
    const doc = load('21-setmaxhintwindow.json');
    const r = run(withFaults(doc, [{ at: '10s', kill: 'B' }, { at: '50s', nodetool: 'setmaxhintwindow', node: 'A', maxHintWindow: '1ms' }, { at: '80s', restart: 'B' }]));
    expect(r.hints).toMatchObject({ created: 100, delivered: 100, dropped: 0 });
    expect(run({ ...doc, faults: [{ at: '5s', nodetool: 'setmaxhintwindow', node: '*', maxHintWindow: null }, ...doc.faults.slice(1)] }).hints.created).toBe(100);
  });
  it('a restart brings back the scenario window', () => {
    const doc = load('21-setmaxhintwindow.json');
    const r = run(withFaults(doc, [doc.faults[0]!, { at: '6s', kill: 'A' }, { at: '7s', restart: 'A' }, ...doc.faults.slice(1)]));
    expect(r.hints.created).toBe(100);
  });
});

describe('claim 5: disablegossip marks the node down at once', () => {
  it('with kill B instead: nothing hinted by 12.5 s (B still believed alive)', () => {
    const doc = load('22-disablegossip.json');
    const r = run(withFaults(doc, [{ at: '10s', kill: 'B' }], { until: '12.5s' }));
    expect(r.hints.created).toBe(0);
  });
  it('without enablegossip B stays down for A; the gossip-off node still applies what is sent to it', () => {
    const doc = load('22-disablegossip.json');
    const r = run(withFaults(doc, [doc.faults[0]!]));
    expect(r.hints).toMatchObject({ created: 10, delivered: 0, pending: 10 });
    expect(r.nodes.B!.state).toBe('up');
  });
});

describe('claim 6: drain keeps buffered hints', () => {
  it('with kill A at 33 s instead: the 5 buffered hints are lost', () => {
    const doc = load('23-drain.json');
    const r = run(withFaults(doc, doc.faults.map((f) => (f.nodetool === 'drain' ? { at: '33s', kill: 'A' } : f))));
    expect(r.hints).toMatchObject({ created: 5, lost: 5 });
  });
  it('a drained node is down until restarted', () => {
    const doc = load('23-drain.json');
    expect(reportAt(doc, 40_000).nodes.A!.state).toBe('down');
  });
});

describe('sethintedhandoffthrottle', () => {
  it('a lower rate slows the next dispatch', () => {
    const doc = load('18-pausehandoff.json');
    const base = { ...doc, faults: doc.faults.filter((f) => f.nodetool !== 'pausehandoff'), until: '75s' };
    const fast = run(base);
    const slow = run({ ...base, faults: [{ at: '1s', nodetool: 'sethintedhandoffthrottle', node: 'A', hintReplayRate: 1 }, ...base.faults] });
    expect(fast.hints.delivered).toBe(50);
    expect(slow.hints.delivered).toBeGreaterThan(0);
    expect(slow.hints.delivered).toBeLessThan(20);
  });
});

describe('probes and unchanged runs', () => {
  it('a probe leaves no event in the trace and changes no report (the file lists its probes last)', () => {
    const doc = load('18-pausehandoff.json');
    const without = run({ ...doc, faults: doc.faults.filter((f) => !['statushandoff', 'listpendinghints'].includes(f.nodetool as string)) });
    expect(run(doc)).toEqual(without);
  });
  it('a probe prints what the node held at its time: the pause and the 50 pending hints at 100 s, none after the resume', () => {
    const doc = load('18-pausehandoff.json');
    const probed = withFaults(doc, [...doc.faults, { at: '200s', nodetool: 'listpendinghints', node: 'A' }, { at: '20s', nodetool: 'statushandoff', node: 'B' }]);
    const sim = createSimulation(probed);
    sim.advanceTo(240_000);
    const log = sim.snapshot().probes ?? [];
    expect(log.map((p) => `${p.at} ${p.node} ${p.verb}`)).toEqual(['20000 B statushandoff', '100000 A statushandoff', '100000 A listpendinghints', '200000 A listpendinghints']);
    expect(log[0]).toMatchObject({ up: false, view: null });
    expect(log[1]!.view).toMatchObject({ handoffEnabled: true, dispatchPaused: true });
    expect(log[2]!.view!.pending).toEqual([expect.objectContaining({ target: 'B', hints: 50 })]);
    expect(log[3]!.view!.pending).toEqual([]);
    expect(log[2]!.beliefs.find((b) => b.peer === 'B')?.alive).toBe(true);
    // Printing changes nothing: same trace as the run without probes, jumped or stepped.
    const bare = createSimulation(withFaults(doc, doc.faults.filter((f) => !['statushandoff', 'listpendinghints'].includes(f.nodetool as string))));
    bare.advanceTo(240_000);
    expect(sim.snapshot().traceHash).toBe(bare.snapshot().traceHash);
    const stepped = createSimulation(probed);
    while (stepped.now < 240_000 && stepped.step());
    expect((stepped.snapshot().probes ?? []).map((p) => [p.at, p.view?.pending.length])).toEqual(log.map((p) => [p.at, p.view?.pending.length]));
  });
  it('a down node ignores the command', () => {
    const doc = load('21-setmaxhintwindow.json');
    const r = run(withFaults(doc, [{ at: '1s', kill: 'A' }, { at: '5s', nodetool: 'setmaxhintwindow', node: 'A', maxHintWindow: '1ms' }, { at: '6s', restart: 'A' }, { at: '40s', kill: 'B' }], { workload: [{ at: '70s', write: { key: 'k', value: 'v', consistency: 'ONE', coordinator: 'A' } }] }));
    expect(r.hints.created).toBe(1);
  });
});

describe('bad input names the field', () => {
  const base = { format: 'hintscope/scenario@1', name: 'x', cluster: { nodes: ['A', 'B'] }, until: '1m' };
  const bad: [string, Record<string, unknown>, string][] = [
    ['verb not a string', { nodetool: 3, node: 'A' }, 'faults[0].nodetool'],
    ['unknown verb', { nodetool: 'pausehandof', node: 'A' }, 'faults[0].nodetool'],
    ['datacenter verb, unknown dc', { nodetool: 'disablehintsfordc', node: 'A', dc: 'dc1' }, 'faults[0].dc'],
    ['datacenter verb without dc', { nodetool: 'enablehintsfordc', node: 'A' }, 'faults[0].dc'],
    ['dc on another verb', { nodetool: 'pausehandoff', node: 'A', dc: 'datacenter1' }, 'faults[0].dc'],
    ['node missing', { nodetool: 'pausehandoff' }, 'faults[0].node'],
    ['node unknown', { nodetool: 'pausehandoff', node: 'Z' }, 'faults[0].node'],
    ['node empty array', { nodetool: 'pausehandoff', node: [] }, 'faults[0].node'],
    ['node repeated', { nodetool: 'pausehandoff', node: ['A', 'A'] }, 'faults[0].node[1]'],
    ['target unknown', { nodetool: 'truncatehints', node: 'A', target: 'Z' }, 'faults[0].target'],
    ['target on another verb', { nodetool: 'pausehandoff', node: 'A', target: 'B' }, 'faults[0].target'],
    ['rate missing', { nodetool: 'sethintedhandoffthrottle', node: 'A' }, 'faults[0].hintReplayRate'],
    ['rate not finite', { nodetool: 'sethintedhandoffthrottle', node: 'A', hintReplayRate: 'fast' }, 'faults[0].hintReplayRate'],
    ['rate <= 0', { nodetool: 'sethintedhandoffthrottle', node: 'A', hintReplayRate: 0 }, 'faults[0].hintReplayRate'],
    ['rate on another verb', { nodetool: 'drain', node: 'A', hintReplayRate: 5 }, 'faults[0].hintReplayRate'],
    ['window missing', { nodetool: 'setmaxhintwindow', node: 'A' }, 'faults[0].maxHintWindow'],
    ['window not a duration', { nodetool: 'setmaxhintwindow', node: 'A', maxHintWindow: 'soon' }, 'faults[0].maxHintWindow'],
    ['window outside 0..30d', { nodetool: 'setmaxhintwindow', node: 'A', maxHintWindow: '31d' }, 'faults[0].maxHintWindow'],
    ['window on another verb', { nodetool: 'truncatehints', node: 'A', maxHintWindow: '1h' }, 'faults[0].maxHintWindow'],
    ['another fault kind', { nodetool: 'drain', node: 'A', kill: 'A' }, 'faults[0]'],
  ];
  it.each(bad)('%s', (_what, fault, field) => {
    expect(() => parseScenario({ ...base, faults: [fault] })).toThrow(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: `));
  });
  it('settings.replayWhenDisabled must be a boolean', () => {
    expect(() => parseScenario({ ...base, settings: { replayWhenDisabled: 'no' } })).toThrow(/^settings\.replayWhenDisabled: /);
  });
  it('replayWhenDisabled defaults: cassandra, dynamo, riak true; scylla false', () => {
    for (const [preset, v] of [['cassandra', true], ['scylla', false], ['dynamo', true], ['riak', true]] as const) {
      expect(parseScenario({ ...base, settings: { preset } }).settings.replayWhenDisabled).toBe(v);
    }
  });
});

describe('nodetool as a user command (the console)', () => {
  it('is logged and replays: a session with it gives the same trace as live', () => {
    const doc = load('18-pausehandoff.json');
    const scenario = { ...doc, faults: doc.faults.filter((f) => f.nodetool === undefined) };
    const live = createSimulation(scenario);
    live.advanceTo(5_000);
    live.apply({ type: 'nodetool', verb: 'pausehandoff', node: 'A' });
    live.advanceTo(150_000);
    expect((live.report() as Report).hints).toMatchObject({ delivered: 0, pending: 50, truncated: 0 });
    live.apply({ type: 'nodetool', verb: 'resumehandoff', node: ['A'] });
    live.advanceTo(live.until);
    const replayed = createSession(scenario, live.commandLog);
    replayed.advanceTo(replayed.until);
    expect(replayed.traceHash()).toBe(live.traceHash());
    expect((replayed.report() as Report).hints.delivered).toBe(50);
  });
  it('a bad command is refused naming its field; a probe is not a command', () => {
    const sim = createSimulation(load('18-pausehandoff.json'));
    expect(() => sim.apply({ type: 'nodetool', verb: 'nope', node: 'A' })).toThrow(/^verb: /);
    expect(() => sim.apply({ type: 'nodetool', verb: 'pausehandoff', node: 'Z' })).toThrow(/^node: /);
    expect(() => sim.apply({ type: 'nodetool', verb: 'truncatehints', node: 'A', target: 'Q' })).toThrow(/^target: /);
    expect(() => sim.apply({ type: 'nodetool', verb: 'setmaxhintwindow', node: 'A', maxHintWindow: '99d' })).toThrow(/^maxHintWindow: /);
    expect(() => sim.apply({ type: 'nodetool', verb: 'statushandoff', node: 'A' })).toThrow(/^verb: /);
    expect(sim.commandLog).toHaveLength(0);
  });
  it('a session file whose log has a bad nodetool command names log[i].command', () => {
    const doc = load('18-pausehandoff.json');
    expect(() => createSession(doc, [{ at: 1, command: { type: 'nodetool', verb: 'pausehandoff', node: 'Z' } }])).toThrow(/^log\[0\]\.command\.node: /);
  });
});
