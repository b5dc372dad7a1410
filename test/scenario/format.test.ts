// The scenario format (shared/scenario-format.md) checked field by field against the parser:
// every bound at its edge (just inside is accepted, just outside is refused naming the field),
// durations, nulls, unknown keys everywhere, entry kinds, defaults, and the semantics that the
// format decides for input the bounds do not forbid (a level above RF, an unordered workload,
// a generator whose `to` is not after its `from`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, formatDuration, parseDuration, parseScenario, ScenarioError, type Report, type Scenario } from '../../src/engine';

const ROOT = join(__dirname, '..', '..');
/** The format's own example (scenario-format.md), comments stripped. */
const EXAMPLE_TEXT = readFileSync(join(ROOT, 'test', 'fixtures', 'format-example.scenario.json'), 'utf8');

type Doc = Record<string, unknown> & {
  cluster: Record<string, unknown>;
  settings: Record<string, unknown>;
  workload: unknown[];
  faults: unknown[];
};

function base(): Doc {
  return {
    format: 'hintscope/scenario@1',
    name: 'format test',
    cluster: { nodes: ['A', 'B', 'C', 'D'], replicationFactor: 3 },
    settings: {},
    workload: [],
    faults: [],
    until: '1m',
  };
}

const DAY = 86_400_000;
const gen = (extra: Record<string, unknown> = {}) => ({ from: '0s', to: '1m', rate: 10, ...extra });
const write = (extra: Record<string, unknown> = {}, at: unknown = '1s') => ({ at, write: { key: 'k', value: 'v', ...extra } });
const read = (extra: Record<string, unknown> = {}, at: unknown = '1s') => ({ at, read: { key: 'k', ...extra } });

function errorOf(input: unknown): ScenarioError {
  try {
    parseScenario(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected a ScenarioError, but the scenario was accepted');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Refused naming `field`, the same way as an object and as JSON text, on one line. */
function expectRefused(doc: unknown, field: string, says?: RegExp): void {
  const err = errorOf(doc);
  expect(err.field).toBe(field);
  expect(err.message).toMatch(new RegExp(`^${escape(field)}: \\S`));
  expect(err.message).not.toMatch(/\n/);
  if (says) expect(err.message).toMatch(says);
  if (typeof doc !== 'string') expect(errorOf(JSON.stringify(doc)).message).toBe(err.message);
}

// ---- bounds ------------------------------------------------------------------------------------

/** [what, how to set it, what the parsed scenario must show] — inside the bounds, so accepted. */
const ACCEPTED: [string, (d: Doc) => void, (s: Scenario) => unknown, unknown][] = [
  ['nodes: count 1 (RF defaults to 1)', (d) => { d.cluster = { nodes: 1 }; }, (s) => [s.nodes, s.replicationFactor], [['n1'], 1]],
  ['nodes: count 2 (RF defaults to 2)', (d) => { d.cluster = { nodes: 2 }; }, (s) => s.replicationFactor, 2],
  ['nodes: count 256', (d) => { d.cluster = { nodes: 256 }; }, (s) => [s.nodes.length, s.nodes[255]], [256, 'n256']],
  ['nodes: 256 names', (d) => { d.cluster = { nodes: Array.from({ length: 256 }, (_, i) => `node_${i}`) }; }, (s) => s.nodes.length, 256],
  ['nodes: one name', (d) => { d.cluster = { nodes: ['solo'], replicationFactor: 1 }; }, (s) => s.nodes, ['solo']],
  ['node name of 16 characters, every allowed kind', (d) => { d.cluster = { nodes: ['aZ09_-aZ09_-aZ09', 'b'], replicationFactor: 2 }; }, (s) => s.nodes[0], 'aZ09_-aZ09_-aZ09'],
  ['vnodes 1', (d) => { d.cluster.vnodes = 1; }, (s) => s.vnodes, 1],
  ['vnodes 256', (d) => { d.cluster.vnodes = 256; }, (s) => s.vnodes, 256],
  ['replicationFactor = nodes', (d) => { d.cluster.replicationFactor = 4; }, (s) => s.replicationFactor, 4],
  ['replicationFactor 1', (d) => { d.cluster.replicationFactor = 1; }, (s) => s.replicationFactor, 1],
  ['rate 100000', (d) => { d.workload.push(gen({ rate: 100_000 })); }, (s) => s.workload[0], expect.objectContaining({ rate: 100_000 })],
  ['rate 0.001', (d) => { d.workload.push(gen({ rate: 0.001 })); }, (s) => s.workload[0], expect.objectContaining({ rate: 0.001 })],
  ['keys 1', (d) => { d.workload.push(gen({ keys: 1 })); }, (s) => s.workload[0], expect.objectContaining({ keys: 1 })],
  ['keys 10,000,000', (d) => { d.workload.push(gen({ keys: 10_000_000 })); }, (s) => s.workload[0], expect.objectContaining({ keys: 10_000_000 })],
  ['writeRatio 0', (d) => { d.workload.push(gen({ writeRatio: 0 })); }, (s) => s.workload[0], expect.objectContaining({ writeRatio: 0 })],
  ['writeRatio 1', (d) => { d.workload.push(gen({ writeRatio: 1 })); }, (s) => s.workload[0], expect.objectContaining({ writeRatio: 1 })],
  ['dropRate 0', (d) => { d.settings.dropRate = 0; }, (s) => s.settings.dropRate, 0],
  ['dropRate 1', (d) => { d.settings.dropRate = 1; }, (s) => s.settings.dropRate, 1],
  ['phiConvictThreshold 100', (d) => { d.settings.phiConvictThreshold = 100; }, (s) => s.settings.phiConvictThreshold, 100],
  ['phiConvictThreshold 0.001', (d) => { d.settings.phiConvictThreshold = 0.001; }, (s) => s.settings.phiConvictThreshold, 0.001],
  ['merkleDepth 1', (d) => { d.settings.merkleDepth = 1; }, (s) => s.settings.merkleDepth, 1],
  ['merkleDepth 16', (d) => { d.settings.merkleDepth = 16; }, (s) => s.settings.merkleDepth, 16],
  ['a duration of 0', (d) => { d.settings.writeTimeout = 0; }, (s) => s.settings.writeTimeout, 0],
  ['a duration of "0s"', (d) => { d.settings.hintFlushPeriod = '0s'; }, (s) => s.settings.hintFlushPeriod, 0],
  ['a duration of 30d', (d) => { d.settings.hintTtl = '30d'; }, (s) => s.settings.hintTtl, 30 * DAY],
  ['a duration of 30d in ms', (d) => { d.settings.hintTtl = 30 * DAY; }, (s) => s.settings.hintTtl, 30 * DAY],
  ['until 30d', (d) => { d.until = '30d'; }, (s) => s.until, 30 * DAY],
  ['until 1 ms', (d) => { d.until = 1; }, (s) => s.until, 1],
  ['until 0.001 ms (the clock ticks in µs)', (d) => { d.until = '0.001ms'; }, (s) => s.until, 0.001],
  ['hintReplayRate 0.5', (d) => { d.settings.hintReplayRate = 0.5; }, (s) => s.settings.hintReplayRate, 0.5],
  ['hintReplayRate 1e9 (no upper bound)', (d) => { d.settings.hintReplayRate = 1e9; }, (s) => s.settings.hintReplayRate, 1e9],
  ['maxHintsPerHost 0', (d) => { d.settings.maxHintsPerHost = 0; }, (s) => s.settings.maxHintsPerHost, 0],
  ['maxHintsPerHost 1e12 (no upper bound)', (d) => { d.settings.maxHintsPerHost = 1e12; }, (s) => s.settings.maxHintsPerHost, 1e12],
  ['workload of 10,000 entries', (d) => { d.workload = Array.from({ length: 10_000 }, () => read()); }, (s) => s.workload.length, 10_000],
  ['faults of 10,000 entries', (d) => { d.faults = Array.from({ length: 10_000 }, () => ({ at: '1s', heal: true })); }, (s) => s.faults.length, 10_000],
  ['name of 1 character', (d) => { d.name = 'x'; }, (s) => s.name, 'x'],
  ['name of 120 characters', (d) => { d.name = 'x'.repeat(120); }, (s) => s.name.length, 120],
  ['seed 0', (d) => { d.seed = 0; }, (s) => s.seed, 0],
  ['negative seed', (d) => { d.seed = -7; }, (s) => s.seed, -7],
  ['seed 2^53 - 1', (d) => { d.seed = Number.MAX_SAFE_INTEGER; }, (s) => s.seed, Number.MAX_SAFE_INTEGER],
  ['node names in faults, partitions and coordinators that exist', (d) => {
    d.faults.push({ at: '1s', kill: 'A' }, { at: '2s', partition: [['A', 'B'], ['C']] }, { at: '3s', slow: 'D', extraLatency: '1s' });
    d.workload.push(write({ coordinator: 'B' }), read({ coordinator: 'C' }), gen({ coordinator: 'D' }));
  }, (s) => [s.faults.length, s.workload.length], [3, 3]],
  ['nodes given as a count are named n1..nN in faults', (d) => { d.cluster = { nodes: 4 }; d.faults.push({ at: '1s', kill: 'n4' }); }, (s) => s.faults[0], expect.objectContaining({ node: 'n4' })],
];

/** [what, how to break it, the field named, a word of the message] — outside the bounds. */
const REFUSED: [string, (d: Doc) => unknown, string, RegExp?][] = [
  ['nodes 0', (d) => { d.cluster = { nodes: 0 }; }, 'cluster.nodes', />= 1/],
  ['nodes 257', (d) => { d.cluster = { nodes: 257 }; }, 'cluster.nodes', /<= 256/],
  ['nodes 2.5', (d) => { d.cluster = { nodes: 2.5 }; }, 'cluster.nodes', /integer/],
  ['nodes "6"', (d) => { d.cluster = { nodes: '6' }; }, 'cluster.nodes', /list of node names or a count/],
  ['nodes null', (d) => { d.cluster = { nodes: null }; }, 'cluster.nodes', /list of node names or a count/],
  ['nodes []', (d) => { d.cluster = { nodes: [] }; }, 'cluster.nodes', /at least one/],
  ['257 node names', (d) => { d.cluster = { nodes: Array.from({ length: 257 }, (_, i) => `n${i}`) }; }, 'cluster.nodes', /at most 256/],
  ['node name of 17 characters', (d) => { d.cluster.nodes = ['A', 'B', 'C', 'x'.repeat(17)]; }, 'cluster.nodes[3]', /1\.\.16/],
  ['empty node name', (d) => { d.cluster.nodes = ['A', '', 'C', 'D']; }, 'cluster.nodes[1]', /1\.\.16/],
  ['node name with a dot', (d) => { d.cluster.nodes = ['A', 'B', 'c.1', 'D']; }, 'cluster.nodes[2]', /\[A-Za-z0-9_-\]/],
  ['node name not a string', (d) => { d.cluster.nodes = ['A', 'B', 7, 'D']; }, 'cluster.nodes[2]', /node name/],
  ['duplicate node names', (d) => { d.cluster.nodes = ['A', 'B', 'A', 'D']; }, 'cluster.nodes[2]', /duplicate/],
  ['vnodes 0', (d) => { d.cluster.vnodes = 0; }, 'cluster.vnodes', />= 1/],
  ['vnodes 257', (d) => { d.cluster.vnodes = 257; }, 'cluster.vnodes', /<= 256/],
  ['vnodes 1.5', (d) => { d.cluster.vnodes = 1.5; }, 'cluster.vnodes', /integer/],
  ['replicationFactor 0', (d) => { d.cluster.replicationFactor = 0; }, 'cluster.replicationFactor', />= 1/],
  ['replicationFactor nodes + 1', (d) => { d.cluster.replicationFactor = 5; }, 'cluster.replicationFactor', /number of nodes \(4\), got 5/],
  ['replicationFactor 2.5', (d) => { d.cluster.replicationFactor = 2.5; }, 'cluster.replicationFactor', /integer/],
  ['rate 0', (d) => { d.workload.push(gen({ rate: 0 })); }, 'workload[0].rate', /> 0/],
  ['rate -1', (d) => { d.workload.push(gen({ rate: -1 })); }, 'workload[0].rate', /> 0/],
  ['rate 100001', (d) => { d.workload.push(gen({ rate: 100_001 })); }, 'workload[0].rate', /<= 100000/],
  ['rate "10"', (d) => { d.workload.push(gen({ rate: '10' })); }, 'workload[0].rate', /rate/],
  ['keys 0', (d) => { d.workload.push(gen({ keys: 0 })); }, 'workload[0].keys', />= 1/],
  ['keys 10,000,001', (d) => { d.workload.push(gen({ keys: 10_000_001 })); }, 'workload[0].keys', /<= 10000000/],
  ['keys 1.5', (d) => { d.workload.push(gen({ keys: 1.5 })); }, 'workload[0].keys', /integer/],
  ['writeRatio -0.01', (d) => { d.workload.push(gen({ writeRatio: -0.01 })); }, 'workload[0].writeRatio', />= 0/],
  ['writeRatio 1.01', (d) => { d.workload.push(gen({ writeRatio: 1.01 })); }, 'workload[0].writeRatio', /<= 1/],
  ['dropRate -0.01', (d) => { d.settings.dropRate = -0.01; }, 'settings.dropRate', />= 0/],
  ['dropRate 1.01', (d) => { d.settings.dropRate = 1.01; }, 'settings.dropRate', /<= 1/],
  ['phiConvictThreshold 0', (d) => { d.settings.phiConvictThreshold = 0; }, 'settings.phiConvictThreshold', /> 0/],
  ['phiConvictThreshold 100.5', (d) => { d.settings.phiConvictThreshold = 100.5; }, 'settings.phiConvictThreshold', /<= 100/],
  ['merkleDepth 0', (d) => { d.settings.merkleDepth = 0; }, 'settings.merkleDepth', />= 1/],
  ['merkleDepth 17', (d) => { d.settings.merkleDepth = 17; }, 'settings.merkleDepth', /<= 16/],
  ['merkleDepth 8.5', (d) => { d.settings.merkleDepth = 8.5; }, 'settings.merkleDepth', /integer/],
  ['a duration of -1 ms', (d) => { d.settings.readTimeout = -1; }, 'settings.readTimeout', /between 0 and 30d/],
  ['a duration of 30d + 1 ms', (d) => { d.settings.hintTtl = 30 * DAY + 1; }, 'settings.hintTtl', /between 0 and 30d/],
  ['a duration of "30d1ms"', (d) => { d.settings.maxHintWindow = '30d1ms'; }, 'settings.maxHintWindow', /between 0 and 30d/],
  ['a duration of "31d"', (d) => { d.settings.antiEntropyInterval = '31d'; }, 'settings.antiEntropyInterval', /between 0 and 30d/],
  ['until 0', (d) => { d.until = 0; }, 'until', /> 0/],
  ['until "0s"', (d) => { d.until = '0s'; }, 'until', /> 0/],
  ['until below the µs clock', (d) => { d.until = '0.0004ms'; }, 'until', /> 0/],
  ['until 31d', (d) => { d.until = '31d'; }, 'until', /30d/],
  ['hintReplayRate 0', (d) => { d.settings.hintReplayRate = 0; }, 'settings.hintReplayRate', /> 0/],
  ['hintReplayRate -5', (d) => { d.settings.hintReplayRate = -5; }, 'settings.hintReplayRate', /> 0/],
  ['maxHintsPerHost -1', (d) => { d.settings.maxHintsPerHost = -1; }, 'settings.maxHintsPerHost', />= 0/],
  ['maxHintsPerHost 2.5', (d) => { d.settings.maxHintsPerHost = 2.5; }, 'settings.maxHintsPerHost', /integer/],
  ['workload of 10,001 entries', (d) => { d.workload = Array.from({ length: 10_001 }, () => read()); }, 'workload', /10000/],
  ['faults of 10,001 entries', (d) => { d.faults = Array.from({ length: 10_001 }, () => ({ at: '1s', heal: true })); }, 'faults', /10000/],
  ['unknown node in kill', (d) => { d.faults.push({ at: '1s', kill: 'Z' }); }, 'faults[0].kill', /unknown node "Z"/],
  ['unknown node in restart', (d) => { d.faults.push({ at: '1s', restart: 'Z' }); }, 'faults[0].restart', /unknown node/],
  ['unknown node in repair', (d) => { d.faults.push({ at: '1s', repair: 'Z' }); }, 'faults[0].repair', /unknown node/],
  ['unknown node in slow', (d) => { d.faults.push({ at: '1s', slow: 'Z', extraLatency: '1s' }); }, 'faults[0].slow', /unknown node/],
  ['unknown node in a partition', (d) => { d.faults.push({ at: '1s', partition: [['A'], ['B', 'Z']] }); }, 'faults[0].partition[1][1]', /unknown node/],
  ['node names are case-sensitive', (d) => { d.faults.push({ at: '1s', kill: 'a' }); }, 'faults[0].kill', /unknown node "a"/],
  ['a count names n1..nN, not A..', (d) => { d.cluster = { nodes: 4 }; d.faults.push({ at: '1s', kill: 'A' }); }, 'faults[0].kill', /unknown node/],
  ['n0 is not a node of a count', (d) => { d.cluster = { nodes: 4 }; d.faults.push({ at: '1s', kill: 'n0' }); }, 'faults[0].kill', /unknown node/],
  ['unknown write coordinator', (d) => { d.workload.push(write({ coordinator: 'Z' })); }, 'workload[0].write.coordinator', /unknown node/],
  ['unknown read coordinator', (d) => { d.workload.push(read({ coordinator: 'Z' })); }, 'workload[0].read.coordinator', /unknown node/],
  ['unknown generator coordinator', (d) => { d.workload.push(gen({ coordinator: 'Z' })); }, 'workload[0].coordinator', /unknown node/],
  ['name ""', (d) => { d.name = ''; }, 'name', /1\.\.120/],
  ['name of 121 characters', (d) => { d.name = 'x'.repeat(121); }, 'name', /1\.\.120/],
  ['name not a string', (d) => { d.name = 42; }, 'name', /name/],
  ['missing name', (d) => { delete d.name; }, 'name', /missing/],
  ['seed 1.5', (d) => { d.seed = 1.5; }, 'seed', /integer/],
  ['seed "1"', (d) => { d.seed = '1'; }, 'seed', /integer/],
  ['seed beyond 2^53', (d) => { d.seed = 2 ** 60; }, 'seed', /integer <= 9007199254740991/],
  ['format wrong', (d) => { d.format = 'hintscope/scenario@2'; }, 'format', /hintscope\/scenario@1/],
  ['format differs in case', (d) => { d.format = 'HintScope/scenario@1'; }, 'format'],
  ['format with a trailing space', (d) => { d.format = 'hintscope/scenario@1 '; }, 'format'],
  ['missing format', (d) => { delete d.format; }, 'format', /missing/],
  ['missing until', (d) => { delete d.until; }, 'until', /missing/],
];

describe('bounds (scenario-format.md "Bounds")', () => {
  it.each(ACCEPTED)('accepted: %s', (_what, set, get, want) => {
    const d = base();
    set(d);
    expect(get(parseScenario(d))).toEqual(want);
    expect(get(parseScenario(JSON.stringify(d)))).toEqual(want);
  });

  it.each(REFUSED)('refused: %s', (_what, breakIt, field, says) => {
    const d = base();
    const doc = breakIt(d) ?? d;
    expectRefused(doc, field, says);
  });

  it('numbers that JSON writes but cannot hold (1e400 reads as Infinity) are refused, naming the field', () => {
    const text = (field: string) => JSON.stringify(base()).replace('"until":"1m"', `"until":"1m",${field}`);
    const cases: [string, string][] = [
      ['"seed":1e400', 'seed'],
      ['"description":-1e400', 'description'],
    ];
    for (const [json, field] of cases) expectRefused(text(json), field);
    const into = (path: string, value: string) => JSON.stringify(base()).replace(path, value);
    expectRefused(into('"nodes":["A","B","C","D"]', '"nodes":1e400'), 'cluster.nodes', /too large/);
    expectRefused(into('"settings":{}', '"settings":{"phiConvictThreshold":1e400}'), 'settings.phiConvictThreshold', /too large/);
    expectRefused(into('"settings":{}', '"settings":{"hintReplayRate":1e400}'), 'settings.hintReplayRate', /too large/);
    expectRefused(into('"settings":{}', '"settings":{"maxHintsPerHost":1e400}'), 'settings.maxHintsPerHost', /too large/);
    expectRefused(into('"settings":{}', '"settings":{"writeTimeout":1e400}'), 'settings.writeTimeout', /30d/);
    expectRefused(into('"until":"1m"', '"until":-1e400'), 'until', /30d/);
    expectRefused(into('"workload":[]', '"workload":[{"rate":1e400}]'), 'workload[0].rate', /too large/);
    expectRefused(into('"workload":[]', '"workload":[{"rate":1,"keys":1e400}]'), 'workload[0].keys', /too large/);
  });

  it('a file over 1 MB is refused before it is parsed (even if it is not JSON)', () => {
    const text = `{"format":"hintscope/scenario@1",${' '.repeat(1_000_000)}`;
    expect(errorOf(text).message).toMatch(/larger than 1 MB/);
    const exactly = JSON.stringify({ ...base(), description: '' });
    const padded = exactly.replace('"description":""', `"description":"${'d'.repeat(20_000 - 1)}"`);
    // Within 1 MB: the description bound (20,000 characters) is the only limit that applies.
    expect(() => parseScenario(padded)).not.toThrow();
  });
});

// ---- durations ---------------------------------------------------------------------------------

describe('durations', () => {
  it.each([
    ['500ms', 500], ['1.5s', 1500], ['3h', 3 * 3_600_000], ['10d', 10 * DAY], ['11m20s', 680_000],
    ['0s', 0], ['0ms', 0], ['1d2h3m4s5ms', DAY + 2 * 3_600_000 + 3 * 60_000 + 4000 + 5], ['1h30m', 5_400_000],
    ['0.5ms', 0.5], ['2.25m', 135_000], ['1m0.5s', 60_500], ['007s', 7000], [250, 250], [0, 0], [1.5, 1.5],
  ] as [unknown, number][])('%j = %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    const d = base();
    d.settings.writeTimeout = text;
    expect(parseScenario(d).settings.writeTimeout).toBe(ms);
  });

  it.each([
    ['20s11m', 'smaller unit first'], ['1m1m', 'a repeated unit'], ['1s1s', 'a repeated unit'], ['1ms1s', 'ms before s'],
    ['', 'empty'], ['10', 'a bare number in a string'], ['1.5', 'a bare decimal in a string'], ['-5s', 'negative'],
    ['3 h', 'a space inside'], [' 3h', 'a leading space'], ['3h ', 'a trailing space'], ['1h 30m', 'a space between groups'],
    ['3H', 'an upper-case unit'], ['3 hours', 'a word'], ['.5s', 'no digit before the point'], ['1.s', 'no digit after the point'],
    ['1e3ms', 'an exponent'], ['+1s', 'a sign'], ['1w', 'an unknown unit'], ['1us', 'an unknown unit (µs)'], ['1h30', 'a group without its unit'],
    ['s', 'a unit without a number'], [true, 'a boolean'], [[1], 'a list'], [{ ms: 5 }, 'an object'], ['1,5s', 'a decimal comma'],
  ] as [unknown, string][])('%j (%s) is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
    const d = base();
    d.settings.maxHintWindow = text;
    expectRefused(d, 'settings.maxHintWindow', /expected a duration like "3h"/);
  });

  /** Every duration the format has, and how to put a value there. */
  const FIELDS: [string, (d: Doc, v: unknown) => void][] = [
    ['until', (d, v) => { d.until = v; }],
    ...['maxHintWindow', 'hintTtl', 'hintFlushPeriod', 'writeTimeout', 'readTimeout', 'gossipInterval', 'antiEntropyInterval'].map(
      (k) => [`settings.${k}`, (d: Doc, v: unknown) => { d.settings[k] = v; }] as [string, (d: Doc, v: unknown) => void],
    ),
    ['settings.latency.median', (d, v) => { d.settings.latency = { median: v, p99: '1m' }; }],
    ['settings.latency.p99', (d, v) => { d.settings.latency = { median: '5ms', p99: v }; }],
    ['workload[0].at', (d, v) => { d.workload.push(write({}, v)); }],
    ['workload[0].from', (d, v) => { d.workload.push(gen({ from: v })); }],
    ['workload[0].to', (d, v) => { d.workload.push(gen({ to: v })); }],
    ['faults[0].at', (d, v) => { d.faults.push({ at: v, kill: 'A' }); }],
    ['faults[0].extraLatency', (d, v) => { d.faults.push({ at: '1s', slow: 'A', extraLatency: v }); }],
  ];

  it.each(FIELDS)('%s: a bad duration names the field', (field, set) => {
    for (const bad of ['20s11m', '3 hours', '', '-1s', -1, '31d', 30 * DAY + 1, false]) {
      const d = base();
      set(d, bad);
      expectRefused(d, field, /expected a duration/);
    }
    const d = base();
    // antiEntropyInterval has a floor of 1m (Bounds; its own test below).
    set(d, field === 'settings.antiEntropyInterval' ? '1m1.5s' : '1.5s');
    expect(() => parseScenario(d)).not.toThrow();
  });

  const NULLABLE = ['settings.maxHintWindow', 'settings.hintTtl', 'settings.antiEntropyInterval'];
  it.each(FIELDS)('%s: null only where the format allows it', (field, set) => {
    const d = base();
    set(d, null);
    if (NULLABLE.includes(field)) {
      const s = parseScenario(d);
      expect(s.settings[field.slice('settings.'.length) as 'hintTtl']).toBeNull();
    } else {
      expectRefused(d, field, /expected a duration/);
    }
  });

  it('null overrides a preset (cassandra sets a window and a TTL)', () => {
    const d = base();
    d.settings = { preset: 'cassandra', maxHintWindow: null, hintTtl: null };
    const s = parseScenario(d).settings;
    expect([s.maxHintWindow, s.hintTtl]).toEqual([null, null]);
  });

  it('periodic work has a floor: gossipInterval >= 100ms, antiEntropyInterval null or >= 1m (Bounds); 0 elsewhere is valid', () => {
    const FLOOR = /at least 100ms \(periodic work at a finer grain/;
    for (const bad of [0, '0.0001ms', '0.001ms', '99.999ms', 99]) {
      const d = base();
      d.settings.gossipInterval = bad;
      expectRefused(d, 'settings.gossipInterval', FLOOR);
    }
    for (const bad of [0, 0.0001, '0.001ms', '1ms', '59.999s', 59_999]) {
      const d = base();
      d.settings.antiEntropyInterval = bad;
      expectRefused(d, 'settings.antiEntropyInterval', /expected null or a duration of at least 1m \(periodic work/);
    }
    const floor = base();
    floor.settings = { gossipInterval: '100ms', antiEntropyInterval: '1m' };
    expect(parseScenario(floor).settings).toMatchObject({ gossipInterval: 100, antiEntropyInterval: 60_000 });
    const ok = base();
    ok.settings = { hintFlushPeriod: 0, writeTimeout: 0, readTimeout: 0, maxHintWindow: 0, hintTtl: 0, antiEntropyInterval: null, latency: { median: 0, p99: 0 } };
    ok.faults.push({ at: 0, slow: 'A', extraLatency: 0 });
    expect(() => parseScenario(ok)).not.toThrow();
  });

  it('durations are kept to the µs (the engine clock), so a tiny interval cannot stall time', () => {
    const d = base();
    d.settings = { hintFlushPeriod: '0.0004ms', writeTimeout: '1.0004ms' };
    const s = parseScenario(d).settings;
    expect([s.hintFlushPeriod, s.writeTimeout]).toEqual([0, 1]);
    // This used to schedule a timer 0 µs ahead of itself forever.
    const sim = createSimulation({ ...base(), settings: { hintFlushPeriod: '0.0004ms' }, until: '5s' });
    expect(sim.advanceTo(sim.until, 1_000_000)).toBe(true);
  });

  it('formatDuration writes what parseDuration reads back, to the µs', () => {
    for (const ms of [0, 0.001, 0.5, 1.5, 500, 1500, 680_000, 3 * 3_600_000, 10 * DAY, 30 * DAY, 1500.25, 123_456_789.123]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
    expect(formatDuration(680_000)).toBe('11m20s');
    expect(formatDuration(1.5)).toBe('1.5ms');
  });
});

// ---- keys, types, entry kinds -----------------------------------------------------------------

describe('unknown keys are errors everywhere', () => {
  it.each([
    ['top level', (d: Doc) => { d.Until = '1h'; }, 'Until'],
    ['cluster', (d: Doc) => { d.cluster.rf = 3; }, 'cluster.rf'],
    ['settings', (d: Doc) => { d.settings.hintWindow = '3h'; }, 'settings.hintWindow'],
    ['settings.latency', (d: Doc) => { d.settings.latency = { median: '5ms', p999: '1s' }; }, 'settings.latency.p999'],
    ['a write entry', (d: Doc) => { d.workload.push({ ...write(), note: 'x' }); }, 'workload[0].note'],
    ['a write body', (d: Doc) => { d.workload.push(write({ ttl: 5 })); }, 'workload[0].write.ttl'],
    ['a read entry', (d: Doc) => { d.workload.push({ ...read(), note: 'x' }); }, 'workload[0].note'],
    ['a read body', (d: Doc) => { d.workload.push(read({ value: 'v' })); }, 'workload[0].read.value'],
    ['a generator', (d: Doc) => { d.workload.push(gen({ burst: 5 })); }, 'workload[0].burst'],
    ['a kill', (d: Doc) => { d.faults.push({ at: '1s', kill: 'A', graceful: true }); }, 'faults[0].graceful'],
    ['a restart', (d: Doc) => { d.faults.push({ at: '1s', restart: 'A', clean: true }); }, 'faults[0].clean'],
    ['a partition', (d: Doc) => { d.faults.push({ at: '1s', partition: [['A']], oneWay: true }); }, 'faults[0].oneWay'],
    ['a heal', (d: Doc) => { d.faults.push({ at: '1s', heal: true, node: 'A' }); }, 'faults[0].node'],
    ['a repair', (d: Doc) => { d.faults.push({ at: '1s', repair: 'A', full: true }); }, 'faults[0].full'],
    ['a slow', (d: Doc) => { d.faults.push({ at: '1s', slow: 'A', extraLatency: '1s', jitter: '1ms' }); }, 'faults[0].jitter'],
    ['a prototype key', (d: Doc) => JSON.parse(JSON.stringify(d).replace('{', '{"__proto__":{"x":1},')) as unknown, '__proto__'],
    ['"constructor"', (d: Doc) => { d.settings = JSON.parse('{"constructor":{}}') as Record<string, unknown>; }, 'settings.constructor'],
  ] as [string, (d: Doc) => unknown, string][])('%s', (_what, breakIt, field) => {
    const d = base();
    expectRefused(breakIt(d) ?? d, field, /unknown key/);
  });

  it('a key that is not a plain name is quoted, so the line stays one line', () => {
    const d = base() as Record<string, unknown>;
    d['bad\nkey'] = 1;
    expectRefused(d, '["bad\\nkey"]', /unknown key/);
    const long = base() as Record<string, unknown>;
    long['x'.repeat(5000)] = 1;
    expect(errorOf(long).message.length).toBeLessThan(100);
    const spaced = base();
    spaced.settings['hint ttl'] = '1h';
    expectRefused(spaced, 'settings["hint ttl"]', /unknown key/);
  });
});

describe('field types', () => {
  it.each([
    ['cluster not an object', (d: Doc) => { d.cluster = [4] as never; }, 'cluster', /object/],
    ['settings null', (d: Doc) => { d.settings = null as never; }, 'settings', /object/],
    ['latency a number', (d: Doc) => { d.settings.latency = 5; }, 'settings.latency', /object/],
    ['workload an object', (d: Doc) => { d.workload = {} as never; }, 'workload', /list/],
    ['faults null', (d: Doc) => { d.faults = null as never; }, 'faults', /list/],
    ['description a number', (d: Doc) => { d.description = 5; }, 'description', /string/],
    ['preset unknown', (d: Doc) => { d.settings.preset = 'Cassandra'; }, 'settings.preset', /"cassandra"/],
    ['hintMode unknown', (d: Doc) => { d.settings.hintMode = 'sloppy'; }, 'settings.hintMode', /"sloppy-quorum"/],
    ['hintOnTimeout unknown', (d: Doc) => { d.settings.hintOnTimeout = 'never'; }, 'settings.hintOnTimeout', /"if-level-met"/],
    ['conflictResolution unknown', (d: Doc) => { d.settings.conflictResolution = 'crdt'; }, 'settings.conflictResolution', /"vector-clock"/],
    ['a boolean as a string', (d: Doc) => { d.settings.readRepair = 'true'; }, 'settings.readRepair', /true or false/],
    ['a boolean as 1', (d: Doc) => { d.settings.hintedHandoffEnabled = 1; }, 'settings.hintedHandoffEnabled', /true, false or a list of datacenter names/],
    ['persistentHintWindow null', (d: Doc) => { d.settings.persistentHintWindow = null; }, 'settings.persistentHintWindow', /true or false/],
    ['dropRate as a string', (d: Doc) => { d.settings.dropRate = '0.1'; }, 'settings.dropRate', /probability/],
  ] as [string, (d: Doc) => void, string, RegExp][])('%s', (_what, breakIt, field, says) => {
    const d = base();
    breakIt(d);
    expectRefused(d, field, says);
  });

  it.each(['ANY', 'ONE', 'TWO', 'THREE', 'QUORUM', 'ALL'])('consistency %s is a write level', (l) => {
    const d = base();
    d.workload.push(write({ consistency: l }), gen({ consistency: l }));
    expect(parseScenario(d).workload.map((w) => w.consistency)).toEqual([l, l]);
  });

  it.each(['ONE', 'TWO', 'THREE', 'QUORUM', 'ALL', 'LOCAL_ONE', 'LOCAL_QUORUM', 'EACH_QUORUM'])('consistency %s is a read level', (l) => {
    const d = base();
    d.workload.push(read({ consistency: l }), gen({ consistency: l, writeRatio: 0 }));
    expect(parseScenario(d).workload.map((w) => w.consistency)).toEqual([l, l]);
  });

  it.each([
    ['a read at ANY', (d: Doc) => { d.workload.push(read({ consistency: 'ANY' })); }, 'workload[0].read.consistency', /ANY is for writes only/],
    ['a generator with reads at ANY', (d: Doc) => { d.workload.push(gen({ consistency: 'ANY', writeRatio: 0.9 })); }, 'workload[0].consistency', /ANY is for writes only/],
    ['a level in lower case', (d: Doc) => { d.workload.push(write({ consistency: 'quorum' })); }, 'workload[0].write.consistency', /QUORUM/],
    ['LOCAL_SERIAL', (d: Doc) => { d.workload.push(read({ consistency: 'LOCAL_SERIAL' })); }, 'workload[0].read.consistency', /one of ANY/],
    ['SERIAL', (d: Doc) => { d.workload.push(write({ consistency: 'SERIAL' })); }, 'workload[0].write.consistency', /one of ANY/],
    ['a level as a number', (d: Doc) => { d.workload.push(gen({ consistency: 2 })); }, 'workload[0].consistency', /one of ANY/],
  ] as [string, (d: Doc) => void, string, RegExp][])('%s is refused', (_what, breakIt, field, says) => {
    const d = base();
    breakIt(d);
    expectRefused(d, field, says);
  });

  it('a generator at ANY that only writes is fine', () => {
    const d = base();
    d.workload.push(gen({ consistency: 'ANY' }));
    expect(parseScenario(d).workload[0]).toMatchObject({ consistency: 'ANY', writeRatio: 1 });
  });
});

describe('entry kinds: exactly one', () => {
  it.each([
    ['write and read', { at: '1s', write: { key: 'k', value: 'v' }, read: { key: 'k' } }, 'workload[0].read', /exactly one/],
    ['write and a generator', { at: '1s', write: { key: 'k', value: 'v' }, rate: 5 }, 'workload[0].rate', /exactly one/],
    ['read and a generator', { from: 0, read: { key: 'k' } }, 'workload[0].from', /exactly one/],
    ['nothing', { at: '1s' }, 'workload[0]', /expected one of "write", "read", "delete" or a generator/],
    ['an empty object', {}, 'workload[0]', /expected one of/],
    ['a generator without rate', { from: '0s', to: '1m', keys: 5 }, 'workload[0].rate', /missing; expected a rate/],
    ['a generator with "at"', { at: '1s', rate: 5 }, 'workload[0].at', /generator runs from "from" to "to"/],
    ['a list', [], 'workload[0]', /object/],
    ['a string', 'write k', 'workload[0]', /object/],
    ['null', null, 'workload[0]', /object/],
    ['a write without key', { at: '1s', write: { value: 'v' } }, 'workload[0].write.key', /missing/],
    ['a write without value', { at: '1s', write: { key: 'k' } }, 'workload[0].write.value', /missing/],
    ['a write with an empty key', { at: '1s', write: { key: '', value: 'v' } }, 'workload[0].write.key', /non-empty/],
    ['a write with a null value', { at: '1s', write: { key: 'k', value: null } }, 'workload[0].write.value', /string/],
    ['a write body that is a string', { at: '1s', write: 'k=v' }, 'workload[0].write', /object/],
    ['a read without key', { at: '1s', read: {} }, 'workload[0].read.key', /missing/],
  ] as [string, unknown, string, RegExp][])('workload: %s', (_what, entry, field, says) => {
    const d = base();
    d.workload.push(entry);
    expectRefused(d, field, says);
  });

  it.each([
    ['kill and restart', { at: '1s', kill: 'A', restart: 'A' }, 'faults[0].restart', /exactly one/],
    ['heal and partition', { at: '1s', partition: [['A']], heal: true }, 'faults[0].heal', /exactly one/],
    ['nothing', { at: '1s' }, 'faults[0]', /expected one of "kill"/],
    ['an unknown kind', { at: '1s', explode: 'A' }, 'faults[0]', /expected one of/],
    ['wipe without kill', { at: '1s', restart: 'A', wipe: true }, 'faults[0].wipe', /only with "kill"/],
    ['wipe alone', { at: '1s', wipe: true }, 'faults[0].wipe', /only with "kill"/],
    ['wipe not a boolean', { at: '1s', kill: 'A', wipe: 'yes' }, 'faults[0].wipe', /true or false/],
    ['extraLatency without slow', { at: '1s', kill: 'A', extraLatency: '1s' }, 'faults[0].extraLatency', /only with "slow"/],
    ['slow without extraLatency', { at: '1s', slow: 'A' }, 'faults[0].extraLatency', /missing; expected a duration/],
    ['heal: false', { at: '1s', heal: false }, 'faults[0].heal', /expected true/],
    ['kill of a number', { at: '1s', kill: 1 }, 'faults[0].kill', /node name/],
    ['partition not a list', { at: '1s', partition: 'A|B' }, 'faults[0].partition', /list of groups/],
    ['partition of no groups', { at: '1s', partition: [] }, 'faults[0].partition', /at least one group/],
    ['partition group not a list', { at: '1s', partition: ['A', 'B'] }, 'faults[0].partition[0]', /list of node names/],
    ['a node in two groups', { at: '1s', partition: [['A', 'B'], ['C', 'A']] }, 'faults[0].partition[1][1]', /more than one group/],
    ['a node twice in one group', { at: '1s', partition: [['A', 'A']] }, 'faults[0].partition[0][1]', /twice/],
    ['a fault that is a list', [], 'faults[0]', /object/],
  ] as [string, unknown, string, RegExp][])('faults: %s', (_what, entry, field, says) => {
    const d = base();
    d.faults.push(entry);
    expectRefused(d, field, says);
  });

  it('every fault kind of the format parses', () => {
    const d = base();
    d.faults.push(
      { at: '1s', kill: 'D' }, { at: '2s', kill: 'C', wipe: true }, { at: '3s', restart: 'D' },
      { at: '4s', partition: [['A', 'B'], ['C']] }, { at: '5s', heal: true }, { at: '6s', repair: 'A' },
      { at: '7s', slow: 'B', extraLatency: '3s' }, { at: '8s', slow: 'B', extraLatency: 0 },
    );
    expect(parseScenario(d).faults.map((f) => f.kind)).toEqual(['kill', 'kill', 'restart', 'partition', 'heal', 'repair', 'slow', 'slow']);
  });
});

// ---- defaults ----------------------------------------------------------------------------------

describe('defaults: everything not marked required has one', () => {
  it('a scenario of only format, name and until is valid and runs', () => {
    const s = parseScenario({ format: 'hintscope/scenario@1', name: 'minimal', until: '10s' });
    expect(s).toMatchObject({ seed: 1, description: '', nodes: ['A', 'B', 'C', 'D', 'E', 'F'], vnodes: 16, replicationFactor: 3, workload: [], faults: [] });
    expect(s.settings.preset).toBe('cassandra');
    const sim = createSimulation({ format: 'hintscope/scenario@1', name: 'minimal', until: '10s' });
    sim.advanceTo(sim.until);
    expect((sim.report() as Report).simulatedMs).toBe(10_000);
  });

  it('entry defaults: QUORUM, at 0, generator keys 1000, writeRatio 1, from 0, to until', () => {
    const d = base();
    d.workload.push({ write: { key: 'k', value: 'v' } }, { read: { key: 'k' } }, { rate: 5 }, { rate: 5, from: '10s' });
    d.faults.push({ kill: 'A' });
    const s = parseScenario(d);
    expect(s.workload).toEqual([
      { kind: 'write', at: 0, key: 'k', value: 'v', consistency: 'QUORUM', coordinator: undefined },
      { kind: 'read', at: 0, key: 'k', consistency: 'QUORUM', coordinator: undefined },
      { kind: 'generator', from: 0, to: 60_000, rate: 5, keys: 1000, writeRatio: 1, consistency: 'QUORUM', coordinator: undefined },
      { kind: 'generator', from: 10_000, to: 60_000, rate: 5, keys: 1000, writeRatio: 1, consistency: 'QUORUM', coordinator: undefined },
    ]);
    expect(s.faults).toEqual([{ kind: 'kill', at: 0, node: 'A', wipe: false }]);
  });

  it('replicationFactor defaults to 3, or to every node of a smaller cluster', () => {
    expect(parseScenario({ ...base(), cluster: { nodes: 6 } }).replicationFactor).toBe(3);
    expect(parseScenario({ ...base(), cluster: { nodes: ['A', 'B'] } }).replicationFactor).toBe(2);
    expect(parseScenario({ ...base(), cluster: { nodes: 1 } }).replicationFactor).toBe(1);
  });

  it.each([
    ['cassandra', { hintMode: 'coordinator', maxHintWindow: 3 * 3_600_000, persistentHintWindow: true, hintTtl: 10 * DAY, hintFlushPeriod: 10_000, hintOnTimeout: 'always', conflictResolution: 'lww', strictQuorum: false, readRepair: true }],
    ['scylla', { hintMode: 'coordinator', maxHintWindow: 3 * 3_600_000, persistentHintWindow: false, hintTtl: 10 * DAY, hintFlushPeriod: 10_000, hintOnTimeout: 'if-level-met', conflictResolution: 'lww', readRepair: true }],
    ['dynamo', { hintMode: 'sloppy-quorum', strictQuorum: false, maxHintWindow: null, hintTtl: null, hintFlushPeriod: 0, conflictResolution: 'vector-clock', readRepair: true }],
    ['riak', { hintMode: 'sloppy-quorum', strictQuorum: false, maxHintWindow: null, hintTtl: null, hintFlushPeriod: 0, conflictResolution: 'vector-clock', readRepair: true }],
  ] as [string, Record<string, unknown>][])('preset %s sets fidelity.md\'s defaults; explicit settings override it', (preset, want) => {
    const d = base();
    d.settings = { preset };
    expect(parseScenario(d).settings).toMatchObject({ preset, ...want });
    d.settings = { preset, hintFlushPeriod: '1s', conflictResolution: 'lww' };
    expect(parseScenario(d).settings).toMatchObject({ hintFlushPeriod: 1000, conflictResolution: 'lww' });
  });

  it('the common defaults (writeTimeout 2s, readTimeout 5s, gossip 1s, phi 8, latency 5ms/40ms, …)', () => {
    expect(parseScenario(base()).settings).toMatchObject({
      hintedHandoffEnabled: true, maxHintsPerHost: 1_000_000, hintReplayRate: 1000, writeTimeout: 2000, readTimeout: 5000,
      gossipInterval: 1000, phiConvictThreshold: 8, latency: { median: 5, p99: 40 }, dropRate: 0, antiEntropyInterval: null, merkleDepth: 10,
    });
  });
});

// ---- what the format decides for input the bounds allow ---------------------------------------

describe('semantics of valid-but-odd input', () => {
  const run = (doc: unknown) => {
    const sim = createSimulation(doc);
    sim.advanceTo(sim.until);
    return { sim, report: sim.report() as Report };
  };

  it('the format\'s own example is valid and runs; its workload is not in time order (a generator from 0s comes last)', () => {
    const s = parseScenario(EXAMPLE_TEXT);
    expect(s.workload.map((w) => w.kind)).toEqual(['write', 'read', 'generator']);
    expect(s.faults.map((f) => f.at)).toEqual([30_000, 40_000, 600_000, 60_000, 120_000, 180_000, 240_000]);
    const { report } = run(EXAMPLE_TEXT);
    expect(Object.keys(report)).toEqual(['format', 'scenario', 'seed', 'simulatedMs', 'writes', 'reads', 'hints', 'repair', 'nodes', 'replication', 'lostAcknowledgedWrites', 'events', 'traceHash']);
    expect(report).toMatchObject({ format: 'hintscope/report@1', scenario: 'Replica D down for ten minutes', seed: 42, simulatedMs: 3_600_000 });
  });

  it('a level above RF (THREE with RF 2) is a valid scenario; the operation fails as unavailable', () => {
    const d = base();
    d.cluster = { nodes: ['A', 'B', 'C', 'D'], replicationFactor: 2 };
    d.workload.push(write({ consistency: 'THREE', coordinator: 'A' }), read({ consistency: 'THREE', coordinator: 'A' }, '2s'), read({ consistency: 'ALL', coordinator: 'A' }, '3s'));
    const { report } = run(d);
    expect(report.writes).toEqual({ attempted: 1, acknowledged: 0, failed: 1, pending: 0 });
    expect(report.reads).toMatchObject({ attempted: 2, succeeded: 1, failed: 1 });
    expect(report.hints.created).toBe(0);
  });

  it('a workload out of time order is run in time order; entries due at the same instant keep file order', () => {
    const d = base();
    d.workload.push(
      { at: '3s', write: { key: 'late', value: 'v', coordinator: 'A' } },
      { at: '1s', write: { key: 'early', value: 'v', coordinator: 'A' } },
      { at: '2s', write: { key: 'tie-first', value: 'v', coordinator: 'A' } },
      { at: '2s', write: { key: 'tie-second', value: 'v', coordinator: 'A' } },
    );
    const sim = createSimulation(d);
    sim.advanceTo(sim.until);
    const firstSeen = new Map<string, number>();
    for (const e of sim.drainLog(100_000).events) if (e.key && !firstSeen.has(e.key)) firstSeen.set(e.key, e.seq);
    const order = [...firstSeen.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
    expect(order).toEqual(['early', 'tie-first', 'tie-second', 'late']);
    expect((sim.report() as Report).writes.acknowledged).toBe(4);
  });

  it('a generator whose "to" is not after its "from" issues nothing', () => {
    const d = base();
    d.workload.push(gen({ from: '30s', to: '10s' }), gen({ from: '10s', to: '10s' }));
    const { report } = run(d);
    expect(report.writes.attempted + report.reads.attempted).toBe(0);
  });

  it('a generator issues an operation at from + i*1000/rate for every time < to', () => {
    const d = base();
    d.workload.push(gen({ from: '1s', to: '2s', rate: 10 }));
    const { report } = run(d);
    expect(report.writes.attempted).toBe(10);
  });

  it('a fault after until never happens', () => {
    const d = base();
    d.faults.push({ at: '2m', kill: 'A' });
    const { report } = run(d);
    expect(report.nodes.A!.state).toBe('up');
  });
});
