// pure: the words that name a way of acting — keys for a keyboard and mouse, touch for a
// phone or tablet (a coarse pointer) — where the screen tells the user how to do something.

export interface InputWords {
  keys: string;
  touch: string;
}

export const CUT_HINT: InputWords = {
  keys: '✂ Drag a line across the ring · Esc cancels',
  touch: '✂ Drag a finger across the ring, between nodes',
};

export const PASTE_HINT: InputWords = {
  keys: 'Session or scenario JSON, or a share link. (Ctrl+V / ⌘V on the page works too.)',
  touch: 'Session or scenario JSON, or a share link: long-press here to paste it.',
};

/** The presenter's key line under a lesson; on touch there is none (the step's buttons are the way). */
export function presenterKeysHint(question: boolean, touch: boolean): string | null {
  if (touch) return null;
  return `→ or Space: run / next · ← back${question ? ' · 1–4: predict' : ''} · Esc: exit presenter`;
}

export const wordsFor = (w: InputWords, touch: boolean): string => (touch ? w.touch : w.keys);

/**
 * Above the in-flight count: how to pick a message on the ring (only while time stands still).
 * While playing, the picture keeps each message in sight for half a second or more (a hop takes
 * milliseconds), so it shows more than is on the wire: said here, beside the count it would
 * otherwise seem to contradict. With reduced motion the arrows stand still: the last moment's.
 */
export function pickHint(paused: boolean, touch: boolean, reducedMotion = false): string {
  if (paused) return pickAction(true, touch);
  return `${reducedMotion ? 'Arrows: recent traffic, held half a second or more.' : 'Drawn slowed down.'} ${pickAction(false, touch)}`;
}

/** How to pick a message: at once when paused, after pausing while playing. */
export function pickAction(paused: boolean, touch: boolean): string {
  const act = touch ? 'tap' : 'click';
  return paused ? `${act[0]!.toUpperCase()}${act.slice(1)} a message to drop or delay it` : `Pause, then ${act} a message to drop or delay it`;
}

export const INSPECT_HINT: InputWords = {
  keys: 'Where does a key live? Type one, or click a key in the events or the write form.',
  touch: 'Where does a key live? Type one, or tap a key in the events or the write form.',
};
