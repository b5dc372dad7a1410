// What each entry of the Export menu produces. Each asks the worker for fresh data where it needs
// it (the session, the report) and hands a Blob to `download`.
import type { AppState, AppStore } from '../../store';
import type { EventRecord } from '../../store/files';
import { toSessionFile } from '../../store/sessionFile';
import { glyphRadius } from '../../view/geometry';
import { eventsToCsv } from '../../view/csv';
import { ringPng, ringSvgText } from './ringImage';

export type ExportKind = 'session' | 'report' | 'events' | 'svg' | 'png';

export interface Exported {
  name: string;
  blob: Blob;
}

/** Waits for the worker's answer: the next change of `pick(state)` after `ask()`. */
function ask<T>(store: AppStore, pick: (s: AppState) => T, send: () => void, timeoutMs = 15_000): Promise<NonNullable<T>> {
  return new Promise((resolve, reject) => {
    const before = pick(store.getState());
    const timer = setTimeout(() => {
      stop();
      reject(new Error('the simulation did not answer'));
    }, timeoutMs);
    const stop = store.subscribe((s) => {
      const v = pick(s);
      if (v !== before && v !== null && v !== undefined) {
        clearTimeout(timer);
        stop();
        resolve(v as NonNullable<T>);
      }
    });
    send();
  });
}

const json = (v: unknown) => new Blob([JSON.stringify(v, null, 2) + '\n'], { type: 'application/json' });

function isDark(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-color-scheme: dark)').matches;
}

function ringSvg(): SVGSVGElement {
  const svg = document.querySelector<SVGSVGElement>('svg.ring-svg');
  if (!svg) throw new Error('the ring is not on the page');
  return svg;
}

function background(): string {
  const panel = document.querySelector('.ring-svg')?.closest('section, .stage, main') ?? document.body;
  const bg = getComputedStyle(panel).getPropertyValue('--panel').trim() || getComputedStyle(document.body).backgroundColor;
  return bg || (isDark() ? '#161b22' : '#ffffff');
}

export async function produce(kind: ExportKind, store: AppStore, record: EventRecord | null, nameOf: (suffix: string) => string): Promise<Exported> {
  const { actions } = store.getState();
  switch (kind) {
    case 'session': {
      const session = await ask(store, (s) => s.session, () => actions.exportSession());
      return { name: nameOf('session.json'), blob: json(toSessionFile(session)) };
    }
    case 'report': {
      const report = await ask(store, (s) => s.report, () => actions.exportReport());
      return { name: nameOf('report.json'), blob: json(report) };
    }
    case 'events': {
      const events = record?.events() ?? [...store.getState().log].reverse();
      return { name: nameOf('events.csv'), blob: new Blob([eventsToCsv(events)], { type: 'text/csv' }) };
    }
    case 'svg': {
      const text = ringSvgText(ringSvg(), { background: background(), title: store.getState().cluster?.name });
      return { name: nameOf('ring.svg'), blob: new Blob([text], { type: 'image/svg+xml' }) };
    }
    case 'png': {
      const s = store.getState();
      const nodes = s.cluster?.nodes ?? [];
      const text = ringSvgText(ringSvg(), { background: background(), size: 1280 });
      const blob = await ringPng(text, { size: 1280, dark: isDark(), frame: s.frame, nodes, nodeRadius: glyphRadius(nodes.length) + 2 });
      return { name: nameOf('ring.png'), blob };
    }
  }
}
