// The work budget where a session enters: the page's import (a file, a paste, a share link) and
// the worker's staging refuse a session whose replay is too much work, naming the field that
// drives the cost, and leave the running session as it was (issue #12's repros).
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/engine';
import { encodeSession, ImportError, parseImport, parseLink } from '../../src/session';
import { createHarness } from '../worker/harness';

const F = 'hintscope/scenario@1';
const heavyAt = { format: 'hintscope/session@1', scenario: { format: F, name: 'big', cluster: { nodes: 64 }, workload: [{ rate: 1000 }], until: '30d' }, log: [], at: 30 * 86_400_000 };
const repairs = {
  format: 'hintscope/session@1',
  scenario: { format: F, name: 'm', cluster: { nodes: 64, vnodes: 256 }, settings: { merkleDepth: 16, antiEntropyInterval: '1m' }, until: '1h' },
  log: [{ at: 600_000, command: { type: 'heal' } }],
  at: 600_000,
};

const refusal = (f: () => unknown): ImportError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('the page refuses a session whose replay is too much work', () => {
  it('a 64-node, 1,000 ops/s session saved at 30 days with an empty log: at', () => {
    const e = refusal(() => parseImport(JSON.stringify(heavyAt), 'file'));
    expect(e.field).toBe('at');
    expect(e.message).toMatch(/^at: running the session to its moment \(30d\) is too much work/);
  });

  it('one heal at 10 min, repairs every minute at 64 × 256 vnodes, depth 16: the interval, in a file and in a link', () => {
    expect(refusal(() => parseImport(JSON.stringify(repairs), 'paste')).field).toBe('scenario.settings.antiEntropyInterval');
    const link = encodeSession({ scenario: repairs.scenario, log: repairs.log, at: repairs.at });
    expect(refusal(() => parseLink(link)).field).toBe('scenario.settings.antiEntropyInterval');
  });

  it('a plain scenario plays at the page\'s pace: not held to the budget', () => {
    expect(parseImport(JSON.stringify(heavyAt.scenario), 'file').kind).toBe('scenario');
  });

  it('an ordinary session goes through', () => {
    const s = { ...heavyAt, scenario: { ...heavyAt.scenario, cluster: { nodes: 12 }, workload: [{ rate: 100 }] }, at: 3 * 3_600_000 };
    expect(parseImport(JSON.stringify(s), 'file').at).toBe(3 * 3_600_000);
  });
});

describe('the worker refuses it too, before replaying anything', () => {
  it('staging a replay over the budget is refused naming the field; the running session stays', () => {
    const h = createHarness({ sliceBudgetMs: 5 }, { msPerRead: 0.01 });
    h.send({ type: 'init', scenario: defaultScenario() });
    const running = h.host.simulation;
    h.send({ type: 'init', scenario: repairs.scenario, log: repairs.log });
    expect(h.errors().at(-1)).toMatchObject({ message: expect.stringMatching(/^settings\.antiEntropyInterval: running the session to its last command \(10m\) is too much work/) });
    expect(h.host.simulation).toBe(running);
    expect(h.out.some((m) => m.type === 'importProgress')).toBe(false);
  });
});
