// `npm run bench`: how fast the engine runs, not whether it is right (no assertions).
//  (a) engine events/s on a busy scenario vs a bare binary-heap event loop doing the same number of
//      events in the same process (goal: ratio >= 0.25), best of three rounds each;
//  (b) wall time to simulate 3 hours of 12 nodes at 100 writes/s with one node down for 2 hours (goal <= 5 s);
//  (c) peak memory while doing (b) (rss and heapUsed, sampled every simulated minute);
//  (d) (b) across two datacenters: 12 nodes in two regions of 6, replication_factor 3 in each,
//      LOCAL_QUORUM, one node down for 2 h (goal: the same <= 5 s); and, beyond the goal, the WAN
//      cut for 2 h instead (every write then hints three remote replicas), and RF 2 + 1 (three
//      replicas of a key, as in (b): the datacenter paths without the doubled replica count).
import { parseScenario, type Report } from '../src/engine';
import { Sim } from '../src/engine/sim';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A gc() handle without --expose-gc, to measure what a run keeps alive (not just garbage not yet collected).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MIN = 60_000;

function busyScenario(): Record<string, unknown> {
  return {
    format: 'hintscope/scenario@1',
    name: 'bench: busy',
    seed: 11,
    cluster: { nodes: 12, vnodes: 16, replicationFactor: 3 },
    settings: { preset: 'cassandra' },
    workload: [{ from: '0s', to: '4m', rate: 2000, keys: 20_000, writeRatio: 0.8, consistency: 'QUORUM' }],
    faults: [{ at: '30s', kill: 'n5' }, { at: '3m', restart: 'n5' }],
    until: '4m30s',
  };
}

function longOutageScenario(keys?: number): Record<string, unknown> {
  return {
    format: 'hintscope/scenario@1',
    name: 'bench: 3 h, 12 nodes, 100 writes/s, one node down for 2 h',
    seed: 12,
    cluster: { nodes: 12, vnodes: 16, replicationFactor: 3 },
    settings: { preset: 'cassandra' },
    // Without `keys` the generator uses the format's default (1,000 keys).
    workload: [{ from: '0s', to: '3h', rate: 100, ...(keys ? { keys } : {}), consistency: 'QUORUM' }],
    faults: [{ at: '30m', kill: 'n7' }, { at: '2h30m', restart: 'n7' }],
    until: '3h',
  };
}

/** (d): the 3-hour run on two datacenters: a node down for two hours, or the region link cut. */
function twoRegionScenario(cut: boolean, replicationFactor: number | Record<string, number> = 3): Record<string, unknown> {
  return {
    format: 'hintscope/scenario@1',
    name: `bench: 3 h, 2 datacenters × 6 nodes, 100 writes/s, ${cut ? 'the WAN cut' : 'one node down'} for 2 h`,
    seed: 13,
    cluster: { nodes: 12, vnodes: 16, datacenters: { dc1: 6, dc2: 6 }, replicationFactor },
    settings: { preset: 'cassandra' },
    workload: [{ from: '0s', to: '3h', rate: 100, consistency: 'LOCAL_QUORUM' }],
    faults: cut ? [{ at: '30m', partition: [['dc1'], ['dc2']] }, { at: '2h30m', heal: true }] : [{ at: '30m', kill: 'n7' }, { at: '2h30m', restart: 'n7' }],
    until: '3h',
  };
}

// ---- a bare event loop: a binary min-heap of {t, seq} ordered by (t, seq) -------------------------

interface Ev { t: number; seq: number }

class BareHeap {
  private a: Ev[] = [];
  get size(): number { return this.a.length; }
  push(e: Ev): void {
    const a = this.a;
    let i = a.length;
    a.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pe = a[p]!;
      if (pe.t < e.t || (pe.t === e.t && pe.seq < e.seq)) break;
      a[i] = pe;
      i = p;
    }
    a[i] = e;
  }
  pop(): Ev | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    const n = a.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (a[r]!.t < a[l]!.t || (a[r]!.t === a[l]!.t && a[r]!.seq < a[l]!.seq)) ? r : l;
      const ce = a[c]!;
      if (ce.t > last.t || (ce.t === last.t && ce.seq > last.seq)) break;
      a[i] = ce;
      i = c;
    }
    a[i] = last;
    return top;
  }
}

/** Pops and pushes `n` events (each pop schedules one new event a pseudo-random delay later). */
function bareLoop(n: number, standing: number): { ms: number; checksum: number } {
  const heap = new BareHeap();
  let seq = 0;
  let x = 0x9e3779b9;
  const rand = () => {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  for (let i = 0; i < standing; i++) heap.push({ t: Math.floor(rand() * 1e6), seq: seq++ });
  let checksum = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const e = heap.pop()!;
    checksum = (checksum + e.t + e.seq) % 1_000_000_007; // the trivial work
    heap.push({ t: e.t + 1 + Math.floor(rand() * 50_000), seq: seq++ });
  }
  return { ms: performance.now() - t0, checksum };
}

// ---- measurements ----------------------------------------------------------------------------------

interface Timed {
  ms: number; report: Report; peakRss: number; peakHeap: number; maxQueue: number; meanQueue: number; retainedHeap: number;
  /** The charts' sample (sim.metrics()), taken at each sampling point: mean and worst wall time. */
  metricsMean: number; metricsMax: number;
}

function runTimed(doc: Record<string, unknown>, sampleEveryMs: number): Timed {
  const sim = new Sim(parseScenario(doc));
  let peakRss = 0;
  let peakHeap = 0;
  let maxQueue = 0;
  let queueSum = 0;
  let samples = 0;
  let metricsSum = 0;
  let metricsMax = 0;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    // The engine's event queue: messages in flight, timers, timeouts.
    maxQueue = Math.max(maxQueue, sim.heap.size);
    queueSum += sim.heap.size;
    samples++;
    const m0 = performance.now();
    sim.metrics();
    const took = performance.now() - m0;
    metricsSum += took;
    metricsMax = Math.max(metricsMax, took);
  };
  const t0 = performance.now();
  let sampling = 0;
  for (let t = sampleEveryMs; t < sim.until + sampleEveryMs; t += sampleEveryMs) {
    sim.advanceTo(Math.min(t, sim.until));
    const s0 = performance.now();
    sample();
    sampling += performance.now() - s0;
  }
  const ms = performance.now() - t0 - sampling;
  const report = sim.report();
  gc();
  const retainedHeap = process.memoryUsage().heapUsed;
  return { ms, report, peakRss, peakHeap, maxQueue, meanQueue: Math.round(queueSum / Math.max(1, samples)), retainedHeap, metricsMean: metricsSum / Math.max(1, samples), metricsMax };
}

const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function table(rows: [string, string, string][]): string {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`).join('\n');
}

function main(): void {
  console.log(`HintScope engine bench — node ${process.version}, ${process.platform}/${process.arch}\n`);

  // Warm up both loops (JIT), then measure.
  runTimed({ ...busyScenario(), until: '20s' }, MIN);
  bareLoop(200_000, 1000);

  // Best of three for each, interleaved: this machine is shared, and another process's burst
  // should not decide the ratio (each round's ratio is printed too).
  const ROUNDS = 3;
  const busyRuns: Timed[] = [];
  const bareRuns: { ms: number; checksum: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const b = runTimed(busyScenario(), 10_000);
    busyRuns.push(b);
    bareRuns.push(bareLoop(b.report.events, Math.max(1, b.meanQueue)));
    gc();
  }
  const rounds = busyRuns.map((b, i) => bareRuns[i]!.ms / b.ms);
  const busy = busyRuns.reduce((a, b) => (b.ms < a.ms ? b : a));
  busy.peakRss = Math.max(...busyRuns.map((b) => b.peakRss));
  busy.peakHeap = Math.max(...busyRuns.map((b) => b.peakHeap));
  const bare = bareRuns.reduce((a, b) => (b.ms < a.ms ? b : a));
  const engineRate = busy.report.events / (busy.ms / 1000);
  const standing = Math.max(1, busy.meanQueue);
  const bareRate = busy.report.events / (bare.ms / 1000);
  const ratio = engineRate / bareRate;

  gc();
  const long = runTimed(longOutageScenario(100_000), MIN);
  const longDefault = runTimed(longOutageScenario(), MIN);
  const regions = runTimed(twoRegionScenario(false), MIN);
  const regionsCut = runTimed(twoRegionScenario(true), MIN);
  // (b)'s three replicas of a key, split 2 + 1: what the datacenters cost apart from the doubled replica count.
  const regionsThree = runTimed(twoRegionScenario(false, { dc1: 2, dc2: 1 }), MIN);
  const lr = long.report;
  const rr = regions.report;

  const rows: [string, string, string][] = [
    ['measure', 'value', 'goal / note'],
    ['(a) busy scenario events', fmt(busy.report.events), '12 nodes, 2000 ops/s for 4 min, a node down 2.5 min'],
    ['(a) engine wall time', `${fmt(busy.ms)} ms`, ''],
    ['(a) engine events/s', fmt(engineRate), ''],
    ['(a) bare heap events/s', fmt(bareRate), `same event count, standing heap ${fmt(standing)} = engine's mean queue (checksum ${bare.checksum})`],
    ['(a) engine / bare ratio', ratio.toFixed(3), `goal >= 0.25: ${ratio >= 0.25 ? 'met' : 'NOT met'} (best of ${ROUNDS} each; per round ${rounds.map((r) => r.toFixed(3)).join(', ')})`],
    ['(b) 3 h, 12 nodes, 100 w/s, 2 h down', `${(longDefault.ms / 1000).toFixed(2)} s`, `goal <= 5 s: ${longDefault.ms <= 5000 ? 'met' : 'NOT met'} (the generator's default 1,000 keys; ${fmt(longDefault.report.events)} events)`],
    ['(b) the same over 100,000 keys', `${(long.ms / 1000).toFixed(2)} s`, `goal <= 5 s: ${long.ms <= 5000 ? 'met' : 'NOT met'} (more live data: more GC)`],
    ['(b) events', fmt(lr.events), `${fmt(lr.events / (long.ms / 1000))} events/s`],
    ['(b) writes acknowledged / attempted', `${fmt(lr.writes.acknowledged)} / ${fmt(lr.writes.attempted)}`, ''],
    ['(b) hints created = delivered + …', `${fmt(lr.hints.created)} = ${fmt(lr.hints.delivered)} + ${lr.hints.expired} + ${lr.hints.lost} + ${fmt(lr.hints.pending)}`, `dropped ${fmt(lr.hints.dropped)}, lost acked writes ${lr.lostAcknowledgedWrites}`],
    ['(d) the same on 2 DCs × 6 (LOCAL_QUORUM)', `${(regions.ms / 1000).toFixed(2)} s`, `goal <= 5 s: ${regions.ms <= 5000 ? 'met' : 'NOT met'} (${fmt(rr.events)} events, ${fmt(rr.traffic?.interDcMutations ?? 0)} mutations across the WAN, ${fmt(rr.hints.created)} hints)`],
    ['(d) 2 DCs, RF 2 + 1 (three replicas, as (b))', `${(regionsThree.ms / 1000).toFixed(2)} s`, `no goal: the datacenter paths without the doubled replicas (${fmt(regionsThree.report.events)} events)`],
    ['(d) 2 DCs, the WAN cut for 2 h', `${(regionsCut.ms / 1000).toFixed(2)} s`, `no goal: every write hints 3 remote replicas (${fmt(regionsCut.report.events)} events, ${fmt(regionsCut.report.hints.created)} hints)`],
    ['(d) charts\' sample, one node down', `${regions.metricsMean.toFixed(2)} ms`, `mean per sim.metrics() (worst ${regions.metricsMax.toFixed(2)} ms; the per-DC split included)`],
    ['(d) charts\' sample, the WAN cut', `${regionsCut.metricsMean.toFixed(2)} ms`, `mean per sim.metrics() (worst ${regionsCut.metricsMax.toFixed(2)} ms); one node, 1,000 keys: ${longDefault.metricsMean.toFixed(2)} ms`],
    ['(c) peak rss', mb(Math.max(long.peakRss, busy.peakRss)), `busy ${mb(busy.peakRss)}, long ${mb(long.peakRss)} (sampled)`],
    ['(c) peak heapUsed', mb(Math.max(long.peakHeap, busy.peakHeap)), `busy ${mb(busy.peakHeap)}, long ${mb(long.peakHeap)} (sampled)`],
    ['(c) heap retained at the end', mb(long.retainedHeap), `after a full GC, simulation still alive (${fmt(lr.replication.keys)} keys, ${fmt(lr.writes.acknowledged)} acked writes tracked)`],
    ['(c) max event queue length', fmt(Math.max(busy.maxQueue, long.maxQueue)), `busy ${fmt(busy.maxQueue)}, long ${fmt(long.maxQueue)} (sampled)`],
  ];
  console.log(table(rows));
}

main();
