// The page's keys beyond time and presenter mode (all in one registry, view/shortcuts): 1–4
// jump ahead, G goes to the ring, L switches the workload, ? lists every key; on the ring,
// the arrow keys move between nodes, and in a node's menu between its actions. Like the time keys, they leave typing, menus and dialogs alone.
import { useEffect, useState } from 'react';
import { selectFrame, selectNow, selectUntil, useAppStoreApi, type AppStore } from '../../store';
import { appShortcutFor, ringNeighbour, type AppAction } from '../../view/shortcuts';
import { runShortcut } from '../common/shortcutBus';
import { MODAL, TYPING } from '../time/useTimeKeys';
import { ShortcutList } from './ShortcutList';

const GLYPHS = '.ring-box .node-glyph';

/** Focuses the ring: its selected node, else its first. False when no ring is drawn. */
export function focusRing(): boolean {
  const glyph = document.querySelector<SVGGElement>(`${GLYPHS}[data-selected]`) ?? document.querySelector<SVGGElement>(GLYPHS);
  glyph?.focus();
  return glyph !== null;
}

/** ← → (and ↑ ↓) on a focused node: the previous or next node round the ring. */
function moveOnRing(key: string, glyph: Element): boolean {
  const step = key === 'ArrowRight' || key === 'ArrowDown' ? 1 : key === 'ArrowLeft' || key === 'ArrowUp' ? -1 : 0;
  if (step === 0) return false;
  const glyphs = [...document.querySelectorAll<SVGGElement>(GLYPHS)];
  const ids = glyphs.map((g) => g.dataset.testid ?? '');
  const next = ringNeighbour(ids, glyph.getAttribute('data-testid') ?? '', step);
  glyphs[ids.indexOf(next ?? '')]?.focus();
  return true;
}

/** ↑ ↓ (← →, Home, End) in the node menu: the previous or next action that can be taken. */
function moveInMenu(key: string, menu: Element): boolean {
  const items = [...menu.querySelectorAll<HTMLButtonElement>('.node-menu-actions button:not(:disabled)')];
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const step = key === 'ArrowDown' || key === 'ArrowRight' ? 1 : key === 'ArrowUp' || key === 'ArrowLeft' ? -1 : 0;
  const next = key === 'Home' ? 0 : key === 'End' ? items.length - 1 : step === 0 ? -1 : (at + step + items.length) % items.length;
  if (next < 0 || items.length === 0) return false;
  items[at < 0 && step < 0 ? items.length - 1 : next]?.focus();
  return true;
}

/** Does the action; false when it does not apply now (so the key keeps its usual meaning). */
function run(action: AppAction, store: AppStore, openHelp: () => void): boolean {
  const s = store.getState();
  switch (action.type) {
    case 'jump': {
      const until = selectUntil(s);
      if (!selectFrame(s) || (until !== null && selectNow(s) >= until)) return false;
      s.actions.jump(action.byMs);
      return true;
    }
    case 'ring':
      return focusRing();
    case 'workload':
      return runShortcut('workload');
    case 'help':
      openHelp();
      return true;
    default:
      return false; // play, step, presenter: their own handlers
  }
}

export function AppKeys() {
  const store = useAppStoreApi();
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target instanceof Element ? e.target : null;
      const menu = el?.closest('.node-menu');
      if (menu && moveInMenu(e.key, menu)) return e.preventDefault();
      if (el?.closest(TYPING) || el?.closest(MODAL) || document.querySelector('[aria-modal="true"]')) return;
      const glyph = el?.closest('.node-glyph');
      if (glyph && moveOnRing(e.key, glyph)) return e.preventDefault();
      const shortcut = appShortcutFor(e);
      if (shortcut && !e.repeat && run(shortcut.action, store, () => setHelp(true))) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);
  return help ? <ShortcutList onClose={() => setHelp(false)} /> : null;
}
