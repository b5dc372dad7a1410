// A modal side drawer: traps Tab inside, Escape or the backdrop closes it, focus goes to `initialFocus` on open.
// The opener returns focus to itself when `onClose` runs.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface DrawerProps {
  title: string;
  /** One line under the title. */
  subtitle?: string;
  onClose(): void;
  /** CSS selector of the element to focus on open (default: the first focusable one). */
  initialFocus?: string;
  children: ReactNode;
  testId?: string;
}

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [href], [tabindex]:not([tabindex="-1"])';

/** Focusable elements in document order (some DOMs return selector lists grouped by selector). */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

export function Drawer({ title, subtitle, onClose, initialFocus, children, testId }: DrawerProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const box = ref.current;
    const first = (initialFocus && box?.querySelector<HTMLElement>(initialFocus)) || (box && focusables(box)[0]);
    first?.focus();
    // Only on open: later renders must not steal focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = focusables(ref.current);
    const firstItem = items[0];
    const lastItem = items[items.length - 1];
    if (!firstItem || !lastItem) return;
    if (e.shiftKey && document.activeElement === firstItem) {
      e.preventDefault();
      lastItem.focus();
    } else if (!e.shiftKey && document.activeElement === lastItem) {
      e.preventDefault();
      firstItem.focus();
    }
  };

  return (
    <div className="drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="drawer-title"
        aria-describedby={subtitle ? 'drawer-subtitle' : undefined}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        {/* A div, not <header>: the page has one banner, the top bar. */}
        <div className="drawer-head">
          <div>
            <h2 id="drawer-title">{title}</h2>
            {subtitle && <p id="drawer-subtitle">{subtitle}</p>}
          </div>
          <button type="button" className="drawer-close" aria-label={`Close ${title.toLowerCase()}`} onClick={onClose}>
            ×
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
