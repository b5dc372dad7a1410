// pure: lz-string's decompressFromEncodedURIComponent with a cap on its output, so a share link
// that would expand to gigabytes is refused after at most `maxChars` characters of work.
//
// Ported from lz-string 1.5.0 (`decompressFromEncodedURIComponent` and `_decompress` in
// libs/lz-string.js), Copyright (c) 2013 Pieroxy <pieroxy@pieroxy.net>, MIT License
// (the full text ships in node_modules/lz-string/LICENSE). The steps and their order are the
// library's, so every stream its compressor writes decodes to the same string
// (test/session/lzBounded.test.ts checks that against the library). It differs only where the
// library has no good answer: it stops when the output would pass `maxChars`; a stream whose
// first code is 3 (no compressor writes one; the library then emits the text "undefined") and
// a code width past 30 bits (where the library's bit loop never ends) are unreadable (null).
// Its bit reader takes a character at a time where the library takes a bit at a time: the same
// bits in the same order, about twice as fast.
//
// Why the work is bounded by O(input + maxChars), whatever the stream (crafted or not):
// - Every step consumes input: the reader hands out bits in the library's order, six per input
//   character, and the loop stops (as the library's does) once it has read past the last
//   character. A step starts only while fewer than 6 × length bits are read and reads at most
//   numBits + 16 ≤ 46 more, so at most 6 × length + 46 bits are read in all (`bitsRead`
//   counts them); each step reads at least 3 (numBits starts at 3 and only grows), so there
//   are at most 2 × length + 1 steps.
// - A step adds at most two dictionary entries (a literal, and w + entry[0]): the dictionary
//   holds at most 4 + 2 × steps codes, so numBits stays ≤ log2 of that + 1 (and a stream that
//   pushes it past MAX_CODE_BITS is refused).
// - A step's other work is its entry: looked up or made as w + w[0], then appended, and one new
//   entry w + entry[0]. Every entry is a previous output (w) plus one character, so no entry is
//   longer than the output so far plus one; the entry is counted before it is appended and
//   decoding stops when the output would pass maxChars. So the characters appended sum to at
//   most maxChars. The `+` of two strings is O(1) in V8 (a rope), at most O(maxChars) in any JS
//   engine, and the first characters are kept aside rather than read from the ropes, so nothing
//   is copied until the final join of at most maxChars characters: a refused stream costs
//   O(bits read) time and O(steps) memory, an accepted one O(bits read + maxChars).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
/** Codes this wide would overflow the library's 32-bit `power` (it then loops for ever). */
const MAX_CODE_BITS = 30;

// The library reads each character's six bits from the highest down and assembles every value
// from its lowest bit up; REVERSED holds each character's bits in that reading order, so the
// reader can take a whole character at a time. A character outside the alphabet (or past the
// end) reads as 0 bits: the library looks it up in an object, gets undefined, and
// `undefined & position` is 0.
const REVERSED = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) {
  let r = 0;
  for (let b = 0; b < 6; b++) if (i & (1 << b)) r |= 1 << (5 - b);
  REVERSED[ALPHABET.charCodeAt(i)] = r;
}

/** The library's bit reader (six bits a character, each value lowest bit first), a character at a time. */
class BitReader {
  /** Bits taken from the input but not yet handed out, the next one lowest; fewer than 30. */
  private buffer = 0;
  private buffered = 0;
  private index = 0;
  bitsRead = 0;
  private readonly endBits: number;

  constructor(private readonly input: string) {
    this.endBits = 6 * input.length;
  }

  /** The library's end test, made at the top of every step: its reader has moved past the last character. */
  get exhausted(): boolean {
    return this.bitsRead >= this.endBits;
  }

  take(width: number): number {
    // Two takes keep the buffer within 31 bits for codes up to MAX_CODE_BITS wide.
    if (width > 24) return this.take(16) | (this.take(width - 16) << 16);
    while (this.buffered < width) {
      const code = this.input.charCodeAt(this.index++); // NaN past the end
      this.buffer |= (code < 128 ? REVERSED[code]! : 0) << this.buffered;
      this.buffered += 6;
    }
    const bits = this.buffer & ((1 << width) - 1);
    this.buffer >>>= width;
    this.buffered -= width;
    this.bitsRead += width;
    return bits;
  }
}

export interface Decompressed {
  /**
   * What lz-string returns for the stream when it fits: the text, or '' / null for a stream it
   * cannot read. null when the output passed the cap.
   */
  text: string | null;
  /** True when the output would have passed `maxChars`: decoding stopped there. */
  overLimit: boolean;
  /** Characters decoded before stopping (never more than maxChars). */
  produced: number;
  /** Bits read from the input (at most 6 × its length + 46). */
  bitsRead: number;
}

/** lz-string's decompressFromEncodedURIComponent, stopping before its output passes maxChars. */
export function decompressBounded(compressed: string, maxChars: number): Decompressed {
  if (compressed === '') return { text: null, overLimit: false, produced: 0, bitsRead: 0 };
  const bits = new BitReader(compressed.replace(/ /g, '+'));
  let produced = 0;
  const end = (text: string | null, overLimit = false): Decompressed => ({ text, overLimit, produced, bitsRead: bits.bitsRead });

  // Codes 0, 1 and 2 are instructions (an 8-bit literal, a 16-bit literal, the end), never entries.
  // heads[c] is entry c's first character: the library takes it with charAt(0), which makes the
  // JS engine flatten a long entry built by `+`; kept aside, an entry that is refused is never
  // copied, and one that is kept is copied once, by the final join.
  const dictionary: string[] = [];
  const heads: string[] = [];
  const first = bits.take(2);
  if (first === 2) return end('');
  if (first === 3) return end(null);
  let w = String.fromCharCode(bits.take(first === 0 ? 8 : 16));
  let wHead = w;
  dictionary[3] = heads[3] = w;
  if (maxChars < 1) return end(null, true);
  const result = [w];
  produced = 1;
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;

  for (;;) {
    if (bits.exhausted) return end('');
    let c = bits.take(numBits);
    if (c === 2) return end(result.join(''));
    if (c < 2) {
      heads[dictSize] = dictionary[dictSize] = String.fromCharCode(bits.take(c === 0 ? 8 : 16));
      c = dictSize++;
      enlargeIn--;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }

    let entry: string;
    let head: string;
    if (c < dictSize) {
      entry = dictionary[c]!;
      head = heads[c]!;
    } else if (c === dictSize) {
      entry = w + wHead;
      head = wHead;
    } else return end(null);
    if (produced + entry.length > maxChars) return end(null, true);
    result.push(entry);
    produced += entry.length;

    // Add w + entry[0] to the dictionary.
    heads[dictSize] = wHead;
    dictionary[dictSize++] = w + head;
    enlargeIn--;
    w = entry;
    wHead = head;

    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    if (numBits > MAX_CODE_BITS) return end(null);
  }
}
