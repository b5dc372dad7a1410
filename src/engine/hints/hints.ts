// Hint store and replay (Cassandra hints/: HintsBuffer, HintsDispatchTrigger, HintsDispatchExecutor;
// Scylla db/hints/manager.cc). A holder keeps hints per target apart from its data; a trigger every
// 10 s dispatches to targets its detector sees alive, one dispatch per target, page by page under the
// throttle; a hint is deleted only when the target acks its page. A page that is not acked within
// writeTimeout aborts the dispatch; the next trigger resends from that page.
import { EV } from '../core/events';
import type { EngineContext } from '../context';
import { queueOf } from '../node/node';
import { nodeSettings, replays } from '../node/operator';
import type { Hint, HintQueue, Msg, NodeState } from '../node/types';
import { applyVersion, type Version, type VersionSlot } from '../node/versions';
import { expiredLead, isBuffered, isExpired, refusal, type Refusal } from './policy';
import { realName, silent } from '../coordinator/reasons';

/** Cassandra's HintsDispatchTrigger runs every 10 s. */
export const HINT_TRIGGER_US = 10_000_000;

export const REFUSAL_TEXT: Record<Refusal, string> = {
  disabled: 'hinted handoff is disabled',
  window: 'it has believed the target down longer than max_hint_window',
  'persistent-window': 'its oldest pending hint is older than max_hint_window (persistent window)',
  cap: 'max hints per host reached',
};

/** The name of a node's datacenter. */
function dcName(ctx: EngineContext, node: number): string {
  return ctx.topology.names[ctx.topology.dcOf[node]!]!;
}

/** A hint past its TTL now. */
export function hintExpired(ctx: EngineContext, h: { createdAt: number }): boolean {
  return isExpired(ctx.settings, ctx.nowUs, h.createdAt);
}

/** A hint still in its holder's memory buffer now (policy.ts). */
export function hintBuffered(ctx: EngineContext, h: { createdAt: number; flushed?: true }): boolean {
  return h.flushed !== true && isBuffered(ctx.settings, ctx.nowUs, h.createdAt);
}

/** Stores a hint for `target` on `holder` if the hint policy allows; returns whether it did. */
export function offerHint(ctx: EngineContext, holder: NodeState, target: number, slot: VersionSlot, v: Version): boolean {
  const q = queueOf(holder, target);
  // The holder's own settings: nodetool may have disabled its handoff or set its window.
  const why = refusal(nodeSettings(holder.op, ctx.settings), ctx.nowUs, holder.peers[target]!, q.hints, dcName(ctx, target));
  if (why) {
    ctx.stats.hintsDropped++;
    q.refused++;
    ctx.why.record(`hint-${why}`, q.lastRefusal === why ? undefined : `${holder.id} drops hints for ${ctx.nodes[target]!.id}: ${REFUSAL_TEXT[why]}`);
    if (q.lastRefusal !== why) ctx.note('hint', `${holder.id} drops hint for ${ctx.nodes[target]!.id}: ${REFUSAL_TEXT[why]}`, holder.idx, slot.key);
    q.lastRefusal = why;
    return false;
  }
  q.lastRefusal = null;
  const h: Hint = { id: ctx.newId(), target, key: slot.key, slot, v, createdAt: ctx.nowUs };
  q.hints.push(h);
  ctx.stats.hintsCreated++;
  if (q.hints.length === 1) ctx.note('hint', ctx.settings.hintMode === 'sloppy-quorum' ? `${holder.id} keeps stand-in copies for ${ctx.nodes[target]!.id}` : `${holder.id} stores hints for ${ctx.nodes[target]!.id}`, holder.idx, slot.key);
  return true;
}

/**
 * Removes the hints matching `which` as lost (a crash's buffer, a wiped disk). A hint already past
 * its TTL had expired before the loss (the report counts such a hint as expired whether or not a
 * trigger purged it), so it counts as expired, not lost.
 */
export function loseHints(ctx: EngineContext, node: NodeState, which: (h: Hint) => boolean): void {
  let lost = 0;
  let expired = 0;
  for (const q of node.hints.values()) {
    const keep: Hint[] = [];
    for (const h of q.hints) {
      if (!which(h)) keep.push(h);
      else if (hintExpired(ctx, h)) expired++;
      else lost++;
    }
    q.hints = keep;
  }
  ctx.stats.hintsExpired += expired;
  if (expired > 0) ctx.why.record('hint-expired', undefined, expired);
  if (lost > 0) {
    ctx.stats.hintsLost += lost;
    ctx.why.record('hint-lost', `${node.id} lost ${lost} hint${lost === 1 ? '' : 's'} (a crash before they left its memory buffer, or a wiped disk)`, lost);
    ctx.note('hint', `${node.id} lost ${lost} hint${lost === 1 ? '' : 's'}`, node.idx);
  }
}

/** Discards expired hints (never replayed). Hints are in creation order, so expired ones lead. */
function purgeExpired(ctx: EngineContext, node: NodeState, q: HintQueue): void {
  if (ctx.settings.hintTtl === null || q.page) return;
  const n = expiredLead(ctx.settings, ctx.nowUs, q.hints);
  if (n === 0) return;
  q.hints.splice(0, n);
  ctx.stats.hintsExpired += n;
  const text = `${node.id} discards ${n} expired hint${n === 1 ? '' : 's'} for ${ctx.nodes[q.target]!.id}: older than the hint TTL (${realName(ctx.settings, 'hintTtl')})`;
  ctx.why.record('hint-expired', text, n);
  ctx.note('hint', text, node.idx);
}

export function hintTrigger(ctx: EngineContext, node: NodeState): void {
  for (const q of node.hints.values()) {
    purgeExpired(ctx, node, q);
    if (!replays(node.op, ctx.settings, dcName(ctx, q.target))) continue;
    if (q.dispatching || q.hints.length === 0 || hintBuffered(ctx, q.hints[0]!)) continue;
    if (q.target === node.idx || !node.peers[q.target]!.alive) continue;
    q.dispatching = true;
    // A dispatch keeps the throttle it started with; only a nodetool-set one is recorded.
    if (node.op.settings) q.rate = node.op.settings.hintReplayRate;
    else delete q.rate;
    const what = ctx.settings.hintMode === 'sloppy-quorum' ? `handing off ${q.hints.length} stand-in cop${q.hints.length === 1 ? 'y' : 'ies'}` : `replaying ${q.hints.length} hint${q.hints.length === 1 ? '' : 's'}`;
    ctx.note('hint', `${node.id} starts ${what} to ${ctx.nodes[q.target]!.id}`, node.idx);
    sendNextPage(ctx, node, q.target);
  }
  ctx.schedule(ctx.nowUs + HINT_TRIGGER_US, EV.hintTrigger, node.idx, node.epoch, 0);
}

/** Page size: a tenth of a second's worth at the throttle, so pages go out ~10 times a second. */
function pageSize(rate: number): number {
  return Math.max(1, Math.ceil(rate / 10));
}

export function sendNextPage(ctx: EngineContext, node: NodeState, target: number): void {
  const q = node.hints.get(target);
  if (!q || !q.dispatching || q.page) return;
  purgeExpired(ctx, node, q);
  // Paused (pausehandoff), or replay held while handoff is disabled: the rest stay pending.
  if (!replays(node.op, ctx.settings, dcName(ctx, target))) {
    q.dispatching = false;
    ctx.note('hint', `${node.id} stops replaying to ${ctx.nodes[target]!.id}: dispatch paused`, node.idx);
    return;
  }
  const rate = q.rate ?? ctx.settings.hintReplayRate;
  let n = 0;
  const max = pageSize(rate);
  while (n < q.hints.length && n < max && !hintBuffered(ctx, q.hints[n]!)) n++;
  if (n === 0 || !node.peers[target]!.alive) {
    q.dispatching = false;
    if (n === 0 && q.hints.length === 0) ctx.note('hint', `${node.id} finished ${ctx.settings.hintMode === 'sloppy-quorum' ? 'handing off' : 'replaying'} to ${ctx.nodes[target]!.id}`, node.idx);
    return;
  }
  const id = ctx.newId();
  q.page = { id, count: n, sentAt: ctx.nowUs };
  q.nextPageAt = ctx.nowUs + Math.round((n * 1e6) / rate);
  ctx.pages.set(id, { holder: node.idx, target });
  const hints = q.hints.slice(0, n).map((h) => ({ id: h.id, key: h.key, slot: h.slot, v: h.v, createdAt: h.createdAt }));
  ctx.send(node.idx, target, 'hint', { k: 'hintPage', page: id, hints });
  ctx.schedule(ctx.nowUs + ctx.us(ctx.settings.writeTimeout), EV.pageTimeout, node.idx, node.epoch, id);
}

export function onPageTimeout(ctx: EngineContext, node: NodeState, pageId: number): void {
  const ref = ctx.pages.get(pageId);
  if (!ref) return;
  ctx.pages.delete(pageId);
  const q = node.hints.get(ref.target);
  if (!q || q.page?.id !== pageId) return;
  q.page = null;
  q.dispatching = false;
  const text = `${node.id}: replay page to ${ctx.nodes[ref.target]!.id} timed out: ${silent(ctx, node.idx, [ref.target], 'writeTimeout')}; the next trigger resumes from it`;
  ctx.why.record('hint-page-timeout', text);
  ctx.note('hint', text, node.idx);
}

/** A target takes a page of hints and acks it (the ack travels in the page's own event). */
export function onHintPage(ctx: EngineContext, node: NodeState, m: Msg<'hint'>): void {
  const b = m.body;
  let expired = 0;
  for (const h of b.hints) {
    // An expired hint is never applied, even if it expired on the wire (Cassandra Hint.apply).
    if (hintExpired(ctx, h)) { expired++; continue; }
    applyVersion(node.data, node.idx, h.slot, h.v);
  }
  ctx.send(node.idx, m.from, 'hint-ack', { k: 'hintAck', page: b.page, expired }, m);
}

export function onHintAck(ctx: EngineContext, node: NodeState, m: Msg<'hint-ack'>): void {
  const b = m.body;
  const ref = ctx.pages.get(b.page);
  if (!ref || ref.holder !== node.idx) return;
  const q = node.hints.get(ref.target);
  // A late ack (after the page timed out) is ignored; those hints are resent.
  if (!q || q.page?.id !== b.page) return;
  ctx.pages.delete(b.page);
  const n = q.page.count;
  q.hints.splice(0, n);
  q.page = null;
  ctx.stats.hintsExpired += b.expired;
  ctx.stats.hintsDelivered += n - b.expired;
  q.delivered += n - b.expired;
  ctx.schedule(Math.max(ctx.nowUs, q.nextPageAt), EV.pageNext, node.idx, node.epoch, ref.target);
}

/**
 * truncatehints: deletes a holder's flushed pending hints for `target` (every target if null).
 * Hints still in the memory buffer survive, and so does the page on the wire (it finishes as
 * delivered or returns to pending); a hint already past its TTL counts as expired, not truncated.
 * Returns how many were truncated.
 */
export function truncateHints(ctx: EngineContext, node: NodeState, target: number | null): number {
  let truncated = 0;
  let expired = 0;
  for (const q of node.hints.values()) {
    if (target !== null && q.target !== target) continue;
    const inFlight = q.page ? q.page.count : 0;
    const keep = q.hints.slice(0, inFlight);
    for (let i = inFlight; i < q.hints.length; i++) {
      const h = q.hints[i]!;
      if (hintBuffered(ctx, h)) keep.push(h);
      else if (hintExpired(ctx, h)) expired++;
      else truncated++;
    }
    q.hints = keep;
  }
  ctx.stats.hintsExpired += expired;
  ctx.stats.hintsTruncated += truncated;
  return truncated;
}

/** drain's HintsService.shutdownBlocking: the memory buffer is written out, so no crash loses it. */
export function flushHints(ctx: EngineContext, node: NodeState): void {
  for (const q of node.hints.values()) for (const h of q.hints) if (hintBuffered(ctx, h)) h.flushed = true;
}
