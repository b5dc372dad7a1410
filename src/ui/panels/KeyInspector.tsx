// The key inspector: type a key (or click one in the event log or the write form) and see where
// it lives — its token, its preference list, what each replica holds, the hints that carry it.
import { useState, type FormEvent } from 'react';
import type { KeyInspection, VersionView } from '../../protocol';
import {
  selectActions,
  selectCluster,
  selectHintMode,
  selectInspecting,
  selectInspection,
  selectNow,
  useAppStore,
} from '../../store';
import { formatClock, formatDuration } from '../../view/format';
import {
  formatClockVector,
  formatToken,
  replicaStatus,
  shortClock,
  STATUS_TEXT,
  summarise,
  writetimeMs,
  type ReplicaStatus,
} from '../../view/inspect';
import { hintWords } from '../../view/wording';
import './instrument.css';
import { INSPECT_HINT, wordsFor } from '../../view/inputWords';
import { useCoarsePointer } from '../common/hooks';

const MAX_KEY = 256;

export function KeyInspector() {
  const inspecting = useAppStore(selectInspecting);
  const inspection = useAppStore(selectInspection);
  const actions = useAppStore(selectActions);
  const [draft, setDraft] = useState(inspecting ?? '');
  const [error, setError] = useState<string | null>(null);
  const touch = useCoarsePointer();
  // A key picked elsewhere (the log, the write form) shows up in the field.
  const [shown, setShown] = useState(inspecting);
  if (shown !== inspecting) {
    setShown(inspecting);
    if (inspecting !== null) setDraft(inspecting);
  }

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const key = draft.trim();
    if (key.length === 0) return setError('key: type a key to inspect, e.g. user:42');
    if (key.length > MAX_KEY) return setError(`key: at most ${MAX_KEY} characters`);
    setError(null);
    actions.inspect(key);
  };
  const close = () => {
    setError(null);
    actions.inspect(null);
  };
  const current = inspection && inspecting !== null && inspection.key === inspecting ? inspection : null;

  return (
    <section className="panel key-inspector" data-testid="inspector" aria-labelledby="ki-title">
      <h2 id="ki-title">Key inspector</h2>
      <form className="ki-form" role="search" aria-label="Inspect a key" onSubmit={onSubmit} noValidate>
        <label className="ki-field">
          <span>Inspect key</span>
          <input
            name="inspect-key"
            data-testid="inspect-key"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="user:42"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={!!error}
            aria-describedby={error ? 'ki-error' : undefined}
          />
        </label>
        <button type="submit" className="btn btn-small">
          Inspect
        </button>
        {inspecting !== null && (
          <button type="button" className="btn btn-small" onClick={close} aria-label={`Close the inspection of ${inspecting}`}>
            Close
          </button>
        )}
      </form>
      {error && (
        <p id="ki-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      {inspecting === null ? (
        <p className="ki-empty">{wordsFor(INSPECT_HINT, touch)}</p>
      ) : current ? (
        <InspectionView inspection={current} />
      ) : (
        <p className="ki-empty" role="status">
          Looking up <code>{inspecting}</code>…
        </p>
      )}
    </section>
  );
}

function Versions({ versions }: { versions: readonly VersionView[] }) {
  if (versions.length === 0) return <span className="ki-none">—</span>;
  return (
    <ul className={versions.length > 1 ? 'ki-versions ki-siblings' : 'ki-versions'}>
      {versions.map((v, i) => (
        <li key={`${v.writetime}:${v.value}:${i}`} className={v.tombstone ? 'ki-tombstone' : undefined}>
          {v.tombstone ? (
            <span className="ki-value ki-tomb" title="A tombstone: this key was deleted at this writetime; compaction purges it once tombstone_gc allows">
              ✝ tombstone
            </span>
          ) : (
            <span className="ki-value">{v.value === '' ? '(empty)' : v.value}</span>
          )}{' '}
          <span className="ki-wt" title={`writetime ${v.writetime} µs`}>
            @{shortClock(writetimeMs(v))}
          </span>
          {v.clock && <code className="ki-clock">{formatClockVector(v.clock)}</code>}
          {v.set && (
            <code className="ki-clock" title="OR-set: adds seen (each with its own tag) and add tags removed">
              {v.set.addTags.length} add{v.set.addTags.length === 1 ? '' : 's'} · {v.set.removedTags.length} removed
            </code>
          )}
        </li>
      ))}
    </ul>
  );
}

const STATUS_MARK: Record<ReplicaStatus, string> = { current: '✓', stale: '⚠', missing: '✗', unknown: '·' };
const STATUS_WORD: Record<ReplicaStatus, string> = { current: 'current', stale: 'stale', missing: 'missing', unknown: '' };

function Verdict({ inspection }: { inspection: KeyInspection }) {
  const s = summarise(inspection);
  if (inspection.acknowledged.length === 0) {
    return <p className="ki-verdict">No write to this key has been acknowledged yet.</p>;
  }
  const all = s.current === s.rf;
  return (
    <p className={all ? 'ki-verdict ki-ok' : 'ki-verdict ki-bad'} data-testid="inspector-verdict">
      <span aria-hidden="true">{all ? '✓ ' : '⚠ '}</span>
      {all
        ? `All ${s.rf} replicas have the acknowledged write.`
        : `${s.current} of ${s.rf} replicas have the acknowledged write; behind: ${s.behind.join(', ')}.`}
    </p>
  );
}

function KeyFacts({ inspection }: { inspection: KeyInspection }) {
  const ack = inspection.acknowledged;
  return (
    <dl className="ki-facts">
      <div>
        <dt title="Cassandra's Murmur3Partitioner token of the key">Murmur3 token</dt>
        <dd className="ki-token" data-testid="inspector-token">
          {formatToken(inspection.token)}
        </dd>
      </div>
      <div>
        <dt>position</dt>
        <dd>{(inspection.position * 100).toFixed(1)}% of a turn</dd>
      </div>
      <div>
        <dt>acknowledged</dt>
        <dd data-testid="inspector-acked">{ack.length === 0 ? 'nothing yet' : <Versions versions={ack} />}</dd>
      </div>
    </dl>
  );
}

/** The preference list in order: the replicas with their status, then the nodes beyond them. */
function PreferenceTable({ inspection, sloppy }: { inspection: KeyInspection; sloppy: boolean }) {
  const replicas = inspection.preferenceList.filter((e) => e.replica);
  const extended = inspection.preferenceList.filter((e) => !e.replica);
  const rf = replicas.length;
  return (
    <table className="ki-table">
      <colgroup>
        <col className="ki-c-rank" />
        <col className="ki-c-node" />
        <col />
        <col className="ki-c-status" />
      </colgroup>
      <caption className="sr-only">Preference list of {inspection.key}, in order</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">node</th>
          <th scope="col">value @ writetime</th>
          <th scope="col">
            <span className="sr-only">status</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {replicas.map((e, i) => (
          <PrefRow key={e.node} rank={i + 1} entry={e} status={replicaStatus(e.versions, inspection.acknowledged)} />
        ))}
        {extended.length > 0 && (
          <tr className="ki-divider">
            <td colSpan={4}>
              {sloppy ? 'beyond the replicas: the next healthy ones stand in' : 'beyond the replicas (not used for this key’s data)'}
            </td>
          </tr>
        )}
        {extended.map((e, i) => (
          <PrefRow key={e.node} rank={rf + i + 1} entry={e} status={null} />
        ))}
      </tbody>
    </table>
  );
}

/** The hints that carry the key: holder → target, value, age, and whether it survives a crash. */
function KeyHints({ hints }: { hints: KeyInspection['hints'] }) {
  const now = useAppStore(selectNow);
  if (hints.length === 0) return <p className="ki-empty">None.</p>;
  return (
    <ul className="ki-hints">
      {hints.map((h, i) => (
        <li key={`${h.holder}>${h.target}:${h.createdAt}:${i}`} data-testid={`inspector-hint-${h.holder}-${h.target}`}>
          <span className="ki-pair">
            {h.holder} → {h.target}
          </span>
          <span className={h.tombstone ? 'ki-value ki-tomb' : 'ki-value'}>{h.tombstone ? '✝ tombstone' : h.value}</span>
          <span className="ki-age" title={`created at ${formatClock(h.createdAt)}`}>
            {formatDuration(Math.max(0, now - h.createdAt))} old
          </span>
          <span className={h.flushed ? 'ki-flushed' : 'ki-buffered'} title={h.flushed ? 'flushed to the hint files' : `in ${h.holder}’s memory buffer: lost if it crashes`}>
            {h.flushed ? 'flushed' : 'buffered'}
          </span>
        </li>
      ))}
    </ul>
  );
}

function InspectionView({ inspection }: { inspection: KeyInspection }) {
  const cluster = useAppStore(selectCluster);
  const words = hintWords(useAppStore(selectHintMode));
  const sloppy = cluster?.hintMode === 'sloppy-quorum';
  return (
    <div className="ki-body">
      <KeyFacts inspection={inspection} />
      <Verdict inspection={inspection} />
      <PreferenceTable inspection={inspection} sloppy={sloppy} />
      <h3 className="ki-sub">
        {sloppy ? words.many.replace(/^./, (c) => c.toUpperCase()) : 'Hints'} carrying <code>{inspection.key}</code>
        <span className="ki-count"> ({inspection.hints.length})</span>
      </h3>
      <KeyHints hints={inspection.hints} />
    </div>
  );
}

function PrefRow({
  rank,
  entry,
  status,
}: {
  rank: number;
  entry: KeyInspection['preferenceList'][number];
  status: ReplicaStatus | null;
}) {
  const flagged = status === 'stale' || status === 'missing';
  return (
    <tr
      className={`ki-row${entry.replica ? ' ki-replica' : ' ki-extended'}${flagged ? ' ki-flagged' : ''}`}
      data-testid={`inspector-row-${entry.node}`}
      data-rank={rank}
      data-status={status ?? 'extended'}
    >
      <td className="ki-rank">
        <span className="ki-rank-pill">{rank}</span>
      </td>
      <th scope="row" className="ki-node">
        {entry.node}
        {!entry.up && <span className="ki-down"> down</span>}
      </th>
      <td>
        <Versions versions={entry.versions} />
      </td>
      <td className={`ki-status ki-${status ?? 'extended'}`} title={status ? STATUS_TEXT[status] : 'not a replica of this key'}>
        {status && status !== 'unknown' && (
          <>
            <span aria-hidden="true">{STATUS_MARK[status]} </span>
            {STATUS_WORD[status]}
          </>
        )}
        {!status && <span className="sr-only">not a replica</span>}
      </td>
    </tr>
  );
}
