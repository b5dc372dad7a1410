// One setting: our name, the real system's name beside it, why it matters, its input, and its error.
import type { FieldDef } from '../../view/settings/settingsModel';

export interface SettingFieldProps {
  field: FieldDef;
  value: string | boolean;
  /** The running simulation's value when it differs from `value` (shown as "was …"). */
  was: string | null;
  error: string | null;
  /** The field does nothing in the chosen hint mode. */
  unused: boolean;
  /** Set while another control stands for this field (the datacenter editor's per-DC RF): the input is off and says where. */
  replacedBy?: string;
  /** A note from the other fields' values (settingsModel fieldNote); `flag`: a what-if to point out. */
  note?: { text: string; flag: boolean } | null;
  onChange(value: string | boolean): void;
}

const MODE_NOTE = { coordinator: 'coordinator mode only', 'sloppy-quorum': 'sloppy-quorum mode only' } as const;

function FieldNote({ id, note }: { id: string; note: { text: string; flag: boolean } }) {
  return (
    <span className={`set-note${note.flag ? ' set-flag' : ''}`} data-testid={`${id}-note`} role={note.flag ? 'note' : undefined}>
      {' '}
      {note.flag ? '⚠ ' : ''}
      {note.text}
    </span>
  );
}

/** The field's on/off switch (its input carries the field's id, description and error state). */
function Switch({ common, on, onChange }: { common: Record<string, unknown>; on: boolean; onChange(v: boolean): void }) {
  return (
    <label className="switch set-switch">
      <input {...common} type="checkbox" role="switch" checked={on} onChange={(e) => onChange(e.target.checked)} />
      <span aria-hidden="true">{on ? 'on' : 'off'}</span>
    </label>
  );
}

/**
 * On / off, and while on, the datacenters it is limited to (empty: every one): the switch holds
 * `true` / `false`, the list's text replaces `true` while one is typed.
 */
function BoolOrList({ id, common, value, onChange }: { id: string; common: Record<string, unknown>; value: string | boolean; onChange(v: string | boolean): void }) {
  const on = value !== false;
  return (
    <span className="set-bool-list">
      <Switch common={common} on={on} onChange={onChange} />
      {on && (
        <span className="set-text-input">
          <label htmlFor={`${id}-dcs`} className="set-unit">
            only in
          </label>
          <input
            id={`${id}-dcs`}
            data-testid={`${id}-dcs`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="every datacenter"
            aria-describedby={common['aria-describedby'] as string}
            aria-invalid={common['aria-invalid'] as boolean | undefined}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value.trim() === '' ? true : e.target.value)}
          />
        </span>
      )}
    </span>
  );
}

export function SettingField({ field, value, was, error, unused, replacedBy, note, onChange }: SettingFieldProps) {
  const id = `set-${field.key.replace('.', '-')}`;
  const describedBy = [`${id}-real`, `${id}-why`, error ? `${id}-error` : '', was !== null ? `${id}-was` : '']
    .filter(Boolean)
    .join(' ');
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, 'data-testid': id };

  return (
    <div className={`set-row${unused || replacedBy ? ' set-unused' : ''}${was !== null ? ' set-changed' : ''}`}>
      <div className="set-text">
        <span className="set-names">
          <label htmlFor={id} className="set-name">
            <code>{field.key}</code>
          </label>
          <span className="set-real" id={`${id}-real`}>
            <span className="sr-only">Real name: </span>
            {field.real}
          </span>
        </span>
        <span className="set-why" id={`${id}-why`}>
          {field.why}
          {field.mode && <span className="set-mode"> ({MODE_NOTE[field.mode]}{unused ? ', not used now' : ''})</span>}
          {note && <FieldNote id={id} note={note} />}
        </span>
      </div>
      <div className="set-input">
        {field.kind === 'bool' ? (
          <Switch common={common} on={value === true} onChange={onChange} />
        ) : field.kind === 'boolOrList' ? (
          <BoolOrList id={id} common={common} value={value} onChange={onChange} />
        ) : field.kind === 'choice' ? (
          <select {...common} value={String(value)} onChange={(e) => onChange(e.target.value)}>
            {field.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <span className="set-text-input">
            <input
              {...common}
              type="text"
              inputMode={field.kind === 'number' && field.key !== 'nodes' ? 'decimal' : 'text'}
              autoComplete="off"
              spellCheck={false}
              placeholder={field.placeholder}
              disabled={!!replacedBy}
              value={replacedBy ?? String(value)}
              onChange={(e) => onChange(e.target.value)}
            />
            {field.unit && <span className="set-unit">{field.unit}</span>}
          </span>
        )}
        {was !== null && (
          <span className="set-was" id={`${id}-was`}>
            was {was}
          </span>
        )}
      </div>
      {error && (
        <p className="field-error set-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

