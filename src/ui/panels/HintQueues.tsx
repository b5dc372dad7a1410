// Hint queues per holder → target: what is waiting, what is at risk, what is replaying — and,
// under each row, the limits it runs into: the oldest hint's age against the hint window and the
// TTL (by the running system's own setting names), a warning as either nears, the replay rate
// and the time to drain, and the hints refused with why.
// In sloppy-quorum mode the same rows are stand-in copies waiting to be handed off.
import { useRef } from 'react';
import { realNamesText, SETTINGS, type HintQueueView } from '../../protocol';
import { selectCluster, selectHintMode, selectHintQueues, selectNow, selectPresenter, useAppStore } from '../../store';
import { formatCount, formatDuration } from '../../view/format';
import { limitsOf, realName, rowModel, type Gauge, type QueueLimits, type RowModel } from '../../view/hintLimits';
import { hintWords, type HintWords } from '../../view/wording';
import './hintQueues.css';

const NO_QUEUES: HintQueueView[] = [];
/** localeCompare, without building a collator per call. */
const byName = new Intl.Collator().compare;

/**
 * Rows listed, the largest queues first. A lecture's cluster (up to 6 nodes: 30 pairs) shows them
 * all; a 64-node cluster can have thousands of pairs, and a table that long helps nobody.
 */
export const QUEUE_ROWS = 30;
/** Presenter mode keeps the ring large at 1280×720: the largest few queues, the rest summed. */
export const PRESENTER_QUEUE_ROWS = 2;

const before = (a: HintQueueView, b: HintQueueView) => b.pending - a.pending || byName(a.holder, b.holder) || byName(a.target, b.target);

/**
 * The `limit` largest queues with something pending or replaying, in order; how many more there
 * are, and their pending total. One pass, no sort of the whole list (it can be thousands long).
 */
export function topQueues(queues: readonly HintQueueView[], limit: number): { rows: HintQueueView[]; more: number; rest: number } {
  const rows: HintQueueView[] = [];
  let more = 0;
  let rest = 0;
  for (const q of queues) {
    if (q.pending <= 0 && !q.replaying) continue;
    if (rows.length === limit && before(q, rows[limit - 1]!) >= 0) {
      more++;
      rest += q.pending;
      continue;
    }
    let i = rows.length;
    while (i > 0 && before(q, rows[i - 1]!) < 0) i--;
    rows.splice(i, 0, q);
    if (rows.length > limit) {
      const out = rows.pop()!;
      more++;
      rest += out.pending;
    }
  }
  return { rows, more, rest };
}

/** Holders whose dispatch nodetool paused (or held while handoff is disabled): their rows say so. */
function usePausedHolders(): Set<string> {
  const operator = useAppStore((st) => st.view?.operator);
  return new Set((operator ?? []).filter((o) => o.dispatchPaused || o.replayHeld).map((o) => o.node));
}

function Paused({ holder }: { holder: string }) {
  return (
    <span className="hq-paused" data-testid="hq-paused" title={`${holder}'s dispatch is paused (nodetool): its hints wait`}>
      paused
    </span>
  );
}

const pct = (g: Gauge) => `${Math.min(999, Math.floor(g.share * 100))}%`;

/** "2h 59m of 3h max_hint_window (99%)", flagged when near or over. */
function GaugeText({ g, name, testId }: { g: Gauge; name: string; testId: string }) {
  return (
    <span className={`hq-gauge hq-${g.state}`} data-testid={testId} data-state={g.state}>
      {formatDuration(g.age)} of {formatDuration(g.limit)} <code>{name}</code> ({pct(g)})
    </span>
  );
}

const WARN_TEXT = {
  window: { near: 'near the hint window: new hints will be refused', over: 'past the hint window: new hints are refused' },
  ttl: { near: 'oldest hints near their TTL: they will be thrown away', over: 'oldest hints past their TTL: thrown away, never replayed' },
} as const;

/** The row under a queue: its limits, its replay, its refusals. */
function LimitsRow({ q, m, limits, words }: { q: HintQueueView; m: RowModel; limits: QueueLimits; words: HintWords }) {
  const refused = q.refused ?? 0;
  return (
    <tr className="hq-detail" data-testid={`hint-limits-${q.holder}-${q.target}`}>
      <td colSpan={4}>
        {m.warn && (
          <strong className={`hq-warn hq-${m.warn.state}`} data-testid="hq-warn" role="note">
            ⚠ {WARN_TEXT[m.warn.limit][m.warn.state]}
          </strong>
        )}
        <span className="hq-facts">
          {m.window && <GaugeText g={m.window} name={realName('maxHintWindow', limits.preset)} testId="hq-window" />}
          {m.ttl && <GaugeText g={m.ttl} name={realName('hintTtl', limits.preset)} testId="hq-ttl" />}
          {m.rate !== null && (
            <span data-testid="hq-rate">
              {words.replaying} {formatCount(m.rate)}/s (<code>{realName('hintReplayRate', limits.preset)}</code> {formatCount(limits.rate)}/s), drains in ~{formatDuration(m.drainMs ?? 0)}
            </span>
          )}
          {m.waiting && <span data-testid="hq-waiting">{m.waiting}</span>}
          {refused > 0 && (
            <span className="hq-refused" data-testid="hq-refused">
              {formatCount(refused)} refused{q.lastRefusal ? `: ${q.lastRefusal}` : ''}
            </span>
          )}
        </span>
      </td>
    </tr>
  );
}

/** Our settings beside the real systems' names for them, from the registry. */
function LimitNames() {
  return (
    <p className="panel-note hq-names" data-testid="hq-names">
      {LIMIT_SETTINGS.map((path, i) => (
        <span key={path}>
          {i > 0 && ' · '}
          <code>{path}</code> = {realNamesText(SETTINGS[path].real)}
        </span>
      ))}
    </p>
  );
}

const LIMIT_SETTINGS = ['maxHintWindow', 'hintTtl', 'hintReplayRate'] as const;

/** Hints delivered per simulated second since the previous frame, per queue (null: not known yet). */
function useMeasuredRates(rows: readonly HintQueueView[], now: number): Map<string, number | null> {
  const prev = useRef(new Map<string, { delivered: number; now: number; rate: number | null }>());
  const out = new Map<string, number | null>();
  const next = new Map<string, { delivered: number; now: number; rate: number | null }>();
  for (const q of rows) {
    const key = `${q.holder}>${q.target}`;
    const p = prev.current.get(key);
    let rate = p?.rate ?? null;
    if (p && now > p.now) rate = ((q.delivered - p.delivered) * 1000) / (now - p.now);
    const keep = p && now === p.now ? p : { delivered: q.delivered, now, rate };
    next.set(key, keep);
    out.set(key, keep.rate);
  }
  prev.current = next;
  return out;
}

export function HintQueues() {
  const queues = useAppStore(selectHintQueues) ?? NO_QUEUES;
  const now = useAppStore(selectNow);
  const words = hintWords(useAppStore(selectHintMode));
  const cluster = useAppStore(selectCluster);
  const limits = limitsOf(cluster?.settings, cluster?.preset);
  const held = usePausedHolders();
  const presenter = useAppStore(selectPresenter);
  const { rows, more, rest } = topQueues(queues, presenter ? PRESENTER_QUEUE_ROWS : QUEUE_ROWS);
  const measured = useMeasuredRates(rows, now);
  let max = 1;
  for (const q of rows) if (q.pending > max) max = q.pending;

  return (
    <section className="panel hint-queues" data-testid="hint-queues" aria-labelledby="hq-title">
      <h2 id="hq-title">{words.title}</h2>
      {rows.length === 0 ? (
        <p className="empty-state">{words.empty}</p>
      ) : (
        <table className="hq-table">
          <colgroup>
            <col className="c-queue" />
            <col className="c-pending" />
            <col className="c-buffered" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" title={words.pairTitle}>
                {words.pair}
              </th>
              <th scope="col">pending</th>
              <th scope="col" className="num" title={`Still in the memory buffer: lost if the ${words.pair.split(' ')[0]} crashes`}>
                in RAM
              </th>
              <th scope="col" className="num" title={`Age of the oldest pending ${words.one}`}>
                oldest
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((q) => (
              <QueueRows key={`${q.holder}>${q.target}`} q={q} max={max} now={now} words={words} limits={limits} measured={measured.get(`${q.holder}>${q.target}`) ?? null} paused={held.has(q.holder)} />
            ))}
          </tbody>
        </table>
      )}
      {rows.length > 0 && <LimitNames />}
      {more > 0 && (
        <p className="panel-note hq-more" data-testid="hint-queues-more">
          {formatCount(more)} more queues with {formatCount(rest)} {rest === 1 ? words.one : words.many} not listed (the largest {rows.length} are).
        </p>
      )}
    </section>
  );
}

function QueueRows({ q, max, now, words, limits, measured, paused }: { q: HintQueueView; max: number; now: number; words: HintWords; limits: QueueLimits; measured: number | null; paused: boolean }) {
  const m = rowModel(q, now, limits, measured);
  return (
    <>
      <tr className={m.warn ? `hq-row-${m.warn.state}` : undefined} data-testid={`hint-queue-${q.holder}-${q.target}`}>
        <th scope="row" className="hq-pair">
          {q.holder} → {q.target}
          {paused && <Paused holder={q.holder} />}
          {q.replaying && (
            <span className="replaying" title={`${words.replaying} to ${q.target} is running`}>
              <span className="replaying-dot" aria-hidden="true" /> {words.replaying}
            </span>
          )}
        </th>
        <td className="hq-pending">
          <div>
            <span className="num">{formatCount(q.pending)}</span>
            <span className="hq-bar" aria-hidden="true">
              <span style={{ width: `${(q.pending / max) * 100}%` }} />
            </span>
          </div>
        </td>
        <td className="num">{formatCount(q.buffered)}</td>
        <td className="num">{q.oldestCreatedAt === null ? '—' : formatDuration(now - q.oldestCreatedAt)}</td>
      </tr>
      <LimitsRow q={q} m={m} limits={limits} words={words} />
    </>
  );
}
