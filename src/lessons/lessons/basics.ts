// Lessons: where a key lives, and how a node learns another is down.
import type { Lesson } from '../types';
import { check, CHAT, kill, outsider, pendingOn, replica, replicas, scenario, via, wait, write } from '../dsl';

export const BASICS: Lesson[] = [
  {
    id: 'replication',
    title: 'Replication and the preference list',
    summary: 'A key lives on the first three distinct nodes clockwise from its token.',
    story: 'A chat app stores message 42 under the key chat:42. Which servers keep it?',
    scenario: scenario('Lesson: replication'),
    steps: [
      {
        title: 'Write at ALL',
        text: 'The coordinator hashes chat:42 to a token, walks the ring clockwise and sends the write to the first three distinct nodes — its replicas. At ALL it waits for all three.',
        actions: [write(CHAT, 'hello', 'ALL', via(CHAT)), wait(1)],
        check: check('All three replicas hold "hello"; no other node does.', (p) => {
          const reps = replicas(p, CHAT);
          const holders = p.inspect(CHAT).preferenceList.filter((x) => x.versions.length > 0).map((x) => x.node);
          if (p.report.writes.acknowledged !== 1) return `the write was not acknowledged (${p.report.writes.failed} failed)`;
          return holders.length === 3 && reps.every((r) => holders.includes(r)) ? true : `held by ${holders.join(', ') || 'nobody'}; replicas are ${reps.join(', ')}`;
        }),
      },
    ],
  },
  {
    id: 'phi',
    title: 'How the coordinator learns a node is down',
    summary: 'Gossip heartbeats and the phi accrual detector: suspicion grows with silence.',
    story: 'Nobody tells the cluster a server died; each node works it out from missing heartbeats.',
    scenario: scenario('Lesson: gossip and phi'),
    steps: [
      {
        title: 'Five seconds after the crash',
        text: 'Each node gossips every second. phi = 0.434 × silence / mean interval. Five seconds of silence is phi ≈ 2: not enough to convict (phi_convict_threshold is 8).',
        actions: [kill(replica(CHAT, 0)), wait(5)],
        check: check('No node believes the dead node is down yet; its phi is above 0 and below 8.', (p) => {
          const dead = replicas(p, CHAT)[0]!;
          const phis = p.snapshot.nodes.filter((n) => n.up).map((n) => n.beliefs.find((b) => b.peer === dead)!);
          if (phis.some((b) => !b.alive)) return 'a node already convicted it';
          return phis.every((b) => b.phi > 0 && b.phi < 8) ? true : `phi values ${phis.map((b) => b.phi.toFixed(1)).join(', ')}`;
        }),
      },
      {
        title: 'Thirty seconds after the crash',
        text: 'Around 18 s of silence phi crosses 8 and each node convicts the dead one — each on its own, at its own moment.',
        actions: [wait(25)],
        check: check('Every live node now believes the dead node is down.', (p) => {
          const dead = replicas(p, CHAT)[0]!;
          const unaware = p.snapshot.nodes.filter((n) => n.up && !n.believesDown.includes(dead)).map((n) => n.id);
          return unaware.length === 0 ? true : `${unaware.join(', ')} still believe it is up`;
        }),
      },
    ],
  },
  {
    id: 'hint-for-down-replica',
    title: 'A write with a replica down leaves a hint',
    summary: 'QUORUM succeeds on two acks; the coordinator keeps a hint for the third.',
    story: 'One of the three servers keeping chat:42 crashes. New messages keep arriving.',
    scenario: scenario('Lesson: a hint per down replica'),
    steps: [
      {
        title: 'Kill the third replica and let the cluster notice',
        text: 'The third replica crashes. Within about 20 s every other node’s failure detector convicts it.',
        actions: [kill(replica(CHAT, 2)), wait(30)],
        check: check('Every live node believes the third replica is down.', (p) => {
          const dead = replicas(p, CHAT)[2]!;
          const unaware = p.snapshot.nodes.filter((n) => n.up && !n.believesDown.includes(dead)).map((n) => n.id);
          return unaware.length === 0 ? true : `${unaware.join(', ')} still believe ${dead} is up`;
        }),
      },
      {
        title: 'Write at QUORUM through a node that is not a replica',
        text: 'The coordinator sends the mutation to the two live replicas and stores a hint for the dead one — in its own hint store, apart from its data. Two acks meet QUORUM.',
        actions: [write(CHAT, 'are you there?', 'QUORUM', via(CHAT)), wait(1)],
        check: check('The write is acknowledged and exactly one hint waits on the coordinator for the dead replica.', (p) => {
          const [, , dead] = replicas(p, CHAT);
          const coord = outsider(p, CHAT);
          if (p.report.writes.acknowledged !== 1) return 'the write was not acknowledged';
          const n = pendingOn(p, coord, dead);
          return n === 1 ? true : `${coord} holds ${n} hints for ${dead}`;
        }),
      },
    ],
  },
];
