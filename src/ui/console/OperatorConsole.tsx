// The operator's console: pick a node, type or pick a nodetool verb (Tab completes; the verb's help
// shows), and read the output as nodetool prints it. State-changing verbs are ordinary logged
// commands (share links, session files, time travel and Compare replay them); the probes print
// from the latest frame and change nothing. A scenario's own probes (faults entries) print what the
// engine captured at their time, marked as the scenario's.
import { useEffect, useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { VERBS, VERB_NAMES, type OperatorView, type PeerBelief, type ProbeRecord, type Verb } from '../../protocol';
import { selectActions, selectCluster, selectFrame, selectSelected, useAppStore } from '../../store';
import { commonPrefix, complete, connectionRefused, operatorNotes, parseLine, probeOutput, probeRecordLines, usage, verbOfLine } from '../../view/console/nodetool';
import { formatDuration } from '../../view/format';
import { Options } from '../common/Options';
import './console.css';

/** One command and what it printed, as a terminal shows them. */
interface Entry { id: number; at: number; node: string; line: string; out: string[]; error: boolean; scenario?: boolean }

/** What a probe prints on a node: nodetool's lines, and for statushandoff what it does not say. */
function probeLines(verb: Verb, view: OperatorView, beliefs: readonly PeerBelief[]): string[] {
  return [...probeOutput(verb, view, beliefs), ...(verb === 'statushandoff' ? operatorNotes(view).map((n) => `# ${n}`) : [])];
}

/** The scenario's probes as the engine captured them, as console entries (negative ids: never a user's). */
function scenarioEntries(probes: readonly ProbeRecord[]): Entry[] {
  return probes.map((p, i) => ({
    id: -1 - i, at: p.at, node: p.node, line: p.verb, error: !p.up, scenario: true,
    out: p.up && p.view ? probeLines(p.verb as Verb, p.view, p.beliefs) : probeRecordLines(p),
  }));
}

/** Entries kept: a console is for the last few commands, not a log (the event log is). */
const KEEP = 40;
let nextId = 1;

function useConsole() {
  const actions = useAppStore(selectActions);
  const frame = useAppStore(selectFrame);
  const cluster = useAppStore(selectCluster);
  const selected = useAppStore(selectSelected);
  const nodes = cluster?.nodes ?? [];
  const [node, setNode] = useState<string>('');
  const [line, setLine] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  // The ring's selection picks the console's node too (the console's own pick stays otherwise).
  useEffect(() => { if (selected) setNode(selected); }, [selected]);
  const current = nodes.includes(node) ? node : (nodes[0] ?? '');
  const view: OperatorView | undefined = frame?.operator?.find((o) => o.node === current);
  const nodeView = frame?.nodes.find((n) => n.id === current);

  const push = (out: string[], isError: boolean) =>
    setEntries((es) => [...es, { id: nextId++, at: frame?.now ?? 0, node: current, line: line.trim(), out, error: isError }].slice(-KEEP));

  const run = () => {
    const parsed = parseLine(line, current, nodes);
    if (!parsed.ok) {
      setError({ field: parsed.field, message: `${parsed.field}: ${parsed.message}` });
      return;
    }
    setError(null);
    if (!nodeView?.up) push([connectionRefused(current)], true);
    else if (parsed.command) {
      actions.command(parsed.command);
      push([], false);
    } else push(view ? probeLines(parsed.verb, view, nodeView.beliefs) : [], false);
    setLine('');
  };
  const probes = frame?.probes;
  const shown = useMemo(() => (probes ? [...scenarioEntries(probes), ...entries].sort((a, b) => a.at - b.at).slice(-KEEP) : entries), [probes, entries]);
  return { nodes, current, setNode, line, setLine, entries: shown, error, run, view };
}

function Help({ line }: { line: string }) {
  const verb = verbOfLine(line);
  const options = verb ? [] : complete(line, []);
  if (!verb) {
    return <p className="console-help" data-testid="console-help">{options.length > 0 && line.trim() ? `${options.length} verb${options.length === 1 ? '' : 's'}: ${options.join(', ')}` : 'Type a verb (Tab completes) or pick one.'}</p>;
  }
  const spec = VERBS[verb];
  return (
    <p className="console-help" data-testid="console-help">
      <code>{usage(verb)}</code> — {spec.help}
      {spec.cassandraOnly && <span className="console-tag" title="ScyllaDB's nodetool has no such verb; the simulation runs it under every preset">Cassandra only</span>}
    </p>
  );
}

function Transcript({ entries }: { entries: readonly Entry[] }) {
  if (entries.length === 0) return <p className="empty-state">No command yet. Try statushandoff.</p>;
  return (
    <pre className="console-out" data-testid="console-output" aria-live="polite">
      {entries.map((e) => (
        <span key={e.id} className={e.error ? 'console-entry console-error' : 'console-entry'}>
          <span className="console-prompt">{`$ nodetool -h ${e.node} ${e.line}`}</span>
          <span className="console-at">{`  # at ${formatDuration(e.at)}${e.scenario ? ', from the scenario' : ''}`}</span>
          {'\n'}
          {e.out.map((l) => `${l}\n`).join('')}
        </span>
      ))}
    </pre>
  );
}

function StateLine({ view }: { view: OperatorView | undefined }) {
  if (!view) return null;
  const notes = operatorNotes(view);
  if (!view.handoffEnabled) notes.unshift('handoff disabled: new hints dropped');
  return notes.length === 0 ? null : (
    <ul className="console-state" data-testid="console-state">
      {notes.map((n) => <li key={n}>{n}</li>)}
    </ul>
  );
}

export function OperatorConsole() {
  const c = useConsole();
  const ids = { node: useId(), line: useId(), list: useId(), err: useId() };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Tab' || e.shiftKey) return;
    const options = complete(c.line, c.nodes);
    const fill = commonPrefix(options);
    if (options.length === 0 || fill.length <= c.line.length) return;
    e.preventDefault();
    c.setLine(options.length === 1 ? `${fill} ` : fill);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    c.run();
  };
  return (
    <section className="panel operator-console" data-testid="operator-console" aria-labelledby="oc-title">
      <h2 id="oc-title">Operator console <span className="console-sub">nodetool</span></h2>
      <form className="console-form" onSubmit={onSubmit} noValidate>
        <label className="field console-node" htmlFor={ids.node}>
          <span>Node</span>
          <select id={ids.node} name="node" value={c.current} onChange={(e) => c.setNode(e.target.value)} aria-invalid={c.error?.field === 'node'}>
            <Options values={c.nodes} />
          </select>
        </label>
        <label className="field console-line" htmlFor={ids.line}>
          <span>Verb</span>
          <input
            id={ids.line} name="verb" list={ids.list} value={c.line} autoComplete="off" spellCheck={false} placeholder="statushandoff"
            onChange={(e) => c.setLine(e.target.value)} onKeyDown={onKey}
            aria-invalid={c.error !== null && c.error.field !== 'node'} aria-describedby={c.error ? ids.err : undefined}
          />
          <datalist id={ids.list}>
            {VERB_NAMES.map((v) => <option key={v} value={v} />)}
          </datalist>
        </label>
        <button type="submit" className="btn btn-primary">Run</button>
      </form>
      {c.error && <p id={ids.err} className="field-error" role="alert">{c.error.message}</p>}
      <Help line={c.line} />
      <StateLine view={c.view} />
      <Transcript entries={c.entries} />
    </section>
  );
}
