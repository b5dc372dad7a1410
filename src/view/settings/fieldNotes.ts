// pure: what hintReplayRate means in Cassandra's own unit, shown beside its input as the
// form is edited. Cassandra's hint throttle is KiB/s per holder, shared across the other nodes
// (HintsDispatchExecutor: T·1024 / max(1, N − 1) bytes/s to one target); ours is hints/s per target.

/** The hint size the KiB/s figure assumes (Cassandra hints are a serialized mutation: ~1 KiB for small rows). */
export const ASSUMED_HINT_BYTES = 1024;

/** Cassandra's hinted_handoff_throttle (KiB/s) that gives `rate` hints/s to one target on `nodes` nodes. */
export function throttleKiB(rate: number, nodes: number, hintBytes = ASSUMED_HINT_BYTES): number {
  return (rate * hintBytes * Math.max(1, nodes - 1)) / 1024;
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 1 : 0 });

/** hintReplayRate's note for the rate typed and the node count: Cassandra's KiB/s; null while either is not valid. */
export function throttleNote(rateText: string | boolean | undefined, nodes: number | null): string | null {
  const rate = Number(rateText);
  if (!Number.isFinite(rate) || rate <= 0 || nodes === null) return null;
  return `≈ ${fmt(throttleKiB(rate, nodes))} KiB/s as Cassandra's hinted_handoff_throttle on ${nodes} nodes, for ${ASSUMED_HINT_BYTES / 1024} KiB hints (KiB/s ÷ (nodes − 1) ÷ hint size = hints/s per target)`;
}
