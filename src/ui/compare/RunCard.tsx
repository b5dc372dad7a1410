// One run at a glance: a small ring (the lab's Ring, inert: the runs are not steered from here)
// and a strip of node states that screen readers read instead.
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../../store';
import type { RunId } from '../../store/compare';
import { formatClock, formatCount } from '../../view/format';
import { glyphRadius, nodePositions } from '../../view/geometry';
import { hintsHeld, nodeState, STATE_LABEL } from '../../view/nodeState';
import { Ring } from '../ring/Ring';

const selectNodes = (s: AppState) => s.view?.nodes;
const selectQueues = (s: AppState) => s.view?.hintQueues;
const selectCluster = (s: AppState) => s.cluster;
const selectNow = (s: AppState) => s.view?.now ?? null;
const selectHash = (s: AppState) => s.view?.traceHash ?? null;
const noop = () => {};

export function RunCard({ id, store, title, detail }: { id: RunId; store: AppStore; title: string; detail: string }) {
  const nodes = useStore(store, selectNodes);
  const queues = useStore(store, selectQueues);
  const cluster = useStore(store, selectCluster);
  const now = useStore(store, selectNow);
  const hash = useStore(store, selectHash);
  const order = cluster?.nodes;
  const positions = useMemo(() => nodePositions(order ?? []), [order]);
  const held = hintsHeld(queues ?? []);
  const letter = id.toUpperCase();
  return (
    <section className={`compare-run compare-run-${id}`} aria-labelledby={`compare-run-${id}-title`} data-testid={`compare-run-${id}`}>
      <h2 id={`compare-run-${id}-title`} className="compare-run-title">
        <span className="compare-run-letter" aria-hidden="true">
          {letter}
        </span>
        <span className="sr-only">Run {letter}: </span>
        {title}
      </h2>
      <p className="compare-run-detail">{detail}</p>
      <p className="compare-run-time">
        <output data-testid={`compare-time-${id}`} aria-label={`Run ${letter} simulated time`}>
          {now === null ? '—' : formatClock(now)}
        </output>
        {hash && (
          <code className="compare-hash" data-testid={`compare-hash-${id}`} title="Trace hash">
            {hash}
          </code>
        )}
      </p>
      {nodes && order ? (
        <>
          <div className="compare-ring" inert aria-hidden="true">
            <Ring nodes={nodes} order={order} hintQueues={queues ?? []} positions={positions} glyphR={glyphRadius(order.length)} selected={null} onOpen={noop} hintMode={cluster?.hintMode} />
          </div>
          <ul className="compare-nodes sr-only" aria-label={`Run ${letter} nodes`}>
            {order.map((n) => {
              const node = nodes.find((x) => x.id === n);
              if (!node) return null;
              const state = nodeState(node);
              const h = held.get(n) ?? 0;
              return (
                <li key={n} className={`compare-node compare-node-${state}`} data-testid={`compare-node-${id}-${n}`} data-state={state}>
                  <span className="compare-node-mark" aria-hidden="true">
                    {state === 'down' ? '✕' : state === 'joining' ? '◌' : '●'}
                  </span>
                  {n}
                  <span className="sr-only"> {STATE_LABEL[state]}</span>
                  {h > 0 && <span className="compare-node-hints"> {formatCount(h)}</span>}
                  {h > 0 && <span className="sr-only"> hints held</span>}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p className="panel-note">Starting…</p>
      )}
    </section>
  );
}
