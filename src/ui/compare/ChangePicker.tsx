// What B changes: one-click presets, or any setting with a value checked as you type. An
// invalid value names its field and starts nothing.
import { useId, useState, type FormEvent } from 'react';
import type { LoggedCommand } from '../../protocol';
import { changeDef, CHANGES, COMPARE_PRESETS, currentValue, deriveB, describeValue, presetValue, type ChangeDef, type FieldValue } from '../../view/compare/model';

export interface ChangeChoice {
  path: string;
  value: FieldValue;
}

/** The one-click comparisons: each names what B gets and why it is worth a look. */
function PresetButtons({ scenario, active, uid, onCompare }: { scenario: unknown; active: ChangeChoice | null; uid: string; onCompare(choice: ChangeChoice): void }) {
  return (
    <div className="compare-presets" role="group" aria-label="One-click comparisons">
      {COMPARE_PRESETS.map((p) => {
        const pdef = changeDef(p.path)!;
        const a = currentValue(scenario, pdef);
        const b = presetValue(p, pdef, a);
        const pressed = active !== null && active.path === p.path && describeValue(pdef, active.value) === describeValue(pdef, b);
        return (
          <button
            key={p.id}
            type="button"
            className="btn btn-small compare-preset"
            data-testid={`compare-preset-${p.id}`}
            aria-pressed={pressed}
            title={`${p.why} (${pdef.real})`}
            aria-describedby={`${uid}-${p.id}-why`}
            onClick={() => onCompare({ path: p.path, value: b })}
          >
            {p.label}
            <span id={`${uid}-${p.id}-why`} className="sr-only">
              {`${pdef.name} ${describeValue(pdef, a)} → ${describeValue(pdef, b)}. ${p.why}`}
            </span>
          </button>
        );
      })}
    </div>
  );
}

/** B's value, as the change's kind wants it typed. */
function ValueInput({ def, value, error, errorId, set }: { def: ChangeDef; value: FieldValue; error: string | null; errorId: string; set(v: FieldValue): void }) {
  return def.kind === 'bool' ? (
    <select data-testid="compare-value" value={value ? 'on' : 'off'} onChange={(e) => set(e.target.value === 'on')} aria-describedby={error ? errorId : undefined}>
      <option value="on">on</option>
      <option value="off">off</option>
    </select>
  ) : def.kind === 'choice' ? (
    <select data-testid="compare-value" value={String(value)} onChange={(e) => set(e.target.value)}>
      {def.options!.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  ) : (
    <input
      data-testid="compare-value"
      type="text"
      inputMode={def.kind === 'number' ? 'decimal' : 'text'}
      size={8}
      value={String(value)}
      placeholder={def.emptyMeans}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
      onChange={(e) => set(e.target.value)}
    />
  );
}

export function ChangePicker({ scenario, log, active, onCompare }: {
  scenario: unknown;
  log: readonly LoggedCommand[];
  /** The change B runs with now, if any. */
  active: ChangeChoice | null;
  onCompare(choice: ChangeChoice): void;
}) {
  const uid = useId();
  const [path, setPath] = useState(active?.path ?? 'settings.maxHintWindow');
  const def = changeDef(path)!;
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const value = values[path] ?? currentValue(scenario, def);
  const result = deriveB(scenario, log, path, value);
  const error = result.ok ? null : result.error;
  const same = result.ok && describeValue(def, value) === describeValue(def, currentValue(scenario, def));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (result.ok && !same) onCompare({ path, value });
  };
  const set = (v: FieldValue) => setValues((prev) => ({ ...prev, [path]: v }));
  const errorId = `${uid}-error`;

  return (
    <section className="compare-change panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>B changes</h2>
      <PresetButtons scenario={scenario} active={active} uid={uid} onCompare={onCompare} />
      <form className="compare-custom" onSubmit={submit} noValidate>
        <label className="field-inline">
          <span>Any setting</span>
          <select data-testid="compare-setting" value={path} onChange={(e) => setPath(e.target.value)}>
            {CHANGES.map((c) => (
              <option key={c.path} value={c.path}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <span className="compare-real" data-testid="compare-real" title={def.real}>
          <span className="sr-only">Real name: </span>
          {def.real}
        </span>
        <label className="field-inline">
          <span>B value</span>
          <ValueInput def={def} value={value} error={error} errorId={errorId} set={set} />
        </label>
        <button type="submit" className="btn btn-small btn-primary" data-testid="compare-submit" disabled={!result.ok || same}>
          Compare
        </button>
        <span className="compare-a-value">
          A: {describeValue(def, currentValue(scenario, def))}
          {same && ' — pick a different value for B'}
        </span>
        {error && (
          <p id={errorId} className="compare-error" role="alert" data-testid="compare-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
