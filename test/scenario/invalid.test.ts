// Invalid scenarios (scenario-format.md "Bounds"): each is refused with a ScenarioError whose message
// starts with the offending field; the CLI exits 2 with one line on stderr and prints nothing on stdout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES, ScenarioError, parseScenario } from '../../src/engine';

const ROOT = join(__dirname, '..', '..');

interface Doc {
  [k: string]: unknown;
  cluster: Record<string, unknown>;
  settings: Record<string, unknown>;
  workload: unknown[];
  faults: unknown[];
}

function base(): Doc {
  return {
    format: 'hintscope/scenario@1',
    name: 'invalid-input test',
    seed: 3,
    cluster: { nodes: ['A', 'B', 'C', 'D'], vnodes: 4, replicationFactor: 3 },
    settings: {},
    workload: [{ at: '1s', write: { key: 'k', value: 'v', consistency: 'QUORUM', coordinator: 'A' } }],
    faults: [{ at: '2s', kill: 'D' }],
    until: '1m',
  };
}

const gen = (extra: Record<string, unknown>) => ({ from: '0s', to: '1m', rate: 10, ...extra });

/** [what, how to break the base scenario, the field the message must start with] */
const CASES: [string, (d: Doc) => unknown, string][] = [
  ['wrong format string', (d) => ({ ...d, format: 'hintscope/scenario@2' }), 'format'],
  ['missing format', (d) => { delete d.format; return d; }, 'format'],
  ['unknown top-level key', (d) => ({ ...d, extra: true }), 'extra'],
  ['unknown key in cluster', (d) => { d.cluster.racks = 2; return d; }, 'cluster.racks'],
  ['unknown key in settings', (d) => { d.settings.hintTTL = '3h'; return d; }, 'settings.hintTTL'],
  ['unknown key in settings.latency', (d) => { d.settings.latency = { median: '5ms', p95: '20ms' }; return d; }, 'settings.latency.p95'],
  ['unknown key in a write entry', (d) => { d.workload.push({ at: '1s', write: { key: 'k', value: 'v', level: 'ONE' } }); return d; }, 'workload[1].write.level'],
  ['unknown key in a generator entry', (d) => { d.workload.push(gen({ ratio: 0.5 })); return d; }, 'workload[1].ratio'],
  ['unknown key in a fault', (d) => { d.faults.push({ at: '3s', kill: 'A', force: true }); return d; }, 'faults[1].force'],
  ['unknown fault kind', (d) => { d.faults.push({ at: '3s', explode: 'A' }); return d; }, 'faults[1]'],
  ['duration "3 hours"', (d) => { d.settings.maxHintWindow = '3 hours'; return d; }, 'settings.maxHintWindow'],
  ['duration "1h30" (no unit on the last group)', (d) => { d.settings.maxHintWindow = '1h30'; return d; }, 'settings.maxHintWindow'],
  ['duration "30s1m" (smaller unit first)', (d) => { d.settings.hintTtl = '30s1m'; return d; }, 'settings.hintTtl'],
  ['duration "1m1m" (repeated unit)', (d) => { d.settings.gossipInterval = '1m1m'; return d; }, 'settings.gossipInterval'],
  ['duration "1H" (unit case)', (d) => { d.settings.readTimeout = '1H'; return d; }, 'settings.readTimeout'],
  ['duration empty string', (d) => { d.settings.writeTimeout = ''; return d; }, 'settings.writeTimeout'],
  ['duration true', (d) => { d.settings.hintFlushPeriod = true; return d; }, 'settings.hintFlushPeriod'],
  ['negative duration (number)', (d) => { d.settings.writeTimeout = -5; return d; }, 'settings.writeTimeout'],
  ['negative duration (string)', (d) => { d.settings.writeTimeout = '-5s'; return d; }, 'settings.writeTimeout'],
  ['until > 30d', (d) => ({ ...d, until: '31d' }), 'until'],
  ['setting > 30d in ms', (d) => { d.settings.hintTtl = 30 * 86_400_000 + 1; return d; }, 'settings.hintTtl'],
  ['until 0', (d) => ({ ...d, until: 0 }), 'until'],
  ['missing until', (d) => { delete d.until; return d; }, 'until'],
  ['fault at "1h30"', (d) => { d.faults.push({ at: '1h30', restart: 'D' }); return d; }, 'faults[1].at'],
  ['write at "soon"', (d) => { d.workload.push({ at: 'soon', read: { key: 'k' } }); return d; }, 'workload[1].at'],
  ['nodes > 256', (d) => { d.cluster.nodes = 257; return d; }, 'cluster.nodes'],
  ['nodes 0', (d) => { d.cluster.nodes = 0; return d; }, 'cluster.nodes'],
  ['no nodes', (d) => { d.cluster.nodes = []; return d; }, 'cluster.nodes'],
  ['vnodes 0', (d) => { d.cluster.vnodes = 0; return d; }, 'cluster.vnodes'],
  ['vnodes 257', (d) => { d.cluster.vnodes = 257; return d; }, 'cluster.vnodes'],
  ['RF > nodes', (d) => { d.cluster.replicationFactor = 5; return d; }, 'cluster.replicationFactor'],
  ['RF 0', (d) => { d.cluster.replicationFactor = 0; return d; }, 'cluster.replicationFactor'],
  ['bad node name', (d) => { d.cluster.nodes = ['A', 'B', 'C', 'no spaces']; d.faults = []; return d; }, 'cluster.nodes[3]'],
  ['duplicate node names', (d) => { d.cluster.nodes = ['A', 'B', 'C', 'B']; return d; }, 'cluster.nodes[3]'],
  ['rate 0', (d) => { d.workload.push(gen({ rate: 0 })); return d; }, 'workload[1].rate'],
  ['rate > 100000', (d) => { d.workload.push(gen({ rate: 100_001 })); return d; }, 'workload[1].rate'],
  ['keys 0', (d) => { d.workload.push(gen({ keys: 0 })); return d; }, 'workload[1].keys'],
  ['writeRatio 1.5', (d) => { d.workload.push(gen({ writeRatio: 1.5 })); return d; }, 'workload[1].writeRatio'],
  ['dropRate 2', (d) => { d.settings.dropRate = 2; return d; }, 'settings.dropRate'],
  ['phiConvictThreshold 0', (d) => { d.settings.phiConvictThreshold = 0; return d; }, 'settings.phiConvictThreshold'],
  ['phiConvictThreshold 101', (d) => { d.settings.phiConvictThreshold = 101; return d; }, 'settings.phiConvictThreshold'],
  ['merkleDepth 17', (d) => { d.settings.merkleDepth = 17; return d; }, 'settings.merkleDepth'],
  ['merkleDepth 0', (d) => { d.settings.merkleDepth = 0; return d; }, 'settings.merkleDepth'],
  ['hintReplayRate 0', (d) => { d.settings.hintReplayRate = 0; return d; }, 'settings.hintReplayRate'],
  ['maxHintsPerHost -1', (d) => { d.settings.maxHintsPerHost = -1; return d; }, 'settings.maxHintsPerHost'],
  ['unknown preset', (d) => { d.settings.preset = 'mongodb'; return d; }, 'settings.preset'],
  ['strictQuorum "yes"', (d) => { d.settings.strictQuorum = 'yes'; return d; }, 'settings.strictQuorum'],
  ['latency p99 < median', (d) => { d.settings.latency = { median: '50ms', p99: '5ms' }; return d; }, 'settings.latency.p99'],
  ['unknown node in kill', (d) => { d.faults.push({ at: '3s', kill: 'Z' }); return d; }, 'faults[1].kill'],
  ['unknown node in restart', (d) => { d.faults.push({ at: '3s', restart: 'Z' }); return d; }, 'faults[1].restart'],
  ['unknown node in repair', (d) => { d.faults.push({ at: '3s', repair: 'Z' }); return d; }, 'faults[1].repair'],
  ['unknown node in slow', (d) => { d.faults.push({ at: '3s', slow: 'Z', extraLatency: '1s' }); return d; }, 'faults[1].slow'],
  ['unknown node in partition', (d) => { d.faults.push({ at: '3s', partition: [['A', 'B'], ['Q']] }); return d; }, 'faults[1].partition[1][0]'],
  ['node in two partition groups', (d) => { d.faults.push({ at: '3s', partition: [['A', 'B'], ['B']] }); return d; }, 'faults[1].partition[1][0]'],
  ['unknown write coordinator', (d) => { d.workload.push({ at: '1s', write: { key: 'k', value: 'v', coordinator: 'Z' } }); return d; }, 'workload[1].write.coordinator'],
  ['unknown read coordinator', (d) => { d.workload.push({ at: '1s', read: { key: 'k', coordinator: 'Z' } }); return d; }, 'workload[1].read.coordinator'],
  ['unknown generator coordinator', (d) => { d.workload.push(gen({ coordinator: 'Z' })); return d; }, 'workload[1].coordinator'],
  ['read at ANY', (d) => { d.workload.push({ at: '1s', read: { key: 'k', consistency: 'ANY' } }); return d; }, 'workload[1].read.consistency'],
  ['generator with reads at ANY', (d) => { d.workload.push(gen({ writeRatio: 0.5, consistency: 'ANY' })); return d; }, 'workload[1].consistency'],
  ['unknown consistency level', (d) => { d.workload.push({ at: '1s', write: { key: 'k', value: 'v', consistency: 'LOCAL_SERIAL' } }); return d; }, 'workload[1].write.consistency'],
  ['empty key', (d) => { d.workload.push({ at: '1s', write: { key: '', value: 'v' } }); return d; }, 'workload[1].write.key'],
  ['workload entry not an object', (d) => { d.workload.push(5); return d; }, 'workload[1]'],
  ['workload > 10000 entries', (d) => { d.workload = Array.from({ length: 10_001 }, () => ({ at: '1s', read: { key: 'k' } })); return d; }, 'workload'],
  ['faults > 10000 entries', (d) => { d.faults = Array.from({ length: 10_001 }, () => ({ at: '1s', heal: true })); return d; }, 'faults'],
  ['empty name', (d) => ({ ...d, name: '' }), 'name'],
  ['name > 120 characters', (d) => ({ ...d, name: 'x'.repeat(121) }), 'name'],
  ['seed not an integer', (d) => ({ ...d, seed: 1.5 }), 'seed'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function errorOf(input: unknown): ScenarioError {
  try {
    parseScenario(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected a ScenarioError, but the scenario was accepted');
}

describe('invalid scenarios are refused, naming the field', () => {
  it('the base scenario itself is valid', () => {
    expect(() => parseScenario(base())).not.toThrow();
    expect(() => parseScenario(JSON.stringify(base()))).not.toThrow();
  });

  it.each(CASES)('%s', (_what, breakIt, field) => {
    const doc = breakIt(base());
    const err = errorOf(doc);
    expect(err.message).toMatch(new RegExp(`^${escape(field)}: \\S`));
    expect(err.field).toBe(field);
    // The same document as JSON text is refused the same way.
    expect(errorOf(JSON.stringify(doc)).message).toBe(err.message);
  });

  it('has at least 20 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it('non-JSON text', () => {
    expect(errorOf('{"format": "hintscope/scenario@1",').message).toMatch(/JSON/);
    expect(errorOf('hello').message).toMatch(/JSON/);
  });

  it('JSON that is not an object', () => {
    for (const t of ['[]', 'null', '"x"', '42']) expect(errorOf(t).message).toMatch(/object/);
  });

  it('text larger than 1 MB', () => {
    const doc = base();
    doc.workload = Array.from({ length: 300 }, (_, i) => ({ at: i, write: { key: `k${i}`, value: 'x'.repeat(4000) } }));
    const text = JSON.stringify(doc);
    expect(text.length).toBeGreaterThan(MAX_SCENARIO_BYTES);
    expect(errorOf(text).message).toMatch(/1 MB/);
  });

  // Fixed deviations: each once named the wrong field.
  it('regression: a bad extraLatency of a slow fault names its own field', () => {
    const d = base();
    d.faults.push({ at: '3s', slow: 'A', extraLatency: '3 seconds' });
    expect(errorOf(d).message).toMatch(/^faults\[1\]\.extraLatency: /);
  });

  it('regression: a slow fault without extraLatency names its own field', () => {
    const d = base();
    d.faults.push({ at: '3s', slow: 'A' });
    expect(errorOf(d).message).toMatch(/^faults\[1\]\.extraLatency: /);
  });

  it('regression: heal: false names its own field', () => {
    const d = base();
    d.faults.push({ at: '3s', heal: false });
    expect(errorOf(d).message).toMatch(/^faults\[1\]\.heal: /);
  });

  it('regression: a generator "to" beyond 30d names its own field', () => {
    const d = base();
    d.workload.push(gen({ to: '31d' }));
    expect(errorOf(d).message).toMatch(/^workload\[1\]\.to: /);
  });

  it('regression: the 1 MB bound counts UTF-8 bytes, not UTF-16 code units', () => {
    const doc = base();
    // 280 × 2000 two-byte characters: about 1.1 MB of UTF-8, 0.56 M code units.
    doc.workload = Array.from({ length: 280 }, (_, i) => ({ at: i, write: { key: `k${i}`, value: 'é'.repeat(2000) } }));
    const text = JSON.stringify(doc);
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(MAX_SCENARIO_BYTES);
    expect(errorOf(text).message).toMatch(/1 MB/);
  });
});

describe('CLI: npm run sim -- FILE [--json]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hintscope-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function cli(name: string, content: string, ...args: string[]) {
    const file = join(dir, name);
    writeFileSync(file, content);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'sim.ts'), file, ...args], {
      cwd: ROOT, encoding: 'utf8', timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it.each([
    ['bad-duration.json', (d: Doc) => { d.settings.maxHintWindow = '3 hours'; return d; }, 'settings.maxHintWindow'],
    ['unknown-node.json', (d: Doc) => { d.faults.push({ at: '3s', kill: 'Z' }); return d; }, 'faults[1].kill'],
    ['rf.json', (d: Doc) => { d.cluster.replicationFactor = 9; return d; }, 'cluster.replicationFactor'],
  ])('%s: exit 2, one stderr line naming the field, nothing on stdout', (name, breakIt, field) => {
    const r = cli(name, JSON.stringify(breakIt(base())), '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l.length > 0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(field);
  }, 60_000);

  it('non-JSON and oversized files exit 2 with one line and no stdout', () => {
    for (const [name, content] of [['garbage.json', 'not json at all'], ['huge.json', `{"x":"${'y'.repeat(MAX_SCENARIO_BYTES + 10)}"}`]] as const) {
      const r = cli(name, content);
      expect(r.code, name).toBe(2);
      expect(r.stdout, name).toBe('');
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
    }
  }, 60_000);

  it('a valid scenario exits 0; --json prints one hintscope/report@1 object', () => {
    const text = readFileSync(join(ROOT, 'scenarios', '03-any-all-replicas-down.json'), 'utf8');
    const json = cli('ok.json', text, '--json');
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout) as { format: string; scenario: string; hints: { created: number } };
    expect(report.format).toBe('hintscope/report@1');
    expect(report.scenario).toBe((JSON.parse(text) as { name: string }).name);
    expect(report.hints.created).toBe(6);
    const human = cli('ok.json', text);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/hints/);
    expect(() => JSON.parse(human.stdout)).toThrow();
  }, 60_000);
});
