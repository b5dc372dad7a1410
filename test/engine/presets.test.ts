import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine';
import { scenario } from './harness';

const H = 3_600_000;
const D = 86_400_000;

const settingsOf = (settings: Record<string, unknown>) => parseScenario(scenario({ settings })).settings;

describe('presets (fidelity.md table) and overrides', () => {
  it('sets every value of the table', () => {
    const table = {
      cassandra: { hintMode: 'coordinator', maxHintWindow: 3 * H, persistentHintWindow: true, hintTtl: 10 * D, hintFlushPeriod: 10_000, hintOnTimeout: 'always', conflictResolution: 'lww', readRepair: true },
      scylla: { hintMode: 'coordinator', maxHintWindow: 3 * H, persistentHintWindow: false, hintTtl: 10 * D, hintFlushPeriod: 10_000, hintOnTimeout: 'if-level-met', conflictResolution: 'lww', readRepair: true },
      dynamo: { hintMode: 'sloppy-quorum', strictQuorum: false, maxHintWindow: null, hintTtl: null, hintFlushPeriod: 0, conflictResolution: 'vector-clock', readRepair: true },
      riak: { hintMode: 'sloppy-quorum', strictQuorum: false, maxHintWindow: null, hintTtl: null, hintFlushPeriod: 0, conflictResolution: 'vector-clock', readRepair: true },
    };
    for (const [preset, want] of Object.entries(table)) expect(settingsOf({ preset }), preset).toMatchObject({ preset, ...want });
    // No preset = cassandra; and the format's other defaults.
    expect(settingsOf({})).toMatchObject({
      ...table.cassandra, preset: 'cassandra', hintedHandoffEnabled: true, maxHintsPerHost: 1_000_000, hintReplayRate: 1000, writeTimeout: 2000,
      readTimeout: 5000, gossipInterval: 1000, phiConvictThreshold: 8, latency: { median: 5, p99: 40 }, dropRate: 0, antiEntropyInterval: null, merkleDepth: 10,
    });
  });

  it('explicit settings override the preset, null included', () => {
    expect(settingsOf({ preset: 'dynamo', maxHintWindow: '1h', hintTtl: '1d', hintFlushPeriod: '5s', conflictResolution: 'lww', strictQuorum: true })).toMatchObject({
      hintMode: 'sloppy-quorum', maxHintWindow: H, hintTtl: D, hintFlushPeriod: 5000, conflictResolution: 'lww', strictQuorum: true,
    });
    expect(settingsOf({ preset: 'cassandra', maxHintWindow: null, hintTtl: null, hintMode: 'sloppy-quorum' })).toMatchObject({ maxHintWindow: null, hintTtl: null, hintMode: 'sloppy-quorum', persistentHintWindow: true });
    expect(settingsOf({ preset: 'scylla', hintOnTimeout: 'always', latency: { p99: '80ms' } })).toMatchObject({ hintOnTimeout: 'always', latency: { median: 5, p99: 80 } });
  });
});
