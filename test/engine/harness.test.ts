// The cluster harness itself: what it answers must agree with the engine's public views, so the
// engine tests built on it check the engine, not the harness.
import { describe, expect, it } from 'vitest';
import { cluster } from './harness';

// A key that C keeps and A does not: A coordinates, C is the replica that dies.
const probe = cluster({ nodes: 6 });
const K = Array.from({ length: 100 }, (_, i) => `k${i}`).find((k) => probe.replicasOf(k).includes('C') && !probe.replicasOf(k).includes('A'))!;

describe('the cluster harness', () => {
  it('reads like the behaviour: kill C at 30 s, write at QUORUM via A, a minute later one hint for C waits on A', () => {
    const c = cluster({ nodes: 6 }).at('30s').kill('C').write(K, { via: 'A', cl: 'QUORUM' }).run('1m').expectHints({ created: 1, pending: 1 }).expectWrites({ acknowledged: 1 });
    expect(c.now).toBe(90_000);
    expect(c.queue('A', 'C')).toMatchObject({ holder: 'A', target: 'C', pending: 1 });
    expect(c.pending('A', 'C')).toBe(1);
    expect(c.pending()).toBe(1);
    expect(c.holders('C')).toEqual(['A']);
    expect(c.hintTargets('A')).toEqual(['C']);
    expect(c.inspect(K).hints).toEqual([expect.objectContaining({ holder: 'A', target: 'C' })]);
    // Commands go to the command log, as a user's would.
    expect(c.commandLog.map((e) => e.command.type)).toEqual(['kill', 'write']);
  });

  it('believes(): each node\'s own failure detector, phi rising with silence until it convicts', () => {
    const c = cluster().at('30s').kill('C');
    expect(c.believes('A', 'C')).toMatchObject({ peer: 'C', alive: true });
    c.run('5s');
    const early = c.believes('A', 'C')!.phi;
    expect(early).toBeGreaterThan(0);
    c.run('5s');
    expect(c.believes('A', 'C')!.phi).toBeGreaterThan(early);
    expect(c.alive('A', 'C')).toBe(true);
    c.run('30s');
    expect(c.alive('A', 'C')).toBe(false);
    expect(c.convictors('C').sort()).toEqual(['A', 'B', 'D', 'E', 'F']);
    // A dead node believes nothing.
    expect(c.believes('C', 'A')).toBeUndefined();
    expect(c.node('C')).toMatchObject({ up: false });
  });

  it('replicasOf() and outsider() agree with the live key inspection, and do not touch the live cluster', () => {
    const c = cluster();
    const before = c.traceHash();
    const replicas = c.replicasOf('user:1');
    expect(replicas).toHaveLength(3);
    expect(replicas).not.toContain(c.outsider('user:1'));
    expect(c.traceHash()).toBe(before);
    c.write('user:1', { cl: 'ALL', value: 'x' }).run('1s').expectWrites({ acknowledged: 1 });
    expect(c.inspect('user:1').preferenceList.filter((p) => p.replica).map((p) => p.node)).toEqual(replicas);
    for (const r of replicas) expect(c.values(r, 'user:1')).toEqual(['x']);
    expect(c.holds(c.outsider('user:1'), 'user:1')).toBe(false);
  });

  it('messages() records every message sent, with its protocol name; transits() every one seen in flight', () => {
    const c = cluster().at('10s');
    const sent = c.messages();
    const seen = c.transits();
    c.write(K, { via: 'A', cl: 'ALL' }).run('1s');
    const mutations = sent.filter((m) => m.kind === 'mutation');
    expect(mutations.map((m) => m.to).sort()).toEqual(c.replicasOf(K).sort());
    expect(mutations.every((m) => m.body === 'mut' && m.from === 'A')).toBe(true);
    // An ack travels back on the mutation's own body.
    expect(sent.filter((m) => m.kind === 'mutation-ack').map((m) => m.to)).toEqual(['A', 'A', 'A']);
    expect(sent.filter((m) => m.kind === 'gossip').length).toBeGreaterThan(0);
    // Every mutation sent was seen in flight, with a positive transit time.
    for (const m of mutations) expect(seen.some((t) => t.from === 'A' && t.to === m.to && t.deliverAt > t.sentAt && t.sentAt === m.at)).toBe(true);
  });

  it('watching messages in flight does not change the run', () => {
    const plain = cluster({ workload: [{ from: '0s', to: '20s', rate: 20, keys: 10 }], faults: [{ at: '5s', kill: 'B' }] }).at('20s');
    const watched = cluster({ workload: [{ from: '0s', to: '20s', rate: 20, keys: 10 }], faults: [{ at: '5s', kill: 'B' }] });
    watched.transits();
    watched.at('20s');
    expect(watched.traceHash()).toBe(plain.traceHash());
  });
});
