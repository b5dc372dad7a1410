// Lesson: last-write-wins shown losing a write — two acknowledged writes, one survives.
import type { Lesson, Probe } from '../types';
import { check, replicas, scenario, valueOn, wait, write } from '../dsl';

const CART = 'cart:7';
const pref = (p: Probe) => p.inspect(CART).preferenceList.map((x) => x.node);
/** Two clients' coordinators: two nodes that are not replicas of the cart. */
const alice = (p: Probe) => pref(p)[3]!;
const bob = (p: Probe) => pref(p)[4]!;
const versionsOn = (p: Probe) => replicas(p, CART).map((r) => valueOn(p, CART, r));
const everywhere = (p: Probe, value: string) => versionsOn(p).some((vs) => vs.includes(value)) || p.inspect(CART).hints.some((h) => h.value === value);

export const LWW: Lesson[] = [
  {
    id: 'lww-loses',
    title: 'Last write wins — and a write is lost',
    summary: 'Two acknowledged writes to one cart; with last-write-wins only one exists afterwards.',
    story: 'Alice adds a book to the shared cart from her phone while Bob adds a pen from his laptop. Both see “saved”.',
    scenario: scenario('Lesson: last write wins', { conflictResolution: 'lww' }),
    recap:
      'Cassandra and ScyllaDB resolve conflicting versions by write timestamp: the newest wins and the other is silently discarded, even though its client was told the write succeeded. Two clients that each read the cart and wrote it back lose one of the updates. Vector clocks (Dynamo, Riak) keep both as siblings for the application to merge; a CRDT merges them by construction. Hinted handoff does not help: it faithfully delivers both writes, and the timestamp still picks one.',
    steps: [
      {
        title: 'An empty cart',
        text: 'The cart is written once, at ALL: every replica holds "cart: (empty)".',
        actions: [write(CART, 'cart: (empty)', 'ALL', alice), wait(1)],
        check: check('Every replica holds exactly one version, "cart: (empty)".', (p) => {
          const vs = versionsOn(p);
          return vs.every((v) => v.length === 1 && v[0] === 'cart: (empty)') ? true : `replicas hold ${vs.map((v) => v.join(' + ') || 'nothing').join('; ')}`;
        }),
      },
      {
        title: 'Two clients, two writes, one millisecond apart',
        text: 'Alice writes "cart: book"; 1 ms later Bob, who also read the empty cart, writes "cart: pen" through another node. Neither saw the other’s write; both are acknowledged at QUORUM.',
        predict: {
          question: 'Both writes are acknowledged. With last-write-wins, what does the cart hold afterwards?',
          choices: ['Both items: book and pen.', 'Only the pen: the later timestamp wins, the book is discarded.', 'Only the book: the first write wins.'],
          correct: 1,
        },
        actions: [write(CART, 'cart: book', 'QUORUM', alice), wait(0.001), write(CART, 'cart: pen', 'QUORUM', bob), wait(1)],
        check: check('Both writes were acknowledged; every replica holds only "cart: pen"; "cart: book" is nowhere, not even in a hint.', (p) => {
          const vs = versionsOn(p);
          if (p.report.writes.acknowledged !== 3) return `acknowledged ${p.report.writes.acknowledged}`;
          if (everywhere(p, 'cart: book')) return `"cart: book" survives: replicas hold ${vs.map((v) => v.join(' + ')).join('; ')}`;
          return vs.every((v) => v.length === 1 && v[0] === 'cart: pen') ? true : `replicas hold ${vs.map((v) => v.join(' + ') || 'nothing').join('; ')}`;
        }),
      },
    ],
  },
];
