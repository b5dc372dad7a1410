import { describe, expect, it } from 'vitest';
import { INTERVIEW, runLesson } from '../../src/lessons';

describe('interview questions (headless)', () => {
  it('has at least six questions, unique ids, 2–4 choices and a valid answer each', () => {
    expect(INTERVIEW.length).toBeGreaterThanOrEqual(6);
    expect(new Set(INTERVIEW.map((q) => q.id)).size).toBe(INTERVIEW.length);
    for (const q of INTERVIEW) {
      expect(q.choices.length, q.id).toBeGreaterThanOrEqual(2);
      expect(q.choices.length, q.id).toBeLessThanOrEqual(4);
      expect(q.correct, q.id).toBeGreaterThanOrEqual(0);
      expect(q.correct, q.id).toBeLessThan(q.choices.length);
      expect(q.steps.length, q.id).toBeGreaterThan(0);
    }
  });

  it('model answers use the real parameter names', () => {
    const all = INTERVIEW.map((q) => q.modelAnswer).join('\n');
    for (const name of ['max_hint_window', 'hinted_handoff_enabled', 'phi_convict_threshold', 'gc_grace_seconds', 'hints_flush_period']) expect(all).toContain(name);
  });

  for (const q of INTERVIEW) {
    it(`${q.id}: every step of the demo passes its check`, () => {
      for (const r of runLesson(q)) expect(r.verdict, `${q.id} / ${r.step}`).toBe(true);
    });
  }

  it('a demo check can fail: the window question without its 1-minute window', () => {
    const q = INTERVIEW.find((x) => x.id === 'hint-window')!;
    const [first] = runLesson({ ...q, scenario: { ...q.scenario, settings: {} } });
    expect(first!.verdict).toBe('hints kept: balance 100, balance 80');
  });
});
