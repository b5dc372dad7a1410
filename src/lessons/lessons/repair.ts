// Lessons: the other ways replicas converge: read repair and anti-entropy.
import type { Lesson } from '../types';
import { act, check, CHAT, kill, read, replica, replicas, restart, scenario, via, wait, write } from '../dsl';

export const REPAIR: Lesson[] = [
  {
    id: 'read-repair',
    title: 'Stale reads and read repair',
    summary: 'A read at ONE can return old data; a read that touches a stale replica repairs it.',
    story: 'Hinted handoff is off; a replica comes back without the latest message.',
    scenario: scenario('Lesson: read repair', { hintedHandoffEnabled: false }),
    steps: [
      {
        title: 'The replica misses a write',
        text: 'Hinted handoff is disabled here, so nothing will bring the write to the returning replica.',
        actions: [kill(replica(CHAT, 0)), wait(30), write(CHAT, 'new', 'QUORUM', via(CHAT)), restart(replica(CHAT, 0)), wait(30)],
        check: check('The key is under-replicated.', (p) => (p.report.replication.underReplicated === 1 ? true : `under-replicated ${p.report.replication.underReplicated}`)),
      },
      {
        title: 'A read at ONE from the stale replica',
        text: 'Coordinated by the stale replica itself, a read at ONE asks only itself — and returns nothing newer than before.',
        actions: [read(CHAT, 'ONE', replica(CHAT, 0)), wait(1)],
        check: check('The read was stale.', (p) => (p.report.reads.stale === 1 ? true : `stale reads ${p.report.reads.stale}`)),
      },
      {
        title: 'A read at ALL repairs it',
        text: 'At ALL the coordinator hears all three replicas, sees the stale one, and writes the newest value back before answering (BLOCKING read repair).',
        actions: [read(CHAT, 'ALL', via(CHAT)), wait(1)],
        check: check('One read-repair write; the key is fully replicated.', (p) => (p.report.reads.repaired >= 1 && p.report.replication.underReplicated === 0 ? true : `repaired ${p.report.reads.repaired}, under-replicated ${p.report.replication.underReplicated}`)),
      },
    ],
  },
  {
    id: 'anti-entropy',
    title: 'Anti-entropy with Merkle trees',
    summary: 'Replicas compare Merkle trees and stream only the keys of differing leaves.',
    story: 'Read repair fixes only what is read. What about the keys nobody reads?',
    scenario: scenario('Lesson: anti-entropy', { hintedHandoffEnabled: false }),
    steps: [
      {
        title: 'Ten writes missed',
        text: 'A replica is down while a workload writes; handoff is off.',
        actions: [
          kill(replica(CHAT, 0)), wait(30),
          act(() => ({ type: 'workload', rate: 20, keys: 200, writeRatio: 1, consistency: 'QUORUM' })), wait(20),
          act(() => ({ type: 'workloadStop' })), restart(replica(CHAT, 0)), wait(30),
        ],
        check: check('Some keys are under-replicated.', (p) => (p.report.replication.underReplicated > 0 ? true : 'no key is under-replicated')),
      },
      {
        title: 'Repair',
        text: 'The returned node builds a Merkle tree per token range, compares with each replica, descends only into differing subtrees, and streams those keys.',
        actions: [act((p) => ({ type: 'repair', node: replicas(p, CHAT)[0]! })), wait(5)],
        check: check('Nothing under-replicated; some leaves differed and keys were streamed.', (p) => {
          const r = p.report.repair;
          return p.report.replication.underReplicated === 0 && r.leavesDiffering > 0 && r.keysStreamed > 0 ? true : `under-replicated ${p.report.replication.underReplicated}, differing leaves ${r.leavesDiffering}`;
        }),
      },
    ],
  },
];
