// pure: the operator console's language: a typed line read as a nodetool verb and its argument,
// completion, each verb's help, and the probes' output exactly as nodetool prints it
// (tools/nodetool StatusHandoff, GetMaxHintWindow, ListPendingHints).
import { VERBS, VERB_NAMES, parseDuration, type Command, type OperatorView, type PeerBelief, type ProbeRecord, type Verb } from '../../protocol';

/** A line the console understood, or why not (naming the field, as the engine would). */
export type Parsed =
  | { ok: true; verb: Verb; command: Extract<Command, { type: 'nodetool' }> | null }
  | { ok: false; field: string; message: string };

const refuse = (field: string, message: string): Parsed => ({ ok: false, field, message });

/** The usage line of a verb: `truncatehints [target]`. */
export function usage(verb: Verb): string {
  switch (VERBS[verb].extra) {
    case 'target': return `${verb} [target node]`;
    case 'hintReplayRate': return `${verb} <hints/s>`;
    case 'maxHintWindow': return `${verb} <duration | ms | null>`;
    case 'dc': return `${verb} <datacenter>`;
    default: return verb;
  }
}

/** A window as typed: "1ms", "3h", a number of ms (nodetool's own unit), or null / none. */
function windowArg(arg: string): number | null | undefined {
  if (arg === 'null' || arg === 'none') return null;
  const ms = /^\d+(\.\d+)?$/.test(arg) ? Number(arg) : parseDuration(arg);
  return ms === null || !(ms >= 0 && ms <= 30 * 86_400_000) ? undefined : ms;
}

function argOf(verb: Verb, arg: string | undefined, nodes: readonly string[]): Partial<Extract<Command, { type: 'nodetool' }>> | Parsed {
  const extra = VERBS[verb].extra;
  if (extra === null) return arg === undefined ? {} : refuse('verb', `${verb} takes no argument; usage: ${usage(verb)}`);
  if (extra === 'target') {
    if (arg === undefined) return {};
    return nodes.includes(arg) ? { target: arg } : refuse('target', `unknown node "${arg}"`);
  }
  if (arg === undefined) return refuse(extra, `missing; usage: ${usage(verb)}`);
  // The engine knows the cluster's datacenters and names an unknown one.
  if (extra === 'dc') return { dc: arg };
  if (extra === 'hintReplayRate') {
    const rate = Number(arg);
    return Number.isFinite(rate) && rate > 0 && /^[0-9.e+]+$/i.test(arg) ? { hintReplayRate: rate } : refuse('hintReplayRate', 'expected a rate (hints per second) > 0');
  }
  const ms = windowArg(arg);
  return ms === undefined ? refuse('maxHintWindow', 'expected a duration like "3h", a number of ms, or null for no window (0..30d)') : { maxHintWindow: ms };
}

/**
 * A typed line on the selected node: `[nodetool] verb [argument]`. Probes parse to no command
 * (the console prints them from the frame); the other verbs to the command the store sends.
 */
export function parseLine(line: string, node: string | null, nodes: readonly string[]): Parsed {
  const words = line.trim().split(/\s+/).filter((w) => w !== '');
  if (words[0] === 'nodetool') words.shift();
  if (words.length === 0) return refuse('verb', 'type a verb, like pausehandoff (Tab completes)');
  if (!node || !nodes.includes(node)) return refuse('node', 'select a node first');
  const [word, arg, ...rest] = words as [string, string | undefined, ...string[]];
  const verb = VERB_NAMES.find((v) => v === word.toLowerCase());
  if (!verb) {
    return refuse('verb', `unknown verb "${word.slice(0, 40)}"`);
  }
  if (rest.length > 0) return refuse('verb', `too many arguments; usage: ${usage(verb)}`);
  const extra = argOf(verb, arg, nodes);
  if ('ok' in extra) return extra as Parsed;
  if (VERBS[verb].readOnly) return { ok: true, verb, command: null };
  return { ok: true, verb, command: { type: 'nodetool', verb, node, ...extra } };
}

/** Completions of the line as typed so far: verbs for the first word, node names for truncatehints' target. */
export function complete(line: string, nodes: readonly string[]): string[] {
  const lead = line.match(/^\s*(nodetool\s+)?/)![0];
  const words = line.slice(lead.length).split(/\s+/);
  if (words.length <= 1) {
    const prefix = (words[0] ?? '').toLowerCase();
    return VERB_NAMES.filter((v) => v.startsWith(prefix)).map((v) => `${lead}${v}`);
  }
  const verb = VERB_NAMES.find((v) => v === words[0]!.toLowerCase());
  if (words.length !== 2 || !verb || VERBS[verb].extra !== 'target') return [];
  return nodes.filter((n) => n.startsWith(words[1]!)).map((n) => `${lead}${verb} ${n}`);
}

/** The longest text every completion starts with (what Tab fills in). */
export function commonPrefix(options: readonly string[]): string {
  if (options.length === 0) return '';
  let p = options[0]!;
  for (const o of options) while (!o.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** The verb the line starts with, if it names one (for its help). */
export function verbOfLine(line: string): Verb | null {
  const words = line.trim().split(/\s+/);
  const w = (words[0] === 'nodetool' ? words[1] : words[0])?.toLowerCase();
  return VERB_NAMES.find((v) => v === w) ?? null;
}

/** Simulated ms as nodetool's dates (yyyy-MM-dd HH:mm:ss,SSS), the simulation starting at the epoch. */
export function simDate(ms: number): string {
  const d = new Date(Math.floor(ms));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())},${p(d.getUTCMilliseconds(), 3)}`;
}

/** Cassandra's TableBuilder: each column padded to its widest cell, one space between. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join(' '));
}

/**
 * A probe's output lines, as nodetool prints them. `beliefs`: the node's own detector (UP/DOWN in
 * listpendinghints).
 */
export function probeOutput(verb: Verb, view: OperatorView, beliefs: readonly PeerBelief[]): string[] {
  switch (verb) {
    case 'statushandoff': return [`Hinted handoff is ${view.handoffEnabled ? 'running' : 'not running'}`, ...(view.disabledDatacenters ?? []).map((dc) => `Data center ${dc} is disabled`)];
    case 'getmaxhintwindow': return [`Current max hint window: ${view.maxHintWindow === null ? 'none' : String(Math.round(view.maxHintWindow))} ms`];
    case 'listpendinghints': {
      if (view.pending.length === 0) return ['This node does not have any pending hints'];
      const up = (t: string) => beliefs.find((b) => b.peer === t)?.alive ?? false;
      return table([
        ['Host ID', 'Address', 'Rack', 'DC', 'Status', 'Hints', 'Newest', 'Oldest'],
        ...view.pending.map((p) => [p.target, p.target, 'rack1', p.dc ?? 'datacenter1', up(p.target) ? 'UP' : 'DOWN', String(p.hints), simDate(p.newest), simDate(p.oldest)]),
      ]);
    }
    default: return [];
  }
}

/** nodetool's refusal when the node is down. */
export const connectionRefused = (node: string) => `nodetool: Failed to connect to '${node}:7199' - ConnectException: 'Connection refused'.`;

/** What a scenario's probe printed, from what the engine captured at its time (the CLI and the console). */
export function probeRecordLines(p: ProbeRecord): string[] {
  return p.up && p.view ? probeOutput(p.verb as Verb, p.view, p.beliefs) : [connectionRefused(p.node)];
}

/** What statushandoff does not print but the console shows beside it: the pause, a held replay, gossip. */
export function operatorNotes(view: OperatorView): string[] {
  const out: string[] = [];
  if (view.dispatchPaused) out.push('dispatch paused (pausehandoff): stored hints wait');
  if (view.replayHeld) out.push('replay held: handoff disabled and replayWhenDisabled is off');
  if (view.gossipOff) out.push('gossip disabled: peers that heard its shutdown believe it down');
  return out;
}

/** Short tags for a node's glyph on the ring: what nodetool changed on it ("" when nothing). */
export function operatorTags(view: OperatorView | undefined): string {
  if (!view) return '';
  const tags: string[] = [];
  if (view.gossipOff) tags.push('GOSSIP OFF');
  if (view.dispatchPaused) tags.push('HANDOFF PAUSED');
  if (!view.handoffEnabled) tags.push('HINTS OFF');
  if (view.replayHeld) tags.push('REPLAY HELD');
  return tags.join('|');
}
