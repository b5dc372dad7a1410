// Hint store and replay (Cassandra hints/: HintsBuffer, HintsDispatchTrigger, HintsDispatchExecutor;
// Scylla db/hints/manager.cc). A holder keeps hints per target apart from its data; a trigger every
// 10 s dispatches to targets its detector sees alive, one dispatch per target, page by page under the
// throttle; a hint is deleted only when the target acks its page. A page that is not acked within
// writeTimeout aborts the dispatch; the next trigger resends from that page.
import { EV as imported_EV } from '../core/events';
import type { Sim } from '../sim';
import type { Hint, HintQueue, Msg, NodeState } from '../node/types';
import { applyVersion as imported_applyVersion, type Version, type VersionSlot } from '../node/versions';

// Under tsx (the bench, the CLI) modules run as CommonJS, where every read of an imported binding
// calls two getters (one of them megamorphic): the per-event paths use local copies instead. The
// engine's modules import no cycle, so each import is defined before this module runs.
const EV = imported_EV;
const applyVersion = imported_applyVersion;

/** Cassandra's HintsDispatchTrigger runs every 10 s. */
export const HINT_TRIGGER_US = 10_000_000;

type Refusal = 'disabled' | 'window' | 'persistent-window' | 'cap';

/**
 * shouldHint: why a new hint for `target` is refused at `holder`, or null if it may be stored.
 * The persistent window and the cap look at the pending hints: those past their TTL are expired
 * (the report counts them so) whether or not a trigger has purged them yet.
 */
function refusal(sim: Sim, holder: NodeState, q: HintQueue): Refusal | null {
  const S = sim.S;
  if (!S.hintedHandoffEnabled) return 'disabled';
  const expired = expiredLead(sim, q);
  if (S.maxHintWindow !== null) {
    const w = sim.us(S.maxHintWindow);
    const view = holder.peers[q.target]!;
    if (!view.alive && sim.nowUs - view.downSince > w) return 'window';
    if (S.persistentHintWindow && q.hints.length > expired && sim.nowUs - q.hints[expired]!.createdAt > w) return 'persistent-window';
  }
  if (q.hints.length - expired >= S.maxHintsPerHost) return 'cap';
  return null;
}

/** How many of a queue's hints are past their TTL: they lead, as hints are in creation order. */
function expiredLead(sim: Sim, q: HintQueue): number {
  let n = 0;
  while (n < q.hints.length && isExpired(sim, q.hints[n]!)) n++;
  return n;
}

const REFUSAL_TEXT: Record<Refusal, string> = {
  disabled: 'hinted handoff is disabled',
  window: 'target down longer than max_hint_window',
  'persistent-window': 'oldest pending hint older than max_hint_window (persistent window)',
  cap: 'max hints per host reached',
};

/** Stores a hint for `target` on `holder` if the hint policy allows; returns whether it did. */
export function offerHint(sim: Sim, holder: NodeState, target: number, slot: VersionSlot, v: Version): boolean {
  const q = sim.queue(holder, target);
  const why = refusal(sim, holder, q);
  if (why) {
    sim.stats.hintsDropped++;
    if (q.lastRefusal !== why) sim.note('hint', `${holder.id} drops hint for ${sim.nodes[target]!.id}: ${REFUSAL_TEXT[why]}`, holder.idx);
    q.lastRefusal = why;
    return false;
  }
  q.lastRefusal = null;
  const h: Hint = { id: sim.nextId++, target, key: slot.key, slot, v, createdAt: sim.nowUs };
  q.hints.push(h);
  sim.stats.hintsCreated++;
  if (q.hints.length === 1) sim.note('hint', sim.S.hintMode === 'sloppy-quorum' ? `${holder.id} keeps stand-in copies for ${sim.nodes[target]!.id}` : `${holder.id} stores hints for ${sim.nodes[target]!.id}`, holder.idx);
  return true;
}

/**
 * Whether a hint is still in its holder's memory buffer (not yet in the hint files): a hint is
 * buffered exactly hintFlushPeriod after it is made (scenario-format.md: "new hints are buffered in
 * memory this long"), so which hints a crash loses follows from the scenario alone, not from the
 * phase of a per-node flush timer. At the flush instant itself the hint still counts as buffered:
 * a crash (a fault) comes before the flush (a timer) at one instant. 0 = write-through.
 */
export function isBuffered(sim: Sim, h: Hint): boolean {
  const period = sim.S.hintFlushPeriod;
  return period > 0 && sim.nowUs <= h.createdAt + sim.us(period);
}

/**
 * Removes the hints matching `which` as lost (a crash's buffer, a wiped disk). A hint already past
 * its TTL had expired before the loss (the report counts such a hint as expired whether or not a
 * trigger purged it), so it counts as expired, not lost.
 */
export function loseHints(sim: Sim, node: NodeState, which: (h: Hint) => boolean): void {
  let lost = 0;
  let expired = 0;
  for (const q of node.hints.values()) {
    const keep: Hint[] = [];
    for (const h of q.hints) {
      if (!which(h)) keep.push(h);
      else if (isExpired(sim, h)) expired++;
      else lost++;
    }
    q.hints = keep;
  }
  sim.stats.hintsExpired += expired;
  if (lost > 0) {
    sim.stats.hintsLost += lost;
    sim.note('hint', `${node.id} lost ${lost} hint${lost === 1 ? '' : 's'}`, node.idx);
  }
}

/** Past its TTL (now - created > hintTtl): never applied, never served, counted as expired. */
export function isExpired(sim: Sim, h: { createdAt: number }): boolean {
  return sim.S.hintTtl !== null && sim.nowUs - h.createdAt > sim.us(sim.S.hintTtl);
}

/** Discards expired hints (never replayed). Hints are in creation order, so expired ones lead. */
function purgeExpired(sim: Sim, node: NodeState, q: HintQueue): void {
  if (sim.S.hintTtl === null || q.page) return;
  const n = expiredLead(sim, q);
  if (n === 0) return;
  q.hints.splice(0, n);
  sim.stats.hintsExpired += n;
  sim.note('hint', `${node.id} discards ${n} expired hint${n === 1 ? '' : 's'} for ${sim.nodes[q.target]!.id} (TTL)`, node.idx);
}

export function hintTrigger(sim: Sim, node: NodeState): void {
  for (const q of node.hints.values()) {
    purgeExpired(sim, node, q);
    if (q.dispatching || q.hints.length === 0 || isBuffered(sim, q.hints[0]!)) continue;
    if (q.target === node.idx || !node.peers[q.target]!.alive) continue;
    q.dispatching = true;
    const what = sim.S.hintMode === 'sloppy-quorum' ? `handing off ${q.hints.length} stand-in cop${q.hints.length === 1 ? 'y' : 'ies'}` : `replaying ${q.hints.length} hint${q.hints.length === 1 ? '' : 's'}`;
    sim.note('hint', `${node.id} starts ${what} to ${sim.nodes[q.target]!.id}`, node.idx);
    sendNextPage(sim, node, q.target);
  }
  sim.schedule(sim.nowUs + HINT_TRIGGER_US, EV.hintTrigger, node.idx, node.epoch, 0);
}

/** Page size: a tenth of a second's worth at the throttle, so pages go out ~10 times a second. */
function pageSize(sim: Sim): number {
  return Math.max(1, Math.ceil(sim.S.hintReplayRate / 10));
}

export function sendNextPage(sim: Sim, node: NodeState, target: number): void {
  const q = node.hints.get(target);
  if (!q || !q.dispatching || q.page) return;
  purgeExpired(sim, node, q);
  let n = 0;
  const max = pageSize(sim);
  while (n < q.hints.length && n < max && !isBuffered(sim, q.hints[n]!)) n++;
  if (n === 0 || !node.peers[target]!.alive) {
    q.dispatching = false;
    if (n === 0 && q.hints.length === 0) sim.note('hint', `${node.id} finished ${sim.S.hintMode === 'sloppy-quorum' ? 'handing off' : 'replaying'} to ${sim.nodes[target]!.id}`, node.idx);
    return;
  }
  const id = sim.nextId++;
  q.page = { id, count: n, sentAt: sim.nowUs };
  q.nextPageAt = sim.nowUs + Math.round((n * 1e6) / sim.S.hintReplayRate);
  sim.pages.set(id, { holder: node.idx, target });
  const hints = q.hints.slice(0, n).map((h) => ({ id: h.id, key: h.key, slot: h.slot, v: h.v, createdAt: h.createdAt }));
  sim.send(node.idx, target, 'hint', { k: 'hintPage', page: id, hints });
  sim.schedule(sim.nowUs + sim.us(sim.S.writeTimeout), EV.pageTimeout, node.idx, node.epoch, id);
}

export function onPageTimeout(sim: Sim, node: NodeState, pageId: number): void {
  const ref = sim.pages.get(pageId);
  if (!ref) return;
  sim.pages.delete(pageId);
  const q = node.hints.get(ref.target);
  if (!q || q.page?.id !== pageId) return;
  q.page = null;
  q.dispatching = false;
  sim.note('hint', `${node.id}: replay page to ${sim.nodes[ref.target]!.id} timed out; the next trigger resumes from it`, node.idx);
}

export function onHintMessage(sim: Sim, node: NodeState, m: Msg): void {
  const b = m.body;
  if (b.k === 'hintPage') {
    let expired = 0;
    for (const h of b.hints) {
      // An expired hint is never applied, even if it expired on the wire (Cassandra Hint.apply).
      if (isExpired(sim, h)) { expired++; continue; }
      applyVersion(node.data, node.idx, h.slot, h.v);
    }
    sim.send(node.idx, m.from, 'hint-ack', { k: 'hintAck', page: b.page, expired }, m);
    return;
  }
  if (b.k !== 'hintAck') return;
  const ref = sim.pages.get(b.page);
  if (!ref || ref.holder !== node.idx) return;
  const q = node.hints.get(ref.target);
  // A late ack (after the page timed out) is ignored; those hints are resent.
  if (!q || q.page?.id !== b.page) return;
  sim.pages.delete(b.page);
  const n = q.page.count;
  q.hints.splice(0, n);
  q.page = null;
  sim.stats.hintsExpired += b.expired;
  sim.stats.hintsDelivered += n - b.expired;
  q.delivered += n - b.expired;
  sim.schedule(Math.max(sim.nowUs, q.nextPageAt), EV.pageNext, node.idx, node.epoch, ref.target);
}
