// One write, read or delete, sent as a command; zod validates first and names the bad field. On a
// cluster whose conflict resolution takes operations (the OR-set: add / remove, from the registry) a
// write carries the chosen one; a delete (a tombstone) is offered only under last-write-wins.
import { useState, type FormEvent } from 'react';
import { CONSISTENCY_LEVELS, DEFAULT_LEVEL, writeOpsOf, type ConsistencyLevel, type SetOp } from '../../protocol';
import { selectActions, selectCluster, useAppStore } from '../../store';
import { parseOperation, type FieldErrors } from '../../view/forms/validation';
import { Options } from '../common/Options';

/** The form's state, and what its buttons do. */
function useOperationForm(setOps: readonly SetOp[]) {
  const actions = useAppStore(selectActions);
  const [setOp, setSetOp] = useState<SetOp>('add');
  const [key, setKey] = useState('user:42');
  const [value, setValue] = useState('alice');
  const [consistency, setConsistency] = useState<ConsistencyLevel>(DEFAULT_LEVEL);
  const [coordinator, setCoordinator] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');

  const submit = (op: 'write' | 'read' | 'delete') => {
    const parsed = parseOperation(op, { key, value, consistency, coordinator });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setStatus('');
      return;
    }
    setErrors({});
    // The op only where the cluster takes one: elsewhere the engine refuses it.
    const withOp = op === 'write' && setOps.includes(setOp);
    actions.command(withOp && parsed.command.type === 'write' ? { ...parsed.command, op: setOp } : parsed.command);
    const via = coordinator ? ` via ${coordinator}` : '';
    const what = withOp ? `${setOp} ${value} ${setOp === 'add' ? 'to' : 'from'} ${key.trim()}` : `write ${key.trim()} = ${value}`;
    setStatus(op === 'write' ? `Sent: ${what} at ${consistency}${via}` : `Sent: ${op} ${key.trim()} at ${consistency}${via}`);
  };
  const inspect = () => {
    const k = key.trim();
    if (k.length === 0) {
      setErrors({ key: 'key: enter a key to inspect, e.g. user:42' });
      return;
    }
    setErrors({});
    actions.inspect(k);
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    submit(submitter?.value === 'read' ? 'read' : submitter?.value === 'delete' ? 'delete' : 'write');
  };
  const fields = { key, setKey, value, setValue, consistency, setConsistency, coordinator, setCoordinator, setOp, setSetOp };
  return { fields, errors, status, inspect, onSubmit };
}

type Fields = ReturnType<typeof useOperationForm>['fields'];

function OperationFields({ fields: f, errors, nodes, setOps }: { fields: Fields; errors: FieldErrors; nodes: readonly string[]; setOps: readonly SetOp[] }) {
  const errorId = (name: keyof FieldErrors) => (errors[name] ? `wf-${name}-error` : undefined);
  return (
    <div className="form-grid">
      {setOps.length > 0 && (
        <label className="field" title="The key is an OR-set: a write adds its value as an element, or removes it">
          <span>Operation</span>
          <select name="setOp" value={f.setOp} onChange={(e) => f.setSetOp(e.target.value as SetOp)}>
            <Options values={setOps} />
          </select>
        </label>
      )}
      <label className="field">
        <span>Key</span>
        <input name="key" value={f.key} onChange={(e) => f.setKey(e.target.value)} aria-invalid={!!errors.key} aria-describedby={errorId('key')} autoComplete="off" />
      </label>
      <label className="field">
        <span>Value</span>
        <input name="value" value={f.value} onChange={(e) => f.setValue(e.target.value)} aria-invalid={!!errors.value} aria-describedby={errorId('value')} autoComplete="off" />
      </label>
      <label className="field">
        <span>Consistency</span>
        <select
          name="consistency"
          value={f.consistency}
          onChange={(e) => f.setConsistency(e.target.value as ConsistencyLevel)}
          aria-invalid={!!errors.consistency}
          aria-describedby={errorId('consistency')}
        >
          <Options values={CONSISTENCY_LEVELS} />
        </select>
      </label>
      <label className="field">
        <span>Coordinator</span>
        <select name="coordinator" value={f.coordinator} onChange={(e) => f.setCoordinator(e.target.value)}>
          <option value="">any node</option>
          <Options values={nodes} />
        </select>
      </label>
    </div>
  );
}

export function WriteForm() {
  const cluster = useAppStore(selectCluster);
  const setOps = writeOpsOf(cluster?.settings.conflictResolution);
  const deletes = cluster?.settings.conflictResolution === 'lww';
  const { fields, errors, status, inspect, onSubmit } = useOperationForm(setOps);
  const key = fields.key.trim();

  return (
    <section className="panel" aria-labelledby="wf-title">
      <h2 id="wf-title">Write or read a key</h2>
      <form className="write-form" data-testid="write-form" noValidate onSubmit={onSubmit}>
        <OperationFields fields={fields} errors={errors} nodes={cluster?.nodes ?? []} setOps={setOps} />
        {(['key', 'value', 'consistency', 'coordinator', 'form'] as const).map(
          (f) =>
            errors[f] && (
              <p key={f} id={`wf-${f}-error`} className="field-error" role="alert">
                {errors[f]}
              </p>
            ),
        )}
        <div className="form-actions">
          <button type="submit" name="op" value="write" className="btn btn-primary">
            Write
          </button>
          <button type="submit" name="op" value="read" className="btn">
            Read
          </button>
          {deletes && (
            <button type="submit" name="op" value="delete" className="btn" title="Write a tombstone for this key (no value): reads then return not found">
              Delete
            </button>
          )}
          <button
            type="button"
            className="btn btn-inspect"
            onClick={inspect}
            aria-label={key ? `Inspect key ${key}` : 'Inspect key'}
            title="Show this key's replicas, values and hints in the key inspector"
          >
            Inspect
          </button>
          <span className="form-status" role="status">
            {status}
          </span>
        </div>
      </form>
    </section>
  );
}
