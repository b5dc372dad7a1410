// Keyboard shortcuts for time: Space plays or pauses, "." steps to the next event (keys from
// the page's registry, view/shortcuts).
// They stay out of the way of whatever has focus: a field being typed in, a button or tab
// that Space already activates, an open dialog or menu.
import { useEffect, useRef } from 'react';
import { appShortcutFor } from '../../view/shortcuts';

export const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const SPACE_TAKEN = `${TYPING}, button, a[href], summary, [role="button"], [role="tab"], [role="menuitem"], [role="checkbox"], [role="switch"], [role="slider"], [role="option"]`;
export const MODAL = '[role="dialog"], [role="menu"], [aria-modal="true"]';

export interface TimeKeyHandlers {
  togglePlay(): void;
  step(): void;
}

/** Which shortcut a key press means here, or null to leave it alone. */
export function timeKeyFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'defaultPrevented'>, target: EventTarget | null): 'play' | 'step' | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return null;
  const el = target instanceof Element ? target : null;
  if (el?.closest(MODAL)) return null;
  const what = appShortcutFor(e)?.action.type;
  if (what === 'play') return e.repeat || el?.closest(SPACE_TAKEN) ? null : 'play';
  if (what === 'step') return el?.closest(TYPING) ? null : 'step';
  return null;
}

export function useTimeKeys(handlers: TimeKeyHandlers, enabled: boolean): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('[aria-modal="true"]')) return; // a modal drawer owns the keyboard
      const what = timeKeyFor(e, e.target);
      if (!what) return;
      e.preventDefault();
      if (what === 'play') latest.current.togglePlay();
      else latest.current.step();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
