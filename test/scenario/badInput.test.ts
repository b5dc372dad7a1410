// The bad-input corpus through the validator (fast): every file and link is refused with its
// field named. Plus the good path: a session file round-trips to the same trace hash.
import { describe, expect, it } from 'vitest';
import { createSession, createSimulation, defaultScenario } from '../../src/engine';
import { encodeSession } from '../../src/store/share';
import { ImportError, jsonDepth, parseImport, parseLink, toSessionFile } from '../../src/store/sessionFile';
import { badFiles, badLinks } from '../fixtures/bad/corpus';

describe('bad input corpus', () => {
  it('has at least 20 files and several links', () => {
    expect(badFiles().length).toBeGreaterThanOrEqual(20);
    expect(badLinks().length).toBeGreaterThanOrEqual(4);
  });

  for (const bad of badFiles()) {
    it(`file ${bad.name} → ${bad.field}`, () => {
      let err: unknown;
      try {
        parseImport(bad.text, 'file');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).field).toBe(bad.field);
      expect((err as ImportError).message).toMatch(bad.says);
      expect((err as ImportError).message.startsWith(`${bad.field}: `)).toBe(true);
    });
  }

  for (const bad of badLinks()) {
    it(`link ${bad.name} → ${bad.field}`, () => {
      let err: unknown;
      try {
        parseLink(bad.text);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).field).toBe(bad.field);
      expect((err as ImportError).message).toMatch(bad.says);
    });
  }

  it('leaves Object.prototype alone', () => {
    const bad = badFiles().find((b) => b.name === 'proto-pollution.json')!;
    expect(() => parseImport(bad.text)).toThrow(ImportError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('measures nesting without parsing, ignoring brackets in strings', () => {
    expect(jsonDepth('{"a":[[1]],"b":"[[[[[[[["}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
    expect(jsonDepth('['.repeat(100))).toBeGreaterThan(32);
  });
});

describe('session files', () => {
  const live = () => {
    const sc = { ...defaultScenario(), cluster: { nodes: ['A', 'B', 'C', 'D'], vnodes: 4, replicationFactor: 3 }, until: '1h' };
    const sim = createSimulation(sc);
    sim.advanceTo(2_000);
    sim.apply({ type: 'workload', rate: 20, keys: 50, writeRatio: 0.8, consistency: 'ONE' });
    sim.advanceTo(8_000);
    sim.apply({ type: 'kill', node: 'D' });
    sim.advanceTo(15_000);
    return { sc, sim };
  };

  it('round-trips: export, import, replay to the same trace hash', () => {
    const { sc, sim } = live();
    const file = toSessionFile({ scenario: sc, commandLog: sim.commandLog, now: sim.now, traceHash: sim.traceHash() });
    const text = JSON.stringify(file, null, 2);
    const imported = parseImport(text, 'file');
    expect(imported.kind).toBe('session');
    expect(imported.at).toBe(15_000);
    expect(imported.log).toHaveLength(2);
    const again = createSession(imported.scenario, imported.log);
    again.advanceTo(imported.at!);
    expect(again.traceHash()).toBe(sim.traceHash());
    expect(imported.traceHash).toBe(sim.traceHash());
  });

  it('accepts a plain scenario file (no log) and a pasted share link', () => {
    const plain = parseImport(JSON.stringify(defaultScenario()), 'paste');
    expect(plain.kind).toBe('scenario');
    expect(plain.log).toEqual([]);
    expect(plain.at).toBeNull();
    const { sc, sim } = live();
    const link = `https://example.org/course/hintscope/${encodeSession({ scenario: sc, log: sim.commandLog, at: sim.now })}`;
    const viaLink = parseImport(link, 'paste');
    expect(viaLink.log).toHaveLength(2);
    expect(viaLink.at).toBe(15_000);
  });

  it('refuses a link pasted where a file is expected as JSON', () => {
    expect(() => parseImport('#s=abc', 'file')).toThrow(/^file: not JSON/);
  });
});

describe('replay work bound', () => {
  it('lets ordinary sessions through and refuses absurd ones', async () => {
    const { checkSessionWork, parseScenario } = await import('../../src/engine');
    const checkReplayWork = (sc: ReturnType<typeof parseScenario>, log: Parameters<typeof checkSessionWork>[1]) => checkSessionWork(sc, log, null);
    const six = parseScenario({ ...defaultScenario(), workload: [{ from: 0, to: '30d', rate: 100, keys: 1000 }] });
    // Six nodes, 100 ops/s, a command 3 hours in: fine.
    expect(() => checkReplayWork(six, [{ at: 3 * 3_600_000, command: { type: 'heal' } }])).not.toThrow();
    // 256 nodes, a command 20 days in: refused, naming the entry.
    const big = parseScenario({ ...defaultScenario(), cluster: { nodes: 256 } });
    expect(() => checkReplayWork(big, [{ at: 1000, command: { type: 'heal' } }, { at: 20 * 86_400_000, command: { type: 'heal' } }])).toThrow(/^log\[1\]\.at: .*too much work/);
  });
});
