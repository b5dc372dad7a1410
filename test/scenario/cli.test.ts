// The headless CLI against scenario-format.md's "Report" section: invalid input (command line,
// file, JSON, any field) exits 2 with exactly one line on stderr naming the field, nothing on stdout
// and nothing simulated; a valid file prints exactly one report object with --json, else a short
// human summary.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimulation, runScenario, type Report } from '../../src/engine';
import { MAX_DEPTH, toSessionFile } from '../../src/session';
import { cli, type CliRun } from './cliRun';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'hintscope-cli-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = CliRun;

let n = 0;
function file(content: string | Buffer): string {
  const f = join(dir, `s${n++}.json`);
  writeFileSync(f, content);
  return f;
}

const base = () => ({
  format: 'hintscope/scenario@1',
  name: 'cli test',
  seed: 5 as unknown,
  cluster: { nodes: ['A', 'B', 'C', 'D'], vnodes: 4, replicationFactor: 3 } as Record<string, unknown>,
  settings: {} as Record<string, unknown>,
  workload: [{ from: '0s', to: '5s', rate: 20, keys: 10, writeRatio: 0.5 }] as unknown[],
  faults: [{ at: '2s', kill: 'D' }] as unknown[],
  until: '10s' as unknown,
});
type Doc = ReturnType<typeof base> & Record<string, unknown>;
const doc = (change: (d: Doc) => void) => {
  const d = base() as Doc;
  change(d);
  return JSON.stringify(d);
};

function expectInvalid(r: Run, startsWith: string): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]!.startsWith(startsWith), `${JSON.stringify(lines[0])} starts with ${JSON.stringify(startsWith)}`).toBe(true);
  expect(r.stderr).not.toMatch(/\bat .*\.[jt]s:\d+/); // no stack trace
}

/** [what, file text, the start of the one stderr line] */
const INVALID: [string, string, string][] = [
  ['a bad duration', doc((d) => { d.settings.maxHintWindow = '3 hours'; }), 'settings.maxHintWindow: expected a duration like "3h"'],
  ['units in the wrong order', doc((d) => { d.until = '20s11m'; }), 'until: expected a duration'],
  ['nodes 257', doc((d) => { d.cluster = { nodes: 257 }; }), 'cluster.nodes: '],
  ['vnodes 0', doc((d) => { d.cluster.vnodes = 0; }), 'cluster.vnodes: '],
  ['RF above nodes', doc((d) => { d.cluster.replicationFactor = 5; }), 'cluster.replicationFactor: '],
  ['rate 0', doc((d) => { d.workload = [{ rate: 0 }]; }), 'workload[0].rate: '],
  ['rate over 100000', doc((d) => { d.workload = [{ rate: 100_001 }]; }), 'workload[0].rate: '],
  ['generator without rate', doc((d) => { d.workload = [{ from: 0, to: '1s' }]; }), 'workload[0].rate: '],
  ['keys over 10M', doc((d) => { d.workload = [{ rate: 1, keys: 10_000_001 }]; }), 'workload[0].keys: '],
  ['writeRatio 2', doc((d) => { d.workload = [{ rate: 1, writeRatio: 2 }]; }), 'workload[0].writeRatio: '],
  ['dropRate -1', doc((d) => { d.settings.dropRate = -1; }), 'settings.dropRate: '],
  ['phiConvictThreshold 0', doc((d) => { d.settings.phiConvictThreshold = 0; }), 'settings.phiConvictThreshold: '],
  ['merkleDepth 17', doc((d) => { d.settings.merkleDepth = 17; }), 'settings.merkleDepth: '],
  ['until 31d', doc((d) => { d.until = '31d'; }), 'until: '],
  ['until 0', doc((d) => { d.until = 0; }), 'until: '],
  ['gossipInterval 0', doc((d) => { d.settings.gossipInterval = 0; }), 'settings.gossipInterval: '],
  ['gossipInterval 0.001ms (the floor is 100ms)', doc((d) => { d.settings.gossipInterval = '0.001ms'; }), 'settings.gossipInterval: expected a duration of at least 100ms (periodic work'],
  ['antiEntropyInterval 1ms (null or at least 1m)', doc((d) => { d.settings.antiEntropyInterval = '1ms'; }), 'settings.antiEntropyInterval: expected null or a duration of at least 1m (periodic work'],
  ['antiEntropyInterval 0', doc((d) => { d.settings.antiEntropyInterval = 0; }), 'settings.antiEntropyInterval: expected null or a duration of at least 1m'],
  ['hintReplayRate 0', doc((d) => { d.settings.hintReplayRate = 0; }), 'settings.hintReplayRate: '],
  ['maxHintsPerHost -1', doc((d) => { d.settings.maxHintsPerHost = -1; }), 'settings.maxHintsPerHost: '],
  ['10,001 faults', doc((d) => { d.faults = Array.from({ length: 10_001 }, () => ({ at: '1s', heal: true })); }), 'faults: '],
  ['unknown top-level key', doc((d) => { d.Seed = 1; }), 'Seed: unknown key'],
  ['unknown key in a write', doc((d) => { d.workload = [{ at: '1s', write: { key: 'k', value: 'v', ttl: 1 } }]; }), 'workload[0].write.ttl: unknown key'],
  ['a read at ANY', doc((d) => { d.workload = [{ at: '1s', read: { key: 'k', consistency: 'ANY' } }]; }), 'workload[0].read.consistency: '],
  ['unknown node in a fault', doc((d) => { d.faults = [{ at: '1s', kill: 'Z' }]; }), 'faults[0].kill: unknown node "Z"'],
  // Datacenters (docs/scenario-format.md "Datacenters").
  ['a node in no datacenter', doc((d) => { d.cluster.datacenters = { dc1: ['A', 'B'], dc2: ['C'] }; d.cluster.replicationFactor = 1; }), 'cluster.datacenters: node "D" is in no datacenter'],
  ['an RF above its datacenter', doc((d) => { d.cluster.datacenters = { dc1: 2, dc2: 2 }; d.cluster.replicationFactor = { dc1: 3 }; }), 'cluster.replicationFactor.dc1: '],
  ['a client dc unknown', doc((d) => { d.workload = [{ at: '1s', write: { key: 'k', value: 'v', dc: 'mars' } }]; }), 'workload[0].write.dc: unknown datacenter "mars"'],
  ['unknown node in a partition', doc((d) => { d.faults = [{ at: '1s', partition: [['A'], ['Q']] }]; }), 'faults[0].partition[1][0]: '],
  ['wipe without kill', doc((d) => { d.faults = [{ at: '1s', restart: 'A', wipe: true }]; }), 'faults[0].wipe: '],
  ['slow without extraLatency', doc((d) => { d.faults = [{ at: '1s', slow: 'A' }]; }), 'faults[0].extraLatency: '],
  ['two kinds in one fault', doc((d) => { d.faults = [{ at: '1s', kill: 'A', restart: 'A' }]; }), 'faults[0].restart: '],
  ['name of 121 characters', doc((d) => { d.name = 'x'.repeat(121); }), 'name: '],
  ['seed 1.5', doc((d) => { d.seed = 1.5; }), 'seed: '],
  ['seed 1e400 (Infinity)', doc((d) => { d.seed = 7; }).replace('"seed":7', '"seed":1e400'), 'seed: '],
  ['wrong format', doc((d) => { d.format = 'hintscope/scenario@2'; }), 'format: '],
  ['a key with a newline', doc((d) => { d['a\nb'] = 1; }), '["a\\nb"]: unknown key'],
];

describe('CLI: invalid input exits 2 with one line naming the field', () => {
  it.concurrent.each(INVALID)('%s', async (_what, text, startsWith) => {
    expectInvalid(await cli([file(text), '--json']), startsWith);
  }, 60_000);

  it.concurrent('the same without --json', async () => {
    expectInvalid(await cli([file(INVALID[0]![1])]), 'settings.maxHintWindow: ');
  }, 60_000);

  it.concurrent.each([
    ['text that is not JSON (V8 quotes it, newlines and all)', '{\n  "format": oops\n}\n', ': not valid JSON'],
    ['truncated JSON', '{"format": "hintscope/scenario@1",', ': not valid JSON'],
    ['an empty file', '', ': empty'],
    ['a JSON list', '[1, 2]', ': expected a JSON object'],
    ['JSON null', 'null', ': expected a JSON object'],
  ])('%s', async (_what, text, says) => {
    const f = file(text);
    expectInvalid(await cli([f, '--json']), `${f}${says}`);
  }, 60_000);

  it.concurrent('a file over 1 MB is refused before it is read as JSON', async () => {
    const f = file(`{"format":"hintscope/scenario@1","name":"${'x'.repeat(1_000_001)}"`);
    expectInvalid(await cli([f]), `${f}: scenario file is larger than 1 MB`);
  }, 60_000);

  it.concurrent('a deeply nested file is refused before it is parsed or walked (no stack overflow)', async () => {
    // 2,500 levels in about 5 KB: once "Maximum call stack size exceeded" (exit 1), issue #12.
    const deep = `{"format":"hintscope/session@1","scenario":${'['.repeat(2500)}${']'.repeat(2500)}}`;
    expect(deep.length).toBeLessThan(5_100);
    const f = file(deep);
    expectInvalid(await cli([f, '--json']), `${f}: nested deeper than ${MAX_DEPTH} levels`);
    const g = file(`{"format":"hintscope/scenario@1","name":"deep","settings":${'{"a":'.repeat(2500)}1${'}'.repeat(2500)}}`);
    expectInvalid(await cli([g]), `${g}: nested deeper than ${MAX_DEPTH} levels`);
  }, 60_000);

  it.concurrent('a missing file, and a directory', async () => {
    const missing = join(dir, 'no-such-file.json');
    expectInvalid(await cli([missing, '--json']), `${missing}: cannot read (no such file)`);
    const sub = join(dir, 'a-directory.json');
    mkdirSync(sub, { recursive: true });
    expectInvalid(await cli([sub]), `${sub}: cannot read`);
  }, 60_000);

  it.concurrent.each([
    ['an unknown option', ['FILE', '--jsno'], 'unknown option "--jsno"'],
    ['a short option', ['FILE', '-j'], 'unknown option "-j"'],
    ['no file', ['--json'], 'no scenario file given'],
    ['two files', ['FILE', 'FILE'], 'expected one scenario file, got 2'],
  ])('command line: %s', async (_what, args, startsWith) => {
    const f = file(JSON.stringify(base()));
    expectInvalid(await cli(args.map((a) => (a === 'FILE' ? f : a))), startsWith);
  }, 60_000);
});

describe('CLI: work — the estimate refuses before running, --max-events stops a run that passes it', () => {
  const heavy = { format: 'hintscope/scenario@1', name: 'heavy', cluster: { nodes: 64 }, workload: [{ rate: 1000 }], until: '30d' };
  const OVERRIDE = /, or pass --max-events with more than [\d,]+ to run it anyway$/;

  it.concurrent('a scenario whose run to until is over the budget names until, and how to override', async () => {
    const r = await cli([file(JSON.stringify(heavy)), '--json']);
    expectInvalid(r, 'until: running the scenario to until (30d) is too much work: about ');
    expect(r.stderr.trim()).toMatch(OVERRIDE);
  }, 60_000);

  it.concurrent('a session saved at 30 days with an empty log names at; one with repairs every minute at 64 × 256 vnodes names the interval', async () => {
    const saved = { format: 'hintscope/session@1', scenario: heavy, log: [], at: 30 * 86_400_000 };
    expectInvalid(await cli([file(JSON.stringify(saved))]), 'at: running the session to its moment (30d) is too much work');
    const repair = {
      format: 'hintscope/session@1',
      scenario: { format: 'hintscope/scenario@1', name: 'm', cluster: { nodes: 64, vnodes: 256 }, settings: { merkleDepth: 16, antiEntropyInterval: '1m' }, until: '1h' },
      log: [{ at: 600_000, command: { type: 'heal' } }],
      at: 600_000,
    };
    expectInvalid(await cli([file(JSON.stringify(repair))]), 'scenario.settings.antiEntropyInterval: running the session to its last command (10m) is too much work');
  }, 60_000);

  it.concurrent('--max-events sets the budget: below the estimate it refuses naming the field, above it the run goes on', async () => {
    const text = JSON.stringify({ ...base(), cluster: { nodes: 6 }, faults: [], workload: [{ rate: 100 }], until: '10m' });
    const low = await cli([file(text), '--max-events', '100000']);
    expectInvalid(low, 'workload[0].rate: running the scenario to until (10m) is too much work');
    expect(low.stderr.trim()).toMatch(/over the budget of 100,000; .*--max-events with more than 100,000/);
    const high = await cli([file(text), '--json', '--max-events=1000000']);
    expect(high.code).toBe(0);
    expect((JSON.parse(high.stdout) as Report).events).toBeGreaterThan(100_000);
  }, 60_000);

  it.concurrent('a run whose events pass --max-events stops with exit 2 and one line', async () => {
    // Reads at ONE cost more events than the estimate counts (0.67×): 200,000 passes the estimate, not the run.
    const text = JSON.stringify({ ...base(), cluster: { nodes: 12, replicationFactor: 1 }, faults: [], workload: [{ rate: 200, writeRatio: 0, consistency: 'ONE' }], until: '5m' });
    const r = await cli([file(text), '--max-events', '200000']);
    expectInvalid(r, '--max-events: the run passed 200,000 events at ');
    expect(r.stderr).toMatch(/of 5m simulated and was stopped; pass --max-events with more than 200,000 to run it anyway/);
  }, 60_000);

  it.concurrent.each([['0'], ['-5'], ['1e9'], ['lots'], [undefined]])('--max-events %s is refused', async (value) => {
    const args = [file(JSON.stringify(base())), '--max-events', ...(value === undefined ? [] : [value])];
    expectInvalid(await cli(args), '--max-events: expected a positive integer');
  }, 60_000);
});

const REPORT_SHAPE = {
  format: 'string', scenario: 'string', seed: 'number', simulatedMs: 'number',
  writes: ['attempted', 'acknowledged', 'failed', 'pending'],
  reads: ['attempted', 'succeeded', 'failed', 'pending', 'stale', 'repaired'],
  hints: ['created', 'delivered', 'expired', 'dropped', 'lost', 'pending'],
  repair: ['sessions', 'leavesCompared', 'leavesDiffering', 'keysStreamed', 'failed'],
  nodes: 'object',
  replication: ['keys', 'fullyReplicated', 'underReplicated'],
  lostAcknowledgedWrites: 'number', events: 'number', traceHash: 'string',
};

describe('CLI: a valid file', () => {
  it.concurrent('--json prints exactly one report object, exactly the format\'s shape', async () => {
    const text = JSON.stringify(base());
    const r = await cli([file(text), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(r.stdout.trim().startsWith('{') && r.stdout.trim().endsWith('}')).toBe(true);
    expect(Object.keys(report)).toEqual(Object.keys(REPORT_SHAPE));
    for (const [k, want] of Object.entries(REPORT_SHAPE)) {
      const v = report[k];
      if (Array.isArray(want)) {
        expect(Object.keys(v as object), k).toEqual(want);
        for (const x of Object.values(v as object)) expect(Number.isInteger(x), k).toBe(true);
      } else {
        expect(typeof v, k).toBe(want);
      }
    }
    expect(report.format).toBe('hintscope/report@1');
    expect(report.scenario).toBe('cli test');
    expect(report.seed).toBe(5);
    expect(report.simulatedMs).toBe(10_000);
    const nodes = report.nodes as Record<string, { state: string; keys: number; hintsPending: Record<string, number> }>;
    expect(Object.keys(nodes)).toEqual(['A', 'B', 'C', 'D']);
    for (const node of Object.values(nodes)) {
      expect(Object.keys(node)).toEqual(['state', 'keys', 'hintsPending']);
      expect(['up', 'down']).toContain(node.state);
    }
    expect(nodes.D!.state).toBe('down');
    // The engine's own report: the CLI adds nothing and drops nothing.
    expect(report).toEqual(JSON.parse(JSON.stringify(runScenario(text))));
  }, 60_000);

  it.concurrent('without --json: a short human summary, not JSON', async () => {
    const r = await cli([file(JSON.stringify(base()))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(() => JSON.parse(r.stdout)).toThrow();
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(lines[0]).toMatch(/^cli test/);
    expect(r.stdout).toMatch(/writes .* acknowledged/);
    expect(r.stdout).toMatch(/hints/);
  }, 60_000);

  it.concurrent('options may come first, "--" ends them, and a byte-order mark is not an error', async () => {
    const text = JSON.stringify(base());
    const plain = await cli(['--json', file(text)]);
    expect(plain.code).toBe(0);
    const dashes = await cli(['--json', '--', file(text)]);
    expect(dashes.stdout).toBe(plain.stdout);
    const bom = await cli([file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), '--json']);
    expect(bom.code).toBe(0);
    expect(bom.stdout).toBe(plain.stdout);
  }, 60_000);

  it.concurrent('the format\'s own example runs', async () => {
    const r = await cli([join(ROOT, 'test', 'fixtures', 'format-example.scenario.json'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { scenario: string; simulatedMs: number };
    expect(report.scenario).toBe(JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'format-example.scenario.json'), 'utf8')).name);
    expect(report.simulatedMs).toBe(3_600_000);
  }, 60_000);

  it.concurrent('a level above RF is valid: exit 0, the write fails unavailable', async () => {
    const d = base();
    d.cluster.replicationFactor = 2;
    d.workload = [{ at: '1s', write: { key: 'k', value: 'v', consistency: 'THREE' } }];
    d.faults = [];
    const r = await cli([file(JSON.stringify(d)), '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { writes: unknown }).writes).toEqual({ attempted: 1, acknowledged: 0, failed: 1, pending: 0 });
  }, 60_000);

  it.concurrent('a session file saved by the app replays its commands and reports at the moment it was saved', async () => {
    const sim = createSimulation(base());
    sim.advanceTo(3000);
    sim.apply({ type: 'restart', node: 'D' });
    sim.apply({ type: 'write', key: 'user:1', value: 'x', consistency: 'ALL', coordinator: 'A' });
    sim.advanceTo(7000);
    const saved = toSessionFile({ scenario: base(), commandLog: sim.commandLog, now: sim.now, traceHash: sim.traceHash() });
    const r = await cli([file(JSON.stringify(saved)), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.simulatedMs).toBe(7000);
    expect(report.traceHash).toBe(sim.traceHash());
    expect(report).toEqual(sim.report());
    // A bad session names its field, like the app's import does.
    const bad = await cli([file(JSON.stringify({ ...saved, log: [{ at: 1000, command: { type: 'kill', node: 'Z' } }] }))]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^log\[0\]\.command\.node: /);
  }, 60_000);
});
