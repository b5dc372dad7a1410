// Frames travel packed (typed arrays, transferred) and come back as the same plain data.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine';
import { createUnpacker, packedMessagesOf, packFrame, type Frame, type FromWorker, type MessageView } from '../../src/protocol';
import { copyMessageList, createMessageListDecoder, packMessageList } from '../../src/protocol/packing';

const scenario = {
  format: 'hintscope/scenario@1',
  name: 'packing',
  seed: 7,
  cluster: { nodes: ['A', 'B', 'C', 'D', 'E', 'F'], vnodes: 8, replicationFactor: 3 },
  settings: { latency: { median: '40ms', p99: '200ms' } },
  workload: [{ from: '0s', to: '1h', rate: 200, keys: 500, consistency: 'QUORUM' }],
  faults: [{ at: '5s', kill: 'D' }],
  until: '1h',
};

function frameAt(ms: number, sim = createSession(scenario), drop = false): { frame: Frame; sim: ReturnType<typeof createSession> } {
  sim.advanceTo(ms);
  // A message lost by hand: a doomed one on the wire.
  if (drop) sim.apply({ type: 'dropMessage', id: sim.snapshot(1).messages[0]!.id });
  const frame: Frame = {
    ...sim.snapshot(3000),
    playing: true,
    speed: 10,
    log: sim.drainLog(50).events,
    logSkipped: 0,
    jumpProgress: null,
    jumpTarget: null,
    samples: [],
    inspection: null,
    until: sim.until,
    future: 0,
  };
  return { frame, sim };
}

/** What postMessage does to a packed frame: a structured clone (transfer keeps the contents). */
const post = (frame: Frame): FromWorker => {
  const { frame: wire, transfer } = packFrame(frame);
  expect(transfer.length).toBeGreaterThan(0);
  return structuredClone({ type: 'frame', frame: wire } as FromWorker);
};

describe('packed frames', () => {
  it('unpack to the very data that was packed: nodes with beliefs, messages, hint queues, the rest', () => {
    const { frame } = frameAt(60_000, undefined, true);
    // The run has what the columns must carry: hints for D (null and non-null ages), beliefs, doomed messages.
    expect(frame.hintQueues.length).toBeGreaterThan(0);
    expect(frame.messages.length).toBeGreaterThan(10);
    expect(frame.messages.some((m) => m.doomed)).toBe(true);
    expect(frame.nodes.some((n) => n.believesDown.includes('D'))).toBe(true);
    const msg = createUnpacker()(post(frame));
    expect(msg.type).toBe('frame');
    const out = (msg as { frame: Frame }).frame;
    expect(out.nodes).toEqual(frame.nodes);
    expect(out.messages).toEqual(frame.messages);
    expect(out.hintQueues).toEqual(frame.hintQueues);
    expect(out).toEqual(frame);
  });

  it('keeps null where the view has null (a peer never heard from, a queue with nothing pending)', () => {
    const { frame } = frameAt(1);
    const unpacked = (createUnpacker()(post(frame)) as { frame: Frame }).frame;
    expect(unpacked.nodes.flatMap((n) => n.beliefs).some((b) => b.heartbeatAgeMs === null)).toBe(
      frame.nodes.flatMap((n) => n.beliefs).some((b) => b.heartbeatAgeMs === null),
    );
    const queues = [{ holder: 'A', target: 'B', pending: 0, buffered: 0, bytes: 0, oldestCreatedAt: null, replaying: false, delivered: 3 }];
    const back = (createUnpacker()(post({ ...frame, hintQueues: queues })) as { frame: Frame }).frame;
    expect(back.hintQueues).toEqual(queues);
  });

  it('hands back the last frame’s objects for messages and token lists that did not change', () => {
    const { frame: a, sim } = frameAt(20_000);
    const { frame: b } = frameAt(20_005, sim);
    const unpack = createUnpacker();
    const first = (unpack(post(a)) as { frame: Frame }).frame;
    const second = (unpack(post(b)) as { frame: Frame }).frame;
    const before = new Map(first.messages.map((m) => [m.id, m]));
    const same = second.messages.filter((m) => before.has(m.id));
    expect(same.length).toBeGreaterThan(0);
    for (const m of same) {
      const old = before.get(m.id)!;
      if (JSON.stringify(old) === JSON.stringify(m)) expect(m).toBe(old);
    }
    expect(second.nodes[0]!.tokens).toBe(first.nodes[0]!.tokens);
    expect(second.messages).toEqual(b.messages);
  });

  it('keeps the packed messages of a frame to hand on, and copies them into buffers of their own', () => {
    const { frame } = frameAt(20_000);
    const unpacked = (createUnpacker()(post(frame)) as { frame: Frame }).frame;
    const packed = packedMessagesOf(unpacked)!;
    expect(packed.messages.count).toBe(frame.messages.length);
    const { list, transfer } = copyMessageList(packed);
    expect(transfer).toHaveLength(Object.values(packed.messages).filter((v) => ArrayBuffer.isView(v)).length); // one buffer per column
    expect(list.messages.id.buffer).not.toBe(packed.messages.id.buffer);
    expect(createMessageListDecoder()(structuredClone(list))).toEqual(frame.messages);
  });

  it('packs a bare message list (where a frame did not come packed)', () => {
    const messages: MessageView[] = [
      { id: 1, kind: 'hint', from: 'A', to: 'B', sentAt: 1.5, deliverAt: 9.25, doomed: false },
      { id: 2, kind: 'gossip', from: 'B', to: 'A', sentAt: 2, deliverAt: 3, doomed: true },
    ];
    const { list } = packMessageList(messages);
    expect(createMessageListDecoder()(list)).toEqual(messages);
  });
});
