// `npm run sim -- FILE [--json]`: runs a scenario headless on the same engine as the app, to its
// `until`; or a session file saved by the app (`hintscope/session@1`): its scenario and command
// log, to the moment it was saved. Invalid input (the file, its JSON or any field; or the command
// line) exits 2 with exactly one line on stderr naming the field, nothing on stdout, and nothing
// simulated.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ScenarioError, createSimulation, replaySession, type Report, type Simulation } from '../engine';
import { ImportError, MAX_FILE_BYTES, readSessionText } from '../session';
import { formatReport } from './summary';

const USAGE = 'usage: npm run sim -- SCENARIO.json|SESSION.json [--json]';

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

function parseArgs(argv: string[]): { file: string; json: boolean } | 'help' {
  let json = false;
  let options = true;
  const files: string[] = [];
  for (const a of argv) {
    if (options && a === '--') options = false;
    else if (options && a === '--json') json = true;
    else if (options && (a === '--help' || a === '-h')) return 'help';
    else if (options && a.startsWith('-') && a !== '-') throw new InputError(`unknown option "${a}"; ${USAGE}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new InputError(files.length === 0 ? `no scenario file given; ${USAGE}` : `expected one scenario file, got ${files.length}; ${USAGE}`);
  return { file: files[0]!, json };
}

/**
 * The run the file asks for: a session file, validated as the app validates an import (nesting,
 * every field, the command log, the replay's work bound) and replayed to the moment it was saved
 * (`to`); or a scenario, which the engine's parser reads and names what is wrong with (`to` null:
 * run to its `until`). Invalid input throws an InputError naming the field, or the file.
 */
function runOf(file: string, text: string): { sim: Simulation; to: number | null } {
  try {
    const s = readSessionText(text);
    if (!s) return { sim: createSimulation(text), to: null };
    const sim = replaySession(s.scenario, s.log);
    const to = s.at ?? sim.until;
    sim.advanceTo(to);
    return { sim, to };
  } catch (e) {
    // A problem with the whole file (not JSON, not an object, too big, too deep) names the file.
    if (e instanceof ScenarioError || e instanceof ImportError) throw new InputError(e.field ? e.message : `${file}: ${e.message}`);
    throw e;
  }
}

function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let run: { sim: Simulation; to: number | null };
  let json: boolean;
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      out(`${USAGE}\n`);
      return 0;
    }
    json = args.json;
    run = runOf(args.file, readScenarioFile(args.file));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    err(`${oneLine(e.message)}\n`);
    return INVALID;
  }
  if (run.to === null) run.sim.advanceTo(run.sim.until);
  const report = run.sim.report() as Report;
  out(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
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
