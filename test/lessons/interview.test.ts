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

  it('answers are balanced: the right one is rarely the longest, of comparable length, and its index is spread', () => {
    const longest = INTERVIEW.filter((q) => {
      const lengths = q.choices.map((c) => c.length);
      return lengths[q.correct] === Math.max(...lengths);
    });
    // At most a third of the questions may have the right answer as (one of) the longest.
    expect(longest.map((q) => q.id).length).toBeLessThanOrEqual(Math.floor(INTERVIEW.length / 3));
    for (const q of INTERVIEW) {
      const lengths = q.choices.map((c) => c.length);
      // Comparable: no choice is more than 1.4 times as long as the shortest.
      expect(Math.max(...lengths) / Math.min(...lengths), q.id).toBeLessThanOrEqual(1.4);
    }
    const byIndex = new Map<number, number>();
    for (const q of INTERVIEW) byIndex.set(q.correct, (byIndex.get(q.correct) ?? 0) + 1);
    // Spread: at least three different indices, none right in more than a third of the questions (rounded up).
    expect(byIndex.size).toBeGreaterThanOrEqual(3);
    expect(Math.max(...byIndex.values())).toBeLessThanOrEqual(Math.ceil(INTERVIEW.length / 3));
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
