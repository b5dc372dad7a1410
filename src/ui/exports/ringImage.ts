// The ring as a standalone picture: the live SVG cloned with every presentational style inlined
// (it renders the same outside the page: a file viewer, an <img>), and a PNG of it with the
// messages in flight drawn on top by the same renderer the message canvas uses.
import type { Frame } from '../../protocol';
import type { Context2D } from '../../view/canvas/context';
import { createMessageRenderer } from '../ring/canvas/renderer';
import { nodePositions, VIEW } from '../../view/geometry';
import { dcKeyOf, withDcs } from '../../view/datacenters';
import { TOKEN_LAYER_CLASS } from '../ring/TokenRing';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties worth carrying over (the rest is layout the SVG does not use). */
const PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin',
  'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'paint-order',
  'letter-spacing', 'visibility', 'display',
] as const;

/** A clone of `svg` with every presentational style inlined and classes and tab stops dropped. */
function inlinedClone(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  src.forEach((el, i) => {
    const out = dst[i] as SVGElement | undefined;
    if (!out) return;
    const cs = getComputedStyle(el);
    const style: string[] = [];
    for (const p of PROPS) {
      const v = cs.getPropertyValue(p);
      if (v && v !== 'normal' && v !== 'auto') style.push(`${p}:${v}`);
    }
    // Animations and transitions mean nothing in a still picture.
    if (style.length) out.setAttribute('style', style.join(';'));
    out.removeAttribute('tabindex');
    out.removeAttribute('class');
  });
  return clone;
}

/**
 * Serialized SVG text of the ring, standalone: inline styles, a background, width and height.
 * The token ring, drawn on the page as its own layer under the ring's SVG (so a frame's changes
 * do not repaint it), is put back underneath the glyphs.
 */
export function ringSvgText(svg: SVGSVGElement, opts: { background: string; size?: number; title?: string }): string {
  const clone = inlinedClone(svg);
  const tokens = svg.parentElement?.querySelector<SVGSVGElement>(`svg.${TOKEN_LAYER_CLASS}`);
  if (tokens) clone.prepend(...inlinedClone(tokens).childNodes);
  // Elements React or the browser hides from assistive tech (focus rings) stay; interactive bits go.
  for (const el of clone.querySelectorAll('foreignObject, script')) el.remove();
  const size = opts.size ?? VIEW;
  clone.setAttribute('width', String(size));
  clone.setAttribute('height', String(size));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${VIEW} ${VIEW}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', opts.background);
  clone.insertBefore(bg, clone.firstChild);
  if (opts.title) {
    const t = document.createElementNS(SVG_NS, 'title');
    t.textContent = opts.title;
    clone.insertBefore(t, clone.firstChild);
  }
  let text = new XMLSerializer().serializeToString(clone);
  // An SVG element declares its namespace when serialized; set by hand it would appear twice.
  if (!/^<svg[^>]*\sxmlns="/.test(text)) text = text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + text;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((ok, fail) => {
    const img = new Image();
    img.onload = () => ok(img);
    img.onerror = () => fail(new Error('the ring picture did not render'));
    img.src = src;
  });
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('the PNG could not be encoded'))), 'image/png'));
}

export interface PngOptions {
  /** Pixels per side. */
  size?: number;
  dark: boolean;
  /** Frame whose messages in flight are drawn on top (null: the ring only). */
  frame: Frame | null;
  nodes: readonly string[];
  nodeRadius: number;
}

/**
 * PNG of the ring: the standalone SVG drawn on a canvas (a data: URL, which the page's CSP
 * allows for images) and the messages in flight, as still arrows, over it.
 */
export async function ringPng(svgText: string, opts: PngOptions): Promise<Blob> {
  const size = opts.size ?? 1280;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  const img = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`);
  ctx.drawImage(img, 0, 0, size, size);
  if (opts.frame && opts.frame.messages.length > 0) {
    const layer = document.createElement('canvas');
    layer.width = layer.height = size;
    const lctx = layer.getContext('2d');
    if (lctx) {
      const renderer = createMessageRenderer(lctx as unknown as Context2D, { side: size, dpr: 1, reduced: true, dark: opts.dark, nodeRadius: opts.nodeRadius });
      const frame = { ...opts.frame, playing: false, jumpProgress: null };
      renderer.draw({ frame, frameReceivedAt: 0, hiddenMessages: [], flash: null }, withDcs(nodePositions(opts.nodes), dcKeyOf(opts.frame.nodes)), 0);
      ctx.drawImage(layer, 0, 0);
    }
  }
  return toBlob(canvas);
}
