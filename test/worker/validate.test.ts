// The protocol's check of what the UI posts: every message the UI sends passes as it is; anything
// else is refused in one line naming the field, before the worker acts on it.
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/engine';
import type { ToWorker } from '../../src/protocol';
import { parseToWorker } from '../../src/protocol/validate';
import { createHarness } from './harness';

const good: ToWorker[] = [
  { type: 'init', scenario: defaultScenario() },
  { type: 'init', scenario: '{"format":"x"}', log: [{ at: 1, command: { type: 'heal' } }] },
  { type: 'play' }, { type: 'pause' }, { type: 'setSpeed', speed: 2.5 }, { type: 'step' },
  { type: 'jump', byMs: 60_000 }, { type: 'jumpTo', atMs: 0 }, { type: 'cancelJump' },
  { type: 'seek', atMs: 0 }, { type: 'seek', atMs: 1234.5, id: 7 },
  { type: 'inspect', key: 'user:42' }, { type: 'inspect', key: null },
  { type: 'exportSession' }, { type: 'report' }, { type: 'cancelImport' }, { type: 'frameAck' },
  { type: 'command', command: { type: 'kill', node: 'C', wipe: true } },
  { type: 'lesson', op: 'start', kind: 'interview', id: 'hint-counts' },
  { type: 'lesson', op: 'run', step: 0 }, { type: 'lesson', op: 'leave' },
  { type: 'lesson', op: 'run', step: 1, play: 'beats' }, { type: 'lesson', op: 'run', step: 1, play: 'still' },
  { type: 'lesson', op: 'pause' }, { type: 'lesson', op: 'resume' }, { type: 'lesson', op: 'skip' },
];

const refusal = (raw: unknown) => {
  const r = parseToWorker(raw);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(raw)}`);
  return r;
};

describe('protocol: checking what the UI posts', () => {
  it('passes every message the UI sends, unchanged (the scenario and command as given)', () => {
    for (const msg of good) {
      const r = parseToWorker(msg);
      expect(r, msg.type).toEqual({ ok: true, msg });
    }
    const init = good[0] as Extract<ToWorker, { type: 'init' }>;
    const r = parseToWorker(init);
    expect(r.ok && r.msg.type === 'init' && r.msg.scenario).toBe(init.scenario);
  });

  it('refuses a wrong field in one line naming it', () => {
    expect(refusal({ type: 'setSpeed', speed: '2' }).error).toBe('speed: expected a number, got 2');
    expect(refusal({ type: 'jump', byMs: -5 }).error).toBe('jump.byMs: expected a positive number of ms, got -5');
    expect(refusal({ type: 'jump' }).error).toBe('jump.byMs: expected a positive number of ms, got undefined');
    expect(refusal({ type: 'jumpTo', atMs: Infinity }).error).toBe('jumpTo.atMs: expected a time in ms, got Infinity');
    expect(refusal({ type: 'seek', atMs: -1 }).error).toBe('seek.atMs: expected a time in ms, got -1');
    expect(refusal({ type: 'seek', atMs: 5, id: 'x' }).error).toBe('seek.id: expected a number, got x');
    expect(refusal({ type: 'inspect', key: '' }).error).toBe('key: expected a key of 1..256 characters');
    expect(refusal({ type: 'inspect', key: 'k'.repeat(257) }).error).toBe('key: expected a key of 1..256 characters');
    expect(refusal({ type: 'inspect' }).error).toMatch(/^key: /);
    expect(refusal({ type: 'command', command: 'kill C' }).error).toBe('command: expected a command object, got kill C');
    expect(refusal({ type: 'lesson', op: 'fly' }).error).toBe('lesson.op: unknown operation fly');
    expect(refusal({ type: 'lesson', op: 'start', kind: 'quiz', id: 'x' }).error).toMatch(/^lesson\.kind: /);
    expect(refusal({ type: 'lesson', op: 'start', kind: 'lesson', id: 3 }).error).toMatch(/^lesson\.id: /);
    expect(refusal({ type: 'lesson', op: 'run', step: 1.5 }).error).toMatch(/^lesson\.step: /);
    expect(refusal({ type: 'lesson', op: 'run', step: -1 }).error).toMatch(/^lesson\.step: /);
    expect(refusal({ type: 'lesson', op: 'run', step: 0, play: 'fast' }).error).toBe('lesson.play: expected "beats" or "still", got fast');
  });

  it('refuses what is not a message of the protocol', () => {
    expect(refusal({ type: 'explode' })).toEqual({ ok: false, error: 'Unknown message type: explode', type: null });
    expect(refusal({ type: 'toString' }).type).toBeNull();
    expect(refusal(null).error).toBe('Unknown message type: undefined');
    expect(refusal('play').error).toBe('Unknown message type: undefined');
  });

  it('keeps a refused seek\'s id (the worker still acknowledges it)', () => {
    expect(refusal({ type: 'seek', atMs: Number.NaN, id: 8 })).toMatchObject({ type: 'seek', seekId: 8 });
    expect(refusal({ type: 'seek', atMs: Number.NaN })).not.toHaveProperty('seekId');
  });
});

describe('worker host: a refused message', () => {
  it('is reported and changes nothing', () => {
    const h = createHarness();
    h.send({ type: 'init', scenario: defaultScenario() });
    h.send({ type: 'frameAck' });
    const posted = h.out.length;
    h.send({ type: 'jump', byMs: 0 });
    h.send({ type: 'setSpeed', speed: Number.NaN } as ToWorker);
    h.send({ type: 'nope' } as unknown as ToWorker);
    expect(h.out.slice(posted).map((m) => m.type)).toEqual(['error', 'error', 'error']);
    expect(h.errors().at(-1)).toMatchObject({ message: 'Unknown message type: nope' });
    expect(h.host.speed).toBe(1);
    h.advance(1000);
    expect(h.sim().now).toBe(0);
  });

  it('a refused seek before any simulation is only reported', () => {
    const h = createHarness();
    h.send({ type: 'seek', atMs: -1, id: 3 });
    expect(h.out).toEqual([{ type: 'error', message: 'seek.atMs: expected a time in ms, got -1' }]);
  });
});
