// The first things Tab reaches: past the header to the ring or to the time controls, and the
// list of keys. Links that move focus themselves: the page's fragment holds share and lesson
// links, so following "#ring" would change the session.
import type { MouseEvent } from 'react';
import { focusRing } from './AppKeys';
import './a11y.css';

function focusControls(): boolean {
  const play = document.querySelector<HTMLElement>('[data-testid="play-toggle"]');
  play?.focus();
  return play !== null;
}

function Skip({ to, children, go }: { to: string; children: string; go(): boolean }) {
  const onClick = (e: MouseEvent) => {
    e.preventDefault();
    go();
  };
  return (
    <a className="skip-link" href={`#${to}`} onClick={onClick}>
      {children}
    </a>
  );
}

export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      <Skip to="ring" go={focusRing}>
        Skip to the ring
      </Skip>
      <Skip to="controls" go={focusControls}>
        Skip to controls
      </Skip>
    </nav>
  );
}
