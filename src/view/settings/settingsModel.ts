// pure: the settings form's fields, how their text becomes a scenario, and which field an error names.
import {
  CLUSTER_FIELDS, formatDuration, MAX_NODES, parseDuration, PRESET_NAMES as ENGINE_PRESET_NAMES, PRESETS, realNamesText, SETTINGS,
  type PresetName, type RealNames, type SettingPath, type Settings, type SettingSpec,
} from '../../protocol';
import { throttleNote } from './fieldNotes';
import { NUMBER, parseNodes } from './nodesText';
import { clusterParts, DC_KEY, largestRf, readRows, rowsFromCluster, rowsSummary, rowsText, sameRows } from './dcEditor';

export { parseNodes } from './nodesText';

/** `list`: names separated by commas (a setting's list of datacenters). */
/**
 * `boolOrList`: on / off, or (on) only the datacenters listed — hintedHandoffEnabled's ScyllaDB form;
 * the form holds a boolean, or the list's text while one is typed.
 */
export type FieldKind = 'choice' | 'bool' | 'boolOrList' | 'duration' | 'optionalDuration' | 'number' | 'list' | 'datacenters';
export type FieldMode = 'coordinator' | 'sloppy-quorum';

export interface FieldDef {
  /** Form key; also the path under `settings` (or `cluster` / the top level) in the scenario. */
  key: string;
  /** Where it lives in the scenario: `settings.maxHintWindow`, `cluster.vnodes`, `seed`. */
  path: string;
  kind: FieldKind;
  /** The real systems' names for it (the registry's), one per system. */
  realNames: RealNames;
  /** The same as text: "Cassandra max_hint_window · ScyllaDB max_hint_window_in_ms". */
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

export const PRESET_NAMES: readonly PresetName[] = ENGINE_PRESET_NAMES;

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

/** Shown where no real system has a setting of that name (ours models a design choice). */
export const NO_REAL_NAME = 'ours only: no real setting';

/** The real names of a registry entry, as the form, the readout and Compare show them. */
export const realText = (real: RealNames): string => realNamesText(real) || NO_REAL_NAME;

const FIELD_KIND: Record<SettingSpec<unknown>['type'], FieldKind> = {
  choice: 'choice', bool: 'bool', duration: 'duration', optionalDuration: 'optionalDuration', number: 'number', integer: 'number', dcList: 'list',
};

/** A setting's field, every fact of it from the registry. */
function settingField(path: SettingPath): FieldDef {
  const spec = SETTINGS[path] as SettingSpec<unknown>;
  const kind = spec.orDcList ? 'boolOrList' : FIELD_KIND[spec.type];
  return {
    key: path,
    path: `settings.${path}`,
    kind,
    realNames: spec.real,
    real: realText(spec.real),
    why: spec.why,
    ...(spec.options ? { options: spec.options.map((o) => ({ value: o, label: o })) } : {}),
    ...(spec.mode ? { mode: spec.mode } : {}),
    ...(kind === 'number' && spec.unit ? { unit: spec.unit } : {}),
    ...(spec.nullMeans ? { placeholder: spec.nullMeans } : {}),
  };
}

function clusterField(key: keyof typeof CLUSTER_FIELDS, unit?: string): FieldDef {
  const spec = CLUSTER_FIELDS[key];
  const why = key === 'nodes' ? `A count (1..${APP_MAX_NODES}, named n1..nN) or names separated by commas: A, B, C.` : spec.why;
  const kind = spec.type === 'datacenters' ? 'datacenters' : 'number';
  return { key, path: `cluster.${key}`, kind, realNames: spec.real, real: realText(spec.real), why, ...(unit ? { unit } : {}) };
}

/** The form's sections: which settings sit together (every registry setting is in one). */
export const SETTING_GROUPS: readonly { title: string; paths: readonly SettingPath[] }[] = [
  { title: 'System', paths: ['preset', 'hintMode', 'strictQuorum', 'conflictResolution'] },
  {
    title: 'Hints',
    paths: ['hintedHandoffEnabled', 'replayWhenDisabled', 'maxHintWindow', 'persistentHintWindow', 'hintTtl', 'hintFlushPeriod', 'hintOnTimeout', 'maxHintsPerHost', 'hintReplayRate'],
  },
  { title: 'Timeouts and failure detection', paths: ['writeTimeout', 'readTimeout', 'gossipInterval', 'phiConvictThreshold'] },
  { title: 'Network', paths: ['latency.median', 'latency.p99', 'dropRate'] },
  { title: 'Repair', paths: ['readRepair', 'antiEntropyInterval', 'merkleDepth'] },
  { title: 'Deletes', paths: ['gcGrace', 'tombstoneGc', 'propagationDelay', 'compactionInterval'] },
  { title: 'Datacenters', paths: ['interDcLatency.median', 'interDcLatency.p99', 'hintedHandoffDisabledDatacenters'] },
];

/** The most nodes the app draws (the format allows MAX_NODES; the ring stays legible up to 64). */
export const APP_MAX_NODES = 64;

export const FIELD_GROUPS: readonly FieldGroup[] = [
  ...SETTING_GROUPS.map((g) => ({ title: g.title, fields: g.paths.map(settingField) })),
  {
    title: 'Cluster',
    fields: [
      clusterField('nodes', 'or names'),
      clusterField('vnodes'),
      clusterField('replicationFactor'),
      clusterField('datacenters'),
      { key: 'seed', path: 'seed', kind: 'number', realNames: {}, real: NO_REAL_NAME, why: 'Same seed and settings replay the same run, message for message.' },
    ],
  },
];

export const ALL_FIELDS: readonly FieldDef[] = FIELD_GROUPS.flatMap((g) => g.fields);
const BY_PATH = new Map(ALL_FIELDS.map((f) => [f.path, f]));

const durationText = (ms: number | null | undefined) => (ms === null || ms === undefined ? '' : formatDuration(ms));

/** The form's text for a preset's settings. */
export function settingsToForm(settings: Settings): FormValues {
  const out: FormValues = {};
  for (const f of ALL_FIELDS) {
    if (!f.path.startsWith('settings.')) continue;
    const [head, leaf] = f.key.split('.') as [keyof Settings, 'median' | 'p99' | undefined];
    const v = leaf !== undefined ? (settings[head] as Settings['latency'])[leaf] : settings[head];
    if (f.kind === 'bool') out[f.key] = Boolean(v);
    else if (f.kind === 'boolOrList') out[f.key] = Array.isArray(v) ? (v as readonly string[]).join(', ') : Boolean(v);
    else if (f.kind === 'list') out[f.key] = (v as readonly string[]).join(', ');
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
  /** With cluster.datacenters: each DC's name, RF and nodes (ClusterInfo's). */
  datacenters?: readonly { name: string; rf: number; nodes: readonly string[] }[];
}

const isPreset = (p: string): p is PresetName => (PRESET_NAMES as readonly string[]).includes(p);

/** The form for the running cluster: its effective settings over its preset's defaults. */
export function clusterToForm(c: ClusterFacts): FormValues {
  const base = PRESETS[isPreset(c.preset) ? c.preset : 'cassandra'];
  const given = c.settings as Partial<Settings>;
  const settings: Settings = {
    ...base, ...given, latency: { ...base.latency, ...(given.latency ?? {}) }, interDcLatency: { ...base.interDcLatency, ...(given.interDcLatency ?? {}) },
  };
  const defaultNames = c.nodes.every((n, i) => n === `n${i + 1}`);
  const rows = rowsFromCluster(c.nodes, c.datacenters);
  return {
    ...settingsToForm(settings),
    nodes: defaultNames ? String(c.nodes.length) : c.nodes.join(', '),
    vnodes: String(c.vnodes),
    // With datacenters the info's RF is their sum; the single field keeps the largest, what one DC would get back.
    replicationFactor: String(largestRf(rows) ?? c.replicationFactor),
    [DC_KEY]: rowsText(rows),
    seed: String(c.seed),
  };
}

/** A preset's defaults, keeping the cluster fields as they are. */
export function applyPreset(form: FormValues, preset: PresetName): FormValues {
  return { ...form, ...settingsToForm(PRESETS[preset]) };
}

/** What the scenario gets for a field's text: the engine's parser judges it. */
function toValue(f: FieldDef, v: string | boolean): unknown {
  if (typeof v === 'boolean') return v;
  const t = v.trim();
  if (f.kind === 'choice') return t;
  if (f.kind === 'list') return t.split(/[\s,]+/).filter(Boolean);
  // An empty list means every datacenter: on.
  if (f.kind === 'boolOrList') return t === '' ? true : t.split(/[\s,]+/).filter(Boolean);
  if (f.kind === 'optionalDuration' && (t === '' || /^(none|null|off)$/i.test(t))) return null;
  if (f.kind === 'duration' || f.kind === 'optionalDuration') return NUMBER.test(t) ? Number(t) : t;
  return NUMBER.test(t) ? Number(t) : t;
}

/** How many nodes the form's nodes field names (as parseNodes reads it), or null while it names none. */
function nodeCount(text: string | boolean | undefined): number | null {
  const n = typeof text === 'string' ? parseNodes(text) : '';
  if (typeof n === 'number') return Number.isInteger(n) && n > 0 ? n : null;
  return Array.isArray(n) && n.length > 0 ? n.length : null;
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
    if (v === undefined || f.kind === 'datacenters') continue;
    setPath(out, f.path, f.key === 'nodes' ? parseNodes(String(v)) : toValue(f, v));
  }
  if (form[DC_KEY] !== undefined) withDatacenters(out.cluster as Record<string, unknown>, form[DC_KEY]);
  return out;
}

/** The editor's rows into the cluster: datacenters and an RF per DC, or (no rows) neither. */
function withDatacenters(cluster: Record<string, unknown>, text: string | boolean): void {
  const parts = clusterParts(readRows(text));
  if (parts) Object.assign(cluster, parts);
  else delete cluster.datacenters;
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
    return { field: 'cluster.nodes', message: `cluster.nodes: the app draws at most ${APP_MAX_NODES} nodes (the CLI takes up to ${MAX_NODES})` };
  }
  return null;
}

/** Text for a form value, as shown in the "was …" note. */
export function shownValue(v: string | boolean | undefined, f: FieldDef): string {
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (f.kind === 'datacenters') return rowsSummary(v);
  if (v === undefined) return '—';
  if (f.kind === 'boolOrList') return v.trim() === '' ? 'on' : `only ${v.trim()}`;
  if (v.trim() === '' && f.placeholder) return f.placeholder;
  return v;
}

/** Whether two texts of a field mean the same ("180m" and "3h" do). */
export function sameValue(f: FieldDef, a: string | boolean | undefined, b: string | boolean | undefined): boolean {
  if (a === b) return true;
  if (f.kind === 'boolOrList' && a !== undefined && b !== undefined) return JSON.stringify(toValue(f, a)) === JSON.stringify(toValue(f, b));
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (f.key === 'nodes') return JSON.stringify(parseNodes(a)) === JSON.stringify(parseNodes(b));
  if (f.kind === 'datacenters') return sameRows(a, b);
  const va = toValue(f, a);
  const vb = toValue(f, b);
  if (f.kind === 'duration' || f.kind === 'optionalDuration') {
    const ms = (v: unknown) => (v === null ? 'none' : (parseDuration(v) ?? `invalid ${String(v)}`));
    return ms(va) === ms(vb);
  }
  return va === vb;
}

/**
 * A field's note beside its reason, from the form's values: hintTtl follows gcGrace unless set
 * (cassandra, scylla), and one set above gcGrace is flagged, since a hint may then outlive a later
 * delete's purged tombstone and bring the value back (Cassandra's cap only ever lowers it).
 */
export function fieldNote(key: string, form: FormValues): { text: string; flag: boolean } | null {
  if (key === 'hintReplayRate') {
    const text = throttleNote(form.hintReplayRate, nodeCount(form.nodes));
    return text ? { text, flag: false } : null;
  }
  if (key !== 'hintTtl') return null;
  const ttl = parseDuration(form.hintTtl);
  const grace = parseDuration(form.gcGrace);
  if (ttl !== null && grace !== null && ttl > grace) {
    return { text: `Longer than gcGrace (${formatDuration(grace)}): a hint may outlive a delete’s purged tombstone and bring the value back — a what-if; Cassandra caps it at gc_grace_seconds.`, flag: true };
  }
  return { text: 'Defaults to gcGrace under cassandra and scylla.', flag: false };
}
