// The stage: the ring SVG, the message canvas over it, the node menu and the legend.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { HintQueueView, NodeView } from '../protocol';
import { selectActions, selectCluster, selectHintQueues, selectNodes, selectSelected, useAppStore } from '../store';
import { CENTER, VIEW, glyphRadius, nodePositions } from './geometry';
import { Legend } from './Legend';
import { MessageLayer } from './MessageLayer';
import { NodeMenu } from './NodeMenu';
import { Ring } from './Ring';

const NO_NODES: NodeView[] = [];
const NO_QUEUES: HintQueueView[] = [];

function useSquareSide(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [side, setSide] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box) return;
      const next = Math.max(160, Math.floor(Math.min(box.width, box.height || box.width)));
      setSide((prev) => (prev === next ? prev : next));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, side };
}

export function RingPanel() {
  const nodes = useAppStore(selectNodes) ?? NO_NODES;
  const queues = useAppStore(selectHintQueues) ?? NO_QUEUES;
  const cluster = useAppStore(selectCluster);
  const selected = useAppStore(selectSelected);
  const actions = useAppStore(selectActions);
  const { ref, side } = useSquareSide(560);
  const svgBox = useRef<HTMLDivElement>(null);

  const orderKey = (cluster?.nodes ?? nodes.map((n) => n.id)).join('\u0000');
  const order = useMemo(() => (orderKey ? orderKey.split('\u0000') : []), [orderKey]);
  const positions = useMemo(() => nodePositions(order), [order]);
  const glyphR = glyphRadius(order.length);

  const onOpen = useCallback(
    (id: string) => actions.select(selected === id ? null : id),
    [actions, selected],
  );
  const onClose = useCallback(
    (returnFocus: boolean) => {
      const id = selected;
      actions.select(null);
      if (returnFocus && id) svgBox.current?.querySelector<SVGGElement>(`[data-testid="node-${id}"]`)?.focus();
    },
    [actions, selected],
  );

  const openNode = selected ? nodes.find((n) => n.id === selected) : undefined;
  const anchor = selected ? positions.get(selected) : undefined;
  const right = !!anchor && anchor.x > CENTER + 1;
  const below = !!anchor && anchor.y > CENTER + 1;
  // A small ring has no room beside a glyph: centre the menu above or below it.
  const narrow = side < 480;

  return (
    <div className="stage-inner">
      <div className="ring-area" ref={ref}>
        <div className="ring-box" ref={svgBox} style={{ width: side, height: side }}>
          {nodes.length === 0 ? (
            <div className="ring-empty" data-testid="ring" role="status">
              Starting the cluster…
            </div>
          ) : (
            <Ring
              nodes={nodes}
              order={order}
              hintQueues={queues}
              positions={positions}
              glyphR={glyphR}
              selected={selected}
              onOpen={onOpen}
              hintMode={cluster?.hintMode}
            />
          )}
          <MessageLayer side={side} positions={positions} nodeRadius={glyphR + 2} />
          {openNode && anchor && (
            <NodeMenu
              node={openNode}
              left={narrow ? 50 : ((anchor.x + (right ? -1 : 1) * (glyphR + 6)) / VIEW) * 100}
              top={((anchor.y + (below ? -1 : 1) * (narrow ? glyphR + 8 : glyphR * 0.3)) / VIEW) * 100}
              align={narrow ? 'centre' : right ? 'left' : 'right'}
              openUp={below}
              onCommand={actions.command}
              onClose={onClose}
            />
          )}
        </div>
      </div>
      <Legend />
    </div>
  );
}
