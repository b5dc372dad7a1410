// Lessons: partitions, and how the presets differ on timeouts.
import type { Lesson } from '../types';
import type { Probe } from '../types';
import { act, check, CHAT, hintsOf, node, pendingOn, replicas, scenario, valueOn, via, wait, write } from '../dsl';

const WEST = ['A', 'B', 'C'];
const EAST = ['D', 'E', 'F'];
/** chat:42's replicas on each side of the cut (the lesson's key has replicas on both). */
const sides = (p: Probe) => ({ west: replicas(p, CHAT).filter((r) => WEST.includes(r)), east: replicas(p, CHAT).filter((r) => EAST.includes(r)) });

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
        title: 'Both sides accept writes',
        text: 'chat:42 has replicas on both sides. A writes it at ONE on its side and D, a moment later, on the other: each side has a replica to ack, so both writes succeed — and each coordinator hints the replicas it believes down, on the far side.',
        actions: [
          act(() => ({ type: 'write', key: CHAT, value: 'west', consistency: 'ONE', coordinator: 'A' })), wait(1),
          act(() => ({ type: 'write', key: CHAT, value: 'east', consistency: 'ONE', coordinator: 'D' })), wait(1),
        ],
        check: check('Both writes were acknowledged; A holds a hint for each east replica of the key, D one for each west replica, and each side holds only its own write.', (p) => {
          const { west, east } = sides(p);
          if (west.length === 0 || east.length === 0) return `the key's replicas are all on one side (${replicas(p, CHAT).join(', ')})`;
          if (p.report.writes.acknowledged !== 2) return `acknowledged ${p.report.writes.acknowledged}`;
          const missingHints = [...east.filter((r) => pendingOn(p, 'A', r) !== 1).map((r) => `A→${r}`), ...west.filter((r) => pendingOn(p, 'D', r) !== 1).map((r) => `D→${r}`)];
          if (missingHints.length > 0) return `no hint ${missingHints.join(', ')}`;
          const crossed = [...west.filter((r) => valueOn(p, CHAT, r).includes('east')), ...east.filter((r) => valueOn(p, CHAT, r).includes('west'))];
          return crossed.length === 0 ? true : `${crossed.join(', ')} already hold the far side's write`;
        }),
      },
      {
        title: 'Heal',
        text: 'When the link returns, gossip resumes and each side sees the other up again; the hints replay across, and last-write-wins keeps D’s later write everywhere.',
        actions: [act(() => ({ type: 'heal' })), wait(30)],
        check: check('Nobody believes anybody down; every hint was delivered and every replica holds the later write, "east".', (p) => {
          if (!p.snapshot.nodes.every((n) => n.believesDown.length === 0)) return 'some beliefs are still stale';
          const h = p.report.hints;
          if (h.created === 0 || h.pending !== 0 || h.delivered !== h.created) return `delivered ${h.delivered} of ${h.created}, pending ${h.pending}`;
          const behind = replicas(p, CHAT).filter((r) => valueOn(p, CHAT, r).join() !== 'east');
          return behind.length === 0 ? true : `${behind.map((r) => `${r} holds ${valueOn(p, CHAT, r).join(', ') || 'nothing'}`).join('; ')}`;
        }),
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
        text: 'Two replicas are slowed by 3 s on every message, so the mutation reaches them after 3 s and their ack takes 3 s more: they answer in about 6 s. QUORUM times out at 2 s and fails. Scylla (hintOnTimeout: if-level-met) stores no hints; Cassandra would store two.',
        actions: [
          act((p) => ({ type: 'slow', node: replicas(p, CHAT)[1]!, extraLatencyMs: 3000 })),
          act((p) => ({ type: 'slow', node: replicas(p, CHAT)[2]!, extraLatencyMs: 3000 })),
          write(CHAT, 'late', 'QUORUM', via(CHAT)), wait(3),
        ],
        check: check('The two replicas are slow, the write failed, and no hint was stored.', (p) => {
          const slow = replicas(p, CHAT).slice(1).filter((r) => node(p, r).slowMs !== 3000);
          if (slow.length > 0) return `${slow.join(', ')} not slowed`;
          return p.report.writes.failed === 1 && p.report.hints.created === 0 ? true : `failed ${p.report.writes.failed}, hints ${p.report.hints.created}`;
        }),
      },
      {
        title: 'A write that meets its level',
        text: 'At ONE the fast replica suffices; the two slow ones time out and, the level being met, are hinted. On Cassandra the failed write of the step before would have left two hints as well.',
        actions: [write(CHAT, 'on time', 'ONE', via(CHAT)), wait(3)],
        check: check('The write was acknowledged; exactly two hints exist, both for this write ("on time"), one for each slow replica — none for the failed write.', (p) => {
          const h = hintsOf(p, CHAT);
          if (p.report.writes.acknowledged !== 1) return `acknowledged ${p.report.writes.acknowledged}`;
          const seen = h.map((x) => `${x.target}: ${x.value}`).sort();
          const want = replicas(p, CHAT).slice(1).map((r) => `${r}: on time`).sort();
          return seen.join('; ') === want.join('; ') ? true : `hints ${seen.join('; ') || 'none'}`;
        }),
      },
    ],
  },
];
