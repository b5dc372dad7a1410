// `npm run sim -- FILE [--json]`: runs a scenario headless on the same engine as the app.
// Invalid input exits 2 with one line naming the field; nothing is simulated.
import { readFileSync, statSync } from 'node:fs';
import { MAX_SCENARIO_BYTES, ScenarioError, createSimulation, type Report } from '../engine';
import { formatReport } from './summary';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    process.stderr.write('usage: npm run sim -- SCENARIO.json [--json]\n');
    return 2;
  }
  const file = files[0]!;
  let text: string;
  try {
    if (statSync(file).size > MAX_SCENARIO_BYTES) throw new ScenarioError('', 'scenario file is larger than 1 MB');
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`${file}: ${e instanceof ScenarioError ? e.message : `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`}\n`);
    return 2;
  }
  let sim;
  try {
    sim = createSimulation(text);
  } catch (e) {
    if (e instanceof ScenarioError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  sim.advanceTo(sim.until);
  const report = sim.report() as Report;
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
