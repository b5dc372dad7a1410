// The canvas under load and its filters: batched paths, hidden kinds, the ✕ of a lost
// message, the highlight of one node's traffic, and picking a message by its drawn position.
import { describe, expect, it } from 'vitest';
import type { MessageKind, MessageView } from '../../src/protocol';
import { drawMessages, messageAt, newPlacement, placeMessage, type MessageContext, type Placement } from '../../src/view/canvas/drawMessages';
import type { Point } from '../../src/view/geometry';
import { DOOMED_COLOUR, messageStyles } from '../../src/view/palette';
import { makeMessage } from './fixtures';

interface Op {
  op: string;
  args: number[];
  fill: unknown;
  stroke: unknown;
  alpha: number;
}

/** Records every call; each fill or stroke carries the sub-paths it painted. */
function recorder() {
  const ops: Op[] = [];
  const ctx: MessageContext & { ops: Op[] } = {
    ops,
    fillStyle: '#000',
    strokeStyle: '#000',
    globalAlpha: 1,
    lineWidth: 1,
    save: () => ops.push(rec('save', [])),
    restore: () => ops.push(rec('restore', [])),
    setLineDash: () => {},
    beginPath: () => ops.push(rec('beginPath', [])),
    closePath: () => {},
    moveTo: (x, y) => ops.push(rec('moveTo', [x, y])),
    lineTo: (x, y) => ops.push(rec('lineTo', [x, y])),
    arc: (x, y, r) => ops.push(rec('arc', [x, y, r])),
    fill: () => ops.push(rec('fill', [])),
    stroke: () => ops.push(rec('stroke', [])),
  };
  function rec(op: string, args: number[]): Op {
    return { op, args, fill: ctx.fillStyle, stroke: ctx.strokeStyle, alpha: ctx.globalAlpha };
  }
  return ctx;
}

/** Paint operations (fill/stroke) with the sub-paths of the path they painted. */
function paints(ops: Op[]) {
  const out: { op: 'fill' | 'stroke'; colour: unknown; alpha: number; subs: number[][][] }[] = [];
  let subs: number[][][] = [];
  for (const o of ops) {
    if (o.op === 'beginPath') subs = [];
    else if (o.op === 'moveTo') subs.push([o.args]);
    else if (o.op === 'lineTo' || o.op === 'arc') subs[subs.length - 1]?.push(o.args);
    else if (o.op === 'fill' || o.op === 'stroke') out.push({ op: o.op, colour: o.op === 'fill' ? o.fill : o.stroke, alpha: o.alpha, subs });
  }
  return out;
}

const positions = new Map<string, Point>([
  ['A', { x: 0, y: 0 }],
  ['B', { x: 100, y: 0 }],
  ['C', { x: 100, y: 200 }],
  ['D', { x: 0, y: 200 }],
]);

const styles = messageStyles(false);
const KINDS = Object.keys(styles) as MessageKind[];

function crowd(n: number): MessageView[] {
  const ids = ['A', 'B', 'C', 'D'];
  return Array.from({ length: n }, (_, i) =>
    makeMessage({
      id: i + 1,
      kind: KINDS[i % KINDS.length]!,
      from: ids[i % 4]!,
      to: ids[(i + 1 + (i % 3)) % 4]!,
      sentAt: 0,
      deliverAt: 100,
    }),
  );
}

describe('drawMessages under load', () => {
  it('paints 2,000 messages with one fill per kind, no save/restore', () => {
    const ctx = recorder();
    const drawn = drawMessages(ctx, crowd(2000), 30, positions, { nodeRadius: 5, laneOffset: 4 });
    expect(drawn).toBe(2000);
    const fills = ctx.ops.filter((o) => o.op === 'fill');
    expect(fills.length).toBeLessThanOrEqual(KINDS.length);
    expect(ctx.ops.some((o) => o.op === 'save' || o.op === 'restore')).toBe(false);
    // Every mark is in some fill: 2,000 sub-paths in all.
    const marks = paints(ctx.ops).filter((p) => p.op === 'fill').reduce((n, p) => n + p.subs.length, 0);
    expect(marks).toBe(2000);
  });
});

describe('drawMessages filters', () => {
  it("with 'gossip' off draws no gossip marks, and still draws the rest", () => {
    const gossip = makeMessage({ id: 1, kind: 'gossip', from: 'A', to: 'B', sentAt: 0, deliverAt: 10 });
    const echo = makeMessage({ id: 2, kind: 'echo', from: 'B', to: 'A', sentAt: 0, deliverAt: 10 });
    const write = makeMessage({ id: 3, kind: 'mutation', from: 'A', to: 'C', sentAt: 0, deliverAt: 10 });
    const all = recorder();
    drawMessages(all, [gossip, echo, write], 5, positions);
    expect(paints(all.ops).filter((p) => p.op === 'fill' && p.colour === styles.gossip.colour)).toHaveLength(2);

    const ctx = recorder();
    const drawn = drawMessages(ctx, [gossip, echo, write], 5, positions, { hidden: new Set<MessageKind>(['gossip', 'echo']) });
    expect(drawn).toBe(1);
    const fills = paints(ctx.ops).filter((p) => p.op === 'fill');
    expect(fills.some((p) => p.colour === styles.gossip.colour)).toBe(false);
    expect(fills).toHaveLength(1);
    expect(fills[0]!.colour).toBe(styles.mutation.colour);
  });

  it('draws a red ✕ where a doomed message near arrival will be lost', () => {
    const ctx = recorder();
    const doomed = makeMessage({ kind: 'mutation', from: 'A', to: 'B', sentAt: 0, deliverAt: 10, doomed: true });
    drawMessages(ctx, [doomed], 9, positions);
    const crosses = paints(ctx.ops).filter((p) => p.op === 'stroke' && p.colour === DOOMED_COLOUR);
    expect(crosses).toHaveLength(1);
    const [one, two] = crosses[0]!.subs;
    // Two crossing strokes centred on the end of the path (B at x = 100).
    const mid = (s: number[][]) => [((s[0]![0] ?? 0) + (s[1]![0] ?? 0)) / 2, ((s[0]![1] ?? 0) + (s[1]![1] ?? 0)) / 2];
    expect(mid(one!)[0]).toBeCloseTo(100);
    expect(mid(two!)[0]).toBeCloseTo(100);
    expect(crosses[0]!.alpha).toBe(1);
    // The mark itself is red and fading.
    const mark = paints(ctx.ops).find((p) => p.op === 'fill');
    expect(mark?.colour).toBe(DOOMED_COLOUR);
    expect(mark!.alpha).toBeLessThan(0.6);
  });

  it('draws no ✕ for a message that will arrive', () => {
    const ctx = recorder();
    drawMessages(ctx, [makeMessage({ sentAt: 0, deliverAt: 10 })], 9, positions);
    expect(paints(ctx.ops).some((p) => p.colour === DOOMED_COLOUR)).toBe(false);
  });

  it('makes the traffic of a highlighted node stand out and dims the rest', () => {
    const ctx = recorder();
    const toC = makeMessage({ id: 1, kind: 'mutation', from: 'A', to: 'C', sentAt: 0, deliverAt: 10 });
    const other = makeMessage({ id: 2, kind: 'mutation', from: 'A', to: 'B', sentAt: 0, deliverAt: 10 });
    drawMessages(ctx, [toC, other], 5, positions, { highlight: { node: 'C', strength: 1 } });
    const fills = paints(ctx.ops).filter((p) => p.op === 'fill');
    const dimmed = fills.find((p) => p.alpha < 0.5);
    const bright = fills.find((p) => p.alpha === 1);
    expect(dimmed?.subs).toHaveLength(1);
    expect(bright?.subs).toHaveLength(1);
    // The bright one is on the A→C path (x = 50 at half-way), the dim one on A→B (y = 0).
    expect(bright!.subs[0]![1]![0]).toBeCloseTo(50);
    expect(dimmed!.subs[0]![1]![1]).toBeCloseTo(0);
  });
});

describe('messageAt (hit-testing the drawn positions)', () => {
  const msgs = [
    makeMessage({ id: 7, kind: 'mutation', from: 'A', to: 'B', sentAt: 0, deliverAt: 10 }),
    makeMessage({ id: 8, kind: 'hint', from: 'B', to: 'C', sentAt: 0, deliverAt: 10 }),
    makeMessage({ id: 9, kind: 'gossip', from: 'B', to: 'C', sentAt: 0, deliverAt: 10 }),
  ];
  const at = (m: MessageView, t: number): Placement => {
    const p: Placement = newPlacement();
    placeMessage(m, t / 10, positions, 0, 0, p);
    return p;
  };

  it('returns the message whose mark is under the point', () => {
    const p = at(msgs[0]!, 3);
    expect(messageAt(msgs, 3, positions, p.x + 2, p.y - 1)?.id).toBe(7);
  });

  it('misses when nothing is near, and skips hidden kinds', () => {
    expect(messageAt(msgs, 3, positions, 50, 150)).toBeNull();
    const p = at(msgs[0]!, 3);
    expect(messageAt(msgs, 3, positions, p.x, p.y, { hidden: new Set<MessageKind>(['mutation']) })).toBeNull();
  });

  it('prefers the hint drawn on top of a gossip dot at the same place', () => {
    const p = at(msgs[1]!, 5);
    expect(messageAt(msgs, 5, positions, p.x, p.y)?.id).toBe(8);
  });

  it('finds marks where reduced motion draws them: the middle of the arrow', () => {
    expect(messageAt(msgs, 0, positions, 50, 0, { reducedMotion: true })?.id).toBe(7);
  });
});
