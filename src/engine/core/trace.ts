// pure: a 64-bit trace hash (two 32-bit FNV-style lanes) folded over every processed event.

export class TraceHash {
  private a = 0x811c9dc5;
  private b = 0x01000193;

  add(x: number): void {
    const lo = x >>> 0;
    // Most values fit 32 bits: skip the rest for them. Scaling by 2^-32 is exact, so the
    // multiplication gives the division's result at a fraction of its cost.
    const hi = x >= 0 && x < 4294967296 ? 0 : Math.floor(x * 2.3283064365386963e-10) >>> 0;
    this.a = Math.imul(this.a ^ lo, 0x01000193);
    this.a = Math.imul(this.a ^ hi, 0x01000193);
    this.b = Math.imul(this.b ^ lo, 0x5bd1e995) ^ (this.b >>> 15);
    this.b = Math.imul(this.b ^ hi, 0x5bd1e995) ^ (this.b >>> 13);
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}
