// pure: under-replicated keys split per datacenter, as the counters say it: each DC with its
// count and its ring colour class, in the ring's colour order, and the sentence read out for it.
import type { MetricsSample } from '../protocol';
import { formatCount } from './format';
import { dcTone } from './datacenters';

export interface DcCount {
  dc: string;
  /** The DC's colour class (view/datacenters.ts dcTone, ring.css). */
  tone: string;
  count: number;
}

/**
 * The sample's per-DC split, one entry per DC of `dcs` (ringDcs: the ring's colour order); null
 * when there is nothing to split (fewer than two DCs, or a sample without the split).
 */
export function underByDc(sample: MetricsSample | undefined, dcs: readonly string[]): DcCount[] | null {
  const by = sample?.underReplicatedByDc;
  if (!by || dcs.length < 2) return null;
  return dcs.map((dc, i) => ({ dc, tone: dcTone(i), count: by[dc] ?? 0 }));
}

/** "under-replicated 412 — us 0 · eu 412": the total and its split, in words. */
export function underSplitText(total: number, split: readonly DcCount[]): string {
  return `under-replicated ${formatCount(total)} — ${split.map((d) => `${d.dc} ${formatCount(d.count)}`).join(' · ')}`;
}
