// pure: the token ring. Each node owns `vnodes` tokens; a key's preference list is the distinct
// physical nodes met walking clockwise from the key's token (Dynamo §4.3; Cassandra's replication
// strategy walks the same way). Tokens are Cassandra's Murmur3 longs; order uses Number(token).
import { murmur3Token } from '../core/murmur3';
import { ntsReplicas, type Topology } from './topology';

export interface KeyPlacement {
  /** Signed 64-bit Murmur3 token, as Cassandra prints it. */
  token: bigint;
  /** The same token as a double, for ordering and arithmetic. */
  pos: number;
  /** Index of the ring range (prev token, this token] holding the key. */
  range: number;
  /** Every physical node in preference order. */
  pref: readonly number[];
}

const TWO63 = 2 ** 63;

export class Ring {
  /** Sorted token positions and the node owning each. */
  readonly positions: number[] = [];
  readonly owners: number[] = [];
  /**
   * The preference list starting at each token (distinct nodes clockwise), walked the first time a
   * range is used: a 256 × 256 ring has 65,536 ranges of 256 nodes each, 2 s and 300 MB if built
   * up front, while a run touches the ranges of its keys and its repairs.
   */
  private readonly prefAt: (number[] | undefined)[] = [];

  /** `datacenters`: place replicas by NetworkTopologyStrategy (topology.ts); absent: the first rf. */
  constructor(readonly nodeNames: readonly string[], vnodes: number, private readonly datacenters?: Topology) {
    const all: { pos: number; owner: number }[] = [];
    nodeNames.forEach((name, owner) => {
      for (let v = 0; v < vnodes; v++) all.push({ pos: Number(murmur3Token(`${name}#vnode${v}`)), owner });
    });
    all.sort((a, b) => a.pos - b.pos || a.owner - b.owner);
    for (const t of all) {
      this.positions.push(t.pos);
      this.owners.push(t.owner);
    }
    this.prefAt.length = all.length;
  }

  private prefOf(range: number): number[] {
    return (this.prefAt[range] ??= this.walk(range));
  }

  private walk(start: number): number[] {
    const seen = new Set<number>();
    const out: number[] = [];
    for (let j = 0; j < this.owners.length && out.length < this.nodeNames.length; j++) {
      const o = this.owners[(start + j) % this.owners.length]!;
      if (!seen.has(o)) { seen.add(o); out.push(o); }
    }
    return out;
  }

  /** Index of the first token >= pos (wrapping to 0): the range that holds pos. */
  rangeOf(pos: number): number {
    let lo = 0, hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.positions[mid]! < pos) lo = mid + 1; else hi = mid;
    }
    return lo === this.positions.length ? 0 : lo;
  }

  place(key: string): KeyPlacement {
    const token = murmur3Token(key);
    const pos = Number(token);
    const range = this.rangeOf(pos);
    return { token, pos, range, pref: this.prefOf(range) };
  }

  /** The replicas (first rf of the preference list) of ring range r. */
  replicasOfRange(r: number, rf: number): readonly number[] {
    return this.datacenters ? ntsReplicas(this.prefOf(r), this.datacenters) : this.prefOf(r).slice(0, rf);
  }

  get rangeCount(): number {
    return this.positions.length;
  }

  /** Start (exclusive) and width of range r in token space; the first range wraps around. */
  rangeBounds(r: number): { start: number; width: number } {
    const end = this.positions[r]!;
    const start = this.positions[(r - 1 + this.positions.length) % this.positions.length]!;
    const width = this.positions.length === 1 ? 2 * TWO63 : r === 0 ? end - start + 2 * TWO63 : end - start;
    return { start, width };
  }

  /** Token position as a fraction of the ring, 0 at Long.MIN_VALUE. */
  static fraction(pos: number): number {
    return (pos + TWO63) / (2 * TWO63);
  }
}
