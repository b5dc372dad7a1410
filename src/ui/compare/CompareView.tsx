// The Compare view: the lab's session as run A, the same with one setting changed as run B,
// each in its own worker, on one clock; the same charts side by side on shared axes, and the
// difference of their reports. Back (or Esc) returns to the lab, whose session was only paused.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { FromWorker } from '../../protocol';
import { selectActions, selectSession, useAppStore, useAppStoreApi } from '../../store';
import { createCompareStore, type CompareStore, type SpawnRun } from '../../store/compare';
import { formatClock } from '../../view/format';
import { timeKeyFor } from '../time/useTimeKeys';
import { ChangePicker, type ChangeChoice } from './ChangePicker';
import { CompareCharts } from './CompareCharts';
import { CompareClock } from './CompareClock';
import { DiffTable } from './DiffTable';
import { changeDef, COMPARE_PRESETS, currentValue, deriveB, describeValue, presetValue } from '../../view/compare/model';
import { RunCard } from './RunCard';
import { spawnWorkerRun } from './spawn';
import './compare.css';

type Session = Extract<FromWorker, { type: 'session' }>;

const DEFAULT_PRESET = COMPARE_PRESETS[0]!;

function defaultChoice(scenario: unknown): ChangeChoice | null {
  const def = changeDef(DEFAULT_PRESET.path)!;
  try {
    return { path: DEFAULT_PRESET.path, value: presetValue(DEFAULT_PRESET, def, currentValue(scenario, def)) };
  } catch {
    return null;
  }
}

/** The lab's session, asked for on mount (the lab is paused first, so it is the moment the lab shows). */
function useLabSession(): Session | null {
  const lab = useAppStoreApi();
  const actions = useAppStore(selectActions);
  const latest = useAppStore(selectSession);
  const [before] = useState(() => lab.getState().session);
  useEffect(() => {
    actions.pause();
    actions.exportSession();
  }, [actions]);
  return latest !== before ? latest : null;
}

/** Esc goes back to the lab; Space plays or pauses both runs. */
function useCompareKeys(onBack: () => void, store: CompareStore) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onBack();
        return;
      }
      if (timeKeyFor(e, e.target) === 'play') {
        e.preventDefault();
        store.getState().actions.togglePlay();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onBack, store]);
}

/** The comparison chosen: derives run B from the lab's session and starts both runs. */
function useComparison(store: CompareStore, session: Session | null) {
  const [choice, setChoice] = useState<ChangeChoice | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [omitted, setOmitted] = useState(0);
  const actions = useStore(store, (s) => s.actions);
  const compare = (next: ChangeChoice) => {
    if (!session) return;
    const b = deriveB(session.scenario, session.commandLog, next.path, next.value);
    if (!b.ok) {
      setStartError(b.error);
      return;
    }
    setStartError(null);
    setChoice(next);
    setOmitted(b.omitted);
    actions.start({
      a: { scenario: session.scenario, log: session.commandLog },
      b: { scenario: b.scenario, log: b.log },
      startAt: session.now,
      labTraceHash: session.traceHash,
    });
  };
  // Once the lab's session is here, start with the first comparison: hinted handoff on vs off.
  const started = useRef(false);
  useEffect(() => {
    if (!session || started.current) return;
    started.current = true;
    const first = defaultChoice(session.scenario);
    if (first) compare(first);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);
  return { choice, startError, omitted, compare };
}

function CompareHeader({ session, store, onBack }: { session: Session | null; store: CompareStore; onBack(): void }) {
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => backRef.current?.focus(), []);
  const n = session?.commandLog.length ?? 0;
  return (
    <header className="topbar compare-top">
      <div className="brand">
        <button ref={backRef} type="button" className="btn btn-small" data-testid="compare-back" onClick={onBack} aria-keyshortcuts="Escape" title="Back to the lab (Esc)">
          <span aria-hidden="true">←</span> Back to the lab
        </button>
        <h1>Compare</h1>
        <p className="tagline">same seed{session ? (n === 0 ? ', no commands of yours' : `, your ${n} command${n === 1 ? '' : 's'}`) : ''}</p>
      </div>
      <CompareClock store={store} />
    </header>
  );
}

interface SummaryProps {
  def: NonNullable<ReturnType<typeof changeDef>>;
  aValue: string;
  bValue: string;
  omitted: number;
  labCheck: ReturnType<CompareStore['getState']>['labCheck'];
}

/** A and B in one line, and whether run A reproduces the lab. */
function CompareSummary({ def, aValue, bValue, omitted, labCheck }: SummaryProps) {
  return (
    <p className="compare-summary" data-testid="compare-summary">
      <strong>A</strong> {def.name} = <span data-testid="compare-a-value">{aValue}</span> · <strong>B</strong> {def.name} ={' '}
      <span data-testid="compare-b-value">{bValue}</span>
      <span className="compare-real"> — {def.real}</span>
      {omitted > 0 && <span className="compare-note"> · {omitted} message drop/delay command{omitted === 1 ? '' : 's'} left out of B (they name A’s messages)</span>}
      {labCheck && (
        <span className={labCheck.a === labCheck.lab ? 'compare-note compare-ok' : 'compare-note compare-bad'} data-testid="compare-lab-check">
          {' '}
          · {labCheck.a === labCheck.lab ? '✓ A reproduces the lab' : '✕ A differs from the lab'} at {formatClock(labCheck.at)}
        </span>
      )}
    </p>
  );
}

/** The two runs' cards, their charts on shared axes, and the difference of their reports. */
function CompareResults({ store, labels }: { store: CompareStore; labels: { a: string; b: string } }) {
  const runs = useStore(store, (s) => s.runs);
  const status = useStore(store, (s) => s.status);
  const reports = useStore(store, (s) => s.reports);
  const jumpTo = useStore(store, (s) => s.clock.jump?.to ?? null);
  if (!runs || status === 'idle') return <p className="compare-wait">Pick a comparison above.</p>;
  const sloppy = {
    a: runs.a.getState().cluster?.hintMode === 'sloppy-quorum',
    b: runs.b.getState().cluster?.hintMode === 'sloppy-quorum',
  };
  return (
    <div className="compare-grid">
      {/* Scrolls on a short screen: focusable, so the keyboard can scroll it too. */}
      <div className="compare-runs" role="region" aria-label="The two runs" tabIndex={0}>
        <RunCard id="a" store={runs.a} title="as in the lab" detail={labels.a} />
        <RunCard id="b" store={runs.b} title="one setting changed" detail={labels.b} />
      </div>
      <CompareCharts runs={runs} jumpTarget={jumpTo} sloppy={sloppy} />
      <DiffTable reports={reports} labels={labels} />
    </div>
  );
}

export function CompareView({ onBack, spawn = spawnWorkerRun, store: given }: { onBack(): void; spawn?: SpawnRun; store?: CompareStore }) {
  const [store] = useState(() => given ?? createCompareStore({ spawn }));
  const session = useLabSession();
  const { choice, startError, omitted, compare } = useComparison(store, session);
  const labCheck = useStore(store, (s) => s.labCheck);
  const runError = useStore(store, (s) => s.error);
  useEffect(() => () => store.getState().actions.stop(), [store]);
  useCompareKeys(onBack, store);

  const def = choice ? changeDef(choice.path) : undefined;
  const aValue = def && session ? describeValue(def, currentValue(session.scenario, def)) : '';
  const bValue = def && choice ? describeValue(def, choice.value) : '';
  const labels = { a: def ? `${def.name} ${aValue}` : '', b: def ? `${def.name} ${bValue}` : '' };

  return (
    <div className="app compare-view" data-testid="compare-view">
      <CompareHeader session={session} store={store} onBack={onBack} />
      {(startError || runError) && (
        <div className="error-banner" role="alert" data-testid="compare-run-error">
          {startError ?? runError}
        </div>
      )}
      {!session ? (
        <p className="compare-wait" role="status">
          Asking the lab for its session…
        </p>
      ) : (
        <main className="compare-layout">
          <ChangePicker scenario={session.scenario} log={session.commandLog} active={choice} onCompare={compare} />
          {def && choice && <CompareSummary def={def} aValue={aValue} bValue={bValue} omitted={omitted} labCheck={labCheck} />}
          <CompareResults store={store} labels={labels} />
        </main>
      )}
    </div>
  );
}
