// Opening a validated session in the worker, and the event log kept for the CSV export.
// Only a session that passed parseImport/parseLink gets here, so the worker is never re-inited
// with a bad file; if the worker still refuses it (a message command whose message is not in
// flight on replay), it builds the new run on the side and the running one stays as it was.
import type { LogEvent } from '../protocol';
import type { ImportedSession } from '../session';
import type { AppState, AppStore } from './store';

export type OpenResult = { ok: true } | { ok: false; message: string };

/**
 * Sends the session to the worker: a session file runs (flat out, with progress) to its moment
 * and stays paused, like a share link; a plain scenario plays from the start. Resolves once the
 * worker accepted it (`ready`) or refused it (`error`, the running session untouched).
 */
export function openSession(store: AppStore, imported: ImportedSession): Promise<OpenResult> {
  const { actions } = store.getState();
  actions.dismissError();
  const before = store.getState().cluster;
  return new Promise((resolve) => {
    const unsubscribe = store.subscribe((s: AppState, prev: AppState) => {
      if (s.cluster !== before && s.cluster !== prev.cluster) {
        unsubscribe();
        const last = imported.log[imported.log.length - 1]?.at ?? 0;
        if (imported.at !== null && imported.at > 0 && imported.at >= last) store.getState().actions.jumpTo(imported.at);
        if (imported.kind === 'scenario') store.getState().actions.play();
        resolve({ ok: true });
      } else if (s.recovery !== prev.recovery && (s.recovery?.phase === 'failed' || s.recovery?.phase === 'failedAgain')) {
        // The worker died opening it: the page offers Restart on the session that ran before.
        unsubscribe();
        store.setState({ pendingScenario: null });
        resolve({ ok: false, message: 'The simulation stopped while opening it.' });
      } else if (s.error !== null && s.error !== prev.error && s.importProgress === null) {
        // (While the worker replays the log, an error is about the running session, not this one:
        // a failed replay first reports its progress as ended, then the error.)
        unsubscribe();
        // The refused scenario must not be taken for the running one on a later ready.
        store.setState({ pendingScenario: null });
        resolve({ ok: false, message: s.error });
      }
    });
    actions.init(imported.scenario, imported.log.length > 0 ? imported.log : undefined);
  });
}

/** Events kept for the CSV export (the panels keep only the latest 200). */
export const EVENT_RECORD_LIMIT = 20_000;

export interface EventRecord {
  /** Oldest first. */
  events(): LogEvent[];
  /** Events that were not kept: skipped by the worker's bounded frames, or older than the limit. */
  skipped(): number;
  stop(): void;
}

/** Records every frame's new events; a new simulation (`ready`) starts a new record. */
export function recordEvents(store: AppStore, limit = EVENT_RECORD_LIMIT): EventRecord {
  let events: LogEvent[] = [];
  let skipped = 0;
  const stop = store.subscribe((s, prev) => {
    if (s.cluster !== prev.cluster) {
      events = [];
      skipped = 0;
    }
    if (s.frame !== prev.frame && s.frame) {
      const f = s.frame;
      skipped += f.logSkipped;
      if (f.log.length > 0) {
        events.push(...f.log);
        if (events.length > limit * 1.25) {
          skipped += events.length - limit;
          events = events.slice(events.length - limit);
        }
      }
    }
  });
  return {
    events: () => (events.length > limit ? events.slice(events.length - limit) : events.slice()),
    skipped: () => skipped + Math.max(0, events.length - limit),
    stop,
  };
}
