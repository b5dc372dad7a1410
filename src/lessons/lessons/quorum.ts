// Lessons: sloppy and strict quorum: who may stand in for a replica that is down.
import type { Lesson } from '../types';
import { check, CHAT, hintsOf, kill, lastAnswers, LEDGER, read, replica, replicas, restart, scenario, valueOn, via, wait, write } from '../dsl';

export const QUORUM_MODES: Lesson[] = [
  {
    id: 'sloppy-quorum',
    title: "Dynamo's sloppy quorum",
    summary: 'The next healthy node stands in, keeps a real copy tagged with its owner, and its ack counts.',
    story: 'A shopping cart must always accept writes (Dynamo §4.6).',
    scenario: scenario('Lesson: sloppy quorum', { preset: 'dynamo' }),
    steps: [
      {
        title: 'Two owners down, QUORUM still succeeds',
        text: 'The write goes to the first N healthy nodes of the preference list; stand-ins keep hinted replicas for the dead owners, and their acks count toward W.',
        actions: [kill(replica(CHAT, 1)), kill(replica(CHAT, 2)), wait(30), write(CHAT, 'cart: 1 book', 'QUORUM', via(CHAT)), wait(1)],
        check: check('The write was acknowledged and two stand-in copies exist, held by nodes that are not replicas, one for each dead owner.', (p) => {
          const [, b, c] = replicas(p, CHAT);
          const copies = hintsOf(p, CHAT);
          if (p.report.writes.acknowledged !== 1) return `acknowledged ${p.report.writes.acknowledged}`;
          const wrong = copies.filter((h) => replicas(p, CHAT).includes(h.holder));
          if (wrong.length > 0) return `${wrong.map((h) => h.holder).join(', ')} is a replica, not a stand-in`;
          const targets = copies.map((h) => h.target).sort().join(',');
          return targets === [b, c].sort().join(',') ? true : `stand-in copies for ${targets || 'nobody'}`;
        }),
      },
      {
        title: 'The stand-in serves reads',
        text: 'Unlike a Cassandra hint, a stand-in copy is readable: a QUORUM read asks the first N healthy nodes of the preference list, and a stand-in answers with the copy it keeps.',
        actions: [read(CHAT, 'QUORUM', via(CHAT)), wait(1)],
        check: check('The read succeeded, not stale, and a stand-in (not a replica) answered it with the cart.', (p) => {
          if (p.report.reads.succeeded !== 1 || p.report.reads.stale !== 0) return `succeeded ${p.report.reads.succeeded}, stale ${p.report.reads.stale}`;
          const answers = lastAnswers(p, CHAT);
          const standIn = answers.find((a) => !replicas(p, CHAT).includes(a.node) && a.values.includes('cart: 1 book'));
          return standIn ? true : `answered by ${answers.map((a) => `${a.node} (${a.values.join(', ') || 'nothing'})`).join(', ') || 'nobody'}`;
        }),
      },
      {
        title: 'Hand-off',
        text: 'When the owners return, the stand-ins hand their copies off and delete them once acked.',
        actions: [restart(replica(CHAT, 1)), restart(replica(CHAT, 2)), wait(40)],
        check: check('Both copies were handed off (delivered, then deleted); every owner holds the cart.', (p) => {
          const missing = replicas(p, CHAT).filter((r) => !valueOn(p, CHAT, r).includes('cart: 1 book'));
          if (p.report.hints.delivered !== 2) return `${p.report.hints.delivered} copies handed off`;
          return p.report.hints.pending === 0 && missing.length === 0 ? true : `pending ${p.report.hints.pending}; missing on ${missing.join(', ') || 'none'}`;
        }),
      },
    ],
  },
  {
    id: 'strict-quorum',
    title: 'Strict quorum (Riak PW)',
    summary: 'Counting only the key’s own replicas makes the same write unavailable.',
    story: 'Some data (a ledger) should not be acknowledged by servers that do not own it. Even counting only owners, hinted handoff and quorums give no transactions: a bank still needs its own guarantees on top.',
    scenario: scenario('Lesson: strict quorum', { preset: 'riak', strictQuorum: true }),
    steps: [
      {
        title: 'Two owners down at QUORUM',
        text: 'With strictQuorum (Riak’s PW), stand-ins do not count: one owner alive is fewer than QUORUM needs.',
        actions: [kill(replica(LEDGER, 1)), kill(replica(LEDGER, 2)), wait(30), write(LEDGER, 'deposit 5', 'QUORUM', via(LEDGER)), wait(1)],
        check: check('The write failed as unavailable, and no stand-in keeps a copy.', (p) => {
          if (p.report.writes.failed !== 1 || p.report.writes.acknowledged !== 0) return `failed ${p.report.writes.failed}, acknowledged ${p.report.writes.acknowledged}`;
          return hintsOf(p, LEDGER).length === 0 ? true : `${hintsOf(p, LEDGER).length} stand-in copies`;
        }),
      },
    ],
  },
];
