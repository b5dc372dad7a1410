// pure: per-message latency, log-normal with the given median and p99 (ms in, µs out).
// The quantile function is tabulated once (4096 points, linear in between), so a message costs
// one uniform draw and no transcendental functions on the hot path.
import { normalQuantile, type Prng } from '../core/prng';

const Z99 = 2.3263478740408408;
const POINTS = 4096;

/** A class, not a closure: the simulation's state stays plain data that a deep copy can take. */
export class Latency {
  /** null: no median, so uniform in [0, p99]. */
  private readonly table: Float64Array | null;
  private readonly p99Us: number;

  constructor(medianMs: number, p99Ms: number, private readonly rng: Prng) {
    this.p99Us = p99Ms * 1000;
    if (medianMs <= 0) {
      this.table = null;
      return;
    }
    const mu = Math.log(medianMs * 1000);
    const sigma = p99Ms > medianMs ? Math.log(p99Ms / medianMs) / Z99 : 0;
    const table = new Float64Array(POINTS + 1);
    for (let i = 0; i <= POINTS; i++) table[i] = Math.exp(mu + sigma * normalQuantile((i + 0.5) / (POINTS + 1)));
    this.table = table;
  }

  /** One message's latency in µs. */
  sample(): number {
    const table = this.table;
    if (table === null) return Math.round(this.p99Us * this.rng.next());
    const x = this.rng.next() * POINTS;
    const i = x | 0;
    const lo = table[i]!;
    return Math.max(1, Math.round(lo + (table[i + 1]! - lo) * (x - i)));
  }
}
