// pure: the building blocks of the scenario schema (durations, names, keys, values, levels, numbers),
// the one error type, and `check`, which turns zod's first issue into one line naming its field.
import * as z from 'zod/mini';
import { parseDuration } from '../core/duration';
import { CONSISTENCY_LEVELS, MAX_DURATION_MS, MAX_KEY_LENGTH, MAX_VALUE_LENGTH, NODE_NAME_PATTERN, NODE_NAME_RULE } from './limits';

// No code generation: zod's JIT probes `new Function`, which the page's CSP (script-src 'self')
// reports as a violation now that files and links are validated on the page itself. zod/mini's
// objects have no JIT path today; the flag keeps any that a later zod adds off.
z.config({ jitless: true });

export class ScenarioError extends Error {
  constructor(readonly field: string, detail: string) {
    super(field ? `${field}: ${detail}` : detail);
    this.name = 'ScenarioError';
  }
}

/** What a number field got, when it is no number a JSON reader can hold (`1e400` reads as Infinity). */
const tooLarge = (v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? '; this number is too large' : '');
/** zod's message for a field's wrong type: "missing" when it is absent, else what was expected. */
export const expecting = (what: string) => (iss: { input?: unknown }) => (iss.input === undefined ? `missing; expected ${what}` : `expected ${what}${tooLarge(iss.input)}`);

/** The engine's clock ticks in microseconds: durations are rounded to it here, once. */
const roundUs = (ms: number) => Math.round(ms * 1000) / 1000;

/** Adds a one-line issue to a transform's payload (zod/mini's transforms have no `ctx.addIssue`). */
export function addIssue(ctx: z.core.ParsePayload, message: string, path?: PropertyKey[]): void {
  ctx.issues.push({ code: 'custom', message, input: ctx.value, ...(path ? { path } : {}) });
}

/** Milliseconds (rounded to the µs clock), or null after adding the issue. */
function durationOf(v: unknown, ctx: z.core.ParsePayload): number | null {
  if (v === undefined) {
    addIssue(ctx, 'missing; expected a duration like "3h", "1.5s", "11m20s" or a number of ms');
    return null;
  }
  const ms = typeof v === 'number' && !Number.isFinite(v) ? Infinity : parseDuration(v);
  if (ms === null) {
    addIssue(ctx, 'expected a duration like "3h", "1.5s", "11m20s" or a number of ms');
    return null;
  }
  if (!(ms >= 0 && ms <= MAX_DURATION_MS)) {
    addIssue(ctx, 'expected a duration between 0 and 30d');
    return null;
  }
  return roundUs(ms);
}
/** `schema.transform(fn)` of zod's classic API: the value, then `fn` on it. */
export const transformed = <O>(fn: (v: unknown, ctx: z.core.ParsePayload) => O) => z.pipe(z.unknown(), z.transform(fn));
export const duration = transformed((v, ctx) => durationOf(v, ctx) ?? z.NEVER);
export const nullableDuration = transformed((v, ctx) => (v === null ? null : (durationOf(v, ctx) ?? z.NEVER)));
/** A duration that must be > 0 on the engine's µs clock (`until`; a gossip interval of 0 would never let time move). */
export const positiveDuration = transformed((v, ctx) => {
  const ms = durationOf(v, ctx);
  if (ms === null) return z.NEVER;
  if (ms > 0) return ms;
  addIssue(ctx, parseDuration(v) === 0 ? 'expected a duration > 0' : 'expected a duration > 0 (at least 0.001ms: the clock ticks in µs)');
  return z.NEVER;
});
/** "100ms", "1m": a floor as the format writes it. */
const floorText = (ms: number) => (ms % 60_000 === 0 ? `${ms / 60_000}m` : ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);
/** What a duration field got, quoted as given, for a floor's message. */
const given = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 24 ? `${v.slice(0, 24)}…` : v) : String(v));
/**
 * A duration of at least `min` ms (a floor of scenario-format.md's Bounds), or null when
 * `nullable` (then null means "none" and the message offers it).
 */
export const flooredDuration = (min: number, why: string, nullable: boolean) =>
  transformed((v, ctx) => {
    if (nullable && v === null) return null;
    const ms = durationOf(v, ctx);
    if (ms === null) return z.NEVER;
    if (ms >= min) return ms;
    addIssue(ctx, `expected ${nullable ? 'null or ' : ''}a duration of at least ${floorText(min)} (${why}), got ${given(v)}`);
    return z.NEVER;
  });
const NAME_MSG = `expected a node name of ${NODE_NAME_RULE}`;
export const name = z.string({ error: expecting(`a node name (${NODE_NAME_RULE})`) }).check(z.regex(NODE_NAME_PATTERN, NAME_MSG));
export const level = z.enum(CONSISTENCY_LEVELS, { error: expecting(`one of ${CONSISTENCY_LEVELS.join(', ')}`) });
export const key = z.string({ error: expecting(`a key (a string of 1..${MAX_KEY_LENGTH} characters)`) }).check(
  z.minLength(1, 'expected a non-empty key'),
  z.maxLength(MAX_KEY_LENGTH, `expected a key of at most ${MAX_KEY_LENGTH} characters`),
);
/** A write's value: a string (a number is taken as its text). */
export const value = transformed((v, ctx) => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') {
    addIssue(ctx, v === undefined ? 'missing; expected a value (a string)' : `expected a value (a string)${tooLarge(v)}`);
    return z.NEVER;
  }
  if (v.length > MAX_VALUE_LENGTH) {
    addIssue(ctx, `expected a value of at most ${MAX_VALUE_LENGTH} characters`);
    return z.NEVER;
  }
  return v;
});
export const bool = z.boolean({ error: expecting('true or false') });
export const num = (min: number, max: number, what = 'a number') =>
  z.number({ error: expecting(what) }).check(z.gte(min, `expected ${what} >= ${min}`), z.lte(max, `expected ${what} <= ${max}`));
/** A number > `min` (and at most `max`). */
export const above = (min: number, what: string, max = Number.MAX_VALUE) =>
  z.number({ error: expecting(what) }).check(z.gt(min, `expected ${what} > ${min}`), z.lte(max, `expected ${what} <= ${max}`));
export const int = (min: number, max: number) =>
  z.number({ error: expecting('an integer') }).check(
    // z.int() also refuses integers beyond ±2^53, which JSON can write but a double cannot hold exactly.
    z.int({ error: (iss) => (iss.code === 'too_big' ? `expected an integer <= ${max}` : iss.code === 'too_small' ? `expected an integer >= ${min}` : 'expected an integer') }),
    z.gte(min, `expected an integer >= ${min}`),
    z.lte(max, `expected an integer <= ${max}`),
  );
export const object = (what: string) => ({ error: expecting(what) });
export const list = (what: string) => ({ error: expecting(what) });
export const opt = z.optional;

/** A path segment as text: a plain key as `.key`, anything else quoted (`["a b"]`), so the line stays one line. */
function segment(p: PropertyKey, first: boolean): string {
  if (typeof p === 'number') return `[${p}]`;
  const k = String(p);
  if (/^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/.test(k)) return first ? k : `.${k}`;
  return `[${JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k)}]`;
}

function fieldOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += segment(p, out === '');
  return out;
}

export function check<T>(schema: z.ZodMiniType<T>, input: unknown, prefix: string): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = [...issue.path];
  // An unknown key is named as the field itself: `settings.hintTTL: unknown key`.
  if (issue.code === 'unrecognized_keys') path.push(issue.keys[0]!);
  const field = fieldOf(path);
  const message = issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message;
  throw new ScenarioError(prefix + (field && prefix ? (field.startsWith('[') ? field : `.${field}`) : field), message);
}
