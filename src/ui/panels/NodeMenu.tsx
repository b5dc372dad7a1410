// Popover of actions for one node. The UI only sends commands; the frame shows the result.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { usePointerDownOutside } from '../common/hooks';
import type { Command, NodeView } from '../../protocol';
import { nodeState, STATE_LABEL } from '../../view/nodeState';
import { formatDuration } from '../../view/format';
import { SLOW_MS, shortcutCommand } from '../../view/shortcuts';
import './instrument.css';

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
  /** Move focus into the menu when it opens (not when the selection came from elsewhere). */
  autoFocus?: boolean;
  /** An extra class (the compact menu beside the ring). */
  className?: string;
  /** With datacenters: the partition that cuts this node's datacenter off (its nodes | the rest). */
  dcCut?: string[][];
  /** The network is already cut exactly there (the button then says so, disabled). */
  dcCutDone?: boolean;
}

/** The action's key, shown beside it (the glyph and the menu both take it). */
function Kbd({ k }: { k: string }) {
  return (
    <kbd className="menu-kbd" aria-hidden="true">
      {k}
    </kbd>
  );
}

/** Kill, kill & wipe, restart, repair, slow: each with its key. */
function NodeActions({ node, run }: { node: NodeView; run(command: Command): void }) {
  const id = node.id;
  return (
    <div className="node-menu-actions">
      <button type="button" disabled={!node.up} aria-keyshortcuts="K" onClick={() => run({ type: 'kill', node: id })}>
        Kill {id}
        <Kbd k="K" />
      </button>
      <button type="button" disabled={!node.up} aria-keyshortcuts="W" onClick={() => run({ type: 'kill', node: id, wipe: true })}>
        Kill &amp; wipe {id}
        <Kbd k="W" />
      </button>
      <button type="button" disabled={node.up} aria-keyshortcuts="R" onClick={() => run({ type: 'restart', node: id })}>
        Restart {id}
        <Kbd k="R" />
      </button>
      <button type="button" disabled={!node.up} aria-keyshortcuts="P" onClick={() => run({ type: 'repair', node: id })}>
        Repair {id}
        <Kbd k="P" />
      </button>
      <button type="button" aria-keyshortcuts="S" onClick={() => run({ type: 'slow', node: id, extraLatencyMs: node.slowMs > 0 ? 0 : SLOW_MS })}>
        {node.slowMs > 0 ? `Make ${id} fast again` : `Slow ${id} (+${formatDuration(SLOW_MS)})`}
        <Kbd k="S" />
      </button>
    </div>
  );
}

export function NodeMenu({ node, left, top, align, openUp, onCommand, onClose, autoFocus = true, className, dcCut, dcCutDone = false }: NodeMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const id = node.id;
  const state = nodeState(node);

  useEffect(() => {
    if (autoFocus) ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [id, autoFocus]);

  usePointerDownOutside([ref], (target) => {
    if (target.closest?.('.node-glyph')) return; // the glyph's own click toggles
    if (target.closest?.('[data-keeps-selection]')) return; // panels about the selected node
    onClose(false);
  });

  const run = (command: Command) => {
    onCommand(command);
    onClose(true);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose(true);
      return;
    }
    const command = shortcutCommand(e, node);
    if (command) {
      e.preventDefault();
      e.stopPropagation();
      run(command);
    }
  };

  const style = {
    left: `${left}%`,
    top: `${top}%`,
    transform: `translate(${align === 'left' ? '-100%' : align === 'centre' ? '-50%' : '0'}, ${openUp ? '-100%' : '0'})`,
  };
  return (
    <div ref={ref} className={className ? `node-menu ${className}` : 'node-menu'} role="dialog" aria-label={`Node ${id} actions`} style={style} onKeyDown={onKeyDown} data-testid="node-menu">
      <div className="node-menu-title">
        <strong>Node {id}</strong> <span className={`state-pill state-${state}`}>{STATE_LABEL[state]}</span>
        {node.dc && <span className="dc-tag" data-testid="node-dc"> {node.dc}</span>}
      </div>
      <div className="node-menu-facts">
        {node.keys} keys · believes down: {node.believesDown.length ? node.believesDown.join(', ') : 'none'}
      </div>
      <NodeActions node={node} run={run} />
      {dcCut && node.dc && (
        <div className="node-menu-actions">
          <button type="button" data-testid="menu-cut-dc" disabled={dcCutDone} onClick={() => run({ type: 'partition', groups: dcCut })}>
            {dcCutDone ? `${node.dc} is cut off` : `Cut ${node.dc} off`}
          </button>
        </div>
      )}
      <button type="button" className="node-menu-close" aria-label="Close" onClick={() => onClose(true)}>
        ×
      </button>
    </div>
  );
}
