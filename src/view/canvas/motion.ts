// Visual persistence for messages in flight. Simulated latencies are milliseconds, so at
// most speeds a message lives for less than one animation frame; a lecture needs to see
// it travel. Each message seen in a frame is animated over at least `minVisibleMs` of
// wall time while playing (never ahead of its true simulated progress); when paused the
// picture shows exactly the messages of the latest frame at their true positions.
//
// Between datacenters the floor is WAN_VISIBLE_FACTOR times longer: a WAN hop takes tens of times
// a LAN hop in simulated time, and with both held to the same floor they would look alike. And
// what a WAN arrival causes (a relay's onward copies, its ack, their acks: sent at the very instant
// of that arrival, from its receiver) is held back until the arrival is drawn, so the picture
// shows the write crossing first and fanning out after, not both at once.
import type { MessageKind, MessageView } from '../../protocol';
import { simProgress } from './placement';

interface Tracked {
  m: MessageView;
  /** Visual clock when it starts moving: when first seen, or when the arrival that caused it is drawn. */
  seenAt: number;
  /** Wall ms it takes at least. */
  dur: number;
  inFrame: boolean;
  /** It crosses datacenters, or was caused by an arrival that did: what it causes waits for it. */
  wanChain: boolean;
}

export interface Motion {
  /** Takes the messages of a new frame; `isWan` says which cross datacenters. */
  sync(messages: readonly MessageView[], playing: boolean, isWan?: (m: MessageView) => boolean): void;
  /** Advances the visual clock by wall time (only while playing). */
  advance(wallNow: number, playing: boolean): void;
  messages(): MessageView[];
  /** Progress 0..1; negative while it waits for the arrival that caused it to be drawn. */
  progressOf(m: MessageView, simNow: number, playing: boolean): number;
  clear(): void;
}

/** Hint replay is the point of the lesson: its pages stay in sight longest. */
export const MIN_VISIBLE_MS: Partial<Record<MessageKind, number>> = { hint: 1400, 'hint-ack': 900 };
/** How many times longer than its kind's floor a message between datacenters stays in sight. */
export const WAN_VISIBLE_FACTOR = 3;

const causeKey = (node: string, at: number) => `${node}\u0000${at}`;

export function createMotion(minVisibleMs = 550, cap = 3000): Motion {
  const tracked = new Map<number, Tracked>();
  let vNow = 0;
  let lastWall: number | null = null;

  /** WAN-chain messages by (receiver, arrival instant): what an arrival there at that instant caused waits for them. */
  const causes = new Map<string, Tracked>();
  const visual = (t: Tracked) => (vNow - t.seenAt) / t.dur;

  function drop(id: number, t: Tracked): void {
    tracked.delete(id);
    if (t.wanChain && causes.get(causeKey(t.m.to, t.m.deliverAt)) === t) causes.delete(causeKey(t.m.to, t.m.deliverAt));
  }

  function evict(): void {
    for (const [id, t] of tracked) if (!t.inFrame && visual(t) >= 1) drop(id, t);
    if (tracked.size <= cap) return;
    // A Map iterates in insertion order, which is the order first seen: the oldest go first.
    for (const [id, t] of tracked) {
      if (tracked.size <= cap) break;
      if (!t.inFrame) drop(id, t);
    }
  }

  function track(m: MessageView, wan: boolean): void {
    const cause = causes.get(causeKey(m.from, m.sentAt));
    const wanChain = wan || cause !== undefined;
    const dur = (MIN_VISIBLE_MS[m.kind] ?? minVisibleMs) * (wan ? WAN_VISIBLE_FACTOR : 1);
    const t: Tracked = { m, seenAt: cause ? Math.max(vNow, cause.seenAt + cause.dur) : vNow, dur, inFrame: true, wanChain };
    tracked.set(m.id, t);
    if (wanChain) causes.set(causeKey(m.to, m.deliverAt), t);
  }

  return {
    sync(messages, playing, isWan) {
      const present = new Set<number>();
      for (const m of messages) {
        present.add(m.id);
        const t = tracked.get(m.id);
        if (t) {
          t.m = m;
          t.inFrame = true;
        } else track(m, isWan?.(m) ?? false);
      }
      for (const [id, t] of tracked) {
        if (present.has(id)) continue;
        if (playing) t.inFrame = false;
        else drop(id, t);
      }
      evict();
    },
    advance(wallNow, playing) {
      if (playing && lastWall !== null) vNow += Math.max(0, Math.min(100, wallNow - lastWall));
      lastWall = wallNow;
      evict();
    },
    messages: () => [...tracked.values()].map((t) => t.m),
    progressOf(m, simNow, playing) {
      const t = tracked.get(m.id);
      const sim = simProgress(m, simNow);
      if (!t) return sim;
      if (!t.inFrame) return visual(t);
      return playing ? Math.min(Math.min(1, sim), visual(t)) : sim;
    },
    clear() {
      tracked.clear();
      causes.clear();
    },
  };
}
