// Share-link bodies that expand far past their size: a run of one character, written code by
// code the way lz-string's compressor writes it (lzBounded.test.ts checks it is the library's
// own output for small runs), without building the run first. k codes name entries of 1, 2, …, k
// characters, so a body of about 2.3 × k characters expands to k(k+1)/2. Used by the unit tests
// and the browser test (test/e2e/links.spec.ts).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/** lz-string's bit writer for URI components: six bits a character, least significant bit of each value first. */
class BitWriter {
  private val = 0;
  private position = 0;
  private readonly out: string[] = [];

  write(value: number, width: number): void {
    for (let i = 0; i < width; i++) {
      this.val = (this.val << 1) | (value & 1);
      if (this.position === 5) {
        this.position = 0;
        this.out.push(ALPHABET[this.val]!);
        this.val = 0;
      } else this.position++;
      value >>= 1;
    }
  }

  /** The library's flush: pad with zeros up to (and, on a boundary, including) one more character. */
  finish(): string {
    for (;;) {
      this.val <<= 1;
      if (this.position === 5) {
        this.out.push(ALPHABET[this.val]!);
        break;
      }
      this.position++;
    }
    return this.out.join('');
  }
}

/** Characters a run body of k codes expands to. */
export const runLength = (k: number): number => (k * (k + 1)) / 2;

/** The body (no `#s=`) lz-string's compressToEncodedURIComponent writes for `char` repeated runLength(k) times. */
export function runBody(k: number, char = 'a'): string {
  const w = new BitWriter();
  w.write(0, 2); // an 8-bit literal: the first entry, code 3
  w.write(char.charCodeAt(0), 8);
  // The decoder widens its codes as its dictionary fills; the writer follows the same schedule.
  let numBits = 3;
  let enlargeIn = 4;
  for (let code = 4; code <= k + 2; code++) {
    w.write(code, numBits); // always the next free code: the previous entry plus its first character
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  w.write(2, numBits); // the end
  return w.finish();
}

/** The smallest k whose run body is at least `chars` long. */
export function runCodesForLength(chars: number): number {
  let lo = 1;
  let hi = 8 * chars;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (runBody(mid).length >= chars) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
