// pure: what the page says the running scenario is — its own name and description, as the
// scenario (a file, a link, a lesson's) gives them — and the embed's caption.
import type { LessonStatus } from '../../protocol';
import { interviewOf, lessonOf } from '../../view/lessons/catalogue';

export interface ScenarioText {
  name: string;
  description: string;
}

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** The scenario's name and description (either may be empty: a scenario need not have them). */
export function scenarioText(scenario: unknown): ScenarioText {
  if (typeof scenario !== 'object' || scenario === null) return { name: '', description: '' };
  const s = scenario as { name?: unknown; description?: unknown };
  return { name: text(s.name, 200), description: text(s.description, 600) };
}

/** The embed's one line: the lesson's step (or the interview question), else the scenario's name. */
export function embedCaption(lesson: LessonStatus | null, step: number, scenario: unknown): string {
  if (lesson) {
    const question = interviewOf(lesson);
    if (question) return question.question;
    const l = lessonOf(lesson.kind, lesson.id);
    const s = l?.steps[Math.min(step, (l?.steps.length ?? 1) - 1)];
    return s ? `${lesson.title} — step ${step + 1}: ${s.title}` : lesson.title;
  }
  return scenarioText(scenario).name || 'HintScope';
}
