// Stand-ins for what jsdom lacks: a 2D canvas context and laid-out boxes.
import { afterEach, beforeEach } from 'vitest';

/** A 2D context that records the fill colour of every fill, and how often it was cleared. */
export function fillRecordingContext() {
  const fills: unknown[] = [];
  let clears = 0;
  const ctx = {
    fills,
    get clears() {
      return clears;
    },
    fillStyle: '#000' as unknown,
    strokeStyle: '#000' as unknown,
    globalAlpha: 1,
    lineWidth: 1,
    setTransform: () => {},
    clearRect: () => void clears++,
    save: () => {},
    restore: () => {},
    setLineDash: () => {},
    beginPath: () => {},
    closePath: () => {},
    moveTo: () => {},
    lineTo: () => {},
    arc: () => {},
    fill: () => void fills.push(ctx.fillStyle),
    stroke: () => {},
  };
  return ctx;
}

/**
 * For the tests of the calling file: every HTML and SVG element is laid out as a `size` × `size`
 * box at the page's origin (the ring box at 640 px: one pixel is one view unit).
 */
export function withSquareBoxes(size = 640): void {
  const realHtml = HTMLElement.prototype.getBoundingClientRect;
  const realSvg = SVGElement.prototype.getBoundingClientRect;
  beforeEach(() => {
    const rect = () => ({ left: 0, top: 0, right: size, bottom: size, width: size, height: size, x: 0, y: 0, toJSON: () => ({}) }) as DOMRect;
    HTMLElement.prototype.getBoundingClientRect = rect;
    SVGElement.prototype.getBoundingClientRect = rect;
  });
  afterEach(() => {
    HTMLElement.prototype.getBoundingClientRect = realHtml;
    SVGElement.prototype.getBoundingClientRect = realSvg;
  });
}
