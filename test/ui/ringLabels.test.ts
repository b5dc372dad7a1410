// Labels outside a crowded ring: for 16, 32, 64 and 128 nodes no two label boxes intersect, each
// sits outside the token ring on its own glyph's side, and the ring fitted to a 1280×720 stage
// keeps every label inside the space it was given.
import { describe, expect, it } from 'vitest';
import { CENTER, RING_OUTER, VIEW } from '../../src/view/geometry';
import { fitLabelledRing, labelBounds, labelsAround, labelsOutside, layoutRingLabels, overlaps, textWidth, wideness, type LabelBox } from '../../src/view/ringLabels';
import { fitRingToLabels, labelSize } from '../../src/ui/ring/RingLabels';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `n${i + 1}`);
/** A name at 12 px, every seventh node with a hint count and a DOWN tag under it. */
const size = (id: string) => {
  const tagged = Number(id.slice(1)) % 7 === 0;
  return { w: Math.max(textWidth(`${id} 1,234`, 12), tagged ? textWidth('seen down by 5/64', 14) : 0), h: tagged ? 38 : 16 };
};

function pairsOverlapping(boxes: readonly LabelBox[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) out.push(`${i}/${j}`);
  return out;
}

describe('ring labels', () => {
  it('the overlap test sees touching and separate boxes', () => {
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 9, y: 9, w: 5, h: 5 })).toBe(true);
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 11, y: 0, w: 5, h: 5 })).toBe(false);
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 11, y: 0, w: 5, h: 5 }, 2)).toBe(true);
  });

  it('boxes placed naively on their rays do overlap at 64 nodes (the layout has work to do)', () => {
    const side = 370;
    const labels = layoutRingLabels({ centre: { x: side / 2, y: side / 2 }, radius: 1e9, items: [] });
    expect(labels).toEqual([]);
    const naive = labelsAround(side, ids(64), size).map((l) => l);
    // Pushed apart: at least some labels left the first tier.
    const k = side / VIEW;
    const far = naive.filter((l) => Math.hypot(l.x + l.w / 2 - CENTER * k, l.y + l.h / 2 - CENTER * k) > (RING_OUTER + 6) * k + 40);
    expect(far.length).toBeGreaterThan(0);
  });

  for (const n of [16, 32, 64, 128]) {
    it(`${n} nodes: no two label boxes intersect, each outside the ring beside its glyph`, () => {
      const side = 370;
      const k = side / VIEW;
      const labels = labelsAround(side, ids(n), size);
      expect(labels).toHaveLength(n);
      expect(pairsOverlapping(labels)).toEqual([]);
      labels.forEach((l, i) => {
        const cx = l.x + l.w / 2 - CENTER * k;
        const cy = l.y + l.h / 2 - CENTER * k;
        // Outside the token ring…
        expect(Math.hypot(cx, cy)).toBeGreaterThan(RING_OUTER * k);
        // …and on its glyph's bearing (clockwise from the top).
        const want = (i / n) * 2 * Math.PI;
        const got = Math.atan2(cx, -cy);
        const diff = Math.abs(Math.atan2(Math.sin(got - want), Math.cos(got - want)));
        expect(diff).toBeLessThan(0.35);
      });
    });
  }

  it('the ring fitted to a 600 × 420 px stage keeps its 64 names inside it, none overlapping', () => {
    const name = (id: string) => ({ w: textWidth(id, 12), h: 16 });
    const { side, labels } = fitLabelledRing(600, 420, ids(64), name);
    expect(side).toBeLessThan(420);
    expect(side).toBeGreaterThan(300);
    const b = labelBounds(labels);
    expect(b.y).toBeGreaterThanOrEqual(-(420 - side) / 2);
    expect(b.y + b.h).toBeLessThanOrEqual(side + (420 - side) / 2);
    expect(b.x).toBeGreaterThanOrEqual(-(600 - side) / 2);
    expect(pairsOverlapping(labels)).toEqual([]);
  });

  it('names go outside when inside a glyph they would be under 12 px, and not past 128 nodes', () => {
    expect(labelsOutside(6, 370)).toBe(false);
    expect(labelsOutside(32, 370)).toBe(true);
    expect(labelsOutside(64, 370)).toBe(true);
    expect(labelsOutside(128, 370)).toBe(true);
    expect(labelsOutside(256, 370)).toBe(false);
  });
});

describe('the ring fitted to its labels as drawn', () => {
  const down = ['n1', 'n17', 'n48', 'n60'];
  const tagsOf = (note: boolean) => JSON.stringify(down.map((id) => [id, [{ text: 'DOWN', className: 'tag tag-down' }, ...(note ? [{ text: 'seen down by 60/60', className: 'glyph-note' }] : [])]]));

  it('makes room for the DOWN tags, every label inside the stage; notes go when they would cost the ring more than a sixth', () => {
    const names = fitRingToLabels(610, 414, ids(64), 1, 99, '');
    const tagged = fitRingToLabels(610, 414, ids(64), 1, 99, tagsOf(true));
    expect(names.fits && tagged.fits).toBe(true);
    expect(tagged.side).toBeLessThan(names.side);
    expect(tagged.notes).toBe(false);
    // What is drawn: the tags, no notes; inside the 610 × 414 stage.
    const texts = new Map(ids(64).map((id) => [id, { id, held: 99, state: 'up', tags: down.includes(id) ? [{ text: 'DOWN', className: 'tag tag-down' }] : [] }]));
    const b = labelBounds(labelsAround(tagged.side, ids(64), (id) => labelSize(texts.get(id)!, 1), wideness(610, 414)));
    expect(b.x).toBeGreaterThanOrEqual(-(610 - tagged.side) / 2);
    expect(b.y).toBeGreaterThanOrEqual(-(414 - tagged.side) / 2);
    expect(b.x + b.w).toBeLessThanOrEqual(tagged.side + (610 - tagged.side) / 2);
    expect(b.y + b.h).toBeLessThanOrEqual(tagged.side + (414 - tagged.side) / 2);
  });

  it('keeps the notes on a roomy stage, and says when not even the names fit (a phone at 64 nodes)', () => {
    const one = JSON.stringify([['n1', [{ text: 'DOWN', className: 'tag tag-down' }, { text: 'seen down by 1/31', className: 'glyph-note' }]]]);
    expect(fitRingToLabels(1400, 900, ids(32), 1, 0, one)).toMatchObject({ notes: true, fits: true });
    expect(fitRingToLabels(366, 366, ids(64), 1, 99, tagsOf(true)).fits).toBe(false);
  });
});
