// Visual persistence for messages in flight. Simulated latencies are milliseconds, so at
// most speeds a message lives for less than one animation frame; a lecture needs to see
// it travel. Each message seen in a frame is animated over at least `minVisibleMs` of
// wall time while playing (never ahead of its true simulated progress); when paused the
// picture shows exactly the messages of the latest frame at their true positions.
import type { MessageKind, MessageView } from '../../protocol';
import { simProgress } from './placement';

interface Tracked {
  m: MessageView;
  /** Visual clock when first seen. */
  seenAt: number;
  inFrame: boolean;
}

export interface Motion {
  /** Takes the messages of a new frame. */
  sync(messages: readonly MessageView[], playing: boolean): void;
  /** Advances the visual clock by wall time (only while playing). */
  advance(wallNow: number, playing: boolean): void;
  messages(): MessageView[];
  progressOf(m: MessageView, simNow: number, playing: boolean): number;
  clear(): void;
}

/** Hint replay is the point of the lesson: its pages stay in sight longest. */
export const MIN_VISIBLE_MS: Partial<Record<MessageKind, number>> = { hint: 1400, 'hint-ack': 900 };

export function createMotion(minVisibleMs = 550, cap = 3000): Motion {
  const tracked = new Map<number, Tracked>();
  let vNow = 0;
  let lastWall: number | null = null;

  const visual = (t: Tracked) => (vNow - t.seenAt) / (MIN_VISIBLE_MS[t.m.kind] ?? minVisibleMs);

  function evict(): void {
    for (const [id, t] of tracked) if (!t.inFrame && visual(t) >= 1) tracked.delete(id);
    if (tracked.size <= cap) return;
    // A Map iterates in insertion order, which is the order first seen: the oldest go first.
    for (const [id, t] of tracked) {
      if (tracked.size <= cap) break;
      if (!t.inFrame) tracked.delete(id);
    }
  }

  return {
    sync(messages, playing) {
      const present = new Set<number>();
      for (const m of messages) {
        present.add(m.id);
        const t = tracked.get(m.id);
        if (t) {
          t.m = m;
          t.inFrame = true;
        } else tracked.set(m.id, { m, seenAt: vNow, inFrame: true });
      }
      for (const [id, t] of tracked) {
        if (present.has(id)) continue;
        if (playing) t.inFrame = false;
        else tracked.delete(id);
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
    },
  };
}
