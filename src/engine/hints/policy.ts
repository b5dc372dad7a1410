// pure: the hint policies, apart from the code that stores, replays and loses hints (hints.ts):
// may a new hint be stored, has a hint expired, is it still in its holder's memory buffer.
import { msToUs } from '../core/duration';
import type { Settings } from '../scenario/presets';

export type Refusal = 'disabled' | 'window' | 'persistent-window' | 'cap';

type HintSettings = Pick<Settings, 'hintedHandoffEnabled' | 'hintedHandoffDisabledDatacenters' | 'maxHintWindow' | 'persistentHintWindow' | 'maxHintsPerHost' | 'hintTtl' | 'hintFlushPeriod'>;

/**
 * Whether a holder with these settings may hint a target in datacenter `dc`: its switch is on or
 * lists that DC (ScyllaDB's host filter, db/hints/host_filter.cc can_hint_for), and the DC is not
 * disabled (Cassandra's StorageProxy.shouldHint against hinted_handoff_disabled_datacenters).
 */
export function hintsAllowed(s: Pick<Settings, 'hintedHandoffEnabled' | 'hintedHandoffDisabledDatacenters'>, dc: string): boolean {
  const on = s.hintedHandoffEnabled;
  return (on === true || (on !== false && on.includes(dc))) && !s.hintedHandoffDisabledDatacenters.includes(dc);
}

/** What the holder believes of the target. */
export interface TargetView {
  readonly alive: boolean;
  /** µs the holder convicted it (valid while !alive). */
  readonly downSince: number;
}

/** Past its TTL (now - created > hintTtl): never applied, never served, counted as expired. */
export function isExpired(s: HintSettings, nowUs: number, createdAt: number): boolean {
  return s.hintTtl !== null && nowUs - createdAt > msToUs(s.hintTtl);
}

/** How many of a queue's hints are past their TTL: they lead, as hints are in creation order. */
export function expiredLead(s: HintSettings, nowUs: number, hints: readonly { createdAt: number }[]): number {
  let n = 0;
  while (n < hints.length && isExpired(s, nowUs, hints[n]!.createdAt)) n++;
  return n;
}

/**
 * Whether a hint is still in its holder's memory buffer (not yet in the hint files): a hint is
 * buffered exactly hintFlushPeriod after it is made (scenario-format.md: "new hints are buffered in
 * memory this long"), so which hints a crash loses follows from the scenario alone, not from the
 * phase of a per-node flush timer. At the flush instant itself the hint still counts as buffered:
 * a crash (a fault) comes before the flush (a timer) at one instant. 0 = write-through.
 */
export function isBuffered(s: HintSettings, nowUs: number, createdAt: number): boolean {
  const period = s.hintFlushPeriod;
  return period > 0 && nowUs <= createdAt + msToUs(period);
}

/**
 * shouldHint: why a new hint for a target is refused, or null if it may be stored. `pending`: the
 * holder's hints for that target, oldest first. The persistent window and the cap look at them:
 * those past their TTL are expired (the report counts them so) whether or not a trigger has
 * purged them yet.
 */
export function refusal(s: HintSettings, nowUs: number, target: TargetView, pending: readonly { createdAt: number }[], targetDc: string): Refusal | null {
  if (!hintsAllowed(s, targetDc)) return 'disabled';
  const expired = expiredLead(s, nowUs, pending);
  if (s.maxHintWindow !== null) {
    const w = msToUs(s.maxHintWindow);
    if (!target.alive && nowUs - target.downSince > w) return 'window';
    if (s.persistentHintWindow && pending.length > expired && nowUs - pending[expired]!.createdAt > w) return 'persistent-window';
  }
  if (pending.length - expired >= s.maxHintsPerHost) return 'cap';
  return null;
}
