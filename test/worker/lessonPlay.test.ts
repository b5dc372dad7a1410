// A lesson step that plays: beats paced in the worker (slow motion while a message that matters
// travels, fast-forward for waits), captions made from the engine's events, pause and resume,
// skip to the result, reduced motion — and the trace never depends on the pace.
import { describe, expect, it } from 'vitest';
import { INTERVIEW, LESSONS } from '../../src/lessons';
import { beatsOf, baseRate, JUMP_WALL_MS, paceOf, SLOW_RATE } from '../../src/lessons/beats';
import { captionText } from '../../src/lessons/narration';
import type { LessonPlay, LessonStatus } from '../../src/protocol';
import { createHarness } from './harness';

function harness() {
  const h = createHarness();
  const status = () => h.out.flatMap((m) => (m.type === 'lessonStatus' ? [m.status] : [])).at(-1);
  /** One wall tick of 16 ms, acking the frame. */
  const tick = () => {
    h.advance(16);
    h.send({ type: 'frameAck' });
  };
  const settle = (maxTicks = 40_000): LessonStatus => {
    for (let i = 0; i < maxTicks; i++) {
      const s = status();
      if (s && s.phase === 'ready') return s;
      tick();
    }
    throw new Error(`the lesson did not settle: ${JSON.stringify(status())}`);
  };
  const start = (kind: 'lesson' | 'interview', id: string) => {
    h.send({ type: 'lesson', op: 'start', kind, id });
    return settle();
  };
  return { ...h, status, tick, settle, start };
}

/** Runs every step of a lesson (played as asked, or flat out) and returns each step's trace hash and verdict. */
function runAll(kind: 'lesson' | 'interview', id: string, play?: LessonPlay) {
  const h = harness();
  const steps = (kind === 'lesson' ? LESSONS : INTERVIEW).find((l) => l.id === id)!.steps;
  h.start(kind, id);
  return steps.map((_, i) => {
    h.send({ type: 'lesson', op: 'run', step: i, ...(play ? { play } : {}) });
    const s = h.settle();
    return { hash: h.sim().traceHash(), now: h.sim().now, pass: s.verdicts[i]!.pass, log: h.sim().commandLog.length };
  });
}

describe('beats: derived from the step actions', () => {
  it('a short wait plays in real time, conviction-length waits fast, minutes to days as a visible jump', () => {
    expect(paceOf(1000)).toBe('normal');
    expect(paceOf(30_000)).toBe('fast');
    expect(paceOf(10 * 86_400_000)).toBe('jump');
    expect(paceOf(1000, 'slow')).toBe('slow');
    expect(beatsOf([{ command: { type: 'heal' } }, { advanceMs: 0 }, { advanceMs: 40_000 }, { advanceMs: 3 * 3_600_000 }])).toEqual([
      { ms: 40_000, pace: 'fast' },
      { ms: 3 * 3_600_000, pace: 'jump' },
    ]);
    // A 10-day TTL takes ~1.5 s of wall time, not zero and not ten days.
    expect((10 * 86_400_000) / baseRate({ ms: 10 * 86_400_000, pace: 'jump' })).toBeCloseTo(JUMP_WALL_MS);
  });
});

describe('a step that plays: the trace does not depend on the pace', () => {
  for (const [kind, list] of [['lesson', LESSONS], ['interview', INTERVIEW]] as const) {
    it(`every ${kind}: played beat by beat, still, and flat out give the same trace hash, log and verdicts`, () => {
      for (const l of list) {
        const flat = runAll(kind, l.id);
        expect(runAll(kind, l.id, 'beats'), l.id).toEqual(flat);
        expect(runAll(kind, l.id, 'still'), l.id).toEqual(flat);
      }
    }, 120_000);
  }
});

describe('a step that plays: slow motion, captions on engine events, pause, skip', () => {
  it('slow motion while the write fans out: messages in flight cover frames, each tick ≤ 16 ms × the slow rate', () => {
    const h = harness();
    h.start('lesson', 'replay');
    h.send({ type: 'lesson', op: 'run', step: 0, play: 'beats' });
    const from = h.out.length;
    let slowTicks = 0;
    let before = h.sim().now;
    for (let i = 0; i < 4000 && h.status()!.phase !== 'ready'; i++) {
      h.tick();
      const s = h.status()!;
      if (s.beat?.slowNow) slowTicks++;
      if (s.beat?.slowNow && h.sim().now > before) expect(h.sim().now - before).toBeLessThanOrEqual(16 * SLOW_RATE * 1.0001 + 1e-9);
      before = h.sim().now;
    }
    expect(h.status()!.verdicts[0]!.pass).toBe(true);
    // The student saw the mutations travel: frames carried them, over many ticks.
    const withWrites = h.frames(from).filter((f) => f.messages.some((m) => m.kind === 'mutation'));
    expect(withWrites.length).toBeGreaterThan(10);
    expect(slowTicks).toBeGreaterThan(10);
  });

  it('captions come when their engine events happen and name the real nodes and keys by role', () => {
    const h = harness();
    h.start('lesson', 'replay');
    const placement = h.sim().inspectKey('chat:42').preferenceList.filter((x) => x.replica).map((x) => x.node);
    const third = placement[2]!;
    expect(h.status()!.key).toBe('chat:42');
    h.send({ type: 'lesson', op: 'run', step: 0, play: 'beats' });
    const crashAt = h.sim().now;
    const firstSeen = new Map<string, number>();
    for (let i = 0; i < 6000 && h.status()!.phase !== 'ready'; i++) {
      h.tick();
      for (const c of h.status()!.captions ?? []) if (!firstSeen.has(c.id)) firstSeen.set(c.id, h.sim().now);
    }
    const caps = h.status()!.captions!;
    const text = caps.map((c) => captionText(c.parts));
    expect(text[0]).toBe(`${third}, the third replica of chat:42, crashes. Nobody is told: the others must notice its gossip stop.`);
    expect(caps[0]!.anchor).toEqual({ node: third });
    const convict = caps.find((c) => c.id === `convict:${third}`)!;
    // Conviction is the engine's, ~18 s after the crash — not a timer of the player's.
    expect(convict.at - crashAt).toBeGreaterThan(10_000);
    expect(convict.at - crashAt).toBeLessThan(30_000);
    const hint = caps.find((c) => c.id.startsWith('hint:'))!;
    expect(captionText(hint.parts)).toMatch(new RegExp(`stores a hint for ${third}, the third replica of chat:42`));
    expect(hint.anchor).toMatchObject({ target: third });
    // Each caption appeared once its event had happened (and within the tick that ran it).
    for (const c of caps) expect(firstSeen.get(c.id)!).toBeGreaterThanOrEqual(c.at);
    expect(firstSeen.get(convict.id)! - convict.at).toBeLessThan(16 * 20);
  });

  it('a replay page and its ack are narrated from the messages in flight, anchored to the message', () => {
    const h = harness();
    h.start('lesson', 'replay');
    h.send({ type: 'lesson', op: 'run', step: 0 });
    h.settle();
    h.send({ type: 'lesson', op: 'run', step: 1, play: 'beats' });
    const s = h.settle();
    expect(s.verdicts[1]!.pass).toBe(true);
    const page = s.captions!.find((c) => c.id.startsWith('page:'))!;
    expect(page.anchor).toMatchObject({ message: expect.any(Number) });
    expect(s.captions!.some((c) => c.id.startsWith('pageAck:'))).toBe(true);
    expect(s.captions!.some((c) => c.id.startsWith('finished:'))).toBe(true);
  });

  it('pause holds the beat where it is (the global Pause too) and play resumes it; the verdict and hash are unchanged', () => {
    const flat = runAll('lesson', 'phi');
    const h = harness();
    h.start('lesson', 'phi');
    h.send({ type: 'lesson', op: 'run', step: 0, play: 'beats' });
    for (let i = 0; i < 20; i++) h.tick();
    h.send({ type: 'pause' });
    expect(h.status()).toMatchObject({ phase: 'running', message: null, beat: { paused: true } });
    const held = h.sim().now;
    for (let i = 0; i < 200; i++) h.tick();
    expect(h.sim().now).toBe(held);
    h.send({ type: 'lesson', op: 'resume' });
    expect(h.status()!.beat!.paused).toBe(false);
    h.send({ type: 'lesson', op: 'pause' });
    h.send({ type: 'play' });
    const s = h.settle();
    expect(s.verdicts[0]!.pass).toBe(true);
    expect(h.sim().traceHash()).toBe(flat[0]!.hash);
    expect(h.host.playing).toBe(false);
  });

  it('skip to result runs the rest flat out within a few ticks; a seek still cuts a playing step short', () => {
    const flat = runAll('lesson', 'replay');
    const h = harness();
    h.start('lesson', 'replay');
    h.send({ type: 'lesson', op: 'run', step: 0, play: 'beats' });
    for (let i = 0; i < 5; i++) h.tick();
    h.send({ type: 'lesson', op: 'skip' });
    let ticks = 0;
    while (h.status()!.phase !== 'ready') {
      h.tick();
      ticks++;
    }
    expect(ticks).toBeLessThan(10);
    expect(h.sim().traceHash()).toBe(flat[0]!.hash);
    h.send({ type: 'lesson', op: 'run', step: 1, play: 'beats' });
    h.tick();
    h.send({ type: 'seek', atMs: 1000 });
    expect(h.status()).toMatchObject({ phase: 'ready', ranThrough: null });
    expect(h.status()!.message).toMatch(/time travel cut step 2 short/);
    h.send({ type: 'lesson', op: 'skip' });
    expect(h.out.at(-1)).toEqual({ type: 'error', message: 'lesson: no step is playing to skip' });
  });

  it('reduced motion: each beat jumps at once and dwells, captions still come', () => {
    const h = harness();
    h.start('lesson', 'replay');
    h.send({ type: 'lesson', op: 'run', step: 0, play: 'still' });
    const start = h.sim().now;
    h.tick();
    // The 30 s wait is one jump: done in the first tick.
    expect(h.sim().now).toBeCloseTo(start + 30_000, 2);
    const s = h.settle();
    expect(s.verdicts[0]!.pass).toBe(true);
    expect(s.captions!.map((c) => c.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^crash:/), expect.stringMatching(/^convict:/), expect.stringMatching(/^hint:/)]));
  });
});
