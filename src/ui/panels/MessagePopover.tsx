// Acting on one message in flight: drop it, or hold it back a second. Opened by clicking a
// message on the paused canvas; the same two actions sit in the "Messages in flight" list.
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { usePointerDownOutside } from '../common/hooks';
import type { Command, MessageView } from '../../protocol';
import { formatDuration } from '../../view/format';
import { messageStyles } from '../../view/palette';
import './instrument.css';

export const DELAY_MS = 1000;

const KIND_NAME = messageStyles(false);

/** "write A → B", the way the legend names the kind. */
export function describeMessage(m: MessageView): string {
  return `${KIND_NAME[m.kind].label} ${m.from} → ${m.to}`;
}

export function dropCommand(m: MessageView): Command {
  return { type: 'dropMessage', id: m.id };
}

export function delayCommand(m: MessageView): Command {
  return { type: 'delayMessage', id: m.id, byMs: DELAY_MS };
}

export function arrivesIn(m: MessageView, now: number): string {
  const left = m.deliverAt - now;
  return left <= 0 ? 'arriving now' : `arrives in ${formatDuration(left)}`;
}

export interface MessagePopoverProps {
  /** The message, or undefined once it is no longer in flight. */
  message: MessageView | undefined;
  id: number;
  now: number;
  /** Route facts (view/forwarding.ts): between datacenters, forwarded, relayed. */
  route?: readonly string[];
  /** Anchor in percent of the ring box. */
  left: number;
  top: number;
  onCommand(command: Command): void;
  onClose(): void;
}

/**
 * Closing hands focus back to where it was (the message list, the ring), not to <body>:
 * a keyboard user must not lose their place. Call before the effect that moves focus in.
 */
function useFocusReturn(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const popover = ref.current;
    return () => {
      const now = document.activeElement;
      const lost = !now || now === document.body || (popover?.contains(now) ?? false);
      if (lost && before?.isConnected) before.focus();
    };
  }, [ref]);
}

/** What the message is, when it arrives, and Drop / Delay. */
function MessageDetails({ message, id, now, route, run }: { message: MessageView; id: number; now: number; route: readonly string[]; run(command: Command): void }) {
  return (
    <>
      <div className="msg-title">
        <strong>{describeMessage(message)}</strong> <span className="msg-id">#{id}</span>
      </div>
      <div className="msg-facts">
        {arrivesIn(message, now)}
        {message.doomed && <span className="msg-doomed"> · ✕ will be lost</span>}
      </div>
      {route.length > 0 && (
        <div className="msg-facts msg-route" data-testid="message-route">
          {route.join(' · ')}
        </div>
      )}
      <div className="msg-actions">
        <button
          type="button"
          className="btn btn-small btn-danger"
          aria-disabled={message.doomed || undefined}
          onClick={() => !message.doomed && run(dropCommand(message))}
        >
          Drop message
        </button>
        <button type="button" className="btn btn-small" onClick={() => run(delayCommand(message))}>
          Delay +{formatDuration(DELAY_MS)}
        </button>
      </div>
    </>
  );
}

export function MessagePopover({ message, id, now, route = [], left, top, onCommand, onClose }: MessagePopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusReturn(ref);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [id]);
  usePointerDownOutside([ref], () => onClose());

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  const run = (command: Command) => {
    onCommand(command);
    onClose();
  };
  const style = {
    left: `${left}%`,
    top: `${top}%`,
    transform: `translate(${left > 55 ? 'calc(-100% - 12px)' : '12px'}, ${top > 55 ? 'calc(-100% - 12px)' : '12px'})`,
  };

  return (
    <div
      ref={ref}
      className="msg-popover"
      role="dialog"
      aria-label={message ? `Message ${id}: ${describeMessage(message)}` : `Message ${id}`}
      style={style}
      onKeyDown={onKeyDown}
      data-testid="message-popover"
    >
      {message ? <MessageDetails message={message} id={id} now={now} route={route} run={run} /> : <div className="msg-facts">This message is no longer in flight.</div>}
      <button type="button" className="node-menu-close" aria-label="Close" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
