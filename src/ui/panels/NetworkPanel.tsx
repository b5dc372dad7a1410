// Cut the network: put nodes on side 1 or side 2 (the rest form one more group), partition, heal.
import { memo, useCallback, useState } from 'react';
import type { NodeView } from '../../protocol';
import { selectActions, selectCluster, selectCutting, selectFrame, selectNodes, useAppStore } from '../../store';
import { currentGroups, cutsSomething, datacentersOf, dcCutGroups, describeGroups, isDcCut, sidesToGroups, type Side } from '../../view/partition';

const NO_NODES: NodeView[] = [];
const hasFrame = (s: Parameters<typeof selectFrame>[0]) => selectFrame(s) !== null;

const SideRow = memo(function SideRow({
  side,
  order,
  sides,
  onToggle,
}: {
  side: Side;
  order: readonly string[];
  sides: ReadonlyMap<string, Side>;
  onToggle(id: string, side: Side): void;
}) {
  return (
    <div className={`net-side net-side-${side}`} role="group" aria-label={`Side ${side}`}>
      <span className="net-side-label" aria-hidden="true">
        side {side}
      </span>
      <div className="net-chips">
        {order.map((id) => {
          const on = sides.get(id) === side;
          return (
            <button
              key={id}
              type="button"
              className={`net-chip${on ? ' net-chip-on' : ''}`}
              aria-pressed={on}
              aria-label={`${id} on side ${side}`}
              onClick={() => onToggle(id, side)}
            >
              {id}
            </button>
          );
        })}
      </div>
    </div>
  );
});

/** The two sides the user is building: toggle a node on a side, split in halves, clear. */
function useSides(order: readonly string[]) {
  const [sides, setSides] = useState<ReadonlyMap<string, Side>>(new Map());
  const toggle = useCallback(
    (id: string, side: Side) =>
      setSides((cur) => {
        const next = new Map(cur);
        if (next.get(id) === side) next.delete(id);
        else next.set(id, side);
        return next;
      }),
    [],
  );
  const halves = () => {
    const half = Math.ceil(order.length / 2);
    setSides(new Map(order.map((id, i) => [id, (i < half ? 1 : 2) as Side])));
  };
  const clear = () => setSides(new Map());
  return { sides, toggle, halves, clear };
}

function NetworkStatus({ groups }: { groups: ReturnType<typeof currentGroups> }) {
  const partitioned = groups.length > 1;
  return (
    <p className={`net-status${partitioned ? ' net-status-cut' : ''}`} role="status" data-testid="network-status">
      {partitioned ? (
        <>
          <span aria-hidden="true">✂ </span>Partitioned: {describeGroups(groups)}
        </>
      ) : (
        'Whole: every node can reach every other.'
      )}
    </p>
  );
}

/** What the cut will be, or how to start one. */
function PlanNote({ order, sides, halves, clear }: { order: readonly string[]; sides: ReadonlyMap<string, Side>; halves(): void; clear(): void }) {
  const planned = sidesToGroups(order, sides);
  const rest = order.filter((id) => !sides.has(id));
  return (
    <p className="panel-note net-plan">
      {planned.length === 0 ? (
        <>
          Pick nodes for each side, or{' '}
          <button type="button" className="link-btn net-halves" onClick={halves} disabled={order.length < 2}>
            split in halves
          </button>
          ; nodes on neither side form one more group.
        </>
      ) : (
        <>
          Will cut: {describeGroups(rest.length ? [...planned, rest] : planned)}{' '}
          <button type="button" className="link-btn net-clear" onClick={clear}>
            clear
          </button>
        </>
      )}
    </p>
  );
}

/** One button per datacenter: its nodes | everyone else, by one partition command (as a scenario naming DCs does). */
function DcCuts({ order, nodes, groups, ready, onCut }: { order: readonly string[]; nodes: readonly NodeView[]; groups: string[][]; ready: boolean; onCut(groups: string[][]): void }) {
  const dcs = datacentersOf(nodes);
  if (dcs.length === 0) return null;
  return (
    <div className="net-dcs" role="group" aria-label="Datacenters">
      <span className="net-side-label" aria-hidden="true">
        datacenters
      </span>
      {dcs.map((dc) => {
        const cut = isDcCut(groups, order, nodes, dc);
        return (
          <button
            key={dc}
            type="button"
            className={`btn btn-cut${cut ? ' btn-on' : ''}`}
            data-testid={`cut-dc-${dc}`}
            disabled={!ready || cut}
            title={cut ? `${dc} is cut off from the other datacenters` : `Partition ${dc}'s nodes from everyone else, in one step (Heal joins them again)`}
            onClick={() => onCut(dcCutGroups(order, nodes, dc))}
          >
            <span aria-hidden="true">✂ </span>Cut {dc} off
          </button>
        );
      })}
    </div>
  );
}

export function NetworkPanel() {
  const cluster = useAppStore(selectCluster);
  const nodes = useAppStore(selectNodes) ?? NO_NODES;
  const ready = useAppStore(hasFrame);
  const actions = useAppStore(selectActions);
  const cutting = useAppStore(selectCutting);
  const order = cluster?.nodes ?? nodes.map((n) => n.id);
  const { sides, toggle, halves, clear } = useSides(order);
  const groups = currentGroups(nodes);
  const partitioned = groups.length > 1;

  return (
    <section className="panel network" data-testid="network-panel" aria-labelledby="net-title">
      <h2 id="net-title">Network</h2>
      <NetworkStatus groups={groups} />
      <SideRow side={1} order={order} sides={sides} onToggle={toggle} />
      <SideRow side={2} order={order} sides={sides} onToggle={toggle} />
      <PlanNote order={order} sides={sides} halves={halves} clear={clear} />
      <DcCuts order={order} nodes={nodes} groups={groups} ready={ready} onCut={(g) => actions.command({ type: 'partition', groups: g })} />
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="partition"
          disabled={!ready || !cutsSomething(order, sides)}
          onClick={() => actions.command({ type: 'partition', groups: sidesToGroups(order, sides) })}
        >
          Partition
        </button>
        <button
          type="button"
          className={`btn btn-cut${cutting ? ' btn-on' : ''}`}
          data-testid="draw-cut"
          aria-pressed={cutting}
          disabled={!ready || order.length < 2}
          onClick={() => actions.setCutting(!cutting)}
          title="Drag a line across the ring: the nodes on each side become the two groups"
        >
          <span aria-hidden="true">✂ </span>Draw a cut
        </button>
        <button type="button" className="btn" data-testid="heal" disabled={!ready || !partitioned} onClick={() => actions.command({ type: 'heal' })}>
          Heal
        </button>
      </div>
    </section>
  );
}
