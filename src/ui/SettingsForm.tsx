// Edits every scenario setting. Validates on each keystroke with the engine's own parser and
// applies by restarting the simulation (init, then play).
import { useMemo, useState, type FormEvent } from 'react';
import { defaultScenario, parseScenario, ScenarioError, type ClusterInfo } from '../engine';
import { PresetPicker } from './PresetPicker';
import { SettingField } from './SettingField';
import {
  appLimitError,
  applyPreset,
  buildScenario,
  clusterToForm,
  fieldOfError,
  FIELD_GROUPS,
  sameValue,
  shownValue,
  type FieldDef,
  type FormValues,
} from './settingsModel';

export interface SettingsFormProps {
  cluster: ClusterInfo;
  /** The running scenario (its name, workload, faults and end time are kept). */
  scenario: unknown;
  /** The worker's answer to the last apply, if it refused. */
  workerError: string | null;
  applying: boolean;
  onApply(scenario: Record<string, unknown>): void;
  onCancel(): void;
}

interface Problem {
  /** Form key of the field it names, or null for the whole scenario. */
  key: string | null;
  message: string;
}

function validate(base: Record<string, unknown>, form: FormValues): { scenario: Record<string, unknown>; problem: Problem | null } {
  const scenario = buildScenario(base, form);
  const limit = appLimitError(form);
  if (limit) return { scenario, problem: { key: 'nodes', message: limit.message } };
  try {
    parseScenario(scenario);
    return { scenario, problem: null };
  } catch (err) {
    if (err instanceof ScenarioError) return { scenario, problem: { key: fieldOfError(err.field)?.key ?? null, message: err.message } };
    return { scenario, problem: { key: null, message: err instanceof Error ? err.message : String(err) } };
  }
}

const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : defaultScenario();

function focusField(key: string | null): void {
  if (key) document.getElementById(`set-${key.replace('.', '-')}`)?.focus();
}

/** Every field that differs from the running simulation, old value struck through. */
function ChangeList({ changed, form, running }: { changed: readonly FieldDef[]; form: FormValues; running: FormValues }) {
  if (changed.length === 0) return null;
  return (
    <>
      <p className="preset-diff-title" id="preset-diff-title">
        Differs from the running simulation ({changed.length}):
      </p>
      <ul className="preset-diff" aria-labelledby="preset-diff-title" data-testid="settings-diff">
        {changed.map((f) => (
          <li key={f.key}>
            <code>{f.key}</code> <span className="was">{shownValue(running[f.key], f)}</span>{' '}
            <span className="sr-only">becomes</span>
            <span aria-hidden="true">→</span> {shownValue(form[f.key], f) || '(empty)'}
          </li>
        ))}
      </ul>
    </>
  );
}

export function SettingsForm({ cluster, scenario, workerError, applying, onApply, onCancel }: SettingsFormProps) {
  const running = useMemo(() => clusterToForm(cluster), [cluster]);
  const base = useMemo(() => asObject(scenario), [scenario]);
  const [form, setForm] = useState<FormValues>(running);
  const { scenario: built, problem } = useMemo(() => validate(base, form), [base, form]);
  const set = (key: string, value: string | boolean) => setForm((f) => ({ ...f, [key]: value }));
  const changed = FIELD_GROUPS.flatMap((g) => g.fields).filter((f) => !sameValue(f, form[f.key], running[f.key]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem && !applying) onApply(built);
  };

  return (
    <form className="settings-form" noValidate onSubmit={submit} aria-describedby="settings-status">
      <div className="settings-body">
        {FIELD_GROUPS.map((g) => (
          <section key={g.title} className="set-group" aria-labelledby={`set-group-${g.title}`}>
            <h3 id={`set-group-${g.title}`}>{g.title}</h3>
            {g.fields.map((f) =>
              f.key === 'preset' ? (
                <div key={f.key}>
                  <PresetPicker value={String(form.preset)} onChange={(p) => setForm((cur) => applyPreset(cur, p))} />
                  <ChangeList changed={changed} form={form} running={running} />
                </div>
              ) : (
                <SettingField
                  key={f.key}
                  field={f}
                  value={form[f.key] ?? ''}
                  was={sameValue(f, form[f.key], running[f.key]) ? null : shownValue(running[f.key], f)}
                  error={problem?.key === f.key ? problem.message : null}
                  unused={!!f.mode && f.mode !== form.hintMode}
                  onChange={(v) => set(f.key, v)}
                />
              ),
            )}
          </section>
        ))}
      </div>
      <div className="settings-footer">
        <div className="settings-status" id="settings-status">
          {problem && problem.key === null ? (
            <p className="field-error" role="alert">
              {problem.message}
            </p>
          ) : workerError ? (
            <p className="field-error" role="alert">
              Not applied: {workerError}
            </p>
          ) : problem ? (
            <span className="settings-note bad">
              <button type="button" className="link-btn" onClick={() => focusField(problem.key)}>
                Fix {problem.key}
              </button>{' '}
              to apply.
            </span>
          ) : (
            <span className="settings-note">
              {changed.length === 0
                ? 'Same as the running simulation.'
                : `${changed.length} change${changed.length === 1 ? '' : 's'}: ${changed.map((f) => f.key).join(', ')}.`}{' '}
              Applying restarts from time 0.
            </span>
          )}
        </div>
        <div className="settings-actions">
          <button type="button" className="btn" onClick={() => setForm(running)} disabled={changed.length === 0}>
            Reset
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={!!problem || applying} data-testid="settings-apply">
            {applying ? 'Restarting…' : 'Apply & restart'}
          </button>
        </div>
      </div>
    </form>
  );
}
