// "What X believes": the selected node's own failure-detector view of each peer, beside the truth.
import type { NodeView } from '../../protocol';
import { selectCluster, selectNodes, selectSelected, useAppStore } from '../../store';
import { beliefRows, formatPhi, MISMATCH_TEXT, type BeliefRow } from '../../view/beliefs';
import { formatDuration } from '../../view/format';

const NO_NODES: NodeView[] = [];

function PhiCell({ phi, threshold }: { phi: number; threshold: number }) {
  // The bar spans 0..1.5 × threshold; the tick marks the threshold.
  const over = phi > threshold;
  const width = Math.min(1, phi / (threshold * 1.5)) * 100;
  return (
    <td className={`bp-phi${over ? ' bp-phi-over' : ''}`}>
      <span className="bp-phi-bar" aria-hidden="true">
        <span className="bp-phi-fill" style={{ width: `${width}%` }} />
        <span className="bp-phi-tick" />
      </span>
      <span className="bp-phi-text">
        <span className="sr-only">phi </span>
        {formatPhi(phi)}
        <span className="bp-phi-of"> / {threshold}</span>
      </span>
    </td>
  );
}

function Row({ row, threshold, self }: { row: BeliefRow; threshold: number; self: string }) {
  return (
    <>
      <tr className={row.mismatch ? 'bp-row bp-mismatch' : 'bp-row'} data-testid={`belief-${row.peer}`}>
        <th scope="row">{row.peer}</th>
        <td className={row.believedUp ? 'bp-up' : 'bp-down'}>
          <span aria-hidden="true">{row.believedUp ? '✓ ' : '✗ '}</span>
          {row.believedUp ? 'up' : 'down'}
        </td>
        <PhiCell phi={row.phi} threshold={threshold} />
        <td className="num">{row.heartbeatAgeMs === null ? 'never' : formatDuration(row.heartbeatAgeMs)}</td>
        <td className={row.actuallyUp ? 'bp-truth bp-up' : 'bp-truth bp-down'}>{row.actuallyUp ? 'up' : 'DOWN'}</td>
      </tr>
      {row.mismatch && (
        <tr className="bp-note-row">
          <td colSpan={5}>
            <span className="bp-warn" aria-hidden="true">
              ⚠
            </span>{' '}
            <strong>{row.peer}:</strong> {MISMATCH_TEXT[row.mismatch]}
            {row.cutOff && row.mismatch === 'believed-down-actually-up' && ` (cut off from ${self} by the partition)`}
            {!row.cutOff && row.mismatch === 'believed-up-actually-down' && ' (not detected yet)'}
          </td>
        </tr>
      )}
    </>
  );
}

function stateNote(node: NodeView): string | null {
  if (!node.up) return `${node.id} is down: a crashed node runs no detector, so this is its view from before the crash.`;
  if (!node.serving) return `${node.id} is restarting: it believes its peers down until gossip about each arrives.`;
  return null;
}

export function BeliefPanel() {
  const selected = useAppStore(selectSelected);
  const nodes = useAppStore(selectNodes) ?? NO_NODES;
  const cluster = useAppStore(selectCluster);
  const node = selected ? nodes.find((n) => n.id === selected) : undefined;
  if (!node) return null;
  const threshold = typeof cluster?.settings.phiConvictThreshold === 'number' ? cluster.settings.phiConvictThreshold : 8;
  const rows = beliefRows(node, nodes);
  const wrong = rows.filter((r) => r.mismatch).length;
  const down = rows.filter((r) => !r.believedUp).length;
  const note = stateNote(node);

  return (
    <section
      className={`panel belief-panel${node.up ? '' : ' belief-stale'}`}
      data-testid="belief-panel"
      data-keeps-selection=""
      aria-labelledby="bp-title"
    >
      <h2 id="bp-title">What {node.id} believes</h2>
      <p className="bp-summary">
        {down === 0 ? 'All peers up' : `${down} peer${down === 1 ? '' : 's'} down`} in {node.id}’s view ·{' '}
        <span className={wrong ? 'bp-wrong' : 'bp-right'}>
          {wrong === 0 ? 'matches the truth' : `${wrong} belief${wrong === 1 ? ' is' : 's are'} wrong`}
        </span>
      </p>
      {note && <p className="bp-state-note">{note}</p>}
      <table className="bp-table">
        <thead>
          <tr>
            <th scope="col">peer</th>
            <th scope="col" title={`What ${node.id}'s failure detector says`}>
              believed
            </th>
            <th scope="col" title="Suspicion (phi accrual) against the conviction threshold">
              phi / {threshold}
            </th>
            <th scope="col" className="num" title="Time since a newer heartbeat from this peer arrived">
              heard
            </th>
            <th scope="col" title="Ground truth: is the process running?">
              truth
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.peer} row={r} threshold={threshold} self={node.id} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
