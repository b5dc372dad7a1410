// The automatic workload: a generator of writes (and reads) at a rate in simulated time.
import { useEffect, useState } from 'react';
import { CONSISTENCY_LEVELS, type ConsistencyLevel } from '../../protocol';
import { selectActions, selectError, selectFrame, selectWorkload, useAppStore } from '../../store';
import { parseWorkload } from '../validation';

const MIXES = [
  { ratio: 1, label: 'writes only' },
  { ratio: 0.8, label: '80% writes, 20% reads' },
  { ratio: 0.5, label: '50% writes, 50% reads' },
];
const KEYS = 1000;
const hasFrame = (s: Parameters<typeof selectFrame>[0]) => selectFrame(s) !== null;

export function WorkloadPanel() {
  const actions = useAppStore(selectActions);
  const running = useAppStore(selectWorkload);
  const ready = useAppStore(hasFrame);
  const [rate, setRate] = useState('20');
  const [consistency, setConsistency] = useState<ConsistencyLevel>('QUORUM');
  const [writeRatio, setWriteRatio] = useState(0.8);
  const [error, setError] = useState('');
  // What the user just asked for, shown until a frame (or an error) answers.
  const [intent, setIntent] = useState<boolean | null>(null);
  const workerError = useAppStore(selectError);
  const isRunning = running !== null;
  useEffect(() => setIntent(null), [isRunning, workerError]);
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

  const start = (over: Partial<{ rate: string; consistency: ConsistencyLevel; writeRatio: number }> = {}) => {
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

  return (
    <section className="panel workload" aria-labelledby="wl-title">
      <h2 id="wl-title">Workload</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (running) start();
        }}
      >
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="workload-toggle"
            checked={intent ?? isRunning}
            disabled={!ready}
            onChange={(e) => {
              if (!e.target.checked) {
                setIntent(false);
                actions.command({ type: 'workloadStop' });
              } else if (start()) setIntent(true);
            }}
          />
          <span>Automatic workload</span>
        </label>
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
              onChange={(e) => setRate(e.target.value)}
              onBlur={() => running && Number(rate) !== running.rate && start()}
            />
          </label>
          <label className="field">
            <span>Consistency</span>
            <select
              data-testid="workload-consistency"
              value={consistency}
              onChange={(e) => {
                const c = e.target.value as ConsistencyLevel;
                setConsistency(c);
                if (running) start({ consistency: c });
              }}
            >
              {CONSISTENCY_LEVELS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-wide">
            <span>Mix</span>
            <select
              value={String(writeRatio)}
              onChange={(e) => {
                const r = Number(e.target.value);
                setWriteRatio(r);
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
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <p className="panel-note">
          {running
            ? `Running: ${running.rate} ops/s over ${running.keys.toLocaleString('en-US')} keys at ${running.consistency}.`
            : `Off. ${KEYS.toLocaleString('en-US')} keys, coordinator picked at random.`}
        </p>
      </form>
    </section>
  );
}
