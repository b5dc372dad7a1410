// The bounded share-link decoder (src/session/lzBounded.ts): the same text as lz-string for every
// stream lz-string writes, and for a stream written to expand (a short link that would become
// 512 M characters), a refusal after at most MAX_SESSION_CHARS characters and a number of bits
// read that never exceeds six a character of the input. (Compressing with the library is the slow
// part: the generous timeouts are for a loaded machine, not a performance goal.)
import fc from 'fast-check';
import lz from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeSession, ImportError, MAX_LINK_CHARS, MAX_SESSION_CHARS, parseLink } from '../../src/session';
import { decompressBounded } from '../../src/session/lzBounded';
import { runBody, runCodesForLength, runLength } from './runaway';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
/** Bits read can never pass six a character plus one step's worth (a 30-bit code and a 16-bit literal). */
const maxBits = (body: string) => 6 * body.length + 46;

/** Equal to the library, and refused one character under its own length. */
function expectSameAsLibrary(text: string): void {
  const body = lz.compressToEncodedURIComponent(text);
  const decoded = decompressBounded(body, text.length);
  expect(decoded.text).toBe(text);
  expect(decoded.text).toBe(lz.decompressFromEncodedURIComponent(body));
  expect(decoded.overLimit).toBe(false);
  expect(decoded.produced).toBe(text.length);
  expect(decoded.bitsRead).toBeLessThanOrEqual(maxBits(body));
  if (text.length > 0) {
    const short = decompressBounded(body, text.length - 1);
    expect(short.overLimit).toBe(true);
    expect(short.text).toBeNull();
    expect(short.produced).toBeLessThanOrEqual(text.length - 1);
  }
}

/** Seeded text from a vocabulary, long enough to widen codes to 17 bits and more. */
function wordySample(chars: number, seed: number): string {
  const words = ['kill', 'restart', 'hint', 'replica', 'coordinator', '"at":', '{"type":', 'QUORUM', 'é', '\u{1F600}', 'ΦΧΨ', '\n', ' '];
  let x = seed >>> 0;
  const parts: string[] = [];
  let n = 0;
  while (n < chars) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const part = x % 7 === 0 ? String(x % 100_000) : words[x % words.length]!;
    parts.push(part);
    n += part.length;
  }
  return parts.join('');
}

describe('decompressBounded decodes what lz-string writes, byte for byte', () => {
  it('random strings of every kind of unit (lone surrogates, astral, graphemes, ascii)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary-ascii', maxLength: 400 }),
      fc.string({ unit: fc.constantFrom('a', 'b', 'ab', '\u00e9', '\u{1F600}'), maxLength: 2000 }),
    );
    fc.assert(fc.property(text, (t) => expectSameAsLibrary(t)), { numRuns: 400 });
  }, 60_000);

  it('repeated pieces, so entries reuse entries (and the code names the entry being made)', () => {
    const pieces = fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(pieces, fc.array(fc.nat(), { maxLength: 300 }), (ps, picks) => expectSameAsLibrary(picks.map((i) => ps[i % ps.length]).join(''))),
      { numRuns: 300 },
    );
  }, 60_000);

  it('long texts whose codes grow past 16 bits, and a 1 MB session', () => {
    expectSameAsLibrary(wordySample(400_000, 7));
    expectSameAsLibrary(wordySample(60_000, 12_345));
    const log = Array.from({ length: 9_000 }, (_, i) => ({ at: i * 1000.001, command: { type: i % 2 ? 'kill' : 'restart', node: 'ABCDEF'[i % 6] } }));
    const session = JSON.stringify({ v: 1, scenario: { format: 'hintscope/scenario@1', name: 'x'.repeat(100), until: '30d' }, log, at: 1 });
    expect(session.length).toBeGreaterThan(500_000);
    expect(session.length).toBeLessThanOrEqual(MAX_SESSION_CHARS);
    expectSameAsLibrary(session);
  }, 60_000);

  it('the empty string and what the library calls unreadable', () => {
    expect(decompressBounded('', 10)).toEqual({ text: null, overLimit: false, produced: 0, bitsRead: 0 });
    expectSameAsLibrary('');
    // Spaces read as '+' (a link pasted through a form), as in the library.
    const body = lz.compressToEncodedURIComponent(wordySample(3_000, 1));
    expect(body).toContain('+');
    expect(decompressBounded(body.replace(/\+/g, ' '), 10_000).text).toBe(lz.decompressFromEncodedURIComponent(body));
  });
});

describe('on any input at all', () => {
  const firstCodeIs3 = (s: string) => ((ALPHABET.indexOf(s[0] ?? 'A') < 0 ? 0 : ALPHABET.indexOf(s[0]!)) & 48) === 48;

  it('agrees with the library (where it has an answer), never throws, reads at most six bits a character', () => {
    const any = fc.oneof(fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 60 }));
    fc.assert(
      fc.property(any, (s) => {
        const decoded = decompressBounded(s, 100_000);
        expect(decoded.bitsRead).toBeLessThanOrEqual(maxBits(s));
        expect(decoded.produced).toBeLessThanOrEqual(100_000);
        // A first code of 3 makes the library print "undefined"; no compressor writes one.
        if (!firstCodeIs3(s)) expect(decoded.text).toBe(lz.decompressFromEncodedURIComponent(s));
        else expect(decoded.text).toBeNull();
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('stops within the cap and the bit bound on long random streams', () => {
    let x = 99;
    for (const len of [10_000, MAX_LINK_CHARS]) {
      const body = Array.from({ length: len }, () => ALPHABET[(x = (Math.imul(x, 48271) + 11) >>> 0) % 64]).join('');
      const decoded = decompressBounded(body, MAX_SESSION_CHARS);
      expect(decoded.bitsRead).toBeLessThanOrEqual(maxBits(body));
      expect(decoded.produced).toBeLessThanOrEqual(MAX_SESSION_CHARS);
    }
  });
});

describe('links built to expand (issue 12)', () => {
  it('the run bodies are what lz-string writes for a run, and expand as claimed', () => {
    for (let k = 1; k <= 120; k++) expect(runBody(k)).toBe(lz.compressToEncodedURIComponent('a'.repeat(runLength(k))));
    const body = runBody(2_000);
    expect(lz.decompressFromEncodedURIComponent(body)!.length).toBe(runLength(2_000));
    expect(decompressBounded(body, 10_000_000).text).toBe('a'.repeat(runLength(2_000)));
  });

  // The two repros: 74,550 characters that expand to 512 M, and a 154,428-character one (1.9 G).
  const repros = [
    { name: '74,550 characters → 512 M', body: runBody(32_000), expands: runLength(32_000) },
    { name: '154,428 characters → 1.9 G', body: runBody(runCodesForLength(154_428)), expands: runLength(runCodesForLength(154_428)) },
  ];

  for (const { name, body, expands } of repros) {
    it(`${name}: refused after at most MAX_SESSION_CHARS characters, reading a sliver of the link`, () => {
      expect(body.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
      expect(expands).toBeGreaterThanOrEqual(512_000_000);
      const decoded = decompressBounded(body, MAX_SESSION_CHARS);
      expect(decoded.overLimit).toBe(true);
      expect(decoded.text).toBeNull();
      expect(decoded.produced).toBeLessThanOrEqual(MAX_SESSION_CHARS);
      // 1 + 2 + … + k passes 1 M at k = 1,414: about 1,414 codes of at most 11 bits are read.
      expect(decoded.bitsRead).toBeLessThan(20_000);
      expect(() => decodeSession(`#s=${body}`)).toThrow('share link: the session inside is larger than 1 MB');
      let err: unknown;
      try {
        parseLink(`https://example.org/hintscope/#s=${body}`);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).field).toBe('share link');
      expect((err as ImportError).detail).toBe('the session inside is larger than 1 MB');
    });
  }

  it('a session one character over the cap is refused; one at the cap is read', () => {
    // Four words in a seeded order: about 97,000 characters of link for a megabyte.
    let x = 3;
    const words = Array.from({ length: 200_000 }, () => ['kill ', 'restart ', 'hint ', 'replica '][((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) >>> 16) % 4]).join('');
    const pad = (n: number) => JSON.stringify({ v: 1, scenario: { name: words.slice(0, n) } });
    const base = pad(0).length;
    expect(pad(MAX_SESSION_CHARS - base).length).toBe(MAX_SESSION_CHARS);
    expect(() => decodeSession('#s=' + lz.compressToEncodedURIComponent(pad(MAX_SESSION_CHARS - base + 1)))).toThrow(/larger than 1 MB/);
    expect(decodeSession('#s=' + lz.compressToEncodedURIComponent(pad(MAX_SESSION_CHARS - base)))!.scenario).toEqual({ name: words.slice(0, MAX_SESSION_CHARS - base) });
  }, 60_000);
});
