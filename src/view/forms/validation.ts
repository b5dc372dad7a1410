// pure: zod schemas for what a user types; errors name the field. The bounds are the engine's own
// (scenario-format.md's), so a form allows exactly what the engine accepts.
import { z } from './zod';
import { CONSISTENCY_LEVELS, MAX_GENERATOR_KEYS, MAX_GENERATOR_RATE, MAX_KEY_LENGTH, MAX_VALUE_LENGTH, type Command } from '../../protocol';

const level = z.enum(CONSISTENCY_LEVELS);
const count = (n: number) => n.toLocaleString('en-US');

export const operationSchema = z.object({
  key: z.string().check(z.trim(), z.minLength(1, 'key: enter a key, e.g. user:42'), z.maxLength(MAX_KEY_LENGTH, `key: at most ${MAX_KEY_LENGTH} characters`)),
  value: z.string().check(z.maxLength(MAX_VALUE_LENGTH, `value: at most ${MAX_VALUE_LENGTH} characters`)),
  consistency: level,
  coordinator: z.optional(z.string()),
});

export type OperationFields = z.input<typeof operationSchema>;
export type FieldErrors = Partial<Record<keyof OperationFields | 'form', string>>;

function collect(error: z.core.$ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = (issue.path[0] ?? 'form') as keyof FieldErrors;
    if (!out[field]) out[field] = issue.message.includes(':') ? issue.message : `${String(field)}: ${issue.message}`;
  }
  return out;
}

export type Parsed = { ok: true; command: Command } | { ok: false; errors: FieldErrors };

/** A delete writes a tombstone: like a read it needs no value; like a write it may be at ANY. */
export function parseOperation(op: 'write' | 'read' | 'delete', fields: OperationFields): Parsed {
  const parsed = operationSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, errors: collect(parsed.error) };
  const { key, value, consistency } = parsed.data;
  const coordinator = parsed.data.coordinator || undefined;
  if (op === 'read') {
    if (consistency === 'ANY') return { ok: false, errors: { consistency: 'consistency: ANY is for writes only' } };
    return { ok: true, command: { type: 'read', key, consistency, ...(coordinator ? { coordinator } : {}) } };
  }
  if (op === 'delete') return { ok: true, command: { type: 'delete', key, consistency, ...(coordinator ? { coordinator } : {}) } };
  if (value.length === 0) return { ok: false, errors: { value: 'value: enter a value to write' } };
  return { ok: true, command: { type: 'write', key, value, consistency, ...(coordinator ? { coordinator } : {}) } };
}

export const workloadSchema = z.object({
  rate: z.coerce
    .number({ error: 'rate: enter a number' })
    .check(z.refine(Number.isFinite, 'rate: enter a number'), z.gt(0, 'rate: must be more than 0 ops/s'), z.lte(MAX_GENERATOR_RATE, `rate: at most ${count(MAX_GENERATOR_RATE)} ops/s`)),
  writeRatio: z.number().check(z.gte(0), z.lte(1)),
  consistency: level,
  keys: z.number().check(z.int(), z.gte(1), z.lte(MAX_GENERATOR_KEYS)),
});

export type WorkloadFields = z.input<typeof workloadSchema>;

export function parseWorkload(fields: WorkloadFields): { ok: true; command: Command } | { ok: false; error: string } {
  const parsed = workloadSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const msg = issue?.message ?? 'invalid workload';
    return { ok: false, error: msg.includes(':') ? msg : `${String(issue?.path[0] ?? 'workload')}: ${msg}` };
  }
  const w = parsed.data;
  if (w.consistency === 'ANY' && w.writeRatio < 1) {
    return { ok: false, error: 'consistency: ANY is for writes only; choose the "writes only" mix' };
  }
  return { ok: true, command: { type: 'workload', rate: w.rate, keys: w.keys, writeRatio: w.writeRatio, consistency: w.consistency } };
}
