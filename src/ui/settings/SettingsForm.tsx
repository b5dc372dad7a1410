// Edits every scenario setting. Validates on each keystroke with the engine's own parser and
// applies by restarting the simulation (init, then play).
import { useMemo, useState, type FormEvent } from 'react';
import { defaultScenario, parseScenario, ScenarioError, type ClusterInfo } from '../../protocol';
import { DatacenterEditor } from './DatacenterEditor';
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
import { datacentersGroupNote, dcErrorTarget, dcInputId, dcInputLabel, DC_KEY, duplicateName, readRows, type DcTarget } from '../../view/settings/dcEditor';
import { nodeNames } from '../../view/settings/nodesText';

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
  /** In the datacenter editor: which row's input (row null: the editor as a whole). */
  target?: DcTarget;
  /** The "Fix …" link's name for it, when not the key. */
  label?: string;
}

/** An error naming the datacenter editor, placed on the row input it names. */
function dcProblem(target: DcTarget, message: string, form: FormValues): Problem {
  return { key: DC_KEY, message, target, label: dcInputLabel(readRows(form[DC_KEY]), target) };
}

function validate(base: Record<string, unknown>, form: FormValues): { scenario: Record<string, unknown>; problem: Problem | null } {
  const scenario = buildScenario(base, form);
  const limit = appLimitError(form);
  if (limit) return { scenario, problem: { key: 'nodes', message: limit.message } };
  const rows = readRows(form[DC_KEY]);
  const twice = duplicateName(rows);
  if (twice) return { scenario, problem: dcProblem(twice.target, twice.message, form) };
  try {
    parseScenario(scenario);
    return { scenario, problem: null };
  } catch (err) {
    if (!(err instanceof ScenarioError)) return { scenario, problem: { key: null, message: err instanceof Error ? err.message : String(err) } };
    const dc = dcErrorTarget(err.field, rows, nodeNames(String(form.nodes ?? '')));
    if (dc) return { scenario, problem: dcProblem(dc, err.message, form) };
    return { scenario, problem: { key: fieldOfError(err.field)?.key ?? null, message: err.message } };
  }
}

const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : defaultScenario();

function focusField(problem: Problem): void {
  const id = problem.target ? dcInputId(problem.target) : problem.key ? `set-${problem.key.replace('.', '-')}` : null;
  // A list beside a switch (hintedHandoffEnabled's datacenters) is what an error there is about.
  if (id) (document.getElementById(`${id}-dcs`) ?? document.getElementById(id))?.focus();
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
        <button type="button" className="link-btn" onClick={() => focusField(problem)}>
          Fix {problem.label ?? problem.key}
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

/** One field of a group: the preset cards (then what they changed), the datacenter editor, or a setting. */
function GroupField({ f, form, running, problem, changed, setForm }: Omit<GroupProps, 'group'> & { f: FieldDef }) {
  if (f.key === 'preset') {
    return (
      <div>
        <PresetPicker value={String(form.preset)} onChange={(p) => setForm((cur) => applyPreset(cur, p))} />
        <ChangeList changed={changed} form={form} running={running} />
      </div>
    );
  }
  if (f.kind === 'datacenters') {
    const error = problem?.key === f.key && problem.target ? { target: problem.target, message: problem.message } : null;
    return <DatacenterEditor field={f} form={form} running={running} error={error} setForm={setForm} />;
  }
  // With datacenters the RF is per datacenter (the editor's rows), so the single one stands aside.
  const perDc = f.key === 'replicationFactor' && readRows(form[DC_KEY]).length > 0;
  return (
    <SettingField
      field={f}
      value={form[f.key] ?? ''}
      was={sameValue(f, form[f.key], running[f.key]) ? null : shownValue(running[f.key], f)}
      error={problem?.key === f.key ? problem.message : null}
      unused={!!f.mode && f.mode !== form.hintMode}
      replacedBy={perDc ? 'per datacenter below' : undefined}
      note={fieldNote(f.key, form)}
      onChange={(v) => setForm((cur) => ({ ...cur, [f.key]: v }))}
    />
  );
}

/** One section of the form, with a note when its fields wait for something (datacenters). */
function SettingsGroup({ group, ...rest }: GroupProps) {
  const note = group.title === 'Datacenters' ? datacentersGroupNote(rest.form) : null;
  return (
    <section className="set-group" aria-labelledby={`set-group-${group.title}`}>
      <h3 id={`set-group-${group.title}`}>{group.title}</h3>
      {note && (
        <p className="set-group-note" data-testid="dc-group-note">
          {note}
        </p>
      )}
      {group.fields.map((f) => (
        <GroupField key={f.key} f={f} {...rest} />
      ))}
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
