// `npm run bench:travel`: what a seek back costs, with and without checkpoints (no assertions).
// The worker host on a real wall clock (timers fired at once, frames acked at once) runs the
// benchmark's 3-hour scenario (12 nodes, 100 writes/s, one node down 2 h) to 3 h as a jump, then
// seeks back to 1 h; the wall time of that seek (restore or re-run, then the jump) is measured.
import { createHost, type HostOptions } from '../src/worker/host';
import type { ToWorker } from '../src/protocol';

const scenario = {
  format: 'hintscope/scenario@1',
  name: 'bench: 3 h, 12 nodes, 100 writes/s, one node down for 2 h',
  seed: 12,
  cluster: { nodes: 12, vnodes: 16, replicationFactor: 3 },
  settings: { preset: 'cassandra' },
  workload: [{ from: '0s', to: '3h', rate: 100, consistency: 'QUORUM' }],
  faults: [{ at: '30m', kill: 'n7' }, { at: '2h30m', restart: 'n7' }],
  until: '3h',
};

function run(checkpoints: HostOptions['checkpoints']) {
  let handler: ((m: ToWorker) => void) | null = null;
  const timers: (() => void)[] = [];
  const host = createHost(
    { postMessage: () => {}, setHandler: (fn) => (handler = fn) },
    { now: () => performance.now(), schedule: (fn) => void timers.push(fn) },
    { checkpoints },
  );
  const send = (m: ToWorker) => handler!(m);
  const settle = () => {
    for (;;) {
      send({ type: 'frameAck' });
      const t = timers.shift();
      if (!t) return;
      t();
    }
  };
  send({ type: 'init', scenario });
  let t0 = performance.now();
  send({ type: 'jumpTo', atMs: 3 * 3_600_000 });
  settle();
  const forward = performance.now() - t0;
  const hash = host.simulation!.traceHash();
  t0 = performance.now();
  send({ type: 'seek', atMs: 3_600_000 });
  settle();
  const back = performance.now() - t0;
  const hashAt1h = host.simulation!.traceHash();
  t0 = performance.now();
  send({ type: 'seek', atMs: 3 * 3_600_000 });
  settle();
  const again = performance.now() - t0;
  const same = host.simulation!.traceHash() === hash;
  return { forward, back, again, same, hashAt1h, stats: host.checkpointStats(), rss: process.memoryUsage().rss };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const off = run(false);
const on = run(undefined);
console.log('| | no checkpoints (re-run from 0) | checkpoints |');
console.log('|---|---|---|');
console.log(`| run 0 → 3 h (jump) | ${s(off.forward)} | ${s(on.forward)} |`);
console.log(`| seek back 3 h → 1 h | ${s(off.back)} | ${s(on.back)} |`);
console.log(`| seek forward 1 h → 3 h (replays) | ${s(off.again)} | ${s(on.again)} |`);
console.log(`| checkpoints held / cells / spacing | – | ${on.stats.count} / ${(on.stats.cells / 1e6).toFixed(1)} M / ${on.stats.spacingMs / 60_000} min |`);
console.log(`| same trace hash at 1 h / back at 3 h | ${off.same} | ${on.hashAt1h === off.hashAt1h} / ${on.same} |`);
console.log(`checkpoints at (min): ${on.stats.at.map((t) => (t / 60_000).toFixed(1)).join(', ')}; rss ${(on.rss / 1e6).toFixed(0)} MB`);
