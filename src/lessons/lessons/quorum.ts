// Lessons: sloppy and strict quorum: who may stand in for a replica that is down.
import type { Lesson } from '../types';
import { check, CHAT, kill, LEDGER, read, replica, replicas, restart, scenario, valueOn, via, wait, write } from '../dsl';

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
        check: check('The write was acknowledged and two stand-in copies exist.', (p) => (p.report.writes.acknowledged === 1 && p.report.hints.pending === 2 ? true : `acknowledged ${p.report.writes.acknowledged}, copies ${p.report.hints.pending}`)),
      },
      {
        title: 'The stand-in serves reads',
        text: 'Unlike a Cassandra hint, a stand-in copy is readable.',
        actions: [read(CHAT, 'QUORUM', via(CHAT)), wait(1)],
        check: check('The read succeeded and was not stale.', (p) => (p.report.reads.succeeded === 1 && p.report.reads.stale === 0 ? true : `succeeded ${p.report.reads.succeeded}, stale ${p.report.reads.stale}`)),
      },
      {
        title: 'Hand-off',
        text: 'When the owners return, the stand-ins hand their copies off and delete them once acked.',
        actions: [restart(replica(CHAT, 1)), restart(replica(CHAT, 2)), wait(40)],
        check: check('All copies handed off; every owner holds the cart.', (p) => {
          const missing = replicas(p, CHAT).filter((r) => !valueOn(p, CHAT, r).includes('cart: 1 book'));
          return p.report.hints.pending === 0 && missing.length === 0 ? true : `pending ${p.report.hints.pending}; missing on ${missing.join(', ') || 'none'}`;
        }),
      },
    ],
  },
  {
    id: 'strict-quorum',
    title: 'Strict quorum (Riak PW)',
    summary: 'Counting only the key’s own replicas makes the same write unavailable.',
    story: 'Some data (a ledger) should not be acknowledged by servers that do not own it.',
    scenario: scenario('Lesson: strict quorum', { preset: 'riak', strictQuorum: true }),
    steps: [
      {
        title: 'Two owners down at QUORUM',
        text: 'With strictQuorum (Riak’s PW), stand-ins do not count: one owner alive is fewer than QUORUM needs.',
        actions: [kill(replica(LEDGER, 1)), kill(replica(LEDGER, 2)), wait(30), write(LEDGER, 'deposit 5', 'QUORUM', via(LEDGER)), wait(1)],
        check: check('The write failed as unavailable.', (p) => (p.report.writes.failed === 1 && p.report.writes.acknowledged === 0 ? true : `failed ${p.report.writes.failed}`)),
      },
    ],
  },
];
