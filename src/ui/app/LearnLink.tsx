// On a phone the lessons sit far down the page: a link at the top takes the reader to them
// (shown on narrow screens only, see a11y.css).
import type { MouseEvent } from 'react';

const LEARN = '[data-testid="learn-panel"], [data-testid="lesson-player"]';

export function LearnLink() {
  const onClick = (e: MouseEvent) => {
    // The fragment holds share and lesson links: move there without touching it.
    e.preventDefault();
    const panel = document.querySelector<HTMLElement>(LEARN);
    panel?.scrollIntoView({ block: 'start' });
    panel?.querySelector<HTMLElement>('button:not(:disabled)')?.focus({ preventScroll: true });
  };
  return (
    <a className="btn learn-top-link" href="#learn" onClick={onClick} data-testid="learn-top-link">
      Learn
    </a>
  );
}
