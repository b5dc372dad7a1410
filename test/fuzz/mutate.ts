// pure: mutations of JSON values for the input fuzzer — valid-looking documents with one thing
// wrong or extreme: wrong types, huge and boundary numbers (the bounds of scenario-format.md),
// negative and absurd durations, unknown keys, deep nesting, unicode, empty strings; and edits that
// drive cost (tiny gossip and anti-entropy intervals, 256 vnodes × depth 16, long runs).
import type { Rng } from './rng';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

const BOUNDARY_NUMBERS = [0, -0, 1, -1, 0.5, 2, 3, 15, 16, 17, 100, 255, 256, 257, 1000, 10_000, 10_001, 100_000, 100_001, 1e7, 1e7 + 1, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e308, -1e308, 5e-324, 1e-7, 0.001, 2_592_000_000, 2_592_000_001];
const DURATIONS = ['0', '0s', '0ms', '1us', '-1s', '0.001ms', '0.0004ms', '0.5ms', '1ms', '99ms', '100ms', '59s', '1m', '30d', '30d1ms', '31d', '99999999h', '1h30m', '30m1h', '1m1m', '.5h', '1e3ms', '1h 30m', '10', '', ' 1s', '1s ', '١s', '1ｓ', `${'9'.repeat(63)}s`, `${'1'.repeat(70)}ms`];
const STRINGS = ['', ' ', 'A', 'a'.repeat(16), 'a'.repeat(17), 'x'.repeat(121), 'x'.repeat(257), 'x'.repeat(4097), '\u0000', '\ud800', '\udfff', '🦄', 'é', '\u202e', 'ﷺ', '<script>alert(1)</script>', '__proto__', 'constructor', 'null', 'QUORUM', 'quorum', 'ANY', 'hintscope/scenario@1', 'hintscope/session@1', '\n', '\\', '"', 'n1', 'Z'];
const KEYS = ['__proto__', 'constructor', 'prototype', 'hintTTL', 'extra', '', ' ', 'é', '🦄', 'toString', 'v', 'at', 'format', 'kind'];

function nested(depth: number, leaf: Json, asList: boolean): Json {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asList ? [v] : { a: v };
  return v;
}

export function randomValue(rng: Rng): Json {
  switch (rng.int(0, 9)) {
    case 0: return rng.pick(BOUNDARY_NUMBERS);
    case 1: return rng.pick(DURATIONS);
    case 2: return rng.pick(STRINGS);
    case 3: return rng.pick([null, true, false]);
    case 4: return rng.pick<Json>([[], {}, [null], [[]], { a: 1 }, ['A', 'B'], [['A'], ['A']]]);
    case 5: return nested(rng.pick([5, 20, 31, 32, 33, 40, 200]), rng.pick([1, 'x', null]), rng.chance(0.5));
    case 6: return -rng.int(1, 1000) * rng.pick([1, 1000, 60_000]);
    case 7: return rng.next() * rng.pick([1, 100, 1e6, 1e12]);
    case 8: return Array.from({ length: rng.pick([0, 1, 257, 2000]) }, (_, i) => `n${i}`);
    default: return rng.pick([...STRINGS, ...DURATIONS]).repeat(rng.int(1, 3));
  }
}

/** Every path into the value (objects and lists), the root included. */
function paths(v: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (out.length > 5000) return out;
  if (Array.isArray(v)) v.slice(0, 50).forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k]!, [...at, k], out);
  return out;
}

function parentOf(root: Json, path: Path): { parent: Json; key: string | number } | null {
  if (path.length === 0) return null;
  let v = root;
  for (const p of path.slice(0, -1)) v = (v as Record<string | number, Json>)[p]!;
  return { parent: v, key: path[path.length - 1]! };
}

function setAt(root: Json, path: Path, value: Json | undefined): Json {
  const at = parentOf(root, path);
  if (!at) return value === undefined ? {} : value;
  const { parent, key } = at;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (value === undefined) parent.splice(key, 1);
    else parent[key] = value;
  } else if (parent !== null && typeof parent === 'object') {
    const obj = parent as Record<string, Json>;
    if (value === undefined) delete obj[key];
    else obj[key] = value;
  }
  return root;
}

/** Edits that drive the cost of a run: each is a valid value today (some are refused by newer bounds). */
function costly(rng: Rng, doc: Record<string, Json>, small: boolean): void {
  const settings = (typeof doc.settings === 'object' && doc.settings !== null && !Array.isArray(doc.settings) ? doc.settings : (doc.settings = {})) as Record<string, Json>;
  const cluster = (typeof doc.cluster === 'object' && doc.cluster !== null && !Array.isArray(doc.cluster) ? doc.cluster : (doc.cluster = {})) as Record<string, Json>;
  switch (rng.int(0, 6)) {
    case 0: settings.gossipInterval = rng.pick(['0.001ms', '1ms', 0.5, '99ms', '100ms', 1e-3]); break;
    case 1: settings.antiEntropyInterval = rng.pick(['1ms', '1s', '59s', '1m', 0, null, '0.001ms']); break;
    case 2: cluster.vnodes = small ? 64 : 256; settings.merkleDepth = 16; cluster.nodes = rng.pick([3, 8, 16]); settings.antiEntropyInterval = rng.pick(['1s', '1m', null]); break;
    case 3: doc.until = rng.pick(['30d', '1d', '1h', '2592000000']); break;
    case 4: doc.workload = [{ from: '0s', rate: rng.pick([1000, 100_000]), keys: rng.pick([1, 10_000_000]) }]; break;
    case 5: cluster.nodes = small ? rng.pick([32, 64]) : rng.pick([64, 128, 256]); cluster.vnodes = small ? 16 : rng.pick([16, 256]); break;
    default: doc.faults = Array.from({ length: small ? 100 : rng.pick([100, 2000, 10_000]) }, (_, i) => ({ at: i, repair: 'A' })); break;
  }
}

/**
 * One to three mutations of a copy of `value`; returns the mutated value and what was done. `small`
 * keeps the costly edits to what the slice in `npm test` can run in a moment.
 */
export function mutate(rng: Rng, value: Json, small = false): { value: Json; note: string[] } {
  let v = JSON.parse(JSON.stringify(value)) as Json;
  const note: string[] = [];
  for (let n = rng.pick([1, 1, 1, 2, 2, 3]); n > 0; n--) {
    const all = paths(v);
    const path = rng.pick(all);
    const op = rng.int(0, 9);
    if (op <= 4) {
      const nv = randomValue(rng);
      note.push(`set ${path.join('.')} = ${JSON.stringify(nv).slice(0, 60)}`);
      v = setAt(v, path, nv);
    } else if (op === 5) {
      note.push(`delete ${path.join('.')}`);
      v = setAt(v, path, undefined);
    } else if (op === 6) {
      const objects = all.filter((p) => { const x = p.reduce<Json>((o, k) => (o as Record<string | number, Json>)[k]!, v); return x !== null && typeof x === 'object' && !Array.isArray(x); });
      const target = objects.length > 0 ? rng.pick(objects) : [];
      const key = rng.pick(KEYS);
      note.push(`add key ${JSON.stringify(key)} at ${target.join('.')}`);
      const obj = target.reduce<Json>((o, k) => (o as Record<string | number, Json>)[k]!, v);
      if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) Object.defineProperty(obj, key, { value: randomValue(rng), enumerable: true, writable: true, configurable: true });
    } else if (op <= 8 && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      note.push('costly');
      costly(rng, v, small);
    } else {
      const list = all.filter((p) => Array.isArray(p.reduce<Json>((o, k) => (o as Record<string | number, Json>)[k]!, v)));
      if (list.length > 0) {
        const target = rng.pick(list);
        const arr = target.reduce<Json>((o, k) => (o as Record<string | number, Json>)[k]!, v) as Json[];
        if (arr.length > 0) {
          const times = small ? rng.pick([2, 100]) : rng.pick([2, 100, 10_001]);
          note.push(`repeat ${target.join('.')}[0] ×${times}`);
          for (let i = 0; i < times; i++) arr.push(JSON.parse(JSON.stringify(arr[0])) as Json);
        }
      }
    }
  }
  return { value: v, note };
}

/** Edits of the text itself: truncation, a stray character, a byte-order mark, deep brackets. */
export function mutateText(rng: Rng, text: string): { text: string; note: string } {
  switch (rng.int(0, 5)) {
    case 0: { const at = rng.int(0, text.length); return { text: text.slice(0, at), note: `truncate at ${at}` }; }
    case 1: { const at = rng.int(0, text.length); const c = rng.pick(['{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', '🦄', 'e9', '1e999']); return { text: text.slice(0, at) + c + text.slice(at), note: `insert ${JSON.stringify(c)} at ${at}` }; }
    case 2: return { text: `\ufeff${text}`, note: 'byte-order mark' };
    case 3: { const d = rng.pick([33, 100, 2500, 100_000]); return { text: `${'['.repeat(d)}${']'.repeat(d)}`, note: `brackets ${d} deep` }; }
    case 4: { const d = rng.pick([33, 2500]); return { text: text.replace(/"name":/, `"x":${'{"a":'.repeat(d)}1${'}'.repeat(d)},"name":`), note: `object ${d} deep inside` }; }
    default: return { text: text.replace(/(\d+)/, (m) => `${m}${'0'.repeat(rng.int(1, 400))}`), note: 'a longer number' };
  }
}

export type { Json };
