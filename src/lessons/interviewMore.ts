// Interview questions from the whole syllabus (#13): each demo reuses its lesson's checked steps, so
// the model answer is shown, not only asserted.
import type { InterviewQuestion, Lesson } from './types';
import { QUORUM_MATH } from './lessons/quorumMath';
import { LATENCY } from './lessons/latency';
import { RESTARTS } from './lessons/restarts';
import { CUT_OFF } from './lessons/regions';

const lesson = (list: Lesson[], id: string) => list.find((l) => l.id === id)!;
const wPlusR = lesson(QUORUM_MATH, 'w-plus-r');
const latency = lesson(LATENCY, 'dynamo-322');
const loop = lesson(RESTARTS, 'restart-loop');
const buffer = lesson(RESTARTS, 'unflushed-buffer');

export const INTERVIEW_MORE: InterviewQuestion[] = [
  {
    id: 'stale-with-quorums',
    title: 'W + R > N, and still a stale read?',
    question: 'A Dynamo-style store runs N = 3, W = 2, R = 2 with a sloppy quorum. A partition separates one owner from the other two. Can a QUORUM read return an older value than an acknowledged QUORUM write?',
    summary: 'Yes: the write’s quorum counted stand-ins, so the two quorums need not share an owner.',
    story: 'The follow-up to “W + R > N means strong reads”.',
    scenario: wPlusR.scenario,
    choices: [
      'No: W + R > N means any read quorum overlaps any write quorum.',
      'Yes: stand-ins counted toward W, so the far owners never saw the write.',
      'No: the far side cannot form a read quorum during the partition.',
      'Only if a node crashes, not from a partition alone.',
    ],
    correct: 1,
    modelAnswer:
      'W + R > N guarantees overlap only among the same N owners. A sloppy quorum (Dynamo §4.6) lets a write on the near side count stand-ins — the next healthy nodes on the ring — toward W, so it is acknowledged while the two far owners never receive it. A QUORUM read on the far side is answered by those two owners and returns the old value: stale, though W + R = 4 > 3. The copies return by hinted handoff once the partition heals. Riak’s PW (strictQuorum) refuses such a write instead; Cassandra never counts hints toward the level (except at ANY).',
    steps: wPlusR.steps.map(({ predict: _, ...s }) => s),
  },
  {
    id: 'why-w-two',
    title: 'Why W = 2 and not W = 3?',
    question: 'N = 3. One replica is slow: its messages take an extra 100 ms each way. How do W = 2 and W = 3 writes to its keys compare 100 ms after they are sent?',
    summary: 'W = 2 answers at the second-fastest ack and ignores the slow replica; W = 3 waits for it.',
    story: 'Dynamo’s common configuration is (N, R, W) = (3, 2, 2).',
    scenario: latency.scenario,
    choices: [
      'Both wait: every write goes to all three replicas.',
      'W = 2 has answered; W = 3 still waits for the slow replica.',
      'Both have answered: the coordinator skips slow replicas.',
      'W = 3 answers first: it has more acks to count.',
    ],
    correct: 1,
    modelAnswer:
      'The coordinator sends each mutation to all N replicas and answers after W acknowledgements, so a write takes the W-th fastest of N round trips. With W = 2 one slow (or dead) replica costs nothing: the two fast acks answer the client, and the third copy arrives later (or is hinted). With W = 3 every write waits for the slowest replica, so a single message’s slow tail becomes every write’s. W = 2 with R = 2 still gives W + R > N, which is why Dynamo §6 names (3, 2, 2) its common configuration.',
    steps: [latency.steps[2]!].map(({ predict: _, ...s }) => s),
  },
  {
    id: 'flapping-node',
    title: 'A node that keeps restarting',
    question: 'max_hint_window is 2 minutes and the persistent window is off. A node crashes for 90 s, runs for 30 s, crashes again, again and again. What happens to hints for it?',
    summary: 'No outage exceeds the window, so no hint is refused, and the throttled replay cannot keep up: hints pile up.',
    story: 'CASSANDRA-14309, the bug hint_window_persistent_enabled fixed.',
    scenario: loop.scenario,
    choices: [
      'Hints stop after the first 2 minutes of total downtime.',
      'No hint is refused, and the backlog grows on every cycle.',
      'Each restart replays the whole backlog, so nothing piles up.',
      'Holders delete their hints when the node comes back.',
    ],
    correct: 1,
    modelAnswer:
      'max_hint_window counts from the moment a holder last saw the node go down, and the count restarts each time the node is seen up. A node down 90 s out of every two minutes is never “down longer than the window”, so nothing is refused, while replay — bounded by hinted_handoff_throttle — drains only a little in the 30 s the node is up. The backlog grows without bound (CASSANDRA-14309). Cassandra 4.1’s hint_window_persistent_enabled (default true) also refuses a hint when the oldest pending hint is older than the window; ScyllaDB’s window still restarts on recovery. Either way the node needs a repair.',
    steps: loop.steps.map(({ predict: _, ...s }) => s),
  },
  {
    id: 'holder-crash-buffer',
    title: 'The hint holder crashes right after a burst',
    question: 'A coordinator holds 20 hints for a dead replica: 10 flushed to disk, 10 written in the last few seconds. The coordinator’s process crashes (its disk is fine). What happens to the 20 writes on the dead replica?',
    summary: 'The 10 flushed hints replay later; the 10 buffered in memory are lost, and those writes wait for repair.',
    story: 'Hints are buffered before they reach disk.',
    scenario: buffer.scenario,
    choices: [
      'All 20 replay: new hints go to the commit log first, like data.',
      'None replay: a crashed holder discards all its hints.',
      'The 10 flushed replay; the 10 in memory are lost until repair.',
      'All 20 are lost, but the writes fail retroactively.',
    ],
    correct: 2,
    modelAnswer:
      'Cassandra buffers new hints in memory and writes them to hint files every hints_flush_period (10 s). A process crash keeps the flushed files (they are reloaded and replayed when both nodes are up) and loses the buffer; the client was already told those writes succeeded. The data is still on the live replicas, so read repair (for keys that are read) and anti-entropy (nodetool repair) restore the returning replica — hints are best effort, never a guarantee.',
    steps: buffer.steps.map(({ predict: _, ...s }) => s),
  },
  {
    id: 'region-cut-off',
    title: 'A whole region is cut off',
    question: 'Two datacenters, three replicas of every key in each. The WAN between them fails for a minute while clients in both regions keep writing at LOCAL_QUORUM, and one client tries QUORUM. What happens?',
    summary: 'LOCAL_QUORUM succeeds on both sides and hints the far region; QUORUM (4 of 6) is unavailable; the hints replay when the link heals.',
    story: 'The classic multi-region design question.',
    scenario: CUT_OFF.scenario,
    choices: [
      'Only the region with more healthy nodes keeps writing until the link heals.',
      'Every write fails: each key needs all of its replicas reachable.',
      'All writes succeed, QUORUM too: three replicas answer on each side.',
      'Both regions write at LOCAL_QUORUM and hint the far side; QUORUM fails.',
    ],
    correct: 3,
    modelAnswer:
      'With NetworkTopologyStrategy each region holds replication_factor replicas. LOCAL_QUORUM needs ⌊RF/2⌋ + 1 of the coordinator’s own region (2 of 3), so both regions keep acknowledging writes; each coordinator stores hints for the far region’s replicas (writes are sent to every replica; those believed down are hinted, and a cut-off one times out after write_request_timeout and is hinted then). QUORUM needs ⌊ΣRF/2⌋ + 1 = 4 of all 6 and EACH_QUORUM a quorum in each region: both are unavailable everywhere. When the link heals, the hints cross the WAN and both regions converge — within max_hint_window (3 h); a longer split needs nodetool repair. Concurrent writes to the same key on both sides are settled by timestamp (last write wins).',
    steps: CUT_OFF.steps.map(({ predict: _, ...s }) => s),
  },
];
