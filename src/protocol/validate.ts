// pure: a message from the UI, as postMessage delivers it (`unknown`), checked once against the
// protocol before the worker acts on it. A refusal is one line naming the field. What only the
// engine can judge (a scenario, a session's log, a command's nodes and keys) is left to it.
// zod/mini: the worker bundles it already for the scenario schema, so this costs ~0.9 KB gzip (measured).
import * as z from 'zod/mini';
import type { Command, ToWorker } from './index';
import { MAX_KEY_LENGTH } from './engineValues';

type Kind = ToWorker['type'];
type Of<T extends Kind> = Extract<ToWorker, { type: T }>;

export type Checked =
  | { ok: true; msg: ToWorker }
  /**
   * `type`: the message's type when it is one of the protocol's (null otherwise). `seekId`: a
   * refused seek's id, still acknowledged so the UI does not wait for it forever.
   */
  | { ok: false; error: string; type: Kind | null; seekId?: number };


const show = (v: unknown): string => String(v).slice(0, 60);

/** zod's params for a field: its one-line refusal, "label: expected …, got …". */
const expecting = (label: string, what: string) => ({ error: (iss: { input?: unknown }) => `${label}: expected ${what}, got ${show(iss.input)}` });

const bare = <T extends Kind>(type: T) => z.object({ type: z.literal(type) });

const positiveMs = expecting('jump.byMs', 'a positive number of ms');
const seekAt = expecting('seek.atMs', 'a time in ms');
const key = { error: () => `key: expected a key of 1..${MAX_KEY_LENGTH} characters` };

/** A command's shape only; the engine checks the rest (nodes, keys, bounds) and names the field. */
const isCommandLike = (v: unknown): v is Command => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';

const COMMAND = z.object({ type: z.literal('command'), command: z.custom<Command>(isCommandLike, expecting('command', 'a command object')) });

/**
 * A write's `op` (an OR-set's add or remove) has one of two shapes; whether the cluster merges by
 * the OR-set at all is the engine's to judge (it refuses `op` elsewhere, naming the field).
 */
function writeOpRefusal(c: unknown): string | null {
  if (!isCommandLike(c) || c.type !== 'write' || !('op' in c) || c.op === undefined) return null;
  return c.op === 'add' || c.op === 'remove' ? null : `command.op: expected "add" or "remove", got ${show(c.op)}`;
}

type LessonOp = Of<'lesson'>['op'];
const lessonKind = z.enum(['lesson', 'interview'], expecting('lesson.kind', '"lesson" or "interview"'));
const lessonStep = expecting('lesson.step', 'a step number');
/** A lesson request's schema per operation (a table like the messages', lighter than a discriminated union). */
const LESSON_OPS: { [O in LessonOp]: z.ZodMiniType<Extract<Of<'lesson'>, { op: O }>> } = {
  start: z.object({ type: z.literal('lesson'), op: z.literal('start'), kind: lessonKind, id: z.string(expecting('lesson.id', 'a lesson id')) }),
  run: z.object({
    type: z.literal('lesson'), op: z.literal('run'), step: z.number(lessonStep).check(z.int(lessonStep), z.gte(0, lessonStep)),
    play: z.optional(z.enum(['beats', 'still'], expecting('lesson.play', '"beats" or "still"'))),
  }),
  pause: z.object({ type: z.literal('lesson'), op: z.literal('pause') }),
  resume: z.object({ type: z.literal('lesson'), op: z.literal('resume') }),
  skip: z.object({ type: z.literal('lesson'), op: z.literal('skip') }),
  leave: z.object({ type: z.literal('lesson'), op: z.literal('leave') }),
};

/** A message type's schema, or a choice of schema by another field (or the refusal when none fits). */
type Entry<T> = z.ZodMiniType<T> | ((raw: Record<string, unknown>) => z.ZodMiniType<T> | string);

const has = <K extends string>(table: Record<K, unknown>, k: unknown): k is K => typeof k === 'string' && Object.hasOwn(table, k);

/** One schema per message type: a new message adds one entry here and one in the worker's handler table. */
const SCHEMAS: { [T in Kind]: Entry<Of<T>> } = {
  init: z.object({ type: z.literal('init'), scenario: z.unknown(), log: z.optional(z.unknown()) }),
  play: bare('play'),
  pause: bare('pause'),
  setSpeed: z.object({ type: z.literal('setSpeed'), speed: z.number(expecting('speed', 'a number')) }),
  step: bare('step'),
  jump: z.object({ type: z.literal('jump'), byMs: z.number(positiveMs).check(z.positive(positiveMs)) }),
  jumpTo: z.object({ type: z.literal('jumpTo'), atMs: z.number(expecting('jumpTo.atMs', 'a time in ms')) }),
  cancelJump: bare('cancelJump'),
  seek: z.object({ type: z.literal('seek'), atMs: z.number(seekAt).check(z.gte(0, seekAt)), id: z.optional(z.number(expecting('seek.id', 'a number'))) }),
  inspect: z.object({ type: z.literal('inspect'), key: z.nullable(z.string(key).check(z.minLength(1, key), z.maxLength(MAX_KEY_LENGTH, key))) }),
  exportSession: bare('exportSession'),
  report: bare('report'),
  cancelImport: bare('cancelImport'),
  command: (raw) => writeOpRefusal(raw.command) ?? COMMAND,
  frameAck: bare('frameAck'),
  lesson: (raw) => (has(LESSON_OPS, raw.op) ? LESSON_OPS[raw.op] : `lesson.op: unknown operation ${show(raw.op)}`),
};

const seekId = z.object({ id: z.number() });

/** The message as the protocol types it (unknown keys dropped), or the first thing wrong with it. */
export function parseToWorker(raw: unknown): Checked {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const type = fields.type;
  if (!has(SCHEMAS, type)) return { ok: false, error: `Unknown message type: ${show(type)}`, type: null };
  const entry = SCHEMAS[type] as Entry<ToWorker>;
  const schema = typeof entry === 'function' ? entry(fields) : entry;
  if (typeof schema === 'string') return { ok: false, error: schema, type };
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, msg: r.data };
  const error = r.error.issues[0]?.message ?? `${type}: not a valid message`;
  if (type !== 'seek') return { ok: false, error, type };
  const id = seekId.safeParse(raw);
  return id.success ? { ok: false, error, type, seekId: id.data.id } : { ok: false, error, type };
}
