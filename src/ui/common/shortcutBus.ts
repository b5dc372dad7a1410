// Page-wide keys whose work belongs to a component (the workload switch validates its own
// form): the component registers a handler here while mounted, and AppKeys calls it.
import { useEffect, useRef } from 'react';

export type BusAction = 'workload';

const handlers = new Map<BusAction, () => void>();

/** Runs the handler registered for `action`; false when none is mounted. */
export function runShortcut(action: BusAction): boolean {
  const h = handlers.get(action);
  h?.();
  return h !== undefined;
}

/** Registers `handler` (always its latest version) for `action` while the component is mounted. */
export function useShortcutHandler(action: BusAction, handler: () => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const run = () => latest.current();
    handlers.set(action, run);
    return () => {
      if (handlers.get(action) === run) handlers.delete(action);
    };
  }, [action]);
}
