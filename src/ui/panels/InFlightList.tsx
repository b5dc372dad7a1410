// The keyboard path to one message in flight: a list of the first ones (by kind, from → to),
// each with Drop and Delay. Picking needs time to stand still, as clicking on the canvas does.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { packedMessagesOf, type Command, type MessageView } from '../../protocol';
import {
  hiddenKinds,
  selectActions,
  selectHiddenMessages,
  selectMessages,
  selectMessagesOmitted,
  selectNodes,
  selectNow,
  selectPaused,
  useAppStore,
} from '../../store';
import { formatCount, formatDuration } from '../../view/format';
import { useMediaQuery, usePointerDownOutside } from '../common/hooks';
import { arrivesIn, delayCommand, describeMessage, dropCommand, DELAY_MS } from './MessagePopover';
import { messageStyles, type MessageStyle } from '../../view/palette';
import { Swatch } from '../common/Swatch';
import { dcMap, routeFacts, routeTag, type DcOf } from '../../view/forwarding';
import './instrument.css';
import { pickAction, pickHint } from '../../view/inputWords';
import { useCoarsePointer } from '../common/hooks';

export const LIST_LIMIT = 50;
const NO_MESSAGES: MessageView[] = [];

export const PICK_HINT = pickAction(false, false);

/** Drawn plus not drawn; read from the packed columns where the frame came packed (no objects built). */
const selectInFlight = (s: Parameters<typeof selectMessages>[0]) =>
  s.view ? (packedMessagesOf(s.view)?.messages.count ?? s.view.messages.length) + s.view.messagesOmitted : 0;

/** How many messages are on the wire now (drawn or not): the label of the button that lists them. */
export function InFlightCount() {
  const n = useAppStore(selectInFlight);
  return (
    <span className="inflight-count" data-testid="messages-in-flight">
      {formatCount(n)} {n === 1 ? 'message' : 'messages'} in flight
    </span>
  );
}

export function InFlightList() {
  const [open, setOpen] = useState(false);
  const paused = useAppStore(selectPaused);
  const actions = useAppStore(selectActions);
  const trigger = useRef<HTMLButtonElement>(null);
  const popId = useId();
  const touch = useCoarsePointer();
  const reduced = useMediaQuery('(prefers-reduced-motion: reduce)');

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) trigger.current?.focus();
  };

  return (
    <div className="inflight">
      <span className="pick-hint" id={`${popId}-hint`}>
        {pickHint(paused, touch, reduced)}
      </span>
      <button
        ref={trigger}
        type="button"
        className="btn btn-small"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popId : undefined}
        aria-describedby={`${popId}-hint`}
        data-testid="inflight-toggle"
        onClick={() => setOpen((o) => !o)}
      >
        <InFlightCount />
      </button>
      {open && <InFlightPopover id={popId} paused={paused} onPause={actions.pause} onClose={close} triggerRef={trigger} />}
    </div>
  );
}

/**
 * Focus on opening: straight to the first message that can be dropped, else the first button
 * (Pause or Close). Opened a moment before the messages came (a write just sent), the first of
 * them gets the focus after all, unless the user has moved it since.
 */
function useFocusFirstDrop(ref: RefObject<HTMLDivElement | null>, firstDroppable: number | undefined) {
  /** Where focus went for want of a message to drop, while it stays there. */
  const stopGap = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const el = ref.current;
    const drop = el?.querySelector<HTMLElement>('.inflight-drop:not([aria-disabled])');
    const other = drop ? null : (el?.querySelector<HTMLElement>('.inflight-rows button') ?? el?.querySelector<HTMLElement>('.inflight-note button, button'));
    (drop ?? other)?.focus();
    stopGap.current = other ?? null;
  }, [ref]);
  useEffect(() => {
    const gap = stopGap.current;
    if (firstDroppable === undefined || !gap) return;
    stopGap.current = null;
    if (document.activeElement === gap) ref.current?.querySelector<HTMLElement>('.inflight-drop:not([aria-disabled])')?.focus();
  }, [firstDroppable, ref]);
}

/** One message with Drop and Delay. */
function InFlightRow({ m, style, now, dcOf, onCommand }: { m: MessageView; style: MessageStyle; now: number; dcOf: DcOf; onCommand(c: Command): void }) {
  const tag = routeTag(m, dcOf);
  const route = routeFacts(m, dcOf);
  return (
    <li data-testid={`inflight-${m.id}`} className={m.doomed ? 'inflight-doomed' : undefined} data-route={tag ?? undefined}>
      <Swatch style={style} />
      <span className="inflight-what">
        <strong>{describeMessage(m)}</strong>
        {tag && (
          <span className="inflight-route" title={route.join(' · ')} aria-hidden="true">
            {tag}
          </span>
        )}
        <span className="inflight-when">{m.doomed ? '✕ will be lost' : arrivesIn(m, now)}</span>
        {route.length > 0 && <span className="sr-only">{route.join('; ')}</span>}
      </span>
      <button
        type="button"
        className="btn btn-small btn-danger inflight-drop"
        aria-label={`Drop ${describeMessage(m)} (#${m.id})`}
        aria-disabled={m.doomed || undefined}
        onClick={() => !m.doomed && onCommand(dropCommand(m))}
      >
        Drop
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-label={`Delay ${describeMessage(m)} (#${m.id}) by ${formatDuration(DELAY_MS)}`}
        onClick={() => onCommand(delayCommand(m))}
      >
        +{formatDuration(DELAY_MS)}
      </button>
    </li>
  );
}

/** The messages shown (the legend's filter), oldest sent first, at most LIST_LIMIT. */
function useListedMessages() {
  const messages = useAppStore(selectMessages) ?? NO_MESSAGES;
  const omitted = useAppStore(selectMessagesOmitted);
  const hidden = useAppStore(selectHiddenMessages);
  const skip = hiddenKinds(hidden);
  const shown = messages.filter((m) => !skip.has(m.kind));
  // Oldest sent first: the order stays put when a message is delayed (focus stays on its row).
  const rows = shown
    .slice()
    .sort((a, b) => a.sentAt - b.sentAt || a.id - b.id)
    .slice(0, LIST_LIMIT);
  return { rows, total: shown.length + omitted, notListed: shown.length - rows.length + omitted, filtering: skip.size > 0 };
}

function InFlightPopover({
  id,
  paused,
  onPause,
  onClose,
  triggerRef,
}: {
  id: string;
  paused: boolean;
  onPause(): void;
  onClose(returnFocus: boolean): void;
  triggerRef: RefObject<HTMLButtonElement | null>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const now = useAppStore(selectNow);
  const actions = useAppStore(selectActions);
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const styles = messageStyles(dark);
  const { rows, total, notListed, filtering } = useListedMessages();
  const nodes = useAppStore(selectNodes);
  const dcOf = useMemo(() => dcMap(nodes ?? []), [nodes]);
  useFocusFirstDrop(ref, paused ? rows.find((m) => !m.doomed)?.id : undefined);
  usePointerDownOutside([ref, triggerRef], () => onClose(false));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose(true);
    }
  };

  return (
    <div ref={ref} id={id} className="inflight-pop" role="dialog" aria-label="Messages in flight" onKeyDown={onKeyDown} data-testid="inflight-list">
      <div className="inflight-head">
        <h3>Messages in flight</h3>
        <button type="button" className="node-menu-close" aria-label="Close" onClick={() => onClose(true)}>
          ×
        </button>
      </div>
      {!paused ? (
        <div className="inflight-note">
          <p>Time is running: messages live for milliseconds. {PICK_HINT}, or pick it here.</p>
          <button type="button" className="btn btn-small btn-primary" onClick={onPause}>
            Pause
          </button>
        </div>
      ) : rows.length === 0 ? (
        <p className="inflight-note">Nothing in flight{filtering ? ' among the kinds shown' : ''}. Send a write, then step.</p>
      ) : (
        <>
          <ul className="inflight-rows" aria-label={`First ${rows.length} of ${formatCount(total)}`}>
            {rows.map((m) => (
              <InFlightRow key={m.id} m={m} style={styles[m.kind]} now={now} dcOf={dcOf} onCommand={actions.command} />
            ))}
          </ul>
          {notListed > 0 && <p className="inflight-more">{formatCount(notListed)} more not listed.</p>}
        </>
      )}
    </div>
  );
}
