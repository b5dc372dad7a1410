// Lessons: where a key lives, and how a node learns another is down.
import type { Lesson } from '../types';
import { check, CHAT, kill, node, outsider, pendingOn, phiRange, phisOf, replica, replicas, scenario, unaware, valueOn, via, wait, write } from '../dsl';

/** Five seconds after a crash the last heartbeat is 3–7 s old (gossip relays it up to ~2 s late or early). */
const PHI_AT_5S = phiRange(3, 7);

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
        check: check('All three replicas hold "hello"; no other node does, and no hint was needed.', (p) => {
          const reps = replicas(p, CHAT);
          if (p.report.hints.created !== 0) return `${p.report.hints.created} hints were stored`;
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
        check: check(`No node believes the dead node is down yet; every live node's phi for it is ≈ 2 (between ${PHI_AT_5S[0].toFixed(1)} and ${PHI_AT_5S[1].toFixed(1)}: 3–7 s of silence / 1 s / ln 10).`, (p) => {
          const dead = replicas(p, CHAT)[0]!;
          if (node(p, dead).up) return `${dead} is still up`;
          const phis = phisOf(p, dead);
          if (phis.some((b) => !b.alive)) return `${phis.filter((b) => !b.alive).map((b) => b.node).join(', ')} already convicted it`;
          const [lo, hi] = PHI_AT_5S;
          const off = phis.filter((b) => b.phi < lo || b.phi > hi);
          return off.length === 0 ? true : `phi ${off.map((b) => `${b.node} ${b.phi.toFixed(2)}`).join(', ')} (expected ${lo.toFixed(2)}–${hi.toFixed(2)})`;
        }),
      },
      {
        title: 'Thirty seconds after the crash',
        text: 'Around 18 s of silence phi crosses 8 and each node convicts the dead one — each on its own, at its own moment.',
        actions: [wait(25)],
        check: check('Every live node now believes the dead node is down, each with a phi past 8.', (p) => {
          const dead = replicas(p, CHAT)[0]!;
          const still = unaware(p, dead);
          if (still.length > 0) return `${still.join(', ')} still believe it is up`;
          const low = phisOf(p, dead).filter((b) => b.phi <= 8);
          return low.length === 0 ? true : `phi ${low.map((b) => `${b.node} ${b.phi.toFixed(1)}`).join(', ')} is not past 8`;
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
        check: check('The third replica is down and every live node believes so.', (p) => {
          const dead = replicas(p, CHAT)[2]!;
          if (node(p, dead).up) return `${dead} is still up`;
          const still = unaware(p, dead);
          return still.length === 0 ? true : `${still.join(', ')} still believe ${dead} is up`;
        }),
      },
      {
        title: 'Write at QUORUM through a node that is not a replica',
        text: 'The coordinator sends the mutation to the two live replicas and stores a hint for the dead one — in its own hint store, apart from its data. Two acks meet QUORUM.',
        actions: [write(CHAT, 'are you there?', 'QUORUM', via(CHAT)), wait(1)],
        check: check('The write is acknowledged by the two live replicas, the dead one missed it, and exactly one hint waits on the coordinator for it.', (p) => {
          const [a, b, dead] = replicas(p, CHAT) as [string, string, string];
          const coord = outsider(p, CHAT);
          if (p.report.writes.acknowledged !== 1) return 'the write was not acknowledged';
          const missing = [a, b].filter((r) => !valueOn(p, CHAT, r).includes('are you there?'));
          if (missing.length > 0) return `${missing.join(', ')} lack the write`;
          if (valueOn(p, CHAT, dead).length > 0) return `${dead} holds ${valueOn(p, CHAT, dead).join(', ')}`;
          const n = pendingOn(p, coord, dead);
          return n === 1 && p.report.hints.pending === 1 ? true : `${coord} holds ${n} hints for ${dead} (${p.report.hints.pending} pending in all)`;
        }),
      },
    ],
  },
];
