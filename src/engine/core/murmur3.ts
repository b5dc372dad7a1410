// pure: MurmurHash3 x64_128 as Cassandra's Murmur3Partitioner uses it: the token of a key is the
// first 64-bit half as a signed long (Long.MIN_VALUE mapped to Long.MAX_VALUE).
// Keys are hashed as UTF-8 bytes; Cassandra sign-extends tail bytes, which we reproduce.

const M64 = (1n << 64n) - 1n;
const C1 = 0x87c37b91114253d5n;
const C2 = 0x4cf5ad432745937fn;

const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & M64;
function fmix(k: bigint): bigint {
  k ^= k >> 33n;
  k = (k * 0xff51afd7ed558ccdn) & M64;
  k ^= k >> 33n;
  k = (k * 0xc4ceb9fe1a85ec53n) & M64;
  k ^= k >> 33n;
  return k;
}

function getBlock(b: Uint8Array, i: number): bigint {
  let v = 0n;
  for (let j = 7; j >= 0; j--) v = (v << 8n) | BigInt(b[i + j]!);
  return v;
}

/** Sign-extended byte as an unsigned 64-bit value (Java's `(long) byte`). */
const sbyte = (x: number): bigint => BigInt.asUintN(64, BigInt(x >= 128 ? x - 256 : x));

const encoder = new TextEncoder();

export function murmur3Token(key: string): bigint {
  const data = encoder.encode(key);
  const len = data.length;
  const nblocks = len >> 4;
  let h1 = 0n;
  let h2 = 0n;
  for (let i = 0; i < nblocks; i++) {
    let k1 = getBlock(data, i * 16);
    let k2 = getBlock(data, i * 16 + 8);
    k1 = (k1 * C1) & M64; k1 = rotl(k1, 31n); k1 = (k1 * C2) & M64; h1 ^= k1;
    h1 = rotl(h1, 27n); h1 = (h1 + h2) & M64; h1 = (h1 * 5n + 0x52dce729n) & M64;
    k2 = (k2 * C2) & M64; k2 = rotl(k2, 33n); k2 = (k2 * C1) & M64; h2 ^= k2;
    h2 = rotl(h2, 31n); h2 = (h2 + h1) & M64; h2 = (h2 * 5n + 0x38495ab5n) & M64;
  }
  const tail = nblocks * 16;
  let k1 = 0n;
  let k2 = 0n;
  const rem = len & 15;
  for (let j = rem - 1; j >= 8; j--) k2 ^= (sbyte(data[tail + j]!) << BigInt((j - 8) * 8)) & M64;
  if (rem > 8) { k2 = (k2 * C2) & M64; k2 = rotl(k2, 33n); k2 = (k2 * C1) & M64; h2 ^= k2; }
  for (let j = Math.min(rem, 8) - 1; j >= 0; j--) k1 ^= (sbyte(data[tail + j]!) << BigInt(j * 8)) & M64;
  if (rem > 0) { k1 = (k1 * C1) & M64; k1 = rotl(k1, 31n); k1 = (k1 * C2) & M64; h1 ^= k1; }
  const L = BigInt(len);
  h1 ^= L; h2 ^= L;
  h1 = (h1 + h2) & M64; h2 = (h2 + h1) & M64;
  h1 = fmix(h1); h2 = fmix(h2);
  h1 = (h1 + h2) & M64;
  let token = BigInt.asIntN(64, h1);
  if (token === -(1n << 63n)) token = (1n << 63n) - 1n;
  return token;
}
