// pure: the bulky parts of a frame as columns of typed arrays, and back. Reads nothing but its
// arguments (the decoder keeps the previous frame's objects to reuse them).
//
// A frame from a 64-node cluster carries ~3,000 messages in flight, 64 × 63 peer beliefs and
// hundreds of hint queues: ~8,000 small objects that structured clone copies one property at a
// time (~12 ms a frame on the UI thread). As columns, the buffers are transferred (no copy) and
// the UI rebuilds plain objects in a tight loop, reusing last frame's objects where nothing
// changed (a message lives for ~20 frames) and decoding beliefs only when something reads them.
import type { HintQueueView, MessageView, NodeView, PeerBelief } from '../engine';

/** Strings (node ids, message kinds) by index: the columns hold indexes into it. */
type Strings = string[];

export interface PackedNodes {
  count: number;
  /** Index into `strings` of each node's id. */
  id: Uint16Array;
  /** Bit 0: up, bit 1: serving. */
  flags: Uint8Array;
  keys: Float64Array;
  slowMs: Float64Array;
  group: Float64Array;
  /** Index into `strings` of each node's datacenter; -1 when the scenario names none. */
  dc: Int32Array;
  /** Node i's tokens are tokens[tokenStart[i] .. tokenStart[i + 1]). */
  tokenStart: Uint32Array;
  tokens: Float64Array;
  /** Node i's beliefs are at beliefStart[i] .. beliefStart[i + 1]. */
  beliefStart: Uint32Array;
  beliefPeer: Uint16Array;
  beliefAlive: Uint8Array;
  beliefPhi: Float64Array;
  /** heartbeatAgeMs; NaN stands for null. */
  beliefAge: Float64Array;
  /** Node i believes down the peers downPeer[downStart[i] .. downStart[i + 1]). */
  downStart: Uint32Array;
  downPeer: Uint16Array;
}

export interface PackedMessages {
  count: number;
  id: Float64Array;
  kind: Uint16Array;
  from: Uint16Array;
  to: Uint16Array;
  sentAt: Float64Array;
  deliverAt: Float64Array;
  doomed: Uint8Array;
  /** 1 on a relay's onward copy of a write (`relayed`). */
  relayed: Uint8Array;
  /** Message i forwards to fwdTo[fwdStart[i] .. fwdStart[i + 1]) (`forwardTo`; none: absent). */
  fwdStart: Uint32Array;
  fwdTo: Uint16Array;
}

export interface PackedQueues {
  count: number;
  holder: Uint16Array;
  target: Uint16Array;
  pending: Float64Array;
  buffered: Float64Array;
  bytes: Float64Array;
  /** NaN stands for null. */
  oldestCreatedAt: Float64Array;
  replaying: Uint8Array;
  delivered: Float64Array;
  /** 1 where the queue carried the three below (the engine's always do; a crafted view may not). */
  hasLimits: Uint8Array;
  refused: Float64Array;
  /** Index into `strings`, -1 for null. */
  lastRefusal: Int32Array;
  /** NaN stands for null. */
  targetDownSince: Float64Array;
}

/** The packed parts of one frame. */
export interface PackedSnapshot {
  strings: Strings;
  nodes: PackedNodes;
  messages: PackedMessages;
  hintQueues: PackedQueues;
}

function interner(): { strings: Strings; index(s: string): number } {
  const strings: Strings = [];
  const map = new Map<string, number>();
  return {
    strings,
    index(s) {
      let i = map.get(s);
      if (i === undefined) {
        i = strings.length;
        strings.push(s);
        map.set(s, i);
      }
      return i;
    },
  };
}

function packNodes(nodes: readonly NodeView[], index: (s: string) => number): PackedNodes {
  const n = nodes.length;
  let tokenCount = 0;
  let beliefCount = 0;
  let downCount = 0;
  for (const node of nodes) {
    tokenCount += node.tokens.length;
    beliefCount += node.beliefs.length;
    downCount += node.believesDown.length;
  }
  const out: PackedNodes = {
    count: n,
    id: new Uint16Array(n),
    flags: new Uint8Array(n),
    keys: new Float64Array(n),
    slowMs: new Float64Array(n),
    group: new Float64Array(n),
    dc: new Int32Array(n),
    tokenStart: new Uint32Array(n + 1),
    tokens: new Float64Array(tokenCount),
    beliefStart: new Uint32Array(n + 1),
    beliefPeer: new Uint16Array(beliefCount),
    beliefAlive: new Uint8Array(beliefCount),
    beliefPhi: new Float64Array(beliefCount),
    beliefAge: new Float64Array(beliefCount),
    downStart: new Uint32Array(n + 1),
    downPeer: new Uint16Array(downCount),
  };
  for (let i = 0; i < n; i++) out.id[i] = index(nodes[i]!.id);
  let t = 0;
  let b = 0;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    out.flags[i] = (node.up ? 1 : 0) | (node.serving ? 2 : 0);
    out.keys[i] = node.keys;
    out.slowMs[i] = node.slowMs;
    out.group[i] = node.group;
    out.dc[i] = node.dc === undefined ? -1 : index(node.dc);
    out.tokenStart[i] = t;
    for (const tok of node.tokens) out.tokens[t++] = tok;
    out.beliefStart[i] = b;
    for (const bel of node.beliefs) {
      out.beliefPeer[b] = index(bel.peer);
      out.beliefAlive[b] = bel.alive ? 1 : 0;
      out.beliefPhi[b] = bel.phi;
      out.beliefAge[b] = bel.heartbeatAgeMs ?? NaN;
      b++;
    }
    out.downStart[i] = d;
    for (const peer of node.believesDown) out.downPeer[d++] = index(peer);
  }
  out.tokenStart[n] = t;
  out.beliefStart[n] = b;
  out.downStart[n] = d;
  return out;
}

function packMessages(messages: readonly MessageView[], index: (s: string) => number): PackedMessages {
  const n = messages.length;
  let fwdCount = 0;
  for (const m of messages) fwdCount += m.forwardTo?.length ?? 0;
  const out: PackedMessages = {
    count: n,
    id: new Float64Array(n),
    kind: new Uint16Array(n),
    from: new Uint16Array(n),
    to: new Uint16Array(n),
    sentAt: new Float64Array(n),
    deliverAt: new Float64Array(n),
    doomed: new Uint8Array(n),
    relayed: new Uint8Array(n),
    fwdStart: new Uint32Array(n + 1),
    fwdTo: new Uint16Array(fwdCount),
  };
  let f = 0;
  for (let i = 0; i < n; i++) {
    const m = messages[i]!;
    out.id[i] = m.id;
    out.kind[i] = index(m.kind);
    out.from[i] = index(m.from);
    out.to[i] = index(m.to);
    out.sentAt[i] = m.sentAt;
    out.deliverAt[i] = m.deliverAt;
    out.doomed[i] = m.doomed ? 1 : 0;
    out.relayed[i] = m.relayed ? 1 : 0;
    out.fwdStart[i] = f;
    for (const to of m.forwardTo ?? []) out.fwdTo[f++] = index(to);
  }
  out.fwdStart[n] = f;
  return out;
}

function packQueues(queues: readonly HintQueueView[], index: (s: string) => number): PackedQueues {
  const n = queues.length;
  const out: PackedQueues = {
    count: n,
    holder: new Uint16Array(n),
    target: new Uint16Array(n),
    pending: new Float64Array(n),
    buffered: new Float64Array(n),
    bytes: new Float64Array(n),
    oldestCreatedAt: new Float64Array(n),
    replaying: new Uint8Array(n),
    delivered: new Float64Array(n),
    hasLimits: new Uint8Array(n),
    refused: new Float64Array(n),
    lastRefusal: new Int32Array(n),
    targetDownSince: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const q = queues[i]!;
    out.holder[i] = index(q.holder);
    out.target[i] = index(q.target);
    out.pending[i] = q.pending;
    out.buffered[i] = q.buffered;
    out.bytes[i] = q.bytes;
    out.oldestCreatedAt[i] = q.oldestCreatedAt ?? NaN;
    out.replaying[i] = q.replaying ? 1 : 0;
    out.delivered[i] = q.delivered;
    out.hasLimits[i] = q.refused === undefined ? 0 : 1;
    out.refused[i] = q.refused ?? 0;
    out.lastRefusal[i] = q.lastRefusal == null ? -1 : index(q.lastRefusal);
    out.targetDownSince[i] = q.targetDownSince ?? NaN;
  }
  return out;
}

/** Packs a snapshot's nodes, messages and hint queues (at most 65,536 distinct strings). */
export function packSnapshot(s: { nodes: readonly NodeView[]; messages: readonly MessageView[]; hintQueues: readonly HintQueueView[] }): PackedSnapshot {
  const { strings, index } = interner();
  const nodes = packNodes(s.nodes, index);
  const messages = packMessages(s.messages, index);
  const hintQueues = packQueues(s.hintQueues, index);
  if (strings.length > 0xffff) throw new Error('frame: more than 65,536 distinct node ids and kinds');
  return { strings, nodes, messages, hintQueues };
}

/** The buffers to transfer with a packed snapshot (they are unusable in the sender afterwards). */
export function packedBuffers(p: PackedSnapshot): ArrayBuffer[] {
  return [p.nodes, p.messages, p.hintQueues].flatMap(buffersOf);
}

/**
 * Unpacks each part on its own (a frame's nodes and queues are read ten times a second, its
 * messages every frame), reusing the last decoded objects where nothing changed.
 */
export interface SnapshotDecoder {
  nodes(p: PackedSnapshot): NodeView[];
  /** Unchanged messages come back as the very objects of the last call. */
  messages(p: PackedSnapshot): MessageView[];
  hintQueues(p: PackedSnapshot): HintQueueView[];
}

const sameNumbers = (a: readonly number[], b: ArrayLike<number>, from: number, to: number): boolean => {
  if (a.length !== to - from) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[from + i]) return false;
  return true;
};

const sameStrings = (a: readonly string[], strings: Strings, b: ArrayLike<number>, from: number, to: number): boolean => {
  if (a.length !== to - from) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== strings[b[from + i]!]) return false;
  return true;
};

function beliefsOf(p: PackedNodes, strings: Strings, i: number): PeerBelief[] {
  const out: PeerBelief[] = [];
  for (let b = p.beliefStart[i]!; b < p.beliefStart[i + 1]!; b++) {
    const age = p.beliefAge[b]!;
    out.push({ peer: strings[p.beliefPeer[b]!]!, alive: p.beliefAlive[b] === 1, phi: p.beliefPhi[b]!, heartbeatAgeMs: Number.isNaN(age) ? null : age });
  }
  return out;
}

/** A node whose `beliefs` (64 × 63 objects in a big cluster, read for one node at a time) are built on first read. */
function nodeView(p: PackedNodes, strings: Strings, i: number, prev: NodeView | undefined): NodeView {
  const id = strings[p.id[i]!]!;
  const t0 = p.tokenStart[i]!;
  const t1 = p.tokenStart[i + 1]!;
  const d0 = p.downStart[i]!;
  const d1 = p.downStart[i + 1]!;
  const node = {
    id,
    up: (p.flags[i]! & 1) !== 0,
    serving: (p.flags[i]! & 2) !== 0,
    tokens: prev && sameNumbers(prev.tokens, p.tokens, t0, t1) ? prev.tokens : Array.from(p.tokens.subarray(t0, t1)),
    keys: p.keys[i]!,
    slowMs: p.slowMs[i]!,
    beliefs: [] as PeerBelief[],
    believesDown: prev && sameStrings(prev.believesDown, strings, p.downPeer, d0, d1) ? prev.believesDown : Array.from(p.downPeer.subarray(d0, d1), (k) => strings[k]!),
    group: p.group[i]!,
    ...(p.dc[i]! >= 0 ? { dc: strings[p.dc[i]!]! } : {}),
  };
  let beliefs: PeerBelief[] | null = null;
  Object.defineProperty(node, 'beliefs', {
    enumerable: true,
    configurable: true,
    get: () => (beliefs ??= beliefsOf(p, strings, i)),
    set: (v: PeerBelief[]) => {
      beliefs = v;
    },
  });
  return node;
}

/** Adds a message's forwarding fields (which never change while it is in flight) where it has them. */
function withForwarding(m: MessageView, pm: PackedMessages, strings: Strings, i: number): MessageView {
  const f0 = pm.fwdStart[i]!;
  const f1 = pm.fwdStart[i + 1]!;
  if (f1 > f0) m.forwardTo = Array.from(pm.fwdTo.subarray(f0, f1), (k) => strings[k]!);
  if (pm.relayed[i] === 1) m.relayed = true;
  return m;
}

/** Rebuilds messages, reusing `prev`'s object for each message that did not change; fills `next`. */
function decodeMessages(pm: PackedMessages, strings: Strings, prev: ReadonlyMap<number, MessageView>, next: Map<number, MessageView>): MessageView[] {
  const messages: MessageView[] = new Array(pm.count);
  for (let i = 0; i < pm.count; i++) {
    const id = pm.id[i]!;
    const kind = strings[pm.kind[i]!] as MessageView['kind'];
    const from = strings[pm.from[i]!]!;
    const to = strings[pm.to[i]!]!;
    const sentAt = pm.sentAt[i]!;
    const deliverAt = pm.deliverAt[i]!;
    const doomed = pm.doomed[i] === 1;
    const old = prev.get(id);
    const m =
      old && old.kind === kind && old.from === from && old.to === to && old.sentAt === sentAt && old.deliverAt === deliverAt && old.doomed === doomed
        ? old
        : withForwarding({ id, kind, from, to, sentAt, deliverAt, doomed }, pm, strings, i);
    messages[i] = m;
    next.set(id, m);
  }
  return messages;
}

export function createSnapshotDecoder(): SnapshotDecoder {
  let prevMessages = new Map<number, MessageView>();
  let prevNodes = new Map<string, NodeView>();
  return {
    nodes(p) {
      const { strings } = p;
      const pn = p.nodes;
      const nodes: NodeView[] = new Array(pn.count);
      const nodeMap = new Map<string, NodeView>();
      for (let i = 0; i < pn.count; i++) {
        const node = nodeView(pn, strings, i, prevNodes.get(strings[pn.id[i]!]!));
        nodes[i] = node;
        nodeMap.set(node.id, node);
      }
      prevNodes = nodeMap;
      return nodes;
    },
    messages(p) {
      const messageMap = new Map<number, MessageView>();
      const messages = decodeMessages(p.messages, p.strings, prevMessages, messageMap);
      prevMessages = messageMap;
      return messages;
    },
    hintQueues(p) {
      const { strings } = p;
      const pq = p.hintQueues;
      const hintQueues: HintQueueView[] = new Array(pq.count);
      for (let i = 0; i < pq.count; i++) {
        const oldest = pq.oldestCreatedAt[i]!;
        const down = pq.targetDownSince[i]!;
        const why = pq.lastRefusal[i]!;
        const q: HintQueueView = {
          holder: strings[pq.holder[i]!]!,
          target: strings[pq.target[i]!]!,
          pending: pq.pending[i]!,
          buffered: pq.buffered[i]!,
          bytes: pq.bytes[i]!,
          oldestCreatedAt: Number.isNaN(oldest) ? null : oldest,
          replaying: pq.replaying[i] === 1,
          delivered: pq.delivered[i]!,
        };
        if (pq.hasLimits[i] === 1) {
          q.refused = pq.refused[i]!;
          q.lastRefusal = why < 0 ? null : strings[why]!;
          q.targetDownSince = Number.isNaN(down) ? null : down;
        }
        hintQueues[i] = q;
      }
      return hintQueues;
    },
  };
}

/** Messages alone, packed (the UI hands them on to the thread that draws them). */
export interface PackedMessageList {
  strings: Strings;
  messages: PackedMessages;
}

export function packMessageList(messages: readonly MessageView[]): { list: PackedMessageList; transfer: ArrayBuffer[] } {
  const { strings, index } = interner();
  const packed = packMessages(messages, index);
  return { list: { strings, messages: packed }, transfer: buffersOf(packed) };
}

function buffersOf(part: object): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const v of Object.values(part)) if (ArrayBuffer.isView(v)) out.push(v.buffer as ArrayBuffer);
  return out;
}

/** A copy of a packed list with buffers of its own, to transfer (a memcpy of ~100 KB, no objects). */
export function copyMessageList(list: PackedMessageList): { list: PackedMessageList; transfer: ArrayBuffer[] } {
  const m = list.messages;
  const messages: PackedMessages = {
    count: m.count,
    id: m.id.slice(),
    kind: m.kind.slice(),
    from: m.from.slice(),
    to: m.to.slice(),
    sentAt: m.sentAt.slice(),
    deliverAt: m.deliverAt.slice(),
    doomed: m.doomed.slice(),
    relayed: m.relayed.slice(),
    fwdStart: m.fwdStart.slice(),
    fwdTo: m.fwdTo.slice(),
  };
  return { list: { strings: list.strings, messages }, transfer: buffersOf(messages) };
}

/** Unpacks message lists, reusing last call's object for every message that did not change. */
export function createMessageListDecoder(): (list: PackedMessageList) => MessageView[] {
  let prev = new Map<number, MessageView>();
  return (list) => {
    const next = new Map<number, MessageView>();
    const out = decodeMessages(list.messages, list.strings, prev, next);
    prev = next;
    return out;
  };
}
