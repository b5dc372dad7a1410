// `npm run sim -- FILE [--json] [--max-events N]`: runs a scenario headless on the same engine as
// the app, to its `until`; or a session file saved by the app (`hintscope/session@1`): its scenario
// and command log, to the moment it was saved. Invalid input (the file, its JSON or any field; or
// the command line), a run the work estimate puts over the budget, and a run whose events pass
// --max-events exit 2 with exactly one line on stderr (naming the field), nothing on stdout.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_WORK, ScenarioError, checkWork, createSimulation, formatDuration, parseScenario, runUpTo, type LoggedCommand, type Report, type Simulation } from '../engine';
import { ImportError, MAX_FILE_BYTES, readSessionText } from '../session';
import { formatReport } from './summary';
import { probesPrinted, type ProbeOutput } from './probes';

const USAGE = 'usage: npm run sim -- SCENARIO.json|SESSION.json [--json] [--max-events N]';

/** Exit status for invalid input: the command line, the file, or the scenario in it. */
const INVALID = 2;

class InputError extends Error {}

const REASONS: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'a directory' };
const cannotRead = (file: string, e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  return new InputError(`${file}: cannot read (${(code && REASONS[code]) ?? code ?? (e as Error).message})`);
};

/** One line, whatever the message holds (JSON snippets, keys with newlines), and not a screenful. */
function oneLine(text: string): string {
  const line = text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\s+$/, '');
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

/** The file's text, refused before parsing (and without reading it all) when it is over 1 MB. */
function readScenarioFile(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw cannotRead(file, e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(`${file}: cannot read (a directory)`);
    if (st.size > MAX_FILE_BYTES) throw new InputError(`${file}: scenario file is larger than 1 MB (${st.size.toLocaleString('en-US')} bytes)`);
    // A pipe or a special file reports no size: read at most one byte past the bound.
    const buf = Buffer.alloc(MAX_FILE_BYTES + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) throw new InputError(`${file}: scenario file is larger than 1 MB`);
    }
    return buf.toString('utf8', 0, n);
  } catch (e) {
    throw e instanceof InputError ? e : cannotRead(file, e);
  } finally {
    closeSync(fd);
  }
}

interface Args {
  file: string;
  json: boolean;
  /** The work budget and the events the run may process (default: the engine's MAX_WORK). */
  maxEvents: number;
}

/** `--max-events N` or `--max-events=N`: a positive integer (1e9 and 1_000_000 are written out). */
function maxEventsOf(text: string | undefined): number {
  const n = text !== undefined && /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n)) throw new InputError(`--max-events: expected a positive integer, got ${text === undefined ? 'nothing' : JSON.stringify(text.slice(0, 40))}; ${USAGE}`);
  return n;
}

function parseArgs(argv: string[]): Args | 'help' {
  let json = false;
  let maxEvents = MAX_WORK;
  let options = true;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (options && a === '--') options = false;
    else if (options && a === '--json') json = true;
    else if (options && a === '--max-events') maxEvents = maxEventsOf(argv[++i]);
    else if (options && a.startsWith('--max-events=')) maxEvents = maxEventsOf(a.slice('--max-events='.length));
    else if (options && (a === '--help' || a === '-h')) return 'help';
    else if (options && a.startsWith('-') && a !== '-') throw new InputError(`unknown option "${a}"; ${USAGE}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new InputError(files.length === 0 ? `no scenario file given; ${USAGE}` : `expected one scenario file, got ${files.length}; ${USAGE}`);
  return { file: files[0]!, json, maxEvents };
}

type Sim = Simulation & { readonly events: number };

/** What the run is, before any of it is simulated: the simulation, its command log, where it stops. */
interface Run {
  sim: Sim;
  log: readonly LoggedCommand[];
  to: number;
}

const overrideHint = (max: number) => `pass --max-events with more than ${max.toLocaleString('en-US')} to run it anyway`;

/**
 * The run the file asks for: a session file, validated as the app validates an import (nesting,
 * every field, the command log, the work up to the moment it was saved, `to`); or a scenario,
 * which the engine's parser reads and names what is wrong with, its run to `until` held to the
 * same work estimate. Invalid input throws an InputError naming the field, or the file.
 */
function runOf(file: string, text: string, maxEvents: number): Run {
  const limit = { budget: maxEvents, override: overrideHint(maxEvents) };
  try {
    const s = readSessionText(text, limit);
    if (!s) {
      const scenario = parseScenario(text);
      checkWork(scenario, [], scenario.until, { span: 'until', what: `running the scenario to until (${formatDuration(scenario.until)})`, ...limit });
      return { sim: createSimulation(text), log: [], to: scenario.until };
    }
    const sim = createSimulation(s.scenario);
    // A session without a moment runs to its scenario's end: the estimate then covers all of it.
    if (s.at === null) checkWork(parseScenario(s.scenario), s.log, sim.until, { span: 'scenario.until', what: `running the session to until (${formatDuration(sim.until)})`, scenarioPrefix: 'scenario', ...limit });
    return { sim, log: s.log, to: s.at ?? sim.until };
  } catch (e) {
    // A problem with the whole file (not JSON, not an object, too big, too deep) names the file.
    if (e instanceof ScenarioError || e instanceof ImportError) throw new InputError(e.field ? e.message : `${file}: ${e.message}`);
    throw e;
  }
}

/** Runs to `ms` unless the engine's event count would pass `max` (then an InputError says so). */
function advance(sim: Sim, ms: number, max: number, to: number): void {
  while (!sim.advanceTo(ms, max - sim.events)) {
    if (sim.events >= max) {
      throw new InputError(
        `--max-events: the run passed ${max.toLocaleString('en-US')} events at ${formatDuration(sim.now)} of ${formatDuration(to)} simulated and was stopped; ${overrideHint(max)}`,
      );
    }
  }
}

/**
 * The session's commands at their moments (as the app replays them), then on to `to`, within the
 * event bound; the probes' output on the way (the engine stops at each probe's instant to print it).
 */
function play(run: Run, maxEvents: number): ProbeOutput[] {
  run.log.forEach(({ at, command }, i) => {
    advance(run.sim, runUpTo(at), maxEvents, run.to);
    try {
      run.sim.apply(command);
    } catch (e) {
      // A message command whose message is not in flight can only be found out by replaying.
      if (e instanceof ScenarioError) throw new InputError(`log[${i}].command${e.field ? `.${e.field}` : ''}: ${e.field ? e.message.slice(e.field.length + 2) : e.message}`);
      throw e;
    }
  });
  advance(run.sim, run.to, maxEvents, run.to);
  return probesPrinted(run.sim);
}

function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let report: Report;
  let json: boolean;
  let probes: ProbeOutput[];
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      out(`${USAGE}\n`);
      return 0;
    }
    json = args.json;
    const run = runOf(args.file, readScenarioFile(args.file), args.maxEvents);
    probes = play(run, args.maxEvents);
    report = run.sim.report() as Report;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    err(`${oneLine(e.message)}\n`);
    return INVALID;
  }
  out(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, probes));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
} catch (e) {
  // Not the input's fault: an engine bug. One line, and the stack only on request.
  process.stderr.write(`${oneLine(`internal error: ${(e as Error).message}`)}\n`);
  if (process.env.HINTSCOPE_DEBUG) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
  process.exitCode = 1;
}
