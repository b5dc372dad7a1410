// Crafted frames and a render helper that mounts components with their own store.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { ClusterInfo, Counters, Frame, HintQueueView, MessageView, NodeView, ToWorker } from '../../src/protocol';
import { AppStoreProvider, createAppStore } from '../../src/store';

export const NODE_IDS = ['A', 'B', 'C', 'D', 'E', 'F'];

export function makeCounters(over: Partial<Counters> = {}): Counters {
  return {
    writesAttempted: 0,
    writesAcknowledged: 0,
    writesFailed: 0,
    writesPending: 0,
    readsAttempted: 0,
    readsSucceeded: 0,
    readsFailed: 0,
    readsStale: 0,
    readRepairs: 0,
    hintsCreated: 0,
    hintsDelivered: 0,
    hintsExpired: 0,
    hintsDropped: 0,
    hintsLost: 0,
    hintsPending: 0,
    repairSessions: 0,
    repairsFailed: 0,
    messagesSent: 0,
    messagesLost: 0,
    events: 0,
    ...over,
  };
}

export function makeNode(id: string, over: Partial<NodeView> = {}): NodeView {
  const i = NODE_IDS.indexOf(id);
  return {
    id,
    up: true,
    serving: true,
    tokens: [0, 1, 2, 3].map((k) => ((i + 0.5) / 6 + k / 4) % 1),
    keys: 10,
    slowMs: 0,
    beliefs: [],
    believesDown: [],
    group: 0,
    ...over,
  };
}

export function makeQueue(holder: string, target: string, over: Partial<HintQueueView> = {}): HintQueueView {
  return {
    holder,
    target,
    pending: 0,
    buffered: 0,
    bytes: 0,
    oldestCreatedAt: null,
    replaying: false,
    delivered: 0,
    ...over,
  };
}

export function makeMessage(over: Partial<MessageView> = {}): MessageView {
  return { id: 1, kind: 'mutation', from: 'A', to: 'B', sentAt: 0, deliverAt: 10, doomed: false, ...over };
}

export function makeFrame(over: Partial<Frame> = {}): Frame {
  return {
    now: 0,
    nodes: NODE_IDS.map((id) => makeNode(id)),
    messages: [],
    messagesOmitted: 0,
    hintQueues: [],
    counters: makeCounters(),
    traceHash: '0',
    workload: null,
    playing: false,
    speed: 1,
    log: [],
    logSkipped: 0,
    jumpProgress: null,
    jumpTarget: null,
    samples: [],
    inspection: null,
    until: 30 * 86_400_000,
    future: 0,
    ...over,
  };
}

export function makeCluster(over: Partial<ClusterInfo> = {}): ClusterInfo {
  return {
    name: 'test',
    seed: 1,
    nodes: NODE_IDS,
    replicationFactor: 3,
    vnodes: 4,
    hintMode: 'coordinator',
    preset: 'cassandra',
    settings: { maxHintWindow: 10_800_000, hintReplayRate: 1000, writeTimeout: 2000, phiConvictThreshold: 8 },
    ...over,
  };
}

/** Renders `ui` with a fresh store fed a ready message and `frame` (acks run at once). */
export function renderWithStore(ui: ReactElement, opts: { frame?: Frame | null; cluster?: ClusterInfo | null } = {}) {
  const send = vi.fn<(msg: ToWorker) => void>();
  const store = createAppStore(send, { scheduleAck: (fn) => fn(), now: () => 0, viewEveryMs: 0 });
  const cluster = opts.cluster === undefined ? makeCluster() : opts.cluster;
  if (cluster) store.getState().actions.receive({ type: 'ready', cluster });
  const frame = opts.frame === undefined ? makeFrame() : opts.frame;
  if (frame) store.getState().actions.receive({ type: 'frame', frame });
  send.mockClear();
  const result = render(<AppStoreProvider store={store}>{ui}</AppStoreProvider>);
  return { ...result, store, send };
}

/** The commands (not acks) sent so far. */
export function commands(send: ReturnType<typeof vi.fn>): unknown[] {
  return send.mock.calls.map((c) => c[0]).filter((m) => (m as ToWorker).type !== 'frameAck');
}
