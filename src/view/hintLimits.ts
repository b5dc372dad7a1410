// pure: what a hint queue row says about the limits (#14) — the oldest hint's age against the
// hint window and the TTL, a warning as either nears, the replay rate and a time to drain. Reads
// nothing but its arguments; the setting names come from the registry through the protocol.
import type { HintQueueView } from '../protocol';
import { SETTINGS, type PresetName } from '../protocol';

export interface QueueLimits {
  /** ms, or null: no window. */
  windowMs: number | null;
  /** The window is measured from the oldest pending hint (Cassandra 4.1), not from the conviction. */
  persistent: boolean;
  /** ms, or null: hints never expire. */
  ttlMs: number | null;
  /** The replay throttle, hints per simulated second for one holder → target. */
  rate: number;
  preset: PresetName;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The limits from the cluster's effective settings (ClusterInfo.settings). */
export function limitsOf(settings: Record<string, unknown> | undefined, preset: string | undefined): QueueLimits {
  const s = settings ?? {};
  return {
    windowMs: num(s.maxHintWindow),
    persistent: s.persistentHintWindow === true,
    ttlMs: num(s.hintTtl),
    rate: num(s.hintReplayRate) ?? 1000,
    preset: (preset ?? 'cassandra') as PresetName,
  };
}

/** A setting as the running system calls it (max_hint_window), else by our name. */
export function realName(path: 'maxHintWindow' | 'hintTtl' | 'hintReplayRate', preset: PresetName): string {
  return SETTINGS[path].real[preset] ?? path;
}

/** A share of a limit from which the row warns. */
export const NEAR = 0.8;

export type LimitState = 'ok' | 'near' | 'over';

export interface Gauge {
  /** How much of the limit is used, ms. */
  age: number;
  limit: number;
  share: number;
  state: LimitState;
}

export interface RowModel {
  /** Against max_hint_window: null when no window runs (none set, or the holder believes the target up). */
  window: Gauge | null;
  /** The oldest pending hint against the TTL; null without a TTL or a pending hint. */
  ttl: Gauge | null;
  /** The worst of the two, for the row's warning. */
  warn: { limit: 'window' | 'ttl'; state: 'near' | 'over' } | null;
  /** Hints per simulated second while replaying (measured when it can be, else the throttle); null when not replaying. */
  rate: number | null;
  /** Simulated ms to replay what is pending at that rate; null when not replaying. */
  drainMs: number | null;
  /** Why nothing replays yet, when nothing does. */
  waiting: string | null;
}

function gauge(age: number, limit: number): Gauge {
  const share = limit > 0 ? age / limit : Infinity;
  return { age, limit, share, state: share >= 1 ? 'over' : share >= NEAR ? 'near' : 'ok' };
}

/** `measured`: hints delivered per simulated second lately (from two frames), if known. */
export function rowModel(q: HintQueueView, now: number, limits: QueueLimits, measured: number | null = null): RowModel {
  const oldestAge = q.oldestCreatedAt === null ? null : Math.max(0, now - q.oldestCreatedAt);
  let window: Gauge | null = null;
  if (limits.windowMs !== null) {
    if (limits.persistent && oldestAge !== null) window = gauge(oldestAge, limits.windowMs);
    else if (q.targetDownSince != null) window = gauge(Math.max(0, now - q.targetDownSince), limits.windowMs);
  }
  const ttl = limits.ttlMs !== null && oldestAge !== null ? gauge(oldestAge, limits.ttlMs) : null;
  const worst = [window && { limit: 'window' as const, g: window }, ttl && { limit: 'ttl' as const, g: ttl }]
    .filter((x): x is { limit: 'window' | 'ttl'; g: Gauge } => !!x && x.g.state !== 'ok')
    .sort((a, b) => b.g.share - a.g.share)[0];
  const rate = q.replaying ? (measured !== null && measured > 0 ? Math.min(measured, limits.rate) : limits.rate) : null;
  const drainMs = rate !== null && rate > 0 ? (q.pending / rate) * 1000 : null;
  const waiting = q.replaying || q.pending === 0 ? null : q.targetDownSince != null ? `waits until ${q.holder} sees ${q.target} up` : 'replays at the next trigger (every 10 s)';
  return { window, ttl, warn: worst ? { limit: worst.limit, state: worst.g.state as 'near' | 'over' } : null, rate, drainMs, waiting };
}
