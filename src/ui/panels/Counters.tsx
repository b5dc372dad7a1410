// The run's counters, grouped; each number carries a data-testid for tests. A number keeps to six
// characters (formatCounter) so it fits its cell at any value; the exact one is read out and in
// its tooltip. Every failure counter says why in its tooltip, and "Why?" lists the reasons with
// the engine's latest sentence for each. The footer names the seed and the trace hash.
import type { Counters as CountersData, Failures } from '../../protocol';
import type { AppState } from '../../store';
import { selectCluster, selectCounters, selectHintMode, useAppStore } from '../../store';
import { FAILURE_REASONS, reasonsOf, reasonsTitle, type FailureCounter } from '../../view/failures';
import { COUNTER_EXACT_MAX, formatCount, formatCounter } from '../../view/format';
import { hintWords, type HintWords } from '../../view/wording';
import { underByDc, underSplitText, type DcCount } from '../../view/dcReplication';
import { useRingDcs } from '../common/useRingDcs';
import './counters.css';

/** What a counter reads: the frame's counters, and the latest chart sample (acknowledged writes lost; deletes). */
interface Reading {
  c: CountersData;
  lost: number;
  deletes?: Deletes;
}

/** The latest sample's delete counts, present once the run deletes. */
interface Deletes {
  acknowledged: number;
  purged: number;
  resurrected: number;
}

interface Item {
  id: string;
  label: string;
  value: (r: Reading) => number;
  hint?: string;
  tone?: (r: Reading) => 'good' | 'warn' | 'bad' | undefined;
  /** The reasons behind it, in the tooltip and the "Why?" list. */
  why?: FailureCounter;
}

/** Shown only in a run that deletes: the zombie's counter beside the deletes and purges. */
const DELETES_GROUP = {
  title: 'Deletes',
  note: 'tombstones: written by deletes, purged by compaction',
  items: [
    { id: 'deletes-acked', label: 'acked', value: ({ deletes }: Reading) => deletes?.acknowledged ?? 0 },
    { id: 'tombstones-purged', label: 'purged', value: ({ deletes }: Reading) => deletes?.purged ?? 0, hint: 'tombstones removed by compaction (tombstone_gc)' },
    {
      id: 'resurrected', label: 'resurrected', value: ({ deletes }: Reading) => deletes?.resurrected ?? 0,
      tone: ({ deletes }: Reading) => ((deletes?.resurrected ?? 0) > 0 ? ('bad' as const) : undefined),
      hint: 'Keys deleted and acknowledged, yet a replica holds an older value and nothing left holds the tombstone: the value is back (a zombie)',
    },
  ] satisfies Item[],
};

const groups = (words: HintWords): { title: string; note?: string; items: Item[] }[] => [
  {
    title: 'Writes',
    items: [
      { id: 'writes-acked', label: 'acked', value: ({ c }) => c.writesAcknowledged, tone: () => 'good' },
      { id: 'writes-failed', label: 'failed', value: ({ c }) => c.writesFailed, tone: ({ c }) => (c.writesFailed > 0 ? 'bad' : undefined), why: 'writes-failed' },
      { id: 'writes-pending', label: 'in flight', value: ({ c }) => c.writesPending },
      {
        id: 'writes-lost', label: 'acked, lost', value: (r) => r.lost, tone: (r) => (r.lost > 0 ? 'bad' : undefined),
        hint: 'Acknowledged writes lost: the client was told the write succeeded, and no replica and no hint holds it any more',
      },
    ],
  },
  {
    title: 'Reads',
    items: [
      { id: 'reads', label: 'ok', value: ({ c }) => c.readsSucceeded },
      { id: 'reads-failed', label: 'failed', value: ({ c }) => c.readsFailed, tone: ({ c }) => (c.readsFailed > 0 ? 'bad' : undefined), why: 'reads-failed' },
      { id: 'reads-stale', label: 'stale', value: ({ c }) => c.readsStale, tone: ({ c }) => (c.readsStale > 0 ? 'warn' : undefined), hint: 'returned a value older than an acknowledged write' },
    ],
  },
  {
    title: words.counterTitle,
    note: words.counterNote,
    items: [
      { id: 'hints-created', label: 'created', value: ({ c }) => c.hintsCreated },
      { id: 'hints-pending', label: 'pending', value: ({ c }) => c.hintsPending, tone: ({ c }) => (c.hintsPending > 0 ? 'warn' : undefined) },
      { id: 'hints-delivered', label: words.delivered, value: ({ c }) => c.hintsDelivered, tone: ({ c }) => (c.hintsDelivered > 0 ? 'good' : undefined) },
      { id: 'hints-expired', label: 'expired', value: ({ c }) => c.hintsExpired, hint: 'outlived the hint TTL, never replayed', why: 'hints-expired' },
      { id: 'hints-dropped', label: 'dropped', value: ({ c }) => c.hintsDropped, hint: 'refused by the hint policy (window, cap, disabled)', why: 'hints-dropped' },
      { id: 'hints-lost', label: 'lost', value: ({ c }) => c.hintsLost, tone: ({ c }) => (c.hintsLost > 0 ? 'bad' : undefined), hint: 'destroyed with their holder (crash before flush, wiped disk)', why: 'hints-lost' },
    ],
  },
  {
    title: 'Repair',
    note: 'anti-entropy sessions (Merkle-tree repair)',
    items: [
      { id: 'repair-sessions', label: 'sessions', value: ({ c }) => c.repairSessions },
      { id: 'repair-failed', label: 'failed', value: ({ c }) => c.repairsFailed, tone: ({ c }) => (c.repairsFailed > 0 ? 'bad' : undefined), hint: 'a tree or stream was lost: the initiator gave up after its timeout; rerun the repair' },
    ],
  },
];

const selectFailures = (s: AppState) => s.view?.failures;
const selectTrace = (s: AppState) => s.view?.traceHash ?? null;
const selectLost = (s: AppState) => s.series[s.series.length - 1]?.lostAcknowledgedWrites ?? 0;
const selectResurrected = (s: AppState) => s.series[s.series.length - 1]?.resurrected;
const selectDeletesAcked = (s: AppState) => s.series[s.series.length - 1]?.deletesAcknowledged ?? 0;
const selectPurged = (s: AppState) => s.series[s.series.length - 1]?.tombstonesPurged ?? 0;

/** One number: compact on screen past 99,999, exact for screen readers and in the tooltip. */
function CounterValue({ id, value }: { id: string; value: number | null }) {
  if (value === null) return <dd data-testid={`counter-${id}`}>–</dd>;
  const exact = formatCount(value);
  if (Math.abs(value) <= COUNTER_EXACT_MAX) return <dd data-testid={`counter-${id}`}>{exact}</dd>;
  return (
    <dd data-testid={`counter-${id}`} data-exact={exact}>
      <span className="sr-only">{exact}</span>
      <span aria-hidden="true" title={exact}>
        {formatCounter(value)}
      </span>
    </dd>
  );
}

function CounterCell({ item, group, reading, failures }: { item: Item; group: string; reading: Reading | null; failures: Failures | undefined }) {
  const tone = reading ? item.tone?.(reading) : undefined;
  const why = item.why ? reasonsTitle(failures, item.why) : undefined;
  const title = [item.hint, why].filter(Boolean).join('\n') || undefined;
  return (
    <div className={`counter${tone ? ` tone-${tone}` : ''}`} title={title}>
      <dt>
        <span className="sr-only">{group} </span>
        {item.label}
      </dt>
      <CounterValue id={item.id} value={reading ? item.value(reading) : null} />
    </div>
  );
}

const selectLastSample = (s: AppState) => s.series[s.series.length - 1];

/** A DC's colour as the ring draws its band (ring.css .dc-band): the colour comes from there, once. */
function DcSwatch({ tone }: { tone: string }) {
  return (
    <svg className="dc-swatch" width="16" height="10" viewBox="0 0 16 10" aria-hidden="true">
      <line className={`dc-band ${tone}`} x1="4" y1="5" x2="12" y2="5" />
    </svg>
  );
}

/**
 * With datacenters: under-replicated keys, and per DC how many of them miss a replica there (the
 * report's replication.byDc). Each DC is named in words; its swatch only repeats the ring's colour.
 */
function DcUnderGroup({ total, split }: { total: number; split: readonly DcCount[] }) {
  const title = 'Acknowledged keys missing from some replica; per datacenter, missing from a replica there';
  return (
    <div className="counter-group dc-under" data-testid="counter-under-by-dc" aria-label={underSplitText(total, split)} role="group">
      <h3 title={title}>Under-replicated keys</h3>
      <dl>
        <div className={`counter${total > 0 ? ' tone-warn' : ''}`} title={title}>
          <dt>
            <span className="sr-only">under-replicated in </span>any DC
          </dt>
          <CounterValue id="under-replicated" value={total} />
        </div>
        {split.map((d) => (
          <div key={d.dc} className={`counter dc-counter${d.count > 0 ? ' tone-warn' : ''}`} title={`Under-replicated keys with a replica in ${d.dc} that lacks the newest acknowledged write`}>
            <dt>
              <DcSwatch tone={d.tone} />
              <span className="sr-only">under-replicated in </span>
              {d.dc}
            </dt>
            <CounterValue id={`under-dc-${d.dc}`} value={d.count} />
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Every reason that happened, under the counter that counts it, with the engine's latest sentence. */
function WhyList({ failures }: { failures: Failures | undefined }) {
  const sections = (Object.keys(FAILURE_REASONS) as FailureCounter[]).map((k) => ({ k, rows: reasonsOf(failures, k) })).filter((s) => s.rows.length > 0);
  if (sections.length === 0) return null;
  return (
    <details className="counter-why" data-testid="failure-reasons">
      <summary>Why did they fail?</summary>
      {sections.map(({ k, rows }) => (
        <div key={k} className="why-section">
          <h3>{FAILURE_REASONS[k].title}</h3>
          <ul>
            {rows.map((r) => (
              <li key={r.code} data-testid={`reason-${r.code}`}>
                <strong>{formatCount(r.count)}</strong> {r.label}
                {r.example && <q className="why-example">{r.example}</q>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}

/** The seed and trace hash: the two facts that make a run reproducible, in view. */
function RunId() {
  const cluster = useAppStore(selectCluster);
  const trace = useAppStore(selectTrace);
  if (!cluster) return null;
  return (
    <p className="run-id">
      <span>
        seed <code data-testid="run-seed">{cluster.seed}</code>
      </span>
      {trace && (
        <span title={`Trace hash ${trace}: the same seed, scenario and commands give the same hash`}>
          trace <code data-testid="run-trace">{trace.slice(0, 12)}</code>
        </span>
      )}
    </p>
  );
}

export function Counters() {
  const counters = useAppStore(selectCounters);
  const lost = useAppStore(selectLost);
  const failures = useAppStore(selectFailures);
  const words = hintWords(useAppStore(selectHintMode));
  const resurrected = useAppStore(selectResurrected);
  const acknowledged = useAppStore(selectDeletesAcked);
  const purged = useAppStore(selectPurged);
  const deletes = resurrected === undefined ? undefined : { acknowledged, purged, resurrected };
  const reading = counters ? { c: counters, lost, deletes } : null;
  const last = useAppStore(selectLastSample);
  const split = underByDc(last, useRingDcs());
  return (
    <section className="panel counters" aria-labelledby="counters-title">
      <h2 id="counters-title">Counters</h2>
      {[...groups(words), ...(deletes ? [DELETES_GROUP] : [])].map((g) => (
        <div className="counter-group" key={g.title}>
          <h3 title={g.note}>{g.title}</h3>
          <dl>
            {g.items.map((it) => (
              <CounterCell key={it.id} item={it} group={g.title} reading={reading} failures={failures} />
            ))}
          </dl>
        </div>
      ))}
      {split && <DcUnderGroup total={last?.underReplicated ?? 0} split={split} />}
      <div className="counters-foot">
        <WhyList failures={failures} />
        <RunId />
      </div>
    </section>
  );
}
