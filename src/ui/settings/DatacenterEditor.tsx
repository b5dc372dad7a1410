// The Settings drawer's datacenter editor: no rows is one datacenter; "Split into datacenters"
// makes dc1 and dc2, then one row per DC (name, members, RF). Rows are kept as typed in the form
// (view/settings/dcEditor.ts) and judged by the engine's parser with the rest of the form.
import { useEffect, useRef } from 'react';
import {
  addRow, dcInputId, dcInputLabel, DC_KEY, largestRf, readRows, removeRow, rowsSummary, rowsText, sameRows, splitRows,
  type DcInput, type DcRow, type DcTarget,
} from '../../view/settings/dcEditor';
import type { FieldDef, FormValues } from '../../view/settings/settingsModel';
import './dcEditor.css';

export interface DatacenterEditorProps {
  field: FieldDef;
  form: FormValues;
  running: FormValues;
  /** The form's error when it names the editor: which input (row null: the editor as a whole). */
  error: { target: DcTarget; message: string } | null;
  setForm(update: (form: FormValues) => FormValues): void;
}

const HELP_ID = 'set-datacenters-help';
const PLACEHOLDER: Record<DcInput, string> = { name: 'dc1', members: '3 or A, B, C', rf: 'none' };

interface RowProps {
  rows: readonly DcRow[];
  index: number;
  error: DatacenterEditorProps['error'];
  onEdit(input: DcInput, value: string): void;
  onRemove(): void;
}

/** One datacenter: its three inputs, its remove button, and the error on one of its inputs. */
function DcRowInputs({ rows, index, error, onEdit, onRemove }: RowProps) {
  const row = rows[index]!;
  const mine = error && error.target.row === index ? error : null;
  const errorId = mine ? `${dcInputId(mine.target)}-error` : undefined;
  const input = (which: DcInput) => {
    const target = { row: index, input: which };
    const id = dcInputId(target);
    const bad = mine?.target.input === which;
    const describedBy = [bad ? errorId : '', which === 'members' ? HELP_ID : ''].filter(Boolean).join(' ') || undefined;
    return (
      <span className={`dc-cell dc-${which}`}>
        <label className="sr-only" htmlFor={id}>
          {dcInputLabel(rows, target)}
        </label>
        <input
          id={id}
          data-testid={id}
          type="text"
          inputMode={which === 'rf' ? 'numeric' : 'text'}
          autoComplete="off"
          spellCheck={false}
          placeholder={PLACEHOLDER[which]}
          value={row[which]}
          aria-invalid={bad ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onEdit(which, e.target.value)}
        />
      </span>
    );
  };
  return (
    <li className="dc-row" data-testid={`dc-row-${index + 1}`}>
      {input('name')}
      {input('members')}
      {input('rf')}
      <button type="button" className="btn dc-remove" aria-label={`Remove ${row.name.trim() || `datacenter ${index + 1}`}`} onClick={onRemove}>
        <span aria-hidden="true">✕</span>
      </button>
      {mine && (
        <p className="field-error set-error dc-error" id={errorId} role="alert">
          {mine.message}
        </p>
      )}
    </li>
  );
}

/** Moves focus to an element that exists only after the next render (a new row, or the split button). */
function useFocusAfter(): (id: string) => void {
  const next = useRef<string | null>(null);
  useEffect(() => {
    if (next.current) document.getElementById(next.current)?.focus();
    next.current = null;
  });
  return (id) => {
    next.current = id;
  };
}

/** The editor's heading: our name, the real systems' names and why, as every setting has. */
function EditorText({ field }: { field: FieldDef }) {
  return (
    <div className="set-text">
      <span className="set-names">
        <span className="set-name" id="set-datacenters-name">
          <code>{field.key}</code>
        </span>
        <span className="set-real" id="set-datacenters-real">
          <span className="sr-only">Real name: </span>
          {field.real}
        </span>
      </span>
      <span className="set-why" id="set-datacenters-why">
        {field.why}
      </span>
    </div>
  );
}

interface BodyProps {
  rows: readonly DcRow[];
  error: DatacenterEditorProps['error'];
  /** The rows "Split" or "Add datacenter" would make, or null when there are too few nodes. */
  next: DcRow[] | null;
  setRows(rows: DcRow[], focusId: string): void;
}

/** No rows: one datacenter, and the button that splits it. */
function OneDatacenter({ next, setRows }: Pick<BodyProps, 'next' | 'setRows'>) {
  return (
    <div className="set-input">
      <span className="dc-one">One datacenter: every node.</span>
      <button type="button" className="btn" id="dc-split" data-testid="dc-split" disabled={!next} onClick={() => next && setRows(next, dcInputId({ row: 0, input: 'name' }))}>
        Split into datacenters
      </button>
      {!next && <span className="set-note">Needs two or more nodes.</span>}
    </div>
  );
}

/** The rows, what members may be, and "Add datacenter". */
function DcRows({ rows, error, next, setRows }: BodyProps) {
  const edit = (i: number, input: DcInput, value: string) => setRows(rows.map((r, j) => (j === i ? { ...r, [input]: value } : r)), '');
  const remove = (i: number) => {
    const left = removeRow(rows, i);
    setRows(left, left.length === 0 ? 'dc-split' : 'dc-add');
  };
  return (
    <div className="dc-body">
      <div className="dc-head" aria-hidden="true">
        <span>Name</span>
        <span>Nodes</span>
        <span>RF</span>
      </div>
      <ol className="dc-rows">
        {rows.map((_, i) => (
          <DcRowInputs key={i} rows={rows} index={i} error={error} onEdit={(input, v) => edit(i, input, v)} onRemove={() => remove(i)} />
        ))}
      </ol>
      <p className="dc-help" id={HELP_ID}>
        Nodes: a count (nodes fill the datacenters in order) or names separated by commas. An empty RF keeps no replica there.
      </p>
      <button type="button" className="btn" id="dc-add" data-testid="dc-add" disabled={!next} onClick={() => next && setRows(next, dcInputId({ row: rows.length, input: 'name' }))}>
        Add datacenter
      </button>
      {!next && <span className="set-note"> Every datacenter needs a node: add nodes first.</span>}
    </div>
  );
}

export function DatacenterEditor({ field, form, running, error, setForm }: DatacenterEditorProps) {
  const rows = readRows(form[DC_KEY]);
  const nodes = String(form.nodes ?? '');
  const rf = String(form.replicationFactor ?? '');
  const changed = !sameRows(form[DC_KEY], running[DC_KEY]);
  const whole = error && error.target.row === null ? error : null;
  const focusAfter = useFocusAfter();
  const setRows = (next: DcRow[], focusId: string) => {
    if (focusId) focusAfter(focusId);
    setForm((cur) => {
      // Back to one DC: the single RF takes the largest a DC had, so each key keeps as many copies.
      const single = next.length === 0 ? largestRf(readRows(cur[DC_KEY])) : null;
      return { ...cur, [DC_KEY]: rowsText(next), ...(single !== null ? { replicationFactor: String(single) } : {}) };
    });
  };
  const describedBy = ['set-datacenters-real', 'set-datacenters-why', whole ? 'set-datacenters-error' : '', changed ? 'set-datacenters-was' : ''].filter(Boolean).join(' ');

  return (
    <div
      className={`set-row dc-editor${rows.length > 0 ? ' dc-editor-rows' : ''}${changed ? ' set-changed' : ''}`}
      id="set-datacenters"
      tabIndex={-1}
      role="group"
      aria-labelledby="set-datacenters-name"
      aria-describedby={describedBy}
      data-testid="dc-editor"
    >
      <EditorText field={field} />
      {rows.length === 0 ? (
        <OneDatacenter next={splitRows(nodes, rf)} setRows={setRows} />
      ) : (
        <DcRows rows={rows} error={error} next={addRow(rows, nodes, rf)} setRows={setRows} />
      )}
      {whole && (
        <p className="field-error set-error" id="set-datacenters-error" role="alert">
          {whole.message}
        </p>
      )}
      {changed && (
        <span className="set-was dc-was" id="set-datacenters-was">
          was {rowsSummary(running[DC_KEY])}
        </span>
      )}
    </div>
  );
}
