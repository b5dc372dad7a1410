// Lesson: Dynamo's (N, R, W) = (3, 2, 2) — W = 2 answers at the second-fastest of three acks, so
// one slow replica does not slow the write. The latencies are the engine's own: every check counts
// which writes the engine has acknowledged at a given simulated instant.
import type { ConsistencyLevel } from '../../engine/api';
import type { Lesson, LessonAction, Probe } from '../types';
import { act, check, outsider, replicas, scenario, valueOn, wait } from '../dsl';

const LEVELS = ['ONE', 'TWO', 'THREE'] as const;
const PER_LEVEL = 50;
const W = { ONE: 1, TWO: 2, THREE: 3 } as const;
const keyOf = (level: ConsistencyLevel, i: number) => `cart:w${W[level as keyof typeof W]}:${i}`;
/** Candidate keys for the slow-replica step; each write picks the i-th one that the slow node owns. */
const SLOW_CANDIDATES = 60;
const SLOW_WRITES = 8;
const slowNode = 'A';

const acked = (p: Probe, key: string) => p.inspect(key).acknowledged.length > 0;
const holding = (p: Probe, key: string) => replicas(p, key).filter((r) => valueOn(p, key, r).includes('x')).length;
const ackedAt = (p: Probe, level: ConsistencyLevel) => Array.from({ length: PER_LEVEL }, (_, i) => keyOf(level, i)).filter((k) => acked(p, k)).length;

function burst(): LessonAction[] {
  return LEVELS.flatMap((level) =>
    Array.from({ length: PER_LEVEL }, (_, i) => act((p) => ({ type: 'write', key: keyOf(level, i), value: 'x', consistency: level, coordinator: outsider(p, keyOf(level, i)) }))),
  );
}

const slowKeys = (p: Probe, level: 'TWO' | 'THREE') =>
  Array.from({ length: SLOW_CANDIDATES }, (_, j) => `cart:slow:w${W[level]}:${j}`).filter((k) => replicas(p, k).includes(slowNode)).slice(0, SLOW_WRITES);

function slowBurst(): LessonAction[] {
  const one = (level: 'TWO' | 'THREE', i: number): LessonAction =>
    act((p) => { const k = slowKeys(p, level)[i]!; return { type: 'write', key: k, value: 'x', consistency: level, coordinator: outsider(p, k) }; });
  return [act(() => ({ type: 'slow', node: slowNode, extraLatencyMs: 100 })), ...Array.from({ length: SLOW_WRITES }, (_, i) => [one('TWO', i), one('THREE', i)]).flat()];
}

const counts = (p: Probe) => LEVELS.map((l) => ackedAt(p, l));
const shown = (c: number[]) => `W=1 ${c[0]}, W=2 ${c[1]}, W=3 ${c[2]} of ${PER_LEVEL}`;

export const LATENCY: Lesson[] = [
  {
    id: 'dynamo-322',
    title: 'Dynamo’s (3, 2, 2): why W = 2',
    summary: '150 writes at W = 1, 2 and 3 show that a write answers at its W-th fastest ack.',
    story: 'Amazon’s shopping cart runs with N = 3, R = 2, W = 2 (Dynamo §4.4 and §6). Why not W = 3, or W = 1?',
    scenario: scenario('Lesson: (N, R, W) = (3, 2, 2)', { preset: 'dynamo', conflictResolution: 'lww' }),
    recap:
      'A coordinator sends every mutation to all N replicas and answers the client when W have acknowledged, so a write’s latency is the W-th fastest of N round trips. W = 1 is fastest but keeps one durable copy at the answer; W = 3 waits for the slowest replica, so one message’s rare slow tail becomes every write’s tail; W = 2 answers at the second-fastest ack — one slow or dead replica costs nothing — and with R = 2, W + R > N makes reads overlap writes.',
    steps: [
      {
        title: 'Twelve milliseconds after 150 writes',
        text: 'Fifty writes at each of ONE, TWO and THREE leave at one instant, each to its own key. A message takes 5 ms one way at the median, 40 ms at the 99th percentile. At 12 ms, count what the engine has acknowledged.',
        predict: {
          question: '50 writes at each of W = 1, 2 and 3 leave at the same instant. 12 ms later, which level has the most acknowledged?',
          choices: ['W = 3: it asks more replicas.', 'All the same: every write goes to all three replicas.', 'W = 1, then W = 2, then W = 3.'],
          correct: 2,
        },
        actions: [...burst(), wait(0.012)],
        check: check('Acknowledged: W = 1 > W = 2 > W = 3; each acknowledged W = 2 write is on two replicas or more, some on only two.', (p) => {
          const c = counts(p);
          if (!(c[0]! > c[1]! && c[1]! > c[2]!)) return shown(c);
          const two = Array.from({ length: PER_LEVEL }, (_, i) => keyOf('TWO', i)).filter((k) => acked(p, k));
          if (two.some((k) => holding(p, k) < 2)) return 'a W = 2 write was acknowledged with fewer than two replicas holding it';
          return two.some((k) => holding(p, k) === 2) ? true : `${shown(c)}; every acknowledged W = 2 write already sits on three replicas`;
        }),
      },
      {
        title: 'The tail at 30 ms',
        text: 'Eighteen milliseconds later almost every write is acknowledged. W = 3 trails: it waits for the slowest of three round trips, so the slow tail of a single message shows up in many more writes.',
        actions: [wait(0.018)],
        check: check('Every W = 1 write is acknowledged, and W = 3 has fewer acknowledged than W = 1.', (p) => {
          const c = counts(p);
          return c[0] === PER_LEVEL && c[2]! < c[0]! && c[2]! <= c[1]! ? true : shown(c);
        }),
      },
      {
        title: 'One slow replica',
        text: `${slowNode} turns slow: +100 ms on every message it sends or receives. Eight keys that ${slowNode} owns are written at W = 2 and at W = 3. A hundred milliseconds later W = 2 has answered on the two healthy replicas; W = 3 is still waiting for ${slowNode}.`,
        predict: {
          question: `One of a key’s three replicas answers 200 ms late. 100 ms after writes to its keys at W = 2 and at W = 3, which have answered?`,
          choices: ['Neither W = 2 nor W = 3.', 'W = 2 only.', 'Both.'],
          correct: 1,
        },
        actions: [...slowBurst(), wait(0.1)],
        check: check(`Every W = 2 write to ${slowNode}’s keys is acknowledged; no W = 3 write is.`, (p) => {
          const two = slowKeys(p, 'TWO').filter((k) => acked(p, k)).length;
          const three = slowKeys(p, 'THREE').filter((k) => acked(p, k)).length;
          return two === SLOW_WRITES && three === 0 ? true : `W = 2: ${two}, W = 3: ${three} of ${SLOW_WRITES}`;
        }),
      },
    ],
  },
];
