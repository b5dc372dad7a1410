// The latest events, newest first, coloured and labelled by kind; filtered by kind and node, and
// the automatic workload's operations shown or hidden (failures say why: the engine's sentence).
// Clicking an event selects its node (ring, "what X believes") and flashes its messages;
// clicking a key in an event inspects that key.
import { memo, useCallback, useState, type ReactNode, type UIEvent } from 'react';
import type { LogEvent, LogKind } from '../../protocol';
import { LOG_LIMIT, selectActions, selectCluster, selectLog, selectLogSkipped, useAppStore } from '../../store';
import { formatClock, formatCount } from '../../view/format';
import { keyInLogText } from '../../view/inspect';
import { LOG_KIND_LABEL } from '../../view/palette';
import './instrument.css';
import { Options } from '../common/Options';

const KINDS: readonly LogKind[] = ['fault', 'write', 'read', 'hint', 'gossip', 'repair'];

/** A failed request, or a hint that went: drawn as a failure (its text says why). */
const FAILED = /\b(failed|unavailable|timed out|drops hints|discards|lost \d)/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The event is about `node`: it names it as its node, or mentions it as a word. */
export function mentions(e: LogEvent, node: string): boolean {
  if (e.node === node) return true;
  return new RegExp(`(^|[^\\w:])${escapeRe(node)}($|\\W)`).test(e.text);
}

/** Events before the oldest one kept: skipped by the worker's frames or by this buffer. */
export function notShown(log: readonly LogEvent[], skipped: number): number {
  const newest = log[0]?.seq ?? 0;
  return Math.max(skipped, newest - log.length);
}

/**
 * Rows rendered while the list sits at its top, at most: those that fit in it and a few more.
 * The rest of the buffer is rendered once the list is scrolled. At high speed the whole buffer
 * turns over ten times a second, and 200 fresh rows each time would cost the frame rate for nothing.
 */
export const LOG_ROWS_AT_TOP = 40;
/** A row's height, about (one line of text). */
const ROW_PX = 19;

/** How many rows the list shows at its top: measured where the browser can, else LOG_ROWS_AT_TOP. */
function useRowsThatFit() {
  const [rows, setRows] = useState(LOG_ROWS_AT_TOP);
  // A callback ref: the list comes and goes with the events.
  const ref = useCallback((el: HTMLOListElement | null) => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      const next = Math.min(LOG_ROWS_AT_TOP, Math.ceil(el.clientHeight / ROW_PX) + 6);
      setRows((prev) => (prev === next ? prev : next));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, rows };
}

interface HeadProps {
  shown: number;
  total: number;
  filtered: boolean;
  node: string;
  setNode(node: string): void;
}

/** The title with the count shown, and the node filter. */
function LogHead({ shown, total, filtered, node, setNode }: HeadProps) {
  const cluster = useAppStore(selectCluster);
  return (
    <div className="log-head">
      <h2 id="log-title">
        Events
        {filtered && total > 0 && (
          <span className="log-count" data-testid="log-count">
            {' '}
            · {shown} of {total} shown
          </span>
        )}
      </h2>
      <label className="log-node-filter">
        <span>Node</span>
        <select value={node} onChange={(e) => setNode(e.target.value)} data-testid="log-filter-node">
          <option value="">all</option>
          <Options values={(cluster?.nodes ?? [])} />
        </select>
      </label>
    </div>
  );
}

function KindChips({ hidden, toggle, workload, toggleWorkload }: { hidden: readonly LogKind[]; toggle(k: LogKind): void; workload: boolean; toggleWorkload(): void }) {
  return (
    <div className="log-chips" role="group" aria-label="Kinds of event shown">
      <button
        type="button"
        className="log-chip log-workload"
        aria-pressed={workload}
        data-testid="log-filter-workload"
        title="Operations of the automatic workload (each write and read, with why it failed)"
        onClick={toggleWorkload}
      >
        Workload
      </button>
      {KINDS.map((k) => (
        <button
          key={k}
          type="button"
          className={`log-chip log-${k}`}
          aria-pressed={!hidden.includes(k)}
          data-testid={`log-filter-${k}`}
          onClick={() => toggle(k)}
        >
          {LOG_KIND_LABEL[k]}
        </button>
      ))}
    </div>
  );
}

export function EventLog() {
  const log = useAppStore(selectLog);
  const skipped = useAppStore(selectLogSkipped);
  const actions = useAppStore(selectActions);
  const [hidden, setHidden] = useState<readonly LogKind[]>([]);
  const [node, setNode] = useState('');
  const [workload, setWorkload] = useState(true);
  const [scrolled, setScrolled] = useState(false);
  const fit = useRowsThatFit();

  const toggle = (k: LogKind) => setHidden((h) => (h.includes(k) ? h.filter((x) => x !== k) : [...h, k]));
  const shown = log.filter((e) => !hidden.includes(e.kind) && (workload || !e.workload) && (node === '' || mentions(e, node)));
  const earlier = notShown(log, skipped);
  const pickNode = useCallback(
    (id: string) => {
      actions.select(id);
      actions.flashNode(id);
    },
    [actions],
  );
  const onScroll = (e: UIEvent<HTMLOListElement>) => setScrolled(e.currentTarget.scrollTop > 0);
  const rows = scrolled || shown.length <= fit.rows ? shown : shown.slice(0, fit.rows);

  return (
    <section className="panel event-log" aria-labelledby="log-title">
      <LogHead shown={shown.length} total={log.length} filtered={hidden.length > 0 || node !== '' || !workload} node={node} setNode={setNode} />
      <KindChips hidden={hidden} toggle={toggle} workload={workload} toggleWorkload={() => setWorkload((v) => !v)} />
      {log.length === 0 ? (
        <p className="empty-state">Nothing yet. Kill a node or send a write.</p>
      ) : shown.length === 0 ? (
        <p className="empty-state">No {hidden.length > 0 ? 'such ' : ''}events{node ? ` about ${node}` : ''} among the latest {log.length}.</p>
      ) : (
        <ol className="log-list" data-testid="event-log" onScroll={onScroll} ref={fit.ref}>
          {rows.map((e) => (
            <LogRow key={e.seq} event={e} onNode={pickNode} onKey={actions.inspect} />
          ))}
          {rows.length < shown.length && <li className="log-more" aria-hidden="true" style={{ height: (shown.length - rows.length) * ROW_PX }} />}
        </ol>
      )}
      {earlier > 0 && (
        <p className="log-skipped" data-testid="log-skipped">
          {formatCount(earlier)} earlier event{earlier === 1 ? '' : 's'} not shown (the log keeps the latest {LOG_LIMIT}).
        </p>
      )}
    </section>
  );
}

/** One event; events never change, so a row renders once however often the list does. */
const LogRow = memo(function LogRow({ event: e, onNode, onKey }: { event: LogEvent; onNode(id: string): void; onKey(key: string): void }) {
  return (
    <li
      className={`log-${e.kind}${e.node ? ' log-clickable' : ''}${e.workload ? ' log-auto' : ''}${FAILED.test(e.text) ? ' log-failed' : ''}`}
      data-workload={e.workload ? '' : undefined}
      onClick={e.node ? () => onNode(e.node!) : undefined}
      title={e.node ? `Select ${e.node} and show its messages` : undefined}
    >
      <span className="log-time">{formatClock(e.at)}</span>
      <span className="log-kind">{LOG_KIND_LABEL[e.kind]}</span>
      <span className="log-text">
        <LogText node={e.node} text={e.text} onNode={onNode} onKey={onKey} />
      </span>
    </li>
  );
});

function NodeButton({ node, label, onNode }: { node: string; label: string; onNode(id: string): void }) {
  return (
    <button
      type="button"
      className="log-node"
      aria-label={`Select node ${node}`}
      onClick={(ev) => {
        ev.stopPropagation();
        onNode(node);
      }}
    >
      {label}
    </button>
  );
}

function WithKey({ text, onKey }: { text: string; onKey(key: string): void }) {
  const k = keyInLogText(text);
  if (!k) return <>{text}</>;
  return (
    <>
      {k.before}
      <button
        type="button"
        className="log-key"
        aria-label={`Inspect key ${k.key}`}
        title={`Inspect ${k.key}: its replicas, values and hints`}
        onClick={(ev) => {
          ev.stopPropagation();
          onKey(k.key);
        }}
      >
        {k.key}
      </button>
      {k.after}
    </>
  );
}

/** The node the event is about as a button (engine texts usually start with it), and any key. */
function LogText({ node, text, onNode, onKey }: { node?: string; text: string; onNode(id: string): void; onKey(key: string): void }) {
  let lead: ReactNode = null;
  let rest = text;
  if (node) {
    const prefix = text.startsWith(`${node}:`) ? `${node}:` : text.startsWith(`${node} `) ? node : null;
    if (prefix === null) {
      lead = (
        <>
          <NodeButton node={node} label={node} onNode={onNode} />{' '}
        </>
      );
    } else {
      lead = <NodeButton node={node} label={prefix} onNode={onNode} />;
      rest = text.slice(prefix.length);
    }
  }
  return (
    <>
      {lead}
      <WithKey text={rest} onKey={onKey} />
    </>
  );
}
