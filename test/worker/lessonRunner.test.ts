// The worker-side lesson runner, driven through the host with an in-memory endpoint and a manual clock.
import { describe, expect, it } from 'vitest';
import { INTERVIEW, LESSONS, WARM_UP_MS } from '../../src/lessons';
import type { LessonStatus } from '../../src/protocol';
import { createHarness } from './harness';

function harness() {
  const h = createHarness();
  const statuses = () => h.out.flatMap((m) => (m.type === 'lessonStatus' ? [m.status] : []));
  const status = () => statuses().at(-1);
  /** Runs the wall clock, acking frames, until the lesson is ready again (or gives up). */
  const settle = (maxTicks = 20_000): LessonStatus | null | undefined => {
    for (let i = 0; i < maxTicks; i++) {
      const s = status();
      if (s === null || (s && s.phase === 'ready')) return s;
      h.advance(16);
      h.send({ type: 'frameAck' });
    }
    throw new Error(`the lesson did not settle: ${JSON.stringify(status())}`);
  };
  return {
    ...h,
    status,
    statuses,
    errors: () => h.out.flatMap((m) => (m.type === 'error' ? [m.message] : [])),
    settle,
  };
}

const byId = (id: string) => LESSONS.find((l) => l.id === id)!;

describe('lesson runner in the worker host', () => {
  it('start: a fresh simulation on the lesson scenario, warmed up by a jump, paused before step 1', () => {
    const h = harness();
    h.send({ type: 'lesson', op: 'start', kind: 'lesson', id: 'hint-for-down-replica' });
    expect(h.out[0]).toMatchObject({ type: 'ready', cluster: { name: 'Lesson: a hint per down replica' } });
    expect(h.statuses()[0]).toMatchObject({ phase: 'preparing', busyStep: 0, stepCount: 2, ranThrough: null });
    h.send({ type: 'frameAck' }); // the next frame shows the warm-up as a jump (progress bar)
    expect(h.frames().at(-1)).toMatchObject({ jumpTarget: WARM_UP_MS, jumpProgress: 0 });
    const s = h.settle()!;
    expect(s).toMatchObject({ phase: 'ready', ranThrough: 0, busyStep: null, verdicts: [null, null] });
    expect(h.host.simulation!.now).toBe(WARM_UP_MS);
    expect(h.host.playing).toBe(false);
    expect(h.errors()).toEqual([]);
  });

  it('run: the actions go through the command log, the check runs in the worker, the verdict is posted', () => {
    const h = harness();
    h.send({ type: 'lesson', op: 'start', kind: 'lesson', id: 'hint-for-down-replica' });
    h.settle();
    h.send({ type: 'lesson', op: 'run', step: 0 });
    expect(h.status()).toMatchObject({ phase: 'running', busyStep: 0 });
    const s = h.settle()!;
    expect(s.verdicts[0]).toEqual({ step: 0, claim: byId('hint-for-down-replica').steps[0]!.check.claim, pass: true, seen: null });
    expect(s.ranThrough).toBe(1);
    const log = h.host.simulation!.commandLog;
    expect(log).toHaveLength(1);
    expect(log[0]!.command).toMatchObject({ type: 'kill' });
    // An exported session carries the lesson's scenario and its commands.
    h.send({ type: 'exportSession' });
    const session = h.out.find((m) => m.type === 'session');
    expect(session).toMatchObject({ scenario: byId('hint-for-down-replica').scenario, commandLog: log });
  });

  it('a failed check says what it saw instead — a user command in between changes the outcome', () => {
    const h = harness();
    h.send({ type: 'lesson', op: 'start', kind: 'lesson', id: 'replication' });
    h.settle();
    h.send({ type: 'command', command: { type: 'write', key: 'other', value: 'x', consistency: 'ONE' } });
    h.advance(16);
    h.send({ type: 'lesson', op: 'run', step: 0 });
    const v = h.settle()!.verdicts[0]!;
    expect(v.pass).toBe(false);
    expect(v.seen).toBe('the write was not acknowledged (0 failed)');
  });

  it('running a later step first replays the steps before it (deterministically) and checks both', () => {
    const h = harness();
    h.send({ type: 'lesson', op: 'start', kind: 'lesson', id: 'hint-window' });
    h.settle();
    h.send({ type: 'lesson', op: 'run', step: 2 });
    expect(h.status()).toMatchObject({ phase: 'preparing', busyStep: 2 });
    const s = h.settle()!;
    expect(s.verdicts.map((v) => v?.pass)).toEqual([true, true, true]);
    expect(s.ranThrough).toBe(3);
    // Running step 1 again rebuilds up to it; step 2's verdict is cleared.
    h.send({ type: 'lesson', op: 'run', step: 1 });
    const again = h.settle()!;
    expect(again.ranThrough).toBe(2);
    expect(again.verdicts.map((v) => v?.pass ?? null)).toEqual([true, true, null]);
  });
});

describe('lesson runner in the worker host: cut short, refused, every lesson', () => {
  it('pausing mid-step cuts it short and says so; running it again rebuilds and passes', () => {
    const h = harness();
    h.send({ type: 'lesson', op: 'start', kind: 'lesson', id: 'phi' });
    h.settle();
    h.send({ type: 'lesson', op: 'run', step: 0 });
    h.send({ type: 'pause' }); // the step's 5 s jump has not had a tick yet
    const s = h.status()!;
    expect(s).toMatchObject({ phase: 'ready', ranThrough: null, verdicts: [null, null] });
    expect(s.message).toMatch(/pausing cut step 1 short/);
    h.send({ type: 'lesson', op: 'run', step: 0 });
    expect(h.settle()!.verdicts[0]!.pass).toBe(true);
  });

  it('refuses an unknown lesson by naming the field; leave and a new init end the lesson', () => {
    const h = harness();
    h.send({ type: 'lesson', op: 'start', kind: 'lesson', id: 'nope' });
    expect(h.errors()).toEqual(['lesson.id: no lesson "nope"']);
    expect(h.host.simulation).toBeNull();
    h.send({ type: 'lesson', op: 'run', step: 0 });
    expect(h.errors()[1]).toBe('lesson: no lesson is running');
    h.send({ type: 'lesson', op: 'start', kind: 'interview', id: 'hint-counts' });
    h.settle();
    h.send({ type: 'lesson', op: 'run', step: 5 });
    expect(h.errors()[2]).toBe('lesson.step: expected 0..2, got 5');
    h.send({ type: 'lesson', op: 'leave' });
    expect(h.status()).toBeNull();
    h.send({ type: 'lesson', op: 'start', kind: 'interview', id: 'hint-counts' });
    h.settle();
    h.send({ type: 'init', scenario: byId('replication').scenario });
    expect(h.status()).toBeNull();
  });

  for (const [kind, list] of [['lesson', LESSONS], ['interview', INTERVIEW]] as const) {
    it(`every ${kind} passes every check when its steps run through the host`, () => {
      for (const l of list) {
        const h = harness();
        h.send({ type: 'lesson', op: 'start', kind, id: l.id });
        h.settle();
        for (let i = 0; i < l.steps.length; i++) {
          h.send({ type: 'lesson', op: 'run', step: i });
          const v = h.settle()!.verdicts[i]!;
          expect(v.seen, `${l.id} step ${i + 1}`).toBeNull();
          expect(v.pass).toBe(true);
        }
        expect(h.errors(), l.id).toEqual([]);
      }
    });
  }
});
