// pure: per-message latency, log-normal with the given median and p99 (ms in, µs out).
import { normalQuantile, type Prng } from '../core/prng';

const Z99 = 2.3263478740408408;

export function createLatency(medianMs: number, p99Ms: number, rng: Prng): () => number {
  if (medianMs <= 0) return () => Math.round(p99Ms * 1000 * rng.next());
  const mu = Math.log(medianMs * 1000);
  const sigma = p99Ms > medianMs ? Math.log(p99Ms / medianMs) / Z99 : 0;
  return () => Math.max(1, Math.round(Math.exp(mu + sigma * normalQuantile(rng.next()))));
}
