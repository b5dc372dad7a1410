// pure: per-message latency, log-normal with the given median and p99 (ms in, µs out).
// The quantile function is tabulated once (4096 points, linear in between), so a message costs
// one uniform draw and no transcendental functions on the hot path.
import { normalQuantile, type Prng } from '../core/prng';

const Z99 = 2.3263478740408408;
const POINTS = 4096;

export function createLatency(medianMs: number, p99Ms: number, rng: Prng): () => number {
  if (medianMs <= 0) return () => Math.round(p99Ms * 1000 * rng.next());
  const mu = Math.log(medianMs * 1000);
  const sigma = p99Ms > medianMs ? Math.log(p99Ms / medianMs) / Z99 : 0;
  const table = new Float64Array(POINTS + 1);
  for (let i = 0; i <= POINTS; i++) table[i] = Math.exp(mu + sigma * normalQuantile((i + 0.5) / (POINTS + 1)));
  return () => {
    const x = rng.next() * POINTS;
    const i = x | 0;
    const lo = table[i]!;
    return Math.max(1, Math.round(lo + (table[i + 1]! - lo) * (x - i)));
  };
}
