// pure: every acknowledged write's timestamp and key, in one append-only log. Only the report's
// count of lost acknowledged writes reads it; the hot path just appends, touching no per-key array.

export class AckLog {
  private ts = new Float64Array(4096);
  private keys = new Int32Array(4096);
  private n = 0;

  get length(): number {
    return this.n;
  }

  add(key: number, ts: number): void {
    if (this.n === this.ts.length) {
      const ts2 = new Float64Array(this.n * 2);
      ts2.set(this.ts);
      this.ts = ts2;
      const keys2 = new Int32Array(this.n * 2);
      keys2.set(this.keys);
      this.keys = keys2;
    }
    this.ts[this.n] = ts;
    this.keys[this.n] = key;
    this.n++;
  }

  /** How many logged writes are newer than their key's bound (`bound[key]`). */
  countNewerThan(bound: Float64Array): number {
    let count = 0;
    for (let i = 0; i < this.n; i++) if (this.ts[i]! > bound[this.keys[i]!]!) count++;
    return count;
  }
}
