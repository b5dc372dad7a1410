// Popover of actions for one node. The UI only sends commands; the frame shows the result.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Command, NodeView } from '../protocol';
import { nodeState, STATE_LABEL } from './nodeState';
import { formatDuration } from './format';

export interface NodeMenuProps {
  node: NodeView;
  /** Anchor in percent of the ring box, and which way to open. */
  left: number;
  top: number;
  /** Which way the menu extends from its anchor. */
  align: 'left' | 'right' | 'centre';
  openUp: boolean;
  onCommand(command: Command): void;
  onClose(returnFocus: boolean): void;
}

const SLOW_MS = 3000;

export function NodeMenu({ node, left, top, align, openUp, onCommand, onClose }: NodeMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const id = node.id;
  const state = nodeState(node);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [id]);

  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Element | null;
      if (!ref.current || !target || ref.current.contains(target)) return;
      if (target.closest?.('.node-glyph')) return; // the glyph's own click toggles
      if (target.closest?.('[data-keeps-selection]')) return; // panels about the selected node
      onClose(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose(true);
    }
  };
  const run = (command: Command) => {
    onCommand(command);
    onClose(true);
  };

  const style = {
    left: `${left}%`,
    top: `${top}%`,
    transform: `translate(${align === 'left' ? '-100%' : align === 'centre' ? '-50%' : '0'}, ${openUp ? '-100%' : '0'})`,
  };
  return (
    <div
      ref={ref}
      className="node-menu"
      role="dialog"
      aria-label={`Node ${id} actions`}
      style={style}
      onKeyDown={onKeyDown}
      data-testid="node-menu"
    >
      <div className="node-menu-title">
        <strong>Node {id}</strong> <span className={`state-pill state-${state}`}>{STATE_LABEL[state]}</span>
      </div>
      <div className="node-menu-facts">
        {node.keys} keys · believes down: {node.believesDown.length ? node.believesDown.join(', ') : 'none'}
      </div>
      <div className="node-menu-actions">
        <button type="button" disabled={!node.up} onClick={() => run({ type: 'kill', node: id })}>
          Kill {id}
        </button>
        <button type="button" disabled={!node.up} onClick={() => run({ type: 'kill', node: id, wipe: true })}>
          Kill &amp; wipe {id}
        </button>
        <button type="button" disabled={node.up} onClick={() => run({ type: 'restart', node: id })}>
          Restart {id}
        </button>
        <button type="button" disabled={!node.up} onClick={() => run({ type: 'repair', node: id })}>
          Repair {id}
        </button>
        <button
          type="button"
          onClick={() => run({ type: 'slow', node: id, extraLatencyMs: node.slowMs > 0 ? 0 : SLOW_MS })}
        >
          {node.slowMs > 0 ? `Make ${id} fast again` : `Slow ${id} (+${formatDuration(SLOW_MS)})`}
        </button>
      </div>
      <button type="button" className="node-menu-close" aria-label="Close" onClick={() => onClose(true)}>
        ×
      </button>
    </div>
  );
}
