// pure: MurmurHash3 x64_128 as Cassandra's Murmur3Partitioner uses it: the token of a key is the
// first 64-bit half as a signed long (Long.MIN_VALUE mapped to Long.MAX_VALUE).
// Keys are hashed as UTF-8 bytes; Cassandra sign-extends tail bytes, which we reproduce.
// 64-bit words are pairs of 32-bit halves (hi, lo): BigInt arithmetic allocates at every step,
// and every new key is hashed on the simulation's hot path.
import { encodeUtf8 } from './utf8';

/** A 64-bit word being computed: hi and lo are unsigned 32-bit halves. */
class U64 {
  constructor(public hi = 0, public lo = 0) {}

  set(hi: number, lo: number): this {
    this.hi = hi >>> 0;
    this.lo = lo >>> 0;
    return this;
  }

  xor(o: U64): this {
    return this.set(this.hi ^ o.hi, this.lo ^ o.lo);
  }

  add(o: U64): this {
    const lo = this.lo + o.lo;
    return this.set(this.hi + o.hi + (lo > 0xffffffff ? 1 : 0), lo);
  }

  /** this * (hi:lo), low 64 bits. */
  mul(hi: number, lo: number): this {
    const al = this.lo, ah = this.hi;
    const a0 = al & 0xffff, a1 = al >>> 16, b0 = lo & 0xffff, b1 = lo >>> 16;
    const p00 = a0 * b0;
    const mid = a0 * b1 + a1 * b0;
    const carry = Math.floor((mid + (p00 >>> 16)) / 65536);
    const high = a1 * b1 + carry;
    return this.set(high + Math.imul(ah, lo) + Math.imul(al, hi), Math.imul(al, lo));
  }

  rotl(r: number): this {
    const hi = this.hi, lo = this.lo;
    if (r >= 32) return this.set(lo, hi).rotl(r - 32);
    if (r === 0) return this;
    return this.set((hi << r) | (lo >>> (32 - r)), (lo << r) | (hi >>> (32 - r)));
  }

  /** this ^= this >>> 33 */
  xorShift33(): this {
    return this.set(this.hi, this.lo ^ (this.hi >>> 1));
  }
}

function fmix(k: U64): void {
  k.xorShift33();
  k.mul(0xff51afd7, 0xed558ccd);
  k.xorShift33();
  k.mul(0xc4ceb9fe, 0x1a85ec53);
  k.xorShift33();
}

const C1H = 0x87c37b91, C1L = 0x114253d5;
const C2H = 0x4cf5ad43, C2L = 0x2745937f;
const N1 = new U64(0, 0x52dce729), N2 = new U64(0, 0x38495ab5);

/** UTF-8 bytes; ASCII without the encoder's allocation. */
function utf8(key: string): Uint8Array | string {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0x7f) return encodeUtf8(key);
  return key;
}

function byteAt(data: Uint8Array | string, i: number): number {
  return typeof data === 'string' ? data.charCodeAt(i) : data[i]!;
}

/** Little-endian 32-bit word at i. */
function word(data: Uint8Array | string, i: number): number {
  return (byteAt(data, i) | (byteAt(data, i + 1) << 8) | (byteAt(data, i + 2) << 16) | (byteAt(data, i + 3) << 24)) >>> 0;
}

/** `count` (at most 8) tail bytes from `base` as one word: Java's sign-extended `(long) byte << 8j`, xor-ed. */
function tailWord(data: Uint8Array | string, base: number, count: number, out: U64): U64 {
  let hi = 0, lo = 0;
  for (let j = count - 1; j >= 0; j--) {
    const b = byteAt(data, base + j);
    // (long) byte << 8j: a negative byte sets every bit from 8j up.
    const sx = b >= 128;
    const sh = j * 8;
    if (sh < 32) {
      lo ^= (b << sh) | (sx && sh + 8 < 32 ? ~0 << (sh + 8) : 0);
      if (sx) hi ^= ~0;
      if (sh + 8 > 32) hi ^= b >>> (32 - sh);
    } else {
      hi ^= (b << (sh - 32)) | (sx && sh - 24 < 32 ? ~0 << (sh - 24) : 0);
    }
  }
  return out.set(hi, lo);
}

/** The key's token as (hi, lo) halves of the signed 64-bit value. */
function hash(key: string): U64 {
  const data = utf8(key);
  const len = data.length;
  const nblocks = len >> 4;
  const h1 = new U64(), h2 = new U64(), k1 = new U64(), k2 = new U64();
  for (let i = 0; i < nblocks; i++) {
    const at = i * 16;
    k1.set(word(data, at + 4), word(data, at));
    k2.set(word(data, at + 12), word(data, at + 8));
    k1.mul(C1H, C1L).rotl(31).mul(C2H, C2L); h1.xor(k1);
    h1.rotl(27).add(h2).mul(0, 5).add(N1);
    k2.mul(C2H, C2L).rotl(33).mul(C1H, C1L); h2.xor(k2);
    h2.rotl(31).add(h1).mul(0, 5).add(N2);
  }
  const tail = nblocks * 16;
  const rem = len & 15;
  if (rem > 8) {
    tailWord(data, tail + 8, rem - 8, k2);
    k2.mul(C2H, C2L).rotl(33).mul(C1H, C1L); h2.xor(k2);
  }
  if (rem > 0) {
    tailWord(data, tail, Math.min(rem, 8), k1);
    k1.mul(C1H, C1L).rotl(31).mul(C2H, C2L); h1.xor(k1);
  }
  const L = new U64(0, len);
  h1.xor(L); h2.xor(L);
  h1.add(h2); h2.add(h1);
  fmix(h1); fmix(h2);
  h1.add(h2);
  // Long.MIN_VALUE is mapped to Long.MAX_VALUE.
  if (h1.hi === 0x80000000 && h1.lo === 0) h1.set(0x7fffffff, 0xffffffff);
  return h1;
}

export function murmur3Token(key: string): bigint {
  const h = hash(key);
  return BigInt.asIntN(64, (BigInt(h.hi) << 32n) | BigInt(h.lo));
}

