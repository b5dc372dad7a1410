// The run's counters, grouped; each number carries a data-testid for tests.
import type { Counters as CountersData } from '../../protocol';
import { selectCounters, selectHintMode, useAppStore } from '../../store';
import { formatCount } from '../../view/format';
import { hintWords, type HintWords } from '../../view/wording';

interface Item {
  id: string;
  label: string;
  value: (c: CountersData) => number;
  hint?: string;
  tone?: (c: CountersData) => 'good' | 'warn' | 'bad' | undefined;
}

const groups = (words: HintWords): { title: string; note?: string; items: Item[] }[] => [
  {
    title: 'Writes',
    items: [
      { id: 'writes-acked', label: 'acked', value: (c) => c.writesAcknowledged, tone: () => 'good' },
      { id: 'writes-failed', label: 'failed', value: (c) => c.writesFailed, tone: (c) => (c.writesFailed > 0 ? 'bad' : undefined) },
      { id: 'writes-pending', label: 'in flight', value: (c) => c.writesPending },
    ],
  },
  {
    title: 'Reads',
    items: [
      { id: 'reads', label: 'ok', value: (c) => c.readsSucceeded },
      { id: 'reads-failed', label: 'failed', value: (c) => c.readsFailed, tone: (c) => (c.readsFailed > 0 ? 'bad' : undefined) },
      { id: 'reads-stale', label: 'stale', value: (c) => c.readsStale, tone: (c) => (c.readsStale > 0 ? 'warn' : undefined), hint: 'returned a value older than an acknowledged write' },
    ],
  },
  {
    title: words.counterTitle,
    note: words.counterNote,
    items: [
      { id: 'hints-created', label: 'created', value: (c) => c.hintsCreated },
      { id: 'hints-pending', label: 'pending', value: (c) => c.hintsPending, tone: (c) => (c.hintsPending > 0 ? 'warn' : undefined) },
      { id: 'hints-delivered', label: words.delivered, value: (c) => c.hintsDelivered, tone: (c) => (c.hintsDelivered > 0 ? 'good' : undefined) },
      { id: 'hints-expired', label: 'expired', value: (c) => c.hintsExpired, hint: 'outlived the hint TTL, never replayed' },
      { id: 'hints-dropped', label: 'dropped', value: (c) => c.hintsDropped, hint: 'refused by the hint policy (window, cap, disabled)' },
      { id: 'hints-lost', label: 'lost', value: (c) => c.hintsLost, tone: (c) => (c.hintsLost > 0 ? 'bad' : undefined), hint: 'destroyed with their holder (crash before flush, wiped disk)' },
    ],
  },
  {
    title: 'Repair',
    note: 'anti-entropy sessions (Merkle-tree repair)',
    items: [
      { id: 'repair-sessions', label: 'sessions', value: (c) => c.repairSessions },
      { id: 'repair-failed', label: 'failed', value: (c) => c.repairsFailed, tone: (c) => (c.repairsFailed > 0 ? 'bad' : undefined), hint: 'a tree or stream was lost: the initiator gave up after its timeout; rerun the repair' },
    ],
  },
];

export function Counters() {
  const counters = useAppStore(selectCounters);
  const words = hintWords(useAppStore(selectHintMode));
  return (
    <section className="panel counters" aria-labelledby="counters-title">
      <h2 id="counters-title">Counters</h2>
      {groups(words).map((g) => (
        <div className="counter-group" key={g.title}>
          <h3 title={g.note}>{g.title}</h3>
          <dl>
            {g.items.map((it) => {
              const tone = counters ? it.tone?.(counters) : undefined;
              return (
                <div className={`counter${tone ? ` tone-${tone}` : ''}`} key={it.id} title={it.hint}>
                  <dt>
                    <span className="sr-only">{g.title} </span>
                    {it.label}
                  </dt>
                  <dd data-testid={`counter-${it.id}`}>
                    {counters ? formatCount(it.value(counters)) : '–'}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
    </section>
  );
}
