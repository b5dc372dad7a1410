import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeUtf8, utf8Length } from '../../src/engine/core/utf8';

describe('the engine UTF-8 encoder', () => {
  it('matches TextEncoder on any string, lone surrogates included', () => {
    const enc = new TextEncoder();
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const want = enc.encode(s);
      expect(Array.from(encodeUtf8(s))).toEqual(Array.from(want));
      expect(utf8Length(s)).toBe(want.length);
    }), { numRuns: 2000 });
    expect(Array.from(encodeUtf8('\ud800x'))).toEqual([0xef, 0xbf, 0xbd, 0x78]);
    expect(utf8Length('é😀')).toBe(6);
  });
});
