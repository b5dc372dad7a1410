// Hint queues per holder → target: what is waiting, what is at risk, what is replaying.
// In sloppy-quorum mode the same rows are stand-in copies waiting to be handed off.
import type { HintQueueView } from '../protocol';
import { selectHintMode, selectHintQueues, selectNow, useAppStore } from '../store';
import { formatCount, formatDuration } from './format';
import { hintWords } from './wording';

const NO_QUEUES: HintQueueView[] = [];

export function HintQueues() {
  const queues = useAppStore(selectHintQueues) ?? NO_QUEUES;
  const now = useAppStore(selectNow);
  const words = hintWords(useAppStore(selectHintMode));
  const rows = queues
    .filter((q) => q.pending > 0 || q.replaying)
    .slice()
    .sort((a, b) => b.pending - a.pending || a.holder.localeCompare(b.holder) || a.target.localeCompare(b.target));
  const max = Math.max(1, ...rows.map((q) => q.pending));

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
    </section>
  );
}
