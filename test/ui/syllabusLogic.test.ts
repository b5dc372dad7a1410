// The pure parts of interview practice: the per-seed shuffle and the stored progress.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INTERVIEW, LESSONS } from '../../src/lessons';
import { recapOf } from '../../src/view/lessons/recap';
import { permutation, seedOf, shuffleChoices } from '../../src/view/lessons/shuffle';
import { EMPTY_PROGRESS, PROGRESS_KEY, loadProgress, parseProgress, saveProgress, clearProgress, score, lessonsDone, withAnswer, withLessonDone, type ProgressStorage } from '../../src/view/lessons/progress';

function memory(initial: Record<string, string> = {}): ProgressStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => void (data[k] = v),
    removeItem: (k) => void delete data[k],
  };
}

describe('shuffle', () => {
  it('is a permutation, the same for the same seed and id, and maps the correct option', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.integer(), fc.string(), (n, seed, id) => {
      const p = permutation(n, seed, id);
      expect([...p].sort()).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(permutation(n, seed, id)).toEqual(p);
      const correct = n - 1;
      const s = shuffleChoices(n, correct, seed, id);
      expect(s.order[s.correctAt]).toBe(correct);
    }));
  });

  it('puts the correct answer in every position across seeds, about evenly', () => {
    const counts = [0, 0, 0, 0];
    for (let seed = 0; seed < 4000; seed++) counts[shuffleChoices(4, 1, seed, 'q').correctAt]!++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });

  it('the shipped questions do not keep their answer in one shown position', () => {
    const shown = INTERVIEW.map((q) => shuffleChoices(q.choices.length, q.correct, seedOf(q.scenario), q.id).correctAt);
    const most = Math.max(...[0, 1, 2, 3].map((i) => shown.filter((s) => s === i).length));
    expect(most).toBeLessThan(INTERVIEW.length / 2);
  });

  it('seedOf reads the scenario seed, 0 otherwise', () => {
    expect(seedOf({ seed: 7 })).toBe(7);
    expect(seedOf({ seed: 'x' })).toBe(0);
    expect(seedOf({})).toBe(0);
  });
});

describe('progress in localStorage', () => {
  it('round-trips under the versioned key', () => {
    const s = memory();
    const p = withAnswer(withLessonDone(EMPTY_PROGRESS, 'intro'), 'why-w-two', true);
    expect(saveProgress(s, p)).toBe(true);
    expect(JSON.parse(s.data[PROGRESS_KEY]!)).toMatchObject({ version: 1 });
    expect(loadProgress(s)).toEqual({ lessons: ['intro'], interview: { 'why-w-two': true } });
    clearProgress(s);
    expect(loadProgress(s)).toEqual(EMPTY_PROGRESS);
  });

  it('ignores bad stored data: not JSON, another version, the wrong shape', () => {
    for (const raw of ['{', 'null', '42', '{"version":2,"lessons":[],"interview":{}}', '{"version":1,"lessons":"intro","interview":{}}', '{"version":1,"lessons":[1],"interview":{}}', '{"version":1,"lessons":[],"interview":{"q":"yes"}}']) {
      expect(parseProgress(raw), raw).toEqual(EMPTY_PROGRESS);
    }
  });

  it('never throws when the storage does', () => {
    const angry: ProgressStorage = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('quota'); },
      removeItem: () => { throw new Error('denied'); },
    };
    expect(loadProgress(angry)).toEqual(EMPTY_PROGRESS);
    expect(saveProgress(angry, EMPTY_PROGRESS)).toBe(false);
    expect(() => clearProgress(angry)).not.toThrow();
    expect(loadProgress(undefined)).toEqual(EMPTY_PROGRESS);
  });

  it('counts lessons done and the interview score; the first answer counts', () => {
    let p = withLessonDone(withLessonDone(EMPTY_PROGRESS, 'intro'), 'intro');
    p = withAnswer(withAnswer(p, 'a', false), 'a', true);
    p = withAnswer(p, 'b', true);
    expect(lessonsDone(p, ['intro', 'phi'])).toBe(1);
    expect(score(p, ['a', 'b', 'c'])).toEqual({ right: 1, answered: 2, total: 3 });
  });
});

describe('recaps', () => {
  it('every lesson ends with a recap', () => {
    for (const l of LESSONS) expect(recapOf(l)?.length ?? 0, l.id).toBeGreaterThan(80);
  });
});
