// The ring's SVG export stands alone: namespace, size, a background, styles inline, no classes.
import { describe, expect, it } from 'vitest';
import { ringSvgText } from '../../src/ui/exports/ringImage';

describe('ringSvgText', () => {
  it('serializes a standalone SVG with inline styles', () => {
    document.head.insertAdjacentHTML('beforeend', '<style>.glyph-body { fill: rgb(0, 114, 178); stroke: rgb(21, 25, 30); }</style>');
    document.body.innerHTML = `<svg class="ring-svg" viewBox="0 0 640 640"><g class="node-glyph" data-testid="node-A" tabindex="0"><circle class="glyph-body" r="20"></circle><text>A</text></g></svg>`;
    const svg = document.querySelector('svg')!;
    const text = ringSvgText(svg, { background: '#ffffff', size: 800, title: 'Six nodes <&>' });
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = new DOMParser().parseFromString(text.replace(/^<\?xml[^>]*>\n/, ''), 'image/svg+xml');
    const root = doc.documentElement;
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(text.match(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g)).toHaveLength(1);
    expect(root.getAttribute('width')).toBe('800');
    expect(root.getAttribute('viewBox')).toBe('0 0 640 640');
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    expect(root.querySelector('title')?.textContent).toBe('Six nodes <&>');
    expect(root.querySelector('[data-testid="node-A"]')).not.toBeNull();
    expect(root.querySelector('[class]')).toBeNull();
    expect(root.querySelector('[tabindex]')).toBeNull();
    expect(root.querySelector('circle')?.getAttribute('style')).toContain('fill:rgb(0, 114, 178)');
    // The page's SVG itself is untouched.
    expect(svg.querySelector('circle')?.getAttribute('class')).toBe('glyph-body');
  });

  it('puts the token ring, drawn on its own layer, back under the glyphs', () => {
    document.body.innerHTML =
      '<div><svg class="token-ring-svg" viewBox="0 0 640 640"><g data-testid="token-ring"><path class="token-arc" d="M0,0L1,1" data-owner="A"></path></g></svg>' +
      '<svg class="ring-svg" viewBox="0 0 640 640"><g class="node-glyph" data-testid="node-A"><circle r="20"></circle></g></svg></div>';
    const svg = document.querySelector<SVGSVGElement>('svg.ring-svg')!;
    const doc = new DOMParser().parseFromString(ringSvgText(svg, { background: '#fff' }).replace(/^<\?xml[^>]*>\n/, ''), 'image/svg+xml');
    const arcs = doc.querySelector('[data-testid="token-ring"]');
    const glyph = doc.querySelector('[data-testid="node-A"]');
    expect(arcs?.querySelector('path')?.getAttribute('data-owner')).toBe('A');
    // Under the glyphs: earlier in document order.
    expect(arcs!.compareDocumentPosition(glyph!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(doc.querySelectorAll('svg')).toHaveLength(1);
  });
});
