// Hint queues per holder → target: what is waiting, what is at risk, what is replaying.
// In sloppy-quorum mode the same rows are stand-in copies waiting to be handed off.
import type { HintQueueView } from '../../protocol';
import { selectHintMode, selectHintQueues, selectNow, useAppStore } from '../../store';
import { formatCount, formatDuration } from '../../view/format';
import { hintWords } from '../../view/wording';

const NO_QUEUES: HintQueueView[] = [];
/** localeCompare, without building a collator per call. */
const byName = new Intl.Collator().compare;

/**
 * Rows listed, the largest queues first. A lecture's cluster (up to 6 nodes: 30 pairs) shows them
 * all; a 64-node cluster can have thousands of pairs, and a table that long helps nobody.
 */
export const QUEUE_ROWS = 30;

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

export function HintQueues() {
  const queues = useAppStore(selectHintQueues) ?? NO_QUEUES;
  const now = useAppStore(selectNow);
  const words = hintWords(useAppStore(selectHintMode));
  const held = usePausedHolders();
  const { rows, more, rest } = topQueues(queues, QUEUE_ROWS);
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
              <tr key={`${q.holder}>${q.target}`} data-testid={`hint-queue-${q.holder}-${q.target}`}>
                <th scope="row" className="hq-pair">
                  {q.holder} → {q.target}
                  {held.has(q.holder) && <Paused holder={q.holder} />}
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
            ))}
          </tbody>
        </table>
      )}
      {more > 0 && (
        <p className="panel-note hq-more" data-testid="hint-queues-more">
          {formatCount(more)} more queues with {formatCount(rest)} {rest === 1 ? words.one : words.many} not listed (the largest {rows.length} are).
        </p>
      )}
    </section>
  );
}
