// What the snapshot shows of cross-DC forwarding (check/forwardView.ts): the copy of a write sent to
// a relay names the others of its datacenter, the relay's onward copies are marked relayed, and
// none of it touches a run without datacenters or the trace.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, type MessageView } from '../../src/engine';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** Every distinct message seen in a snapshot after each event up to `ms`. */
function messagesSeen(scenario: unknown, ms: number): { seen: Map<number, MessageView>; dcOf: Map<string, string | undefined> } {
  const sim = createSimulation(scenario);
  const seen = new Map<number, MessageView>();
  while (sim.now < ms && sim.step()) for (const m of sim.snapshot(10_000).messages) seen.set(m.id, m);
  const snap = sim.snapshot();
  return { seen, dcOf: new Map(snap.nodes.map((n) => [n.id, n.dc])) };
}

describe('cross-DC forwarding in the snapshot', () => {
  const { seen, dcOf } = messagesSeen(load('36-two-regions-one-cut-off.json'), 20_000);
  const all = [...seen.values()];
  const relays = all.filter((m) => m.forwardTo);
  const onward = all.filter((m) => m.relayed);

  it('a relay copy crosses datacenters and names the others of the relay\'s datacenter', () => {
    expect(relays.length).toBeGreaterThan(0);
    for (const m of relays) {
      expect(m.kind).toBe('mutation');
      expect(dcOf.get(m.from)).not.toBe(dcOf.get(m.to));
      expect(m.forwardTo!.length).toBe(2); // RF 3 in the far DC: the relay and two others
      for (const other of m.forwardTo!) {
        expect(other).not.toBe(m.to);
        expect(dcOf.get(other)).toBe(dcOf.get(m.to));
      }
    }
  });

  it('each onward copy leaves a relay, at the instant its copy arrived, for one of the nodes it named', () => {
    expect(onward.length).toBe(2 * relays.filter((r) => r.deliverAt < 19_000).length);
    for (const m of onward) {
      const cause = relays.find((r) => r.to === m.from && r.deliverAt === m.sentAt);
      expect(cause?.forwardTo).toContain(m.to);
      expect(dcOf.get(m.from)).toBe(dcOf.get(m.to));
    }
  });
});

describe('without datacenters', () => {
  it('no message carries forwarding fields, and taking snapshots leaves the trace as it was', () => {
    const scenario = load('01-replica-down-ten-minutes.json');
    const { seen } = messagesSeen(scenario, 5_000);
    expect([...seen.values()].some((m) => 'forwardTo' in m || 'relayed' in m)).toBe(false);
    const plain = createSimulation(scenario);
    plain.advanceTo(5_000);
    const stepped = createSimulation(scenario);
    while (stepped.now < 5_000 && stepped.step()) stepped.snapshot();
    stepped.advanceTo(5_000);
    expect(stepped.snapshot().traceHash).toBe(plain.snapshot().traceHash);
  });
});
