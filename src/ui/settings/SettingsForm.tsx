// Edits every scenario setting. Validates on each keystroke with the engine's own parser and
// applies by restarting the simulation (init, then play).
import { useMemo, useState, type FormEvent } from 'react';
import { defaultScenario, parseScenario, ScenarioError, type ClusterInfo } from '../../protocol';
import { PresetPicker } from './PresetPicker';
import { SettingField } from './SettingField';
import {
  appLimitError,
  applyPreset,
  buildScenario,
  clusterToForm,
  ALL_FIELDS,
  fieldOfError,
  FIELD_GROUPS,
  fieldNote,
  sameValue,
  shownValue,
  type FieldDef,
  type FieldGroup,
  type FormValues,
} from '../../view/settings/settingsModel';

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

/** Below the fields: the error, the worker's refusal, or what Apply would change. */
function SettingsStatus({ problem, workerError, changed }: { problem: Problem | null; workerError: string | null; changed: readonly FieldDef[] }) {
  if (problem && problem.key === null) {
    return (
      <p className="field-error" role="alert">
        {problem.message}
      </p>
    );
  }
  if (workerError) {
    return (
      <p className="field-error" role="alert">
        Not applied: {workerError}
      </p>
    );
  }
  if (problem) {
    return (
      <span className="settings-note bad">
        <button type="button" className="link-btn" onClick={() => focusField(problem.key)}>
          Fix {problem.key}
        </button>{' '}
        to apply.
      </span>
    );
  }
  return (
    <span className="settings-note">
      {changed.length === 0
        ? 'Same as the running simulation.'
        : `${changed.length} change${changed.length === 1 ? '' : 's'}: ${changed.map((f) => f.key).join(', ')}.`}{' '}
      Applying restarts from time 0.
    </span>
  );
}

interface GroupProps {
  group: FieldGroup;
  form: FormValues;
  running: FormValues;
  problem: Problem | null;
  changed: readonly FieldDef[];
  setForm(update: (form: FormValues) => FormValues): void;
}

/** One section of the form; the preset is chosen with cards, followed by what it changed. */
function SettingsGroup({ group, form, running, problem, changed, setForm }: GroupProps) {
  return (
    <section className="set-group" aria-labelledby={`set-group-${group.title}`}>
      <h3 id={`set-group-${group.title}`}>{group.title}</h3>
      {group.fields.map((f) =>
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
            note={fieldNote(f.key, form)}
            onChange={(v) => setForm((cur) => ({ ...cur, [f.key]: v }))}
          />
        ),
      )}
    </section>
  );
}

export function SettingsForm({ cluster, scenario, workerError, applying, onApply, onCancel }: SettingsFormProps) {
  const running = useMemo(() => clusterToForm(cluster), [cluster]);
  const base = useMemo(() => asObject(scenario), [scenario]);
  const [form, setForm] = useState<FormValues>(running);
  const { scenario: built, problem } = useMemo(() => validate(base, form), [base, form]);
  const changed = ALL_FIELDS.filter((f) => !sameValue(f, form[f.key], running[f.key]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem && !applying) onApply(built);
  };

  return (
    <form className="settings-form" noValidate onSubmit={submit} aria-describedby="settings-status">
      <div className="settings-body">
        {FIELD_GROUPS.map((g) => (
          <SettingsGroup key={g.title} group={g} form={form} running={running} problem={problem} changed={changed} setForm={setForm} />
        ))}
      </div>
      <div className="settings-footer">
        <div className="settings-status" id="settings-status">
          <SettingsStatus problem={problem} workerError={workerError} changed={changed} />
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
