// The difference table: the engine's report for A and B at the same moment, and B − A, with
// the rows that changed marked (by a sign, an arrow and a word, not by colour alone).
import type { Report } from '../../protocol';
import type { ReportPair } from '../../store/compare';
import { formatClock, formatCount } from '../../view/format';

export interface DiffRow {
  id: string;
  label: string;
  pick(r: Report): number;
  /** Whether more is worse (stale reads), better (writes acknowledged) or neither (hints written). */
  more: 'worse' | 'better' | 'neutral';
}

export const DIFF_ROWS: readonly DiffRow[] = [
  { id: 'hints-created', label: 'Hints written', pick: (r) => r.hints.created, more: 'neutral' },
  { id: 'hints-delivered', label: 'Hints replayed', pick: (r) => r.hints.delivered, more: 'neutral' },
  { id: 'hints-pending', label: 'Hints pending', pick: (r) => r.hints.pending, more: 'neutral' },
  { id: 'hints-dropped', label: 'Hints refused (dropped)', pick: (r) => r.hints.dropped, more: 'worse' },
  { id: 'hints-expired', label: 'Hints expired', pick: (r) => r.hints.expired, more: 'worse' },
  { id: 'hints-lost', label: 'Hints lost', pick: (r) => r.hints.lost, more: 'worse' },
  { id: 'under-replicated', label: 'Under-replicated keys', pick: (r) => r.replication.underReplicated, more: 'worse' },
  { id: 'reads-stale', label: 'Stale reads', pick: (r) => r.reads.stale, more: 'worse' },
  { id: 'reads-repaired', label: 'Read-repair writes', pick: (r) => r.reads.repaired, more: 'neutral' },
  { id: 'writes-acked', label: 'Writes acknowledged', pick: (r) => r.writes.acknowledged, more: 'better' },
  { id: 'writes-failed', label: 'Writes failed', pick: (r) => r.writes.failed, more: 'worse' },
  { id: 'data-lost', label: 'Acknowledged writes lost', pick: (r) => r.lostAcknowledgedWrites, more: 'worse' },
  { id: 'repair-sessions', label: 'Repair sessions', pick: (r) => r.repair.sessions, more: 'neutral' },
  { id: 'repair-streamed', label: 'Keys streamed by repair', pick: (r) => r.repair.keysStreamed, more: 'neutral' },
  { id: 'repair-failed', label: 'Repair sessions failed', pick: (r) => r.repair.failed, more: 'worse' },
];

function verdict(row: DiffRow, d: number): 'worse' | 'better' | 'changed' | null {
  if (d === 0) return null;
  if (row.more === 'neutral') return 'changed';
  return (d > 0) === (row.more === 'worse') ? 'worse' : 'better';
}

const signed = (d: number) => (d > 0 ? `+${formatCount(d)}` : d < 0 ? `−${formatCount(-d)}` : '0');

export function DiffTable({ reports, labels }: { reports: ReportPair | null; labels: { a: string; b: string } }) {
  return (
    <section className="compare-diff panel" aria-labelledby="compare-diff-title" data-testid="compare-diff" tabIndex={0}>
      <h2 id="compare-diff-title">Difference</h2>
      {!reports ? (
        <p className="panel-note">Waiting for both runs’ reports…</p>
      ) : (
        <table className="diff-table">
          <caption>
            Reports at <span data-testid="compare-report-at">{formatClock(reports.at)}</span>, the same moment in both runs
          </caption>
          <thead>
            <tr>
              <th scope="col">At this moment</th>
              <th scope="col" title={labels.a}>
                A
              </th>
              <th scope="col" title={labels.b}>
                B
              </th>
              <th scope="col">B − A</th>
            </tr>
          </thead>
          <tbody>
            {DIFF_ROWS.map((row) => {
              const a = row.pick(reports.a);
              const b = row.pick(reports.b);
              const v = verdict(row, b - a);
              return (
                <tr key={row.id} data-testid={`diff-row-${row.id}`} data-changed={v ?? undefined} className={v ? `diff-changed diff-${v}` : undefined}>
                  <th scope="row">{row.label}</th>
                  <td data-testid={`diff-a-${row.id}`}>{formatCount(a)}</td>
                  <td data-testid={`diff-b-${row.id}`}>{formatCount(b)}</td>
                  <td data-testid={`diff-d-${row.id}`} data-value={b - a} className="diff-delta">
                    {v && (
                      <span aria-hidden="true" className="diff-arrow">
                        {b > a ? '▲' : '▼'}
                      </span>
                    )}
                    {signed(b - a)}
                    {v && v !== 'changed' && <span className="diff-word"> {v}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
