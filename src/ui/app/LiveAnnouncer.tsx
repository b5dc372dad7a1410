// A polite live region: kills, restarts, partitions, heals and convictions, read out as they
// happen. The events of about a second are gathered into one announcement (a jump brings
// dozens of convictions at once; a screen reader must not queue one message per event).
import { useEffect, useState } from 'react';
import type { LogEvent } from '../../protocol';
import { selectLog, useAppStoreApi } from '../../store';
import { announcement } from '../../view/announce';

/** How long the events gather before they are read out, wall ms. */
export const GATHER_MS = 1000;

export function LiveAnnouncer() {
  const store = useAppStoreApi();
  const [text, setText] = useState('');
  useEffect(() => {
    let seen = selectLog(store.getState())[0]?.seq ?? 0;
    let pending: LogEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const said = announcement(pending);
      pending = [];
      if (said) setText(said);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.log === prev.log) return;
      const newest = s.log[0]?.seq ?? 0;
      // A seek back starts the log over: what it replays is not news.
      if (newest < seen) seen = newest;
      const fresh = s.log.filter((e) => e.seq > seen).reverse();
      seen = Math.max(seen, newest);
      if (fresh.length === 0) return;
      pending.push(...fresh);
      timer ??= setTimeout(flush, GATHER_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store]);
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="live-announcer">
      {text}
    </div>
  );
}
