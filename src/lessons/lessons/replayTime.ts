// Lessons: how long replay takes under the throttle, and the hint storm when every other node
// replays to one returning node at once.
import type { Lesson, LessonAction, Probe } from '../types';
import { act, CHAT, check, kill, node, outsider, pendingOn, replica, replicas, restart, scenario, wait } from '../dsl';

/** The returning node: the third replica of chat:42. */
const target = (p: Probe) => replicas(p, CHAT)[2]!;
const holder = (p: Probe) => outsider(p, CHAT);
const HINTS = 30;
const RATE = 1;
/** The i-th key, among msg:0…, that the target keeps (each write to it leaves one hint for it). */
const targetKey = (p: Probe, i: number) => Array.from({ length: 90 }, (_, j) => `msg:${j}`).filter((k) => replicas(p, k).includes(target(p)))[i]!;

function writesVia(count: number, via: (p: Probe, i: number) => string): LessonAction[] {
  return Array.from({ length: count }, (_, i) => act((p) => ({ type: 'write', key: targetKey(p, i), value: `m${i}`, consistency: 'QUORUM', coordinator: via(p, i) })));
}
/** Only the target ever has hints in these lessons, so the cluster's count is the target's. */
const delivered = (p: Probe) => p.report.hints.delivered;
const replayingTo = (p: Probe) => p.snapshot.hintQueues.filter((q) => q.target === target(p) && q.replaying).map((q) => q.holder);
/** Round robin over every live node but the target. */
const others = (p: Probe) => p.snapshot.nodes.map((n) => n.id).filter((id) => id !== target(p));

export const REPLAY_TIME: Lesson[] = [
  {
    id: 'replay-throttle',
    title: 'How long replay takes under the throttle',
    summary: `${HINTS} hints replayed at ${RATE} hint/s take half a minute — longer than the outage that made them.`,
    story: 'A node was down for a minute. Why is it still catching up long after it is back?',
    scenario: scenario('Lesson: replay under the throttle', { hintReplayRate: RATE }),
    recap:
      'A holder replays its hints page by page under the throttle — Cassandra’s hinted_handoff_throttle (1024 KiB/s, divided by the number of other nodes), hintReplayRate here in hints per second — once it sees the node up and its 10 s trigger fires. Replay takes about hints ÷ rate, so a short outage under heavy writes can take far longer to heal than it lasted, and until then the returning replica is stale.',
    steps: [
      {
        title: `${HINTS} hints wait`,
        text: `The third replica of chat:42 crashes. Once it is convicted, one coordinator takes ${HINTS} QUORUM writes to keys the dead node keeps, and stores a hint for each.`,
        actions: [kill(replica(CHAT, 2)), wait(30), ...writesVia(HINTS, holder), wait(15)],
        check: check(`The coordinator holds ${HINTS} hints for the dead node; none delivered.`, (p) => {
          const n = pendingOn(p, holder(p), target(p));
          return n === HINTS && p.report.hints.delivered === 0 ? true : `${holder(p)} holds ${n}; delivered ${p.report.hints.delivered}`;
        }),
      },
      {
        title: 'Back up, replaying at 1 hint/s',
        text: `The node restarts. The holder sees it up, its 10 s dispatch trigger fires, and hints leave at the throttle: ${RATE} per second. 25 s after the restart, replay is still running.`,
        predict: {
          question: `${HINTS} hints, replayed at ${RATE} hint/s. 25 s after the restart, how many remain?`,
          choices: ['None: replay is instant once the node is up.', 'Some: the throttle spreads the replay over about half a minute.', 'All: nothing replays until a repair.'],
          correct: 1,
        },
        actions: [restart(replica(CHAT, 2)), wait(25)],
        check: check('Some hints were delivered, some still wait, and the holder is replaying.', (p) => {
          const d = delivered(p);
          const left = pendingOn(p, holder(p), target(p));
          return d > 0 && left > 0 && replayingTo(p).includes(holder(p)) ? true : `delivered ${d}, pending ${left}, replaying: ${replayingTo(p).join(', ') || 'nobody'}`;
        }),
      },
      {
        title: 'Half a minute later',
        text: 'At one hint per second, thirty hints take about thirty seconds of replay: longer than the outage that created them.',
        actions: [wait(30)],
        check: check(`All ${HINTS} hints were delivered and none is pending.`, (p) => {
          const d = delivered(p);
          return d === HINTS && p.report.hints.pending === 0 ? true : `delivered ${d}, pending ${p.report.hints.pending}`;
        }),
      },
    ],
  },
  {
    id: 'hint-storm',
    title: 'The hint storm',
    summary: 'Every other node holds hints for the returning node, and they all replay to it at once.',
    story: 'Writes arrive through every node while one is down. When it returns, it is hit from all sides.',
    scenario: scenario('Lesson: the hint storm', { hintReplayRate: RATE }),
    recap:
      'Any node can coordinate, so while a node is down every other node collects hints for it — N − 1 holders in an N-node cluster. When it returns they all replay at once, and it receives N − 1 times one holder’s throttle on top of its normal load. That is why Cassandra’s hinted_handoff_throttle is divided by the number of other nodes, and why ScyllaDB and Cassandra bound replay instead of pushing hints as fast as the network allows.',
    steps: [
      {
        title: 'Hints everywhere',
        text: `The third replica of chat:42 crashes. ${HINTS} writes to its keys arrive round robin through the five other nodes: each coordinator keeps the hints of the writes it coordinated.`,
        actions: [kill(replica(CHAT, 2)), wait(30), ...writesVia(HINTS, (p, i) => others(p)[i % 5]!), wait(15)],
        check: check('Five holders each keep hints for the dead node.', (p) => {
          const holders = p.snapshot.hintQueues.filter((q) => q.target === target(p) && q.pending > 0).map((q) => q.holder);
          return holders.length === 5 ? true : `holders: ${holders.join(', ') || 'none'}`;
        }),
      },
      {
        title: 'They all replay at once',
        text: 'The node restarts. Each holder replays at the throttle, but all five replay at the same time: the returning node receives five times one holder’s rate.',
        predict: {
          question: 'Five holders, each throttled to 1 hint/s. How fast do hints reach the returning node?',
          choices: ['1 hint/s: the throttle is for the whole cluster.', 'About 5 hints/s: each holder has its own throttle.'],
          correct: 1,
        },
        actions: [restart(replica(CHAT, 2)), wait(11)],
        check: check('Three holders or more are replaying at this instant, and the node has received more hints than one holder could have sent.', (p) => {
          const now = replayingTo(p);
          const d = delivered(p);
          return now.length >= 3 && d > 11 * RATE ? true : `replaying now: ${now.join(', ') || 'nobody'}; delivered ${d}`;
        }),
      },
      {
        title: 'The storm passes',
        text: 'Each holder had only six hints: a few seconds later every queue is empty and the node is whole.',
        actions: [wait(20)],
        check: check(`All ${HINTS} hints delivered; nobody is replaying; the node is up and believed up.`, (p) => {
          const d = delivered(p);
          const t = target(p);
          const doubters = p.snapshot.nodes.filter((n) => n.up && n.believesDown.includes(t)).map((n) => n.id);
          return d === HINTS && replayingTo(p).length === 0 && node(p, t).up && doubters.length === 0 ? true : `delivered ${d}; replaying: ${replayingTo(p).join(', ') || 'nobody'}; doubters ${doubters.join(', ') || 'none'}`;
        }),
      },
    ],
  },
];
