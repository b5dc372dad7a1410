// The CLI side of the jump benchmark (bench/jump.bench.mjs): a session file run by `npm run sim`,
// timed twice — the whole CLI process (tsx start-up included), and the engine's loop alone as the
// CLI drives it (createSimulation, then advanceTo in large chunks). Prints one JSON line.
// Run: npx tsx bench/jump-cli.ts SESSION.json
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createSimulation } from '../src/engine';

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx bench/jump-cli.ts SESSION.json');
const session = JSON.parse(readFileSync(file, 'utf8')) as { scenario: unknown; at: number };

function engineLoop(): { ms: number; traceHash: string; events: number } {
  const t0 = performance.now();
  const sim = createSimulation(session.scenario) as ReturnType<typeof createSimulation> & { events: number };
  while (!sim.advanceTo(session.at, 1_000_000));
  return { ms: performance.now() - t0, traceHash: sim.traceHash(), events: sim.events };
}

function cliProcess(): number {
  const t0 = performance.now();
  execFileSync('npx', ['tsx', 'src/cli/sim.ts', file!, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - t0;
}

engineLoop(); // warm-up: the JIT, as the browser's worker has run the engine before the jump
const runs = [engineLoop(), engineLoop()];
const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
console.log(JSON.stringify({ engineMs: best.ms, traceHash: best.traceHash, events: best.events, processMs: cliProcess() }));
