// Lessons: the limits of a holder — restart loops with and without the persistent window
// (scenarios 06a/06b), the hint cap (08) and the unflushed buffer lost on a crash (09).
import type { Lesson, LessonAction, Probe } from '../types';
import { act, CHAT, check, kill, outsider, pendingOn, replica, replicas, restart, scenario, valueOn, wait } from '../dsl';

const target = (p: Probe) => replicas(p, CHAT)[2]!;
const holder = (p: Probe) => outsider(p, CHAT);
/** The keys, among msg:0…, that the target keeps. */
const targetKeys = (p: Probe) => Array.from({ length: 90 }, (_, j) => `msg:${j}`).filter((k) => replicas(p, k).includes(target(p)));
/** `count` QUORUM writes through the holder, value m<i> to the i-th key the target keeps. */
function writes(from: number, count: number): LessonAction[] {
  return Array.from({ length: count }, (_, n) => act((p) => ({ type: 'write', key: targetKeys(p)[from + n]!, value: `m${from + n}`, consistency: 'QUORUM', coordinator: holder(p) })));
}
/** How many of the first `count` writes the target replica lacks. */
function staleOnTarget(p: Probe, count: number): number {
  const keys = targetKeys(p);
  return Array.from({ length: count }, (_, i) => i).filter((i) => !valueOn(p, keys[i]!, target(p)).includes(`m${i}`)).length;
}

const LOOP_SETTINGS = { maxHintWindow: '2m', hintReplayRate: 1 } as const;
const workload = act(() => ({ type: 'workload', rate: 10, keys: 500, writeRatio: 1, consistency: 'QUORUM' }));
/** Up 30 s, then down 90 s — each outage shorter than the 2-minute window. */
const flap = (): LessonAction[] => [restart(replica(CHAT, 2)), wait(30), kill(replica(CHAT, 2)), wait(90)];
const hintsFor = (p: Probe) => p.snapshot.hintQueues.filter((q) => q.target === target(p)).reduce((a, q) => a + q.pending, 0);

function loopLesson(persistent: boolean): Lesson {
  const name = persistent ? 'with' : 'without';
  return {
    id: persistent ? 'persistent-window' : 'restart-loop',
    title: persistent ? 'The persistent hint window stops the loop' : 'A restart loop resets the hint window',
    summary: persistent
      ? 'With hint_window_persistent_enabled the oldest pending hint’s age closes the window, restarts or not.'
      : 'A node that keeps coming back for a moment is never “down longer than the window”: hints pile up.',
    story: 'A node with a bad disk crashes, restarts, runs for half a minute and crashes again, over and over (CASSANDRA-14309).',
    scenario: scenario(`Lesson: restart loop ${name} the persistent window`, { ...LOOP_SETTINGS, persistentHintWindow: persistent }),
    recap: persistent
      ? 'Cassandra 4.1 added hint_window_persistent_enabled (on by default): a coordinator also refuses a hint when its oldest pending hint for that node is older than max_hint_window, so a node that flaps cannot reset the window by coming back for a moment. New hints are dropped once the backlog is a window old, and the node must be repaired — which is what the window is for.'
      : 'max_hint_window is measured from when the holder last saw the node go down. A node that restarts every two minutes is never down longer than the window, so without the persistent window its hints are never refused — while a throttled replay (1 hint/s here) cannot keep up during the short moments it is up. The backlog grows without bound: CASSANDRA-14309, fixed by hint_window_persistent_enabled.',
    steps: [
      {
        title: 'Down 90 s, inside the 2-minute window',
        text: 'Writes arrive at 10 per second through every node. The third replica of chat:42 crashes for 90 s — less than max_hint_window (2 minutes here).',
        actions: [workload, kill(replica(CHAT, 2)), wait(90)],
        check: check('Hints were created for the dead node and none was refused.', (p) => (p.report.hints.created > 0 && p.report.hints.dropped === 0 && hintsFor(p) > 0 ? true : `created ${p.report.hints.created}, dropped ${p.report.hints.dropped}, pending ${hintsFor(p)}`)),
      },
      {
        title: 'Three more crashes, each after 30 s up',
        text: persistent
          ? 'Each outage is still shorter than the window, but the oldest pending hint is now older than two minutes: the persistent window refuses new hints.'
          : 'Each restart resets every holder’s “down since” clock, and no outage outlasts the window: no hint is refused. Replay at 1 hint/s drains a few dozen per visit; hundreds arrive meanwhile.',
        predict: {
          question: `Each outage is 90 s, the window 2 minutes, ${persistent ? 'with' : 'without'} the persistent window. Are hints refused?`,
          choices: ['Never: no outage is longer than the window.', 'Yes: the backlog’s age closes the window.'],
          correct: persistent ? 1 : 0,
        },
        actions: [...flap(), ...flap(), ...flap()],
        check: persistent
          ? check('Hints were refused (dropped) though no outage outlasted the window.', (p) => (p.report.hints.dropped > 0 ? true : `dropped ${p.report.hints.dropped}, pending ${hintsFor(p)}`))
          : check('No hint was refused; replay ran while the node was up, yet more than 1,000 hints are pending for it.', (p) => {
            const { dropped, delivered } = p.report.hints;
            return dropped === 0 && delivered > 0 && hintsFor(p) > 1000 ? true : `dropped ${dropped}, delivered ${delivered}, pending ${hintsFor(p)}`;
          }),
      },
    ],
  };
}

export const RESTARTS: Lesson[] = [
  loopLesson(false),
  loopLesson(true),
  {
    id: 'hint-cap',
    title: 'The hint cap',
    summary: 'A holder keeps at most max_hints_size_per_host for one node; later hints are dropped.',
    story: 'A busy coordinator cannot fill its disk with hints for one dead node.',
    scenario: scenario('Lesson: the hint cap', { maxHintsPerHost: 5 }),
    recap:
      'Cassandra can cap the hints one holder keeps for one node (max_hints_size_per_host, in bytes, off by default; a count of 5 here). Past the cap new hints are dropped while the writes are still acknowledged by the live replicas; the hints kept replay on recovery, and the writes whose hints were dropped wait for read repair or anti-entropy. A cap trades disk for a repair.',
    steps: [
      {
        title: 'Twelve writes, five hints',
        text: 'The third replica of chat:42 crashes. One coordinator takes twelve QUORUM writes to keys the dead node keeps; the cap is 5 hints per node here.',
        predict: {
          question: 'The cap is 5 hints per node. What happens to the 6th to 12th writes?',
          choices: ['They fail.', 'They are acknowledged, but not hinted.', 'They are hinted on another node.'],
          correct: 1,
        },
        actions: [kill(replica(CHAT, 2)), wait(30), ...writes(0, 12), wait(15)],
        check: check('All twelve writes were acknowledged; the coordinator keeps exactly 5 hints for the dead node and dropped 7.', (p) => {
          const kept = pendingOn(p, holder(p), target(p));
          const { writes: w, hints } = p.report;
          return w.acknowledged === 12 && kept === 5 && hints.dropped === 7 ? true : `acknowledged ${w.acknowledged}, kept ${kept}, dropped ${hints.dropped}`;
        }),
      },
      {
        title: 'Recovery replays only the five',
        text: 'The node restarts: the five hints replay; the seven dropped writes stay missing on it.',
        actions: [restart(replica(CHAT, 2)), wait(40)],
        check: check('Five hints were delivered, and the returned node lacks exactly seven of the twelve writes.', (p) => {
          const stale = staleOnTarget(p, 12);
          return p.report.hints.delivered === 5 && stale === 7 ? true : `delivered ${p.report.hints.delivered}, missing on the node ${stale}`;
        }),
      },
    ],
  },
  {
    id: 'unflushed-buffer',
    title: 'The unflushed buffer dies with a crash',
    summary: 'Hints wait in memory until the next flush; a holder that crashes first loses them.',
    story: 'The coordinator keeping hints for a dead replica crashes too, moments after a burst of writes.',
    scenario: scenario('Lesson: the unflushed hint buffer', { hintFlushPeriod: '30s' }),
    recap:
      'A new hint sits in the holder’s memory until the next flush (hints_flush_period, 10 s in Cassandra; 30 s here). A crash keeps the flushed hint files and loses the buffer; a wiped disk loses both. The writes whose hints died are acknowledged yet missing on the returning replica until read repair or anti-entropy — hinted handoff is best effort, never a guarantee.',
    steps: [
      {
        title: 'Ten hints flushed, ten in memory',
        text: 'The third replica crashes. Ten writes leave hints on one coordinator; 31 s later they are flushed to disk. Ten more writes follow, and their hints are still in memory.',
        actions: [kill(replica(CHAT, 2)), wait(30), ...writes(0, 10), wait(31), ...writes(10, 10), wait(2)],
        check: check('The coordinator holds 20 hints for the dead node, 10 of them still in its memory buffer.', (p) => {
          const q = p.snapshot.hintQueues.find((x) => x.holder === holder(p) && x.target === target(p));
          return q && q.pending === 20 && q.buffered === 10 ? true : `pending ${q?.pending ?? 0}, buffered ${q?.buffered ?? 0}`;
        }),
      },
      {
        title: 'The holder crashes',
        text: 'The coordinator crashes (its disk survives). The ten flushed hints are on disk; the ten in memory are gone.',
        predict: {
          question: 'The holder crashes with 10 hints flushed and 10 in memory. How many survive?',
          choices: ['All 20: hints are written to the commit log first.', '10: the flushed ones.', 'None: hints live in memory only.'],
          correct: 1,
        },
        actions: [kill(holder), wait(1)],
        check: check('Ten hints were lost and ten are still pending on the crashed holder.', (p) => (p.report.hints.lost === 10 && p.report.hints.pending === 10 ? true : `lost ${p.report.hints.lost}, pending ${p.report.hints.pending}`)),
      },
      {
        title: 'Both return',
        text: 'Both nodes restart: the ten surviving hints replay, and the returned replica still lacks the ten writes whose hints died.',
        actions: [restart(holder), restart(replica(CHAT, 2)), wait(60)],
        check: check('Ten hints were delivered; the returned replica lacks exactly ten of the twenty writes.', (p) => {
          const stale = staleOnTarget(p, 20);
          return p.report.hints.delivered === 10 && stale === 10 ? true : `delivered ${p.report.hints.delivered}, missing on the replica ${stale}`;
        }),
      },
    ],
  },
];
