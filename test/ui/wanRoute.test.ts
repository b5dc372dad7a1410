// Messages between datacenters on the canvas: drawn round the outside of the ring (longer than
// the chord), their way ahead dashed, in sight longer than a LAN hop, and what their arrival
// causes held back until that arrival is drawn.
import { describe, expect, it } from 'vitest';
import { drawMessages, newPlacement, placeMessage, WAN_LINKS_MAX, type MessageContext } from '../../src/view/canvas/drawMessages';
import { WAN_DASH } from '../../src/view/canvas/marks';
import { createMotion, WAN_VISIBLE_FACTOR } from '../../src/view/canvas/motion';
import { crossesDc, type NodePoint } from '../../src/view/canvas/route';
import { CENTER, ORBIT, nodePositions } from '../../src/view/geometry';
import { dcKeyOf, withDcs } from '../../src/view/datacenters';
import { makeMessage } from './fixtures';

const IDS = ['A', 'B', 'C', 'D', 'E', 'F'];
const DCS = dcKeyOf(IDS.map((id, i) => ({ id, dc: i < 3 ? 'dc1' : 'dc2' })));
const positions = withDcs(nodePositions(IDS), DCS);
const INSET = 36;

const radius = (x: number, y: number) => Math.hypot(x - CENTER, y - CENTER);

function runTo(motion: ReturnType<typeof createMotion>, from: number, to: number) {
  for (let t = from + 16; t < to; t += 16) motion.advance(t, true);
  motion.advance(to, true);
}

describe('the route of a message', () => {
  it('crosses datacenters only when both ends name a different one', () => {
    const a: NodePoint = { x: 0, y: 0, dc: 'dc1' };
    expect(crossesDc(a, { x: 1, y: 1, dc: 'dc2' })).toBe(true);
    expect(crossesDc(a, { x: 1, y: 1, dc: 'dc1' })).toBe(false);
    expect(crossesDc(a, { x: 1, y: 1 })).toBe(false);
    expect(crossesDc(undefined, a)).toBe(false);
  });

  it('within a datacenter is the chord between the glyphs', () => {
    const P = newPlacement();
    expect(placeMessage(makeMessage({ from: 'A', to: 'C' }), 0.5, positions, INSET, 0, P)).toBe(true);
    expect(P.wan).toBe(false);
    const a = positions.get('A')!;
    const c = positions.get('C')!;
    expect(P.x).toBeCloseTo((a.x + c.x) / 2);
    expect(P.y).toBeCloseTo((a.y + c.y) / 2);
  });

  it('between datacenters bows outside the glyphs and starts and ends at their edges', () => {
    const P = newPlacement();
    const m = makeMessage({ from: 'C', to: 'D' });
    expect(placeMessage(m, 0.5, positions, INSET, 0, P)).toBe(true);
    expect(P.wan).toBe(true);
    expect(radius(P.x, P.y)).toBeGreaterThan(ORBIT + INSET);
    const c = positions.get('C')!;
    const d = positions.get('D')!;
    expect(Math.hypot(P.sx - c.x, P.sy - c.y)).toBeCloseTo(INSET, 0);
    expect(Math.hypot(P.ex - d.x, P.ey - d.y)).toBeCloseTo(INSET, 0);
  });

  it('between opposite glyphs runs round the ring, not through the middle, and is longer than the chord', () => {
    const P = newPlacement();
    const m = makeMessage({ from: 'A', to: 'D' });
    let length = 0;
    let prev: [number, number] | null = null;
    for (let i = 0; i <= 100; i++) {
      placeMessage(m, i / 100, positions, INSET, 0, P);
      expect(radius(P.x, P.y)).toBeGreaterThan(ORBIT - 1);
      if (prev) length += Math.hypot(P.x - prev[0], P.y - prev[1]);
      prev = [P.x, P.y];
    }
    expect(length).toBeGreaterThan(1.4 * (2 * ORBIT - 2 * INSET));
  });

  it('keeps a request and its answer in separate lanes', () => {
    const P = newPlacement();
    placeMessage(makeMessage({ from: 'C', to: 'D' }), 0.5, positions, INSET, 4, P);
    const there = radius(P.x, P.y);
    placeMessage(makeMessage({ from: 'D', to: 'C' }), 0.5, positions, INSET, 4, P);
    expect(Math.abs(radius(P.x, P.y) - there)).toBeCloseTo(8, 1);
  });
});

describe('drawing a WAN message', () => {
  it('dashes its way ahead in one stroke; a LAN message gets none', () => {
    const dashes: number[][] = [];
    const strokes: number[] = [];
    const ctx: MessageContext = {
      fillStyle: '', strokeStyle: '', globalAlpha: 1, lineWidth: 1,
      save() {}, restore() {}, beginPath() {}, closePath() {}, moveTo() {}, lineTo() {}, arc() {}, fill() {},
      stroke() {
        strokes.push(dashes.length);
      },
      setLineDash(d) {
        dashes.push(d);
      },
    };
    drawMessages(ctx, [makeMessage({ from: 'A', to: 'B', sentAt: 0, deliverAt: 10 })], 5, positions, { nodeRadius: INSET });
    expect(dashes.filter((d) => d.length > 0)).toEqual([]);
    drawMessages(ctx, [makeMessage({ from: 'A', to: 'E', sentAt: 0, deliverAt: 10 })], 5, positions, { nodeRadius: INSET });
    expect(dashes.filter((d) => d.length > 0)).toEqual([WAN_DASH]); // markScale 1: the dash as declared
  });

  it('counts what it drew: WAN messages, and relay copies badged', () => {
    const ctx: MessageContext = {
      fillStyle: '', strokeStyle: '', globalAlpha: 1, lineWidth: 1,
      save() {}, restore() {}, beginPath() {}, closePath() {}, moveTo() {}, lineTo() {}, arc() {}, fill() {}, stroke() {}, setLineDash() {},
    };
    const counts = { wan: -1, relays: -1 };
    const msgs = [
      makeMessage({ id: 1, from: 'A', to: 'D', forwardTo: ['E', 'F'], sentAt: 0, deliverAt: 40 }),
      makeMessage({ id: 2, kind: 'mutation-ack', from: 'E', to: 'A', sentAt: 0, deliverAt: 40 }),
      makeMessage({ id: 3, from: 'D', to: 'E', relayed: true, sentAt: 0, deliverAt: 40 }),
    ];
    drawMessages(ctx, msgs, 20, positions, { nodeRadius: INSET, counts });
    expect(counts).toEqual({ wan: 2, relays: 1 });
    drawMessages(ctx, msgs, 20, positions, { nodeRadius: INSET, counts, hidden: new Set(['mutation']) });
    expect(counts).toEqual({ wan: 1, relays: 0 });
    const many = Array.from({ length: WAN_LINKS_MAX + 50 }, (_, i) => makeMessage({ id: i, from: 'A', to: 'D', sentAt: 0, deliverAt: 40 }));
    drawMessages(ctx, many, 20, positions, { nodeRadius: INSET, counts });
    expect(counts.wan).toBe(WAN_LINKS_MAX);
  });
});

describe('reduced motion', () => {
  it('rings the relay copy at the middle of its still arrow', () => {
    const rings: number[] = [];
    const ctx: MessageContext = {
      fillStyle: '', strokeStyle: '', globalAlpha: 1, lineWidth: 1,
      save() {}, restore() {}, beginPath() {}, closePath() {}, moveTo() {}, lineTo() {}, fill() {}, stroke() {}, setLineDash() {},
      arc(_x, _y, r) {
        rings.push(r);
      },
    };
    const plain = makeMessage({ id: 1, from: 'A', to: 'D', sentAt: 0, deliverAt: 40 });
    drawMessages(ctx, [plain], 0, positions, { nodeRadius: INSET, reducedMotion: true });
    const marksOnly = rings.length;
    rings.length = 0;
    drawMessages(ctx, [{ ...plain, forwardTo: ['E', 'F'] }], 0, positions, { nodeRadius: INSET, reducedMotion: true });
    expect(rings.length).toBe(marksOnly + 1);
    expect(Math.max(...rings)).toBeGreaterThan(Math.max(...rings.slice(0, marksOnly)));
  });
});

describe('WAN motion', () => {
  const isWan = (m: { from: string; to: string }) => crossesDc(positions.get(m.from), positions.get(m.to));

  it('a WAN hop stays in sight WAN_VISIBLE_FACTOR times as long as a LAN hop', () => {
    const motion = createMotion(500);
    const lan = makeMessage({ id: 1, from: 'A', to: 'B', sentAt: 0, deliverAt: 5 });
    const wan = makeMessage({ id: 2, from: 'A', to: 'E', sentAt: 0, deliverAt: 40 });
    motion.advance(0, true);
    motion.sync([lan, wan], true, isWan);
    motion.sync([], true, isWan);
    runTo(motion, 0, 400);
    expect(motion.progressOf(lan, 100, true)).toBeCloseTo(0.8);
    expect(motion.progressOf(wan, 100, true)).toBeCloseTo(0.8 / WAN_VISIBLE_FACTOR);
  });

  it('holds what a WAN arrival caused (the relay forwarding on) until that arrival is drawn', () => {
    const motion = createMotion(500);
    const toRelay = makeMessage({ id: 1, kind: 'mutation', from: 'A', to: 'D', sentAt: 0, deliverAt: 40 });
    const onward = makeMessage({ id: 2, kind: 'mutation', from: 'D', to: 'E', sentAt: 40, deliverAt: 45 });
    const unrelated = makeMessage({ id: 3, kind: 'mutation', from: 'D', to: 'F', sentAt: 41, deliverAt: 46 });
    motion.advance(0, true);
    motion.sync([toRelay], true, isWan);
    runTo(motion, 0, 100);
    motion.sync([onward, unrelated], true, isWan);
    expect(motion.progressOf(onward, 42, true)).toBeLessThan(0);
    expect(motion.progressOf(unrelated, 42, true)).toBeGreaterThanOrEqual(0);
    runTo(motion, 100, 500 * WAN_VISIBLE_FACTOR + 250);
    expect(motion.progressOf(onward, 60, true)).toBeCloseTo(0.5);
  });
});
