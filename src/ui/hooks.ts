import { useSyncExternalStore } from 'react';

/** One MediaQueryList per query: matchMedia parses the query on every call, and renders ask often. */
const lists = new Map<string, MediaQueryList>();
let listsOf: typeof window.matchMedia | null = null;

function mediaQueryList(query: string): MediaQueryList | null {
  if (typeof window === 'undefined' || !window.matchMedia) return null;
  if (listsOf !== window.matchMedia) {
    // Another matchMedia (tests swap it): its lists, not the old one's.
    lists.clear();
    listsOf = window.matchMedia;
  }
  let mql = lists.get(query);
  if (!mql) {
    mql = window.matchMedia(query);
    lists.set(query, mql);
  }
  return mql;
}

/** True while the media query matches (false where matchMedia does not exist). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mql = mediaQueryList(query);
      if (!mql) return () => {};
      mql.addEventListener('change', onChange);
      return () => mql.removeEventListener('change', onChange);
    },
    () => mediaQueryList(query)?.matches ?? false,
    () => false,
  );
}
