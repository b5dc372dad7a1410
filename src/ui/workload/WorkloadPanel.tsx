// The automatic workload: a generator of writes (and reads) at a rate in simulated time.
import { useEffect, useMemo, useState } from 'react';
import { CONSISTENCY_LEVELS, type ConsistencyLevel } from '../../protocol';
import { selectActions, selectError, selectFrame, selectNow, selectScenario, selectUntil, selectWorkload, useAppStore } from '../../store';
import { parseWorkload } from '../../view/forms/validation';
import { Options } from '../common/Options';
import { useShortcutHandler } from '../common/shortcutBus';
import { describeWorkload, hasWorkload, workloadOf, type WorkloadEntries } from './scenarioWorkload';

const MIXES = [
  { ratio: 1, label: 'writes only' },
  { ratio: 0.8, label: '80% writes, 20% reads' },
  { ratio: 0.5, label: '50% writes, 50% reads' },
];
const KEYS = 1000;
const hasFrame = (s: Parameters<typeof selectFrame>[0]) => selectFrame(s) !== null;

type Overrides = Partial<{ rate: string; consistency: ConsistencyLevel; writeRatio: number }>;

/** The form's values, the running workload they follow, and start() that validates and sends. */
function useWorkloadForm() {
  const actions = useAppStore(selectActions);
  const running = useAppStore(selectWorkload);
  const [rate, setRate] = useState('20');
  const [consistency, setConsistency] = useState<ConsistencyLevel>('QUORUM');
  const [writeRatio, setWriteRatio] = useState(0.8);
  const [error, setError] = useState('');
  // A workload started elsewhere (a share link, a lesson, time travel) shows its own numbers here.
  const runRate = running?.rate;
  const runLevel = running?.consistency;
  const runRatio = running?.writeRatio;
  useEffect(() => {
    if (runRate === undefined || runLevel === undefined || runRatio === undefined) return;
    setRate(String(runRate));
    setConsistency(runLevel);
    if (MIXES.some((m) => m.ratio === runRatio)) setWriteRatio(runRatio);
  }, [runRate, runLevel, runRatio]);

  const start = (over: Overrides = {}) => {
    const parsed = parseWorkload({
      rate: over.rate ?? rate,
      consistency: over.consistency ?? consistency,
      writeRatio: over.writeRatio ?? writeRatio,
      keys: KEYS,
    });
    if (!parsed.ok) {
      setError(parsed.error);
      return false;
    }
    setError('');
    actions.command(parsed.command);
    return true;
  };
  return { actions, running, rate, setRate, consistency, setConsistency, writeRatio, setWriteRatio, error, start };
}

type WorkloadForm = ReturnType<typeof useWorkloadForm>;

/** The switch: shows what the user just asked for until a frame (or an error) answers. */
function WorkloadSwitch({ form }: { form: WorkloadForm }) {
  const ready = useAppStore(hasFrame);
  const workerError = useAppStore(selectError);
  const [intent, setIntent] = useState<boolean | null>(null);
  const isRunning = form.running !== null;
  useEffect(() => setIntent(null), [isRunning, workerError]);
  const toggle = (on: boolean) => {
    if (!on) {
      setIntent(false);
      form.actions.command({ type: 'workloadStop' });
    } else if (form.start()) setIntent(true);
  };
  // L, the page's key for the switch (view/shortcuts).
  useShortcutHandler('workload', () => ready && toggle(!(intent ?? isRunning)));
  return (
    <label className="switch">
      <input
        type="checkbox"
        role="switch"
        data-testid="workload-toggle"
        checked={intent ?? isRunning}
        disabled={!ready}
        onChange={(e) => toggle(e.target.checked)}
        aria-keyshortcuts="L"
      />
      <span>Automatic workload</span>
    </label>
  );
}

/** Rate, consistency and mix; a change while running restarts the workload with it. */
function WorkloadFields({ form }: { form: WorkloadForm }) {
  const { running, rate, error, start } = form;
  return (
    <div className="form-grid form-grid-3">
      <label className="field">
        <span>Rate (ops per sim s)</span>
        <input
          type="number"
          data-testid="workload-rate"
          inputMode="decimal"
          min={0.1}
          max={100000}
          step="any"
          value={rate}
          aria-invalid={error.startsWith('rate')}
          onChange={(e) => form.setRate(e.target.value)}
          onBlur={() => running && Number(rate) !== running.rate && start()}
        />
      </label>
      <label className="field">
        <span>Consistency</span>
        <select
          data-testid="workload-consistency"
          value={form.consistency}
          onChange={(e) => {
            const c = e.target.value as ConsistencyLevel;
            form.setConsistency(c);
            if (running) start({ consistency: c });
          }}
        >
          <Options values={CONSISTENCY_LEVELS} />
        </select>
      </label>
      <label className="field field-wide">
        <span>Mix</span>
        <select
          value={String(form.writeRatio)}
          onChange={(e) => {
            const r = Number(e.target.value);
            form.setWriteRatio(r);
            if (running) start({ writeRatio: r });
          }}
        >
          {MIXES.map((m) => (
            <option key={m.ratio} value={String(m.ratio)}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function runningNote(running: ReturnType<typeof selectWorkload>, fromScenario: boolean): string {
  if (running) return `Running: ${running.rate} ops/s over ${running.keys.toLocaleString('en-US')} keys at ${running.consistency}.`;
  return fromScenario
    ? `Automatic workload off; the switch adds one (${KEYS.toLocaleString('en-US')} keys, coordinator picked at random).`
    : `Off. ${KEYS.toLocaleString('en-US')} keys, coordinator picked at random.`;
}

/** The workload the scenario itself brings (its generators and set-time operations), beside the switch's. */
function ScenarioWorkloadNote({ entries }: { entries: WorkloadEntries }) {
  const now = useAppStore(selectNow);
  const until = useAppStore(selectUntil);
  if (!hasWorkload(entries)) return null;
  const w = describeWorkload(entries, now, until ?? Infinity);
  return (
    <div className="scenario-workload" data-testid="scenario-workload">
      <p className="panel-note">
        <strong>The scenario's workload</strong>
        {w.generators.length > 0 && (w.runningNow ? ' (running now)' : ' (not running at this moment)')}:
      </p>
      <ul className="panel-note">
        {w.generators.map((g, i) => (
          <li key={i}>{g}</li>
        ))}
        {w.more > 0 && <li>and {w.more.toLocaleString('en-US')} more generators</li>}
        {w.singles && <li>{w.singles}</li>}
      </ul>
    </div>
  );
}

export function WorkloadPanel() {
  const form = useWorkloadForm();
  const scenario = useAppStore(selectScenario);
  const entries = useMemo(() => workloadOf(scenario), [scenario]);
  return (
    <section className="panel workload" aria-labelledby="wl-title">
      <h2 id="wl-title">Workload</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (form.running) form.start();
        }}
      >
        <WorkloadSwitch form={form} />
        <WorkloadFields form={form} />
        {form.error && (
          <p className="field-error" role="alert">
            {form.error}
          </p>
        )}
        <ScenarioWorkloadNote entries={entries} />
        <p className="panel-note" data-testid="workload-note">{runningNote(form.running, hasWorkload(entries))}</p>
      </form>
    </section>
  );
}
