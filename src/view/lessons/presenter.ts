// pure: presenter mode's keys. F toggles it (anywhere but a text field or a dialog); in presenter
// mode → and Space run the step or go to the next one, ← goes back, 1–4 pick an interview
// prediction, Esc leaves presenter mode.

export type PresenterKey = 'toggle' | 'forward' | 'back' | 'exit' | { predict: number };

const TYPING = 'input:not([type="radio"]):not([type="checkbox"]), textarea, select, [contenteditable=""], [contenteditable="true"]';
const MODAL = '[role="dialog"], [role="menu"], [aria-modal="true"]';

export function presenterKeyFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'repeat' | 'defaultPrevented'>,
  target: EventTarget | null,
  presenter: boolean,
): PresenterKey | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return null;
  const el = target instanceof Element ? target : null;
  if (el?.closest(TYPING) || el?.closest(MODAL)) return null;
  if ((e.key === 'f' || e.key === 'F') && !e.shiftKey) return 'toggle';
  if (!presenter || e.repeat) return null;
  if (e.key === 'ArrowRight' || e.key === ' ' || e.key === 'Spacebar') return 'forward';
  if (e.key === 'ArrowLeft') return 'back';
  if (e.key === 'Escape') return 'exit';
  if (/^[1-4]$/.test(e.key)) return { predict: Number(e.key) - 1 };
  return null;
}
