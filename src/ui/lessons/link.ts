// A link that opens a lesson or an interview question at a step:
//   #lesson=<id>&step=<n>            steps 1 … n run as the lesson opens, step n is shown
//   #interview=<id>&predict=<k>&step=<n>   with the candidate's prediction k (1-based)
//   …&present=1                      in presenter mode
// Untrusted input: validated with zod; a bad value throws an Error naming the field.
import { z } from '../../view/forms/zod';
import type { LessonKind } from '../../protocol';
import { lessonOf } from '../../view/lessons/catalogue';

export interface LessonLink {
  kind: LessonKind;
  id: string;
  /** 1-based: run steps 1 … step. */
  step?: number;
  /** 0-based choice index. */
  predict?: number;
  present: boolean;
}

const whole = (max: number) =>
  z.pipe(z.pipe(z.string().check(z.regex(/^\d{1,3}$/, { error: 'expected a whole number' })), z.transform(Number)), z.number().check(z.int(), z.gte(1), z.lte(max)));

const LinkSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/, { error: 'expected a lesson id (lower-case letters, digits, dashes)' })),
  step: z.optional(whole(99)),
  predict: z.optional(whole(4)),
  present: z.optional(z.enum(['0', '1'], { error: 'expected 0 or 1' })),
});

/** null when the fragment is not a lesson link; throws when it is one with a bad field. */
export function parseLessonLink(hash: string): LessonLink | null {
  const m = /^#(lesson|interview)=/.exec(hash);
  if (!m) return null;
  const kind = m[1] as LessonKind;
  const params = new URLSearchParams(hash.slice(1));
  const raw: Record<string, string> = { id: params.get(kind) ?? '' };
  for (const key of ['step', 'predict', 'present'] as const) {
    const v = params.get(key);
    if (v !== null) raw[key] = v;
  }
  const parsed = LinkSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') === 'id' ? kind : issue.path.join('.');
    throw new Error(`${kind} link: ${field}: ${issue.message}`);
  }
  const { id, step, predict, present } = parsed.data;
  const lesson = lessonOf(kind, id);
  if (!lesson) throw new Error(`${kind} link: ${kind}: no ${kind === 'interview' ? 'interview question' : 'lesson'} "${id}"`);
  if (step !== undefined && step > lesson.steps.length) throw new Error(`${kind} link: step: expected 1 to ${lesson.steps.length} (it has ${lesson.steps.length} steps)`);
  if (predict !== undefined) {
    const choices = (lesson as { choices?: string[] }).choices;
    if (!choices) throw new Error(`${kind} link: predict: only interview questions take a prediction`);
    if (predict > choices.length) throw new Error(`${kind} link: predict: expected 1 to ${choices.length}`);
  }
  if (kind === 'interview' && step !== undefined && predict === undefined) throw new Error('interview link: predict: needed before the demo runs (1 to 4)');
  return { kind, id, ...(step !== undefined ? { step } : {}), ...(predict !== undefined ? { predict: predict - 1 } : {}), present: present === '1' };
}
