// Draw a cut: while the Network panel's "Draw a cut" is on, a drag across the ring is a line
// through the network; the nodes on either side of it become the two groups of a partition.
import { useEffect, useState, type PointerEvent } from 'react';
import { selectActions, selectCutting, useAppStore } from '../../store';
import { VIEW, type Point } from '../../view/geometry';
import { describeGroups, groupsOfCut } from '../../view/partition';
import { CUT_HINT, wordsFor } from '../../view/inputWords';
import { useCoarsePointer } from '../common/hooks';
import './cut.css';

export interface CutLayerProps {
  order: readonly string[];
  positions: ReadonlyMap<string, Point>;
}

export function CutLayer({ order, positions }: CutLayerProps) {
  const touch = useCoarsePointer();
  const cutting = useAppStore(selectCutting);
  const actions = useAppStore(selectActions);
  const [line, setLine] = useState<{ a: Point; b: Point } | null>(null);

  useEffect(() => {
    if (!cutting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setLine(null);
      actions.setCutting(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cutting, actions]);

  if (!cutting) return null;

  const toView = (e: PointerEvent<SVGSVGElement>): Point => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) / (rect.width || 1)) * VIEW, y: ((e.clientY - rect.top) / (rect.height || 1)) * VIEW };
  };
  const groups = line ? groupsOfCut(order, positions, line.a, line.b) : [];

  return (
    <svg
      className="cut-layer"
      viewBox={`0 0 ${VIEW} ${VIEW}`}
      data-testid="cut-layer"
      role="img"
      aria-label="Drag a line across the ring to cut the network in two; Escape cancels"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture?.(e.pointerId);
        const p = toView(e);
        setLine({ a: p, b: p });
      }}
      onPointerMove={(e) => {
        if (!line) return;
        const b = toView(e);
        setLine((l) => (l ? { a: l.a, b } : l));
      }}
      onPointerUp={() => {
        if (groups.length === 2) {
          actions.command({ type: 'partition', groups });
          actions.setCutting(false);
        }
        setLine(null);
      }}
      onPointerCancel={() => setLine(null)}
    >
      <rect className="cut-layer-hit" x={0} y={0} width={VIEW} height={VIEW} />
      {line ? (
        <>
          <line className="cut-line" x1={line.a.x} y1={line.a.y} x2={line.b.x} y2={line.b.y} />
          <text className="cut-preview" x={VIEW / 2} y={VIEW - 14} textAnchor="middle" data-testid="cut-preview">
            {groups.length === 2 ? `Release to cut ${describeGroups(groups)}` : 'Drag across the ring, between nodes'}
          </text>
        </>
      ) : (
        <text className="cut-preview" x={VIEW / 2} y={VIEW - 14} textAnchor="middle">
          {wordsFor(CUT_HINT, touch)}
        </text>
      )}
    </svg>
  );
}
