import { useEffect, useLayoutEffect, useRef, useSyncExternalStore, type RefObject } from 'react';

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

/**
 * Calls `onOutside` when a pointer goes down anywhere outside the elements of `inside` (an
 * element not mounted contains nothing), while `active`: how popovers and menus close on a click away. Always the latest `onOutside`, so
 * callers need not memoise it.
 */
export function usePointerDownOutside(
  inside: readonly RefObject<Element | null>[],
  onOutside: (target: Element) => void,
  active = true,
): void {
  const latest = useRef(onOutside);
  useLayoutEffect(() => {
    latest.current = onOutside;
  });
  const refs = useRef(inside);
  refs.current = inside;
  useEffect(() => {
    if (!active) return;
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Element | null;
      if (!target || refs.current.some((r) => r.current?.contains(target))) return;
      latest.current(target);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [active]);
}

/** A coarse pointer (a finger): the screen speaks of taps and drags, not of keys. */
export function useCoarsePointer(): boolean {
  return useMediaQuery('(pointer: coarse)');
}
