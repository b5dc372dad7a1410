// Lesson: the words every other lesson uses — coordinator, replica, consistency level, mutation.
import type { Lesson } from '../types';
import { check, CHAT, kill, outsider, replica, replicas, scenario, valueOn, via, wait, write } from '../dsl';

const holders = (p: Parameters<typeof replicas>[0]) => p.inspect(CHAT).preferenceList.filter((x) => x.versions.length > 0).map((x) => x.node);

export const INTRO: Lesson[] = [
  {
    id: 'intro',
    title: 'Coordinator, replica, consistency level, mutation',
    summary: 'One write, followed from the client to the three nodes that keep it.',
    story: 'A chat app saves message 42. Four words name everything that happens next.',
    scenario: scenario('Lesson: the words'),
    recap:
      'A key’s replicas are the first three distinct nodes clockwise from its token (its preference list). Any node can be the coordinator: it sends the mutation (the write) to every replica and answers the client once the consistency level’s count of replicas has acknowledged — ONE, QUORUM (two of three) or ALL. A replica that misses a mutation is what hinted handoff exists for.',
    steps: [
      {
        title: 'The key and its replicas',
        text: 'chat:42 hashes to a token on the ring. Walking clockwise from it, the first three distinct nodes are its replicas (replication factor 3); the next node is not. Nothing has been written yet.',
        actions: [wait(0)],
        check: check('chat:42 has exactly three replicas, the fourth node of its preference list is not one, and nobody holds the key yet.', (p) => {
          const reps = replicas(p, CHAT);
          const held = holders(p);
          if (reps.length !== 3) return `${reps.length} replicas (${reps.join(', ')})`;
          if (reps.includes(outsider(p, CHAT))) return `${outsider(p, CHAT)} is both`;
          return held.length === 0 ? true : `already held by ${held.join(', ')}`;
        }),
      },
      {
        title: 'A mutation through a coordinator',
        text: 'The client’s node is not a replica: it is the coordinator. It sends the mutation to the three replicas and, at consistency level ALL, answers once all three have acknowledged. It keeps no copy.',
        predict: {
          question: 'The coordinator is not a replica of chat:42. Where does the value end up?',
          choices: ['On the coordinator only, until the replicas ask for it.', 'On the three replicas, and nowhere else.', 'On every node of the cluster.'],
          correct: 1,
        },
        actions: [write(CHAT, 'hello', 'ALL', via(CHAT)), wait(1)],
        check: check('The write was acknowledged at ALL; the three replicas hold "hello" and the coordinator holds nothing.', (p) => {
          const reps = replicas(p, CHAT);
          const held = holders(p);
          if (p.report.writes.acknowledged !== 1) return `acknowledged ${p.report.writes.acknowledged}, failed ${p.report.writes.failed}`;
          if (held.includes(outsider(p, CHAT))) return `the coordinator ${outsider(p, CHAT)} holds a copy`;
          return held.length === 3 && reps.every((r) => valueOn(p, CHAT, r).includes('hello')) ? true : `held by ${held.join(', ') || 'nobody'}; replicas are ${reps.join(', ')}`;
        }),
      },
      {
        title: 'The consistency level decides who must answer',
        text: 'Two replicas crash and are convicted. A QUORUM write needs two acks: refused at once as unavailable. A ONE write needs one: the surviving replica acknowledges it.',
        predict: {
          question: 'Two of three replicas are known down. What happens to a QUORUM write, then to a ONE write?',
          choices: ['Both succeed.', 'QUORUM is refused as unavailable; ONE succeeds.', 'Both fail.', 'QUORUM succeeds; ONE fails.'],
          correct: 1,
        },
        actions: [kill(replica(CHAT, 1)), kill(replica(CHAT, 2)), wait(30), write(CHAT, 'q', 'QUORUM', via(CHAT)), wait(1), write(CHAT, 'one', 'ONE', via(CHAT)), wait(1)],
        check: check('The QUORUM write failed, the ONE write was acknowledged, and only the first replica holds "one".', (p) => {
          const { writes } = p.report;
          const [first] = replicas(p, CHAT);
          if (writes.failed !== 1 || writes.acknowledged !== 2) return `acknowledged ${writes.acknowledged}, failed ${writes.failed}`;
          const withOne = holders(p).filter((n) => valueOn(p, CHAT, n).includes('one'));
          return withOne.length === 1 && withOne[0] === first ? true : `"one" is on ${withOne.join(', ') || 'nobody'}`;
        }),
      },
    ],
  },
];
