// The stage: the ring SVG, the message canvas over it, the node menu, the message popover
// and the legend.
import { useCallback, useMemo, useRef, useState, type MouseEvent, type PointerEvent, type RefObject } from 'react';
import type { ClusterInfo, Command, HintQueueView, NodeView } from '../../protocol';
import type { Point } from '../../view/geometry';
import {
  hiddenKinds,
  selectActions,
  selectCluster,
  selectHintQueues,
  selectInspecting,
  selectInspection,
  selectMessages,
  selectNodes,
  selectNow,
  selectPaused,
  selectPresenter,
  selectSelected,
  useAppStore,
  useAppStoreApi,
} from '../../store';
import { messageAt } from '../../view/canvas/drawMessages';
import { CENTER, ORBIT, VIEW, glyphRadius, labelsFit, nodePositions } from '../../view/geometry';
import { useCoarsePointer, useMediaQuery } from '../common/hooks';
import { Legend } from './Legend';
import { LANE, MessageLayer, markScale } from './MessageLayer';
import { CutLayer } from './CutLayer';
import { LessonCallout } from './LessonCallout';
import { MessagePopover } from '../panels/MessagePopover';
import { NodeMenu } from '../panels/NodeMenu';
import { Ring } from './Ring';
import { TokenTip } from './TokenTip';
import { countReserve, fitRingToLabels, labelTexts, RingLabels, tagKey, withoutNotes } from './RingLabels';
import { labelsOutside, wideness } from '../../view/ringLabels';
import { useElementSize } from '../common/useElementSize';
import { dcKeyOf, withDcs } from '../../view/datacenters';
import { dcMap, routeFacts } from '../../view/forwarding';
import { currentGroups, dcCutOf, isDcCut } from '../../view/partition';
import './ring.css';

const NO_NODES: NodeView[] = [];
const selectMessagesWhenPaused = (s: Parameters<typeof selectPaused>[0]) => (selectPaused(s) ? selectMessages(s) : undefined);
const NO_QUEUES: HintQueueView[] = [];

/** Clicks on these belong to them, not to the message under the pointer. */
const OWN_CLICKS = '.node-glyph, .node-menu, .msg-popover, .cut-layer';

/** The ring's order (the cluster's, else the frame's), each node's place and the glyph size. */
function useRingLayout(nodes: readonly NodeView[], cluster: ClusterInfo | null | undefined) {
  const orderKey = (cluster?.nodes ?? nodes.map((n) => n.id)).join('\u0000');
  const order = useMemo(() => (orderKey ? orderKey.split('\u0000') : []), [orderKey]);
  // Each node's datacenter goes with its place: a message between two DCs is drawn round the outside.
  const dcKey = dcKeyOf(nodes);
  const positions = useMemo(() => withDcs(nodePositions(order), dcKey), [order, dcKey]);
  return { order, positions, glyphR: glyphRadius(order.length) };
}

/** The node menu opens from the ring only; a node selected elsewhere (the event log) is just highlighted. */
function useNodeMenu(svgBox: RefObject<HTMLDivElement | null>) {
  const selected = useAppStore(selectSelected);
  const actions = useAppStore(selectActions);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const onOpen = useCallback(
    (id: string) => {
      if (selected === id && menuFor === id) {
        actions.select(null);
        setMenuFor(null);
      } else {
        actions.select(id);
        setMenuFor(id);
      }
    },
    [actions, selected, menuFor],
  );
  // Closing the menu keeps the node selected: its beliefs stay drawn and listed. Clicking the
  // glyph again reopens the menu; clicking it with the menu open lets it go.
  const onClose = useCallback(
    (returnFocus: boolean) => {
      const id = selected;
      setMenuFor(null);
      if (returnFocus && id) svgBox.current?.querySelector<SVGGElement>(`[data-testid="node-${id}"]`)?.focus();
    },
    [selected, svgBox],
  );
  return { selected, menuFor, onOpen, onClose };
}

interface PickingInput {
  svgBox: RefObject<HTMLDivElement | null>;
  positions: ReadonlyMap<string, Point>;
  glyphR: number;
  side: number;
  paused: boolean;
}

/** Mouse picking of a message drawn on the canvas, only while time stands still. */
function useMessagePicking({ svgBox, positions, glyphR, side, paused }: PickingInput) {
  const store = useAppStoreApi();
  const reduced = useMediaQuery('(prefers-reduced-motion: reduce)');
  const [picked, setPicked] = useState<{ id: number; x: number; y: number } | null>(null);
  /** The message drawn under a pointer (only while time stands still), in view units. */
  const hitAt = (clientX: number, clientY: number) => {
    const box = svgBox.current;
    const s = store.getState();
    const f = s.frame;
    if (!box || !f || f.playing || f.jumpProgress !== null) return null;
    const rect = box.getBoundingClientRect();
    if (rect.width === 0) return null;
    const x = ((clientX - rect.left) / rect.width) * VIEW;
    const y = ((clientY - rect.top) / rect.height) * VIEW;
    const m = messageAt(f.messages, f.now, positions, x, y, {
      nodeRadius: glyphR + 2,
      laneOffset: LANE,
      reducedMotion: reduced,
      hidden: hiddenKinds(s.hiddenMessages),
      markScale: markScale(side),
    });
    return m ? { id: m.id, x, y } : null;
  };
  const onStageClick = (e: MouseEvent<HTMLDivElement>) => {
    if ((e.target as Element).closest?.(OWN_CLICKS)) return;
    setPicked(hitAt(e.clientX, e.clientY));
  };
  const onStageMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!paused || e.pointerType === 'touch') return;
    const over = !(e.target as Element).closest?.(OWN_CLICKS) && hitAt(e.clientX, e.clientY) !== null;
    e.currentTarget.classList.toggle('over-message', over);
  };
  const closePicked = useCallback(() => setPicked(null), []);
  return { picked, onStageClick, onStageMove, closePicked };
}

interface PlacedMenuProps {
  node: NodeView;
  anchor: Point;
  glyphR: number;
  side: number;
  /** Free width (px) on each side of the ring's box, in its area. */
  margin: number;
  onCommand: (c: Command) => void;
  onClose: (returnFocus: boolean) => void;
  /** The partition cutting the node's datacenter off, where the cluster has datacenters. */
  dcCut?: string[][];
  dcCutDone?: boolean;
}

/** The node menu's "Cut <dc> off": the partition it sends, and whether the network is already cut there. */
function menuCut(order: readonly string[], nodes: readonly NodeView[], node: NodeView): { dcCut?: string[][]; dcCutDone?: boolean } {
  const dcCut = dcCutOf(order, nodes, node);
  if (!dcCut || node.dc === undefined) return {};
  return { dcCut, dcCutDone: isDcCut(currentGroups(nodes), order, nodes, node.dc) };
}

/** The compact menu's width (px): ring.css .node-menu-beside. */
const BESIDE_MENU_PX = 144;

/**
 * The node menu beside the ring, on its glyph's side, level with it: over the token ring and the
 * stage's margin but clear of the glyphs and the lines between them (the node's beliefs). Where
 * the stage has no such margin, beside its glyph.
 */
function PlacedNodeMenu({ node, anchor, glyphR, side, margin, onCommand, onClose, dcCut, dcCutDone }: PlacedMenuProps) {
  const below = anchor.y > CENTER + 1;
  const clear = ((VIEW - ORBIT * 2 - glyphR * 2) / 2 / VIEW) * side - 8;
  if (margin + clear + 8 >= BESIDE_MENU_PX) {
    const right = anchor.x >= CENTER - 1;
    const edge = right ? CENTER + ORBIT + glyphR + 8 : CENTER - ORBIT - glyphR - 8;
    return (
      <NodeMenu
        node={node}
        className="node-menu-beside"
        left={(edge / VIEW) * 100}
        top={(anchor.y / VIEW) * 100}
        align={right ? 'right' : 'left'}
        openUp={below}
        onCommand={onCommand}
        onClose={onClose}
        dcCut={dcCut}
        dcCutDone={dcCutDone}
      />
    );
  }
  const right = anchor.x > CENTER + 1;
  // A small ring has no room beside a glyph: centre the menu above or below it.
  const narrow = side < 480;
  return (
    <NodeMenu
      node={node}
      left={narrow ? 50 : ((anchor.x + (right ? -1 : 1) * (glyphR + 6)) / VIEW) * 100}
      top={((anchor.y + (below ? -1 : 1) * (narrow ? glyphR + 8 : glyphR * 0.3)) / VIEW) * 100}
      align={narrow ? 'centre' : right ? 'left' : 'right'}
      openUp={below}
      onCommand={onCommand}
      onClose={onClose}
      dcCut={dcCut}
      dcCutDone={dcCutDone}
    />
  );
}

type RingStateProps = Pick<Parameters<typeof Ring>[0], 'nodes' | 'order' | 'positions' | 'glyphR' | 'selected' | 'menuFor' | 'onOpen' | 'labelsOutside'> & { side: number };

/** The ring with what it shows besides the nodes: hint queues, the inspected key, the hint mode. */
function RingWithState({ side, ...props }: RingStateProps) {
  const queues = useAppStore(selectHintQueues) ?? NO_QUEUES;
  const cluster = useAppStore(selectCluster);
  const actions = useAppStore(selectActions);
  const inspecting = useAppStore(selectInspecting);
  const rawInspection = useAppStore(selectInspection);
  const inspection = rawInspection && inspecting !== null && rawInspection.key === inspecting ? rawInspection : null;
  const operator = useAppStore((st) => st.view?.operator);
  const presenter = useAppStore(selectPresenter);
  return <Ring {...props} hintQueues={queues} hintMode={cluster?.hintMode} onCommand={actions.command} inspection={inspection} viewPerPx={VIEW / side} operator={operator} textScale={presenter ? PRESENTER_TEXT_SCALE : 1} />;
}

/** Tags are 14 px in the lab: ×1.3 makes them 18 px on a projector. */
const PRESENTER_TEXT_SCALE = 1.3;

/** The labels outside a crowded ring, from the frame's nodes, hint queues and nodetool changes. */
function RingLabelsWithState({ nodes, notes, ...props }: Omit<Parameters<typeof RingLabels>[0], 'texts' | 'scale'> & { nodes: readonly NodeView[]; notes: boolean }) {
  const queues = useAppStore(selectHintQueues) ?? NO_QUEUES;
  const operator = useAppStore((st) => st.view?.operator);
  const presenter = useAppStore(selectPresenter);
  const texts = labelTexts(nodes, queues, operator);
  return <RingLabels {...props} texts={notes ? texts : withoutNotes(texts)} scale={presenter ? PRESENTER_TEXT_SCALE : 1} />;
}

/**
 * The ring's side (px) in a box: as large as the box allows (never below 160 px, where glyphs
 * collide); with labels outside, smaller, so that its names fit around it in the box.
 */
function useRingSide(width: number, height: number, order: readonly string[]) {
  const presenter = useAppStore(selectPresenter);
  const full = Math.max(160, Math.min(width, height || width));
  const wanted = labelsOutside(order.length, full);
  const scale = presenter ? PRESENTER_TEXT_SCALE : 1;
  const reserve = useAppStore((st) => (wanted ? countReserve(selectHintQueues(st) ?? NO_QUEUES) : 0));
  const tags = useAppStore((st) => (wanted ? tagKey(st.view?.nodes ?? NO_NODES, st.view?.operator) : ''));
  const fit = useMemo(
    () => (wanted ? fitRingToLabels(width, height || width, order, scale, reserve, tags) : null),
    [wanted, width, height, order, scale, reserve, tags],
  );
  // Labels that cannot fit around any ring here are not drawn past the panel: names go on hover.
  const outside = fit !== null && fit.fits;
  return { side: outside ? Math.floor(fit.side) : full, notes: fit?.notes ?? true, outside, stretch: wideness(width, height || width) };
}

export function RingPanel() {
  const nodes = useAppStore(selectNodes) ?? NO_NODES;
  const cluster = useAppStore(selectCluster);
  const actions = useAppStore(selectActions);
  const paused = useAppStore(selectPaused);
  // Only while time stands still (for the popover): a running frame's messages are the canvas's business.
  const messages = useAppStore(selectMessagesWhenPaused);
  const now = useAppStore(selectNow);
  const box = useElementSize<HTMLDivElement>({ width: 560, height: 560 });
  const svgBox = useRef<HTMLDivElement>(null);
  const { order, positions, glyphR } = useRingLayout(nodes, cluster);
  const { side, outside, stretch, notes } = useRingSide(box.width, box.height, order);
  const touch = useCoarsePointer();
  const { selected, menuFor, onOpen, onClose } = useNodeMenu(svgBox);
  const { picked, onStageClick, onStageMove, closePicked } = useMessagePicking({ svgBox, positions, glyphR, side, paused });

  const openNode = selected && menuFor === selected ? nodes.find((n) => n.id === selected) : undefined;
  const anchor = selected ? positions.get(selected) : undefined;
  const pickedMessage = picked && paused ? messages?.find((m) => m.id === picked.id) : undefined;

  return (
    <div className="stage-inner">
      <div className="ring-area" ref={box.ref}>
        {!labelsFit(order.length) && !outside && (
          <p className="ring-dense-note" data-testid="ring-dense-note">
            {order.length} nodes: names, tags and hint counts shown on {touch ? 'tap' : 'hover'}; token ranges merged per pixel
          </p>
        )}
        {/* Mouse picking of a message; the keyboard path is the "Messages in flight" list. */}
        <div
          className={paused ? 'ring-box ring-paused' : 'ring-box'}
          ref={svgBox}
          style={{ width: side, height: side }}
          onClick={onStageClick}
          onPointerMove={onStageMove}
          data-testid="ring-box"
        >
          {nodes.length === 0 ? (
            <div className="ring-empty" data-testid="ring" role="status">
              Starting the cluster…
            </div>
          ) : (
            <RingWithState nodes={nodes} order={order} positions={positions} glyphR={glyphR} selected={selected} menuFor={menuFor} onOpen={onOpen} side={side} labelsOutside={outside} />
          )}
          {nodes.length > 0 && <TokenTip nodes={nodes} />}
          {outside && nodes.length > 0 && <RingLabelsWithState nodes={nodes} order={order} positions={positions} side={side} glyphR={glyphR} selected={selected} stretch={stretch} notes={notes} />}
          <MessageLayer side={side} positions={positions} nodeRadius={glyphR + 2} />
          <CutLayer order={order} positions={positions} />
          <LessonCallout positions={positions} side={side} />
          {openNode && anchor && (
            <PlacedNodeMenu node={openNode} anchor={anchor} glyphR={glyphR} side={side} margin={(box.width - side) / 2} onCommand={actions.command} onClose={onClose} {...menuCut(order, nodes, openNode)} />
          )}
          {picked && paused && (
            <MessagePopover
              id={picked.id}
              message={pickedMessage}
              now={now}
              route={pickedMessage ? routeFacts(pickedMessage, dcMap(nodes)) : []}
              left={(picked.x / VIEW) * 100}
              top={(picked.y / VIEW) * 100}
              onCommand={actions.command}
              onClose={closePicked}
            />
          )}
        </div>
      </div>
      <Legend />
    </div>
  );
}
