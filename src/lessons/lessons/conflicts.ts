// Lessons: partitions, and how the presets differ on timeouts.
import type { Lesson } from '../types';
import { act, check, CHAT, node, replicas, scenario, via, wait, write } from '../dsl';

export const CONFLICTS: Lesson[] = [
  {
    id: 'partition',
    title: 'Partitions',
    summary: 'Each side convicts the other; both keep accepting writes and hint for the far side.',
    story: 'A switch fails between two racks.',
    scenario: scenario('Lesson: partitions'),
    steps: [
      {
        title: 'Cut the network in halves',
        text: 'Nobody crashed — but each side stops hearing the other and, after about 20 s, believes it down.',
        actions: [act(() => ({ type: 'partition', groups: [['A', 'B', 'C'], ['D', 'E', 'F']] })), wait(40)],
        check: check('A believes D, E and F down; D believes A, B and C down; every node is up.', (p) => {
          const a = node(p, 'A').believesDown.sort().join(',');
          const d = node(p, 'D').believesDown.sort().join(',');
          return a === 'D,E,F' && d === 'A,B,C' && p.snapshot.nodes.every((n) => n.up) ? true : `A believes down: ${a || 'nobody'}; D: ${d || 'nobody'}`;
        }),
      },
      {
        title: 'Heal',
        text: 'When the link returns, gossip resumes and each side sees the other up again.',
        actions: [act(() => ({ type: 'heal' })), wait(10)],
        check: check('Nobody believes anybody down.', (p) => (p.snapshot.nodes.every((n) => n.believesDown.length === 0) ? true : 'some beliefs are still stale')),
      },
    ],
  },
  {
    id: 'scylla-vs-cassandra',
    title: 'ScyllaDB and Cassandra differ on timeouts',
    summary: 'Cassandra hints every replica that timed out; Scylla only when the write met its level.',
    story: 'Two replicas are slow, not dead: they answer after the 2 s write timeout.',
    scenario: scenario('Lesson: Scylla hint on timeout', { preset: 'scylla' }),
    steps: [
      {
        title: 'A write that misses its level',
        text: 'Two replicas answer in 3 s; QUORUM times out at 2 s and fails. Scylla (hintOnTimeout: if-level-met) stores no hints; Cassandra would store two.',
        actions: [
          act((p) => ({ type: 'slow', node: replicas(p, CHAT)[1]!, extraLatencyMs: 3000 })),
          act((p) => ({ type: 'slow', node: replicas(p, CHAT)[2]!, extraLatencyMs: 3000 })),
          write(CHAT, 'late', 'QUORUM', via(CHAT)), wait(3),
        ],
        check: check('The write failed and no hint was stored.', (p) => (p.report.writes.failed === 1 && p.report.hints.created === 0 ? true : `failed ${p.report.writes.failed}, hints ${p.report.hints.created}`)),
      },
      {
        title: 'A write that meets its level',
        text: 'At ONE the fast replica suffices; the two slow ones time out and, the level being met, are hinted.',
        actions: [write(CHAT, 'on time', 'ONE', via(CHAT)), wait(3)],
        check: check('The write was acknowledged and two hints were stored.', (p) => (p.report.writes.acknowledged === 1 && p.report.hints.created === 2 ? true : `acknowledged ${p.report.writes.acknowledged}, hints ${p.report.hints.created}`)),
      },
    ],
  },
];
