// Lessons: the other ways replicas converge: read repair and anti-entropy.
import type { Lesson } from '../types';
import type { Probe } from '../types';
import { act, check, CHAT, keysOn, kill, lastAnswers, read, replica, replicas, restart, scenario, valueOn, via, wait, write } from '../dsl';

/** The anti-entropy lesson's ten missed writes: the first ten workload keys the dead replica keeps. */
const MISSED = 10;
const missedKeys = (p: Probe) => keysOn(p, replicas(p, CHAT)[0]!, 200).slice(0, MISSED);
const missedWrite = (i: number) => act((p) => ({ type: 'write', key: missedKeys(p)[i]!, value: `missed ${i + 1}`, consistency: 'QUORUM', coordinator: replicas(p, CHAT)[1]! }));

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
        check: check('The write was acknowledged without a hint, and the returned replica lacks it: the key is under-replicated.', (p) => {
          const r = replicas(p, CHAT)[0]!;
          if (p.report.writes.acknowledged !== 1 || p.report.hints.created !== 0) return `acknowledged ${p.report.writes.acknowledged}, hints ${p.report.hints.created}`;
          if (valueOn(p, CHAT, r).includes('new')) return `${r} holds the write`;
          return p.report.replication.underReplicated === 1 ? true : `under-replicated ${p.report.replication.underReplicated}`;
        }),
      },
      {
        title: 'A read at ONE from the stale replica',
        text: 'Coordinated by the stale replica itself, a read at ONE asks only itself — and returns nothing newer than before.',
        actions: [read(CHAT, 'ONE', replica(CHAT, 0)), wait(1)],
        check: check('The read was answered by the stale replica alone, without the write: stale.', (p) => {
          const answers = lastAnswers(p, CHAT);
          const r = replicas(p, CHAT)[0]!;
          if (answers.length !== 1 || answers[0]!.node !== r || answers[0]!.values.includes('new')) return `answered by ${answers.map((a) => `${a.node} (${a.values.join(', ') || 'nothing'})`).join(', ') || 'nobody'}`;
          return p.report.reads.stale === 1 ? true : `stale reads ${p.report.reads.stale}`;
        }),
      },
      {
        title: 'A read at ALL repairs it',
        text: 'At ALL the coordinator hears all three replicas, sees the stale one, and writes the newest value back before answering (BLOCKING read repair).',
        actions: [read(CHAT, 'ALL', via(CHAT)), wait(1)],
        check: check('All three replicas answered, one read-repair write went to the stale one, and the key is fully replicated.', (p) => {
          const answered = lastAnswers(p, CHAT).map((a) => a.node).sort().join(',');
          if (answered !== [...replicas(p, CHAT)].sort().join(',')) return `answered by ${answered || 'nobody'}`;
          return p.report.reads.repaired === 1 && p.report.replication.underReplicated === 0 ? true : `repaired ${p.report.reads.repaired}, under-replicated ${p.report.replication.underReplicated}`;
        }),
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
        text: 'A workload writes 400 times over 200 keys while every node is up. Then a replica crashes, and ten QUORUM writes land on keys it keeps; handoff is off, so nothing will bring them to it when it returns.',
        actions: [
          act(() => ({ type: 'workload', rate: 20, keys: 200, writeRatio: 1, consistency: 'ALL' })), wait(20), act(() => ({ type: 'workloadStop' })), wait(1),
          kill(replica(CHAT, 0)), wait(30),
          ...Array.from({ length: MISSED }, (_, i) => missedWrite(i)), wait(1),
          restart(replica(CHAT, 0)), wait(30),
        ],
        check: check('Exactly the ten keys written during the outage are under-replicated, and the returned replica lacks each of them.', (p) => {
          const r = replicas(p, CHAT)[0]!;
          const held = missedKeys(p).filter((k, i) => valueOn(p, k, r).includes(`missed ${i + 1}`));
          if (held.length > 0) return `${r} holds ${held.join(', ')}`;
          return p.report.replication.underReplicated === MISSED ? true : `under-replicated ${p.report.replication.underReplicated}`;
        }),
      },
      {
        title: 'Repair',
        text: 'The returned node builds a Merkle tree per token range (1,024 leaves here), compares it with each other replica’s, descends only into differing subtrees, and the two sides stream each other the keys of the differing leaves — here one key per leaf each way, not whole ranges.',
        actions: [act((p) => ({ type: 'repair', node: replicas(p, CHAT)[0]! })), wait(5)],
        check: check('Nothing under-replicated; each missed key showed up as a differing leaf, and at most one key per differing leaf went each way.', (p) => {
          const r = p.report.repair;
          if (p.report.replication.underReplicated !== 0) return `under-replicated ${p.report.replication.underReplicated}`;
          if (r.leavesDiffering < MISSED || r.leavesDiffering > 2 * MISSED) return `${r.leavesDiffering} differing leaves for ${MISSED} missed keys compared with 2 replicas`;
          return r.keysStreamed >= MISSED && r.keysStreamed <= 2 * r.leavesDiffering ? true : `${r.keysStreamed} keys streamed for ${r.leavesDiffering} differing leaves`;
        }),
      },
    ],
  },
];
