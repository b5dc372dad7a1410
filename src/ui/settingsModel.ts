// pure: the settings form's fields, how their text becomes a scenario, and which field an error names.
import { formatDuration, parseDuration, PRESETS, REAL_NAMES, type PresetName, type Settings } from '../engine';

export type FieldKind = 'choice' | 'bool' | 'duration' | 'optionalDuration' | 'number';
export type FieldMode = 'coordinator' | 'sloppy-quorum';

export interface FieldDef {
  /** Form key; also the path under `settings` (or `cluster` / the top level) in the scenario. */
  key: string;
  /** Where it lives in the scenario: `settings.maxHintWindow`, `cluster.vnodes`, `seed`. */
  path: string;
  kind: FieldKind;
  /** The real systems' name for it (REAL_NAMES where the engine has one). */
  real: string;
  /** What it changes, in plain words. */
  why: string;
  options?: readonly { value: string; label: string }[];
  /** Only used in this hint mode (the other mode ignores it). */
  mode?: FieldMode;
  /** Shown after the input: "hints/s", "nodes". */
  unit?: string;
  /** Placeholder: what an empty field means. */
  placeholder?: string;
}

export interface FieldGroup {
  title: string;
  fields: FieldDef[];
}

export type FormValues = Record<string, string | boolean>;

export const PRESET_NAMES: readonly PresetName[] = ['cassandra', 'scylla', 'dynamo', 'riak'];

/** One line per preset: what makes that system different. */
export const PRESET_BLURB: Record<PresetName, string> = {
  cassandra:
    'The coordinator keeps hints for a replica it believes down or that timed out, whether or not the write met its level; 3 h window that survives restarts (4.1+), 10 d TTL, flushed every 10 s.',
  scylla:
    'Like Cassandra, but a replica that timed out is hinted only if the write met its level, and the window is not persistent: a restart loop resets it.',
  dynamo:
    'Sloppy quorum: the next healthy node clockwise stores a real copy tagged with its owner and its ack counts toward W. No window, no TTL; vector clocks keep concurrent versions.',
  riak:
    'Sloppy quorum with fallback vnodes holding real copies until hand-off; PW = 0 by default so fallback acks count. No window, no TTL; vector clocks (siblings).',
};

const real = (key: keyof Settings, fallback: string) => REAL_NAMES[key] ?? fallback;

const s = (key: string, kind: FieldKind, realName: string, why: string, more: Partial<FieldDef> = {}): FieldDef => ({
  key,
  path: `settings.${key}`,
  kind,
  real: realName,
  why,
  ...more,
});

export const FIELD_GROUPS: readonly FieldGroup[] = [
  {
    title: 'System',
    fields: [
      s('preset', 'choice', 'cassandra.yaml / scylla.yaml / Dynamo paper / riak.conf', 'Fills every field below with that system’s defaults.', {
        options: PRESET_NAMES.map((p) => ({ value: p, label: p })),
      }),
      s('hintMode', 'choice', 'Cassandra hints vs Dynamo sloppy quorum', 'Who keeps the missed write: the coordinator (a hint) or the next healthy node (a real stand-in copy).', {
        options: [
          { value: 'coordinator', label: 'coordinator' },
          { value: 'sloppy-quorum', label: 'sloppy-quorum' },
        ],
      }),
      s('strictQuorum', 'bool', real('strictQuorum', 'Riak PW'), 'On: only the key’s own replicas count toward the level; a stand-in’s ack does not.', {
        mode: 'sloppy-quorum',
      }),
      s('conflictResolution', 'choice', real('conflictResolution', 'LWW / vector clocks'), 'Last write wins by timestamp, or keep concurrent versions as siblings.', {
        options: [
          { value: 'lww', label: 'lww' },
          { value: 'vector-clock', label: 'vector-clock' },
        ],
      }),
    ],
  },
  {
    title: 'Hints',
    fields: [
      s('hintedHandoffEnabled', 'bool', real('hintedHandoffEnabled', 'hinted_handoff_enabled'), 'Off: a missed replica gets nothing until repair.'),
      s('maxHintWindow', 'optionalDuration', real('maxHintWindow', 'max_hint_window'), 'Stop hinting a node that has been down longer than this; empty = no window.', {
        placeholder: 'none',
      }),
      s('persistentHintWindow', 'bool', real('persistentHintWindow', 'hint_window_persistent_enabled'), 'Also refuse when the oldest pending hint is older than the window, so restarts do not reset it.', {
        mode: 'coordinator',
      }),
      s('hintTtl', 'optionalDuration', real('hintTtl', 'gc_grace_seconds'), 'A hint older than this is thrown away, never replayed; empty = never expires.', {
        placeholder: 'none',
      }),
      s('hintFlushPeriod', 'duration', real('hintFlushPeriod', 'hints_flush_period'), 'New hints wait in memory this long before reaching disk; a crash loses them. 0 = write-through.'),
      s('hintOnTimeout', 'choice', 'Cassandra: always · Scylla: if level met', 'Hint a replica that timed out always, or only when the write still met its level.', {
        options: [
          { value: 'always', label: 'always' },
          { value: 'if-level-met', label: 'if-level-met' },
        ],
        mode: 'coordinator',
      }),
      s('maxHintsPerHost', 'number', real('maxHintsPerHost', 'max_hints_size_per_host'), 'Drop new hints once a holder keeps this many for one target.', { unit: 'hints' }),
      s('hintReplayRate', 'number', real('hintReplayRate', 'hinted_handoff_throttle'), 'How fast one holder replays to one target once it sees it up (the throttle).', { unit: 'hints/s' }),
    ],
  },
  {
    title: 'Timeouts and failure detection',
    fields: [
      s('writeTimeout', 'duration', real('writeTimeout', 'write_request_timeout'), 'How long a coordinator waits for a replica’s ack before it gives up (and hints it).'),
      s('readTimeout', 'duration', real('readTimeout', 'read_request_timeout'), 'How long a read waits for replicas before it fails.'),
      s('gossipInterval', 'duration', real('gossipInterval', 'Gossiper interval'), 'How often each node sends its heartbeat gossip.'),
      s('phiConvictThreshold', 'number', real('phiConvictThreshold', 'phi_convict_threshold'), 'Suspicion level at which a node decides a silent peer is down: higher = slower, surer.'),
    ],
  },
  {
    title: 'Network',
    fields: [
      { key: 'latency.median', path: 'settings.latency.median', kind: 'duration', real: 'network latency, median', why: 'Typical one-way delay of a message.' },
      { key: 'latency.p99', path: 'settings.latency.p99', kind: 'duration', real: 'network latency, 99th percentile', why: 'The slow tail: 1 message in 100 takes at least this long.' },
      s('dropRate', 'number', 'packet loss', 'Probability (0..1) that any one message is lost.'),
    ],
  },
  {
    title: 'Repair',
    fields: [
      s('readRepair', 'bool', real('readRepair', 'read_repair'), 'A read that finds a stale replica writes the newest value back to it.'),
      s('antiEntropyInterval', 'optionalDuration', real('antiEntropyInterval', 'nodetool repair'), 'Every node repairs its ranges this often; empty = only when you ask.', {
        placeholder: 'on demand',
      }),
      s('merkleDepth', 'number', real('merkleDepth', 'Merkle tree depth'), 'Leaves per range = 2^depth: deeper trees stream fewer needless keys.'),
    ],
  },
  {
    title: 'Cluster',
    fields: [
      { key: 'nodes', path: 'cluster.nodes', kind: 'number', real: 'nodes in the ring', why: 'A count (1..64, named n1..nN) or names separated by commas: A, B, C.', unit: 'or names' },
      { key: 'vnodes', path: 'cluster.vnodes', kind: 'number', real: 'num_tokens', why: 'Tokens per node: more tokens spread each node’s ranges more evenly.' },
      { key: 'replicationFactor', path: 'cluster.replicationFactor', kind: 'number', real: 'replication_factor', why: 'How many nodes keep a copy of each key.' },
      { key: 'seed', path: 'seed', kind: 'number', real: 'random seed', why: 'Same seed and settings replay the same run, message for message.' },
    ],
  },
];

export const ALL_FIELDS: readonly FieldDef[] = FIELD_GROUPS.flatMap((g) => g.fields);
const BY_PATH = new Map(ALL_FIELDS.map((f) => [f.path, f]));

/** The most nodes the app draws (the format allows 256; the ring stays legible up to 64). */
export const APP_MAX_NODES = 64;

const durationText = (ms: number | null | undefined) => (ms === null || ms === undefined ? '' : formatDuration(ms));

/** The form's text for a preset's settings. */
export function settingsToForm(settings: Settings): FormValues {
  const out: FormValues = {};
  for (const f of ALL_FIELDS) {
    if (!f.path.startsWith('settings.')) continue;
    const v = f.key.startsWith('latency.') ? settings.latency[f.key.slice(8) as 'median' | 'p99'] : settings[f.key as keyof Settings];
    if (f.kind === 'bool') out[f.key] = Boolean(v);
    else if (f.kind === 'duration' || f.kind === 'optionalDuration') out[f.key] = durationText(v as number | null);
    else out[f.key] = String(v);
  }
  return out;
}

export interface ClusterFacts {
  preset: string;
  nodes: readonly string[];
  vnodes: number;
  replicationFactor: number;
  seed: number;
  settings: Record<string, unknown>;
}

const isPreset = (p: string): p is PresetName => (PRESET_NAMES as readonly string[]).includes(p);

/** The form for the running cluster: its effective settings over its preset's defaults. */
export function clusterToForm(c: ClusterFacts): FormValues {
  const base = PRESETS[isPreset(c.preset) ? c.preset : 'cassandra'];
  const given = c.settings as Partial<Settings>;
  const settings: Settings = { ...base, ...given, latency: { ...base.latency, ...(given.latency ?? {}) } };
  const defaultNames = c.nodes.every((n, i) => n === `n${i + 1}`);
  return {
    ...settingsToForm(settings),
    nodes: defaultNames ? String(c.nodes.length) : c.nodes.join(', '),
    vnodes: String(c.vnodes),
    replicationFactor: String(c.replicationFactor),
    seed: String(c.seed),
  };
}

/** A preset's defaults, keeping the cluster fields as they are. */
export function applyPreset(form: FormValues, preset: PresetName): FormValues {
  return { ...form, ...settingsToForm(PRESETS[preset]) };
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** What the scenario gets for a field's text: the engine's parser judges it. */
function toValue(f: FieldDef, v: string | boolean): unknown {
  if (typeof v === 'boolean') return v;
  const t = v.trim();
  if (f.kind === 'choice') return t;
  if (f.kind === 'optionalDuration' && (t === '' || /^(none|null|off)$/i.test(t))) return null;
  if (f.kind === 'duration' || f.kind === 'optionalDuration') return NUMBER.test(t) ? Number(t) : t;
  return NUMBER.test(t) ? Number(t) : t;
}

/** "6" → 6; "A, B, C" → ["A", "B", "C"]. */
export function parseNodes(text: string): number | string[] | string {
  const t = text.trim();
  if (NUMBER.test(t)) return Number(t);
  if (t === '') return t;
  return t.split(/[\s,]+/).filter(Boolean);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = target;
  for (const p of parts.slice(0, -1)) {
    if (typeof at[p] !== 'object' || at[p] === null) at[p] = {};
    at = at[p] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]!] = value;
}

/**
 * The scenario to run: `base` (the running one: name, workload, faults, until) with the form's
 * seed, cluster and settings. Every setting is written out, so the file says what ran.
 */
export function buildScenario(base: Record<string, unknown>, form: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base, cluster: { ...((base.cluster as object) ?? {}) }, settings: {} };
  for (const f of ALL_FIELDS) {
    const v = form[f.key];
    if (v === undefined) continue;
    setPath(out, f.path, f.key === 'nodes' ? parseNodes(String(v)) : toValue(f, v));
  }
  return out;
}

/** The form field an error's path names (`settings.latency.p99`, `cluster.nodes[3]`), if any. */
export function fieldOfError(path: string): FieldDef | undefined {
  const clean = path.replace(/\[\d+\].*$/, '');
  return BY_PATH.get(clean);
}

/** The app's own bound on top of the format's: the ring draws at most APP_MAX_NODES. */
export function appLimitError(form: FormValues): { field: string; message: string } | null {
  const nodes = parseNodes(String(form.nodes ?? ''));
  const count = typeof nodes === 'number' ? nodes : Array.isArray(nodes) ? nodes.length : 0;
  if (count > APP_MAX_NODES) {
    return { field: 'cluster.nodes', message: `cluster.nodes: the app draws at most ${APP_MAX_NODES} nodes (the CLI takes up to 256)` };
  }
  return null;
}

/** Text for a form value, as shown in the "was …" note. */
export function shownValue(v: string | boolean | undefined, f: FieldDef): string {
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (v === undefined) return '—';
  if (v.trim() === '' && f.placeholder) return f.placeholder;
  return v;
}

/** Whether two texts of a field mean the same ("180m" and "3h" do). */
export function sameValue(f: FieldDef, a: string | boolean | undefined, b: string | boolean | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (f.key === 'nodes') return JSON.stringify(parseNodes(a)) === JSON.stringify(parseNodes(b));
  const va = toValue(f, a);
  const vb = toValue(f, b);
  if (f.kind === 'duration' || f.kind === 'optionalDuration') {
    const ms = (v: unknown) => (v === null ? 'none' : (parseDuration(v) ?? `invalid ${String(v)}`));
    return ms(va) === ms(vb);
  }
  return va === vb;
}
