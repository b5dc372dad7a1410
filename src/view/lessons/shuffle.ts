// pure: the order a question's options are shown in — a deterministic permutation from the
// lesson's seed and the question's id, so a shared link or a replay shows the same order, the
// correct option lands anywhere (not always second), and the stored answer stays the original index.

/** FNV-1a over the id, mixed with the seed: a 32-bit starting state. */
function hash(seed: number, id: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: small, well-mixed, and the same in every browser. */
function rng(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `order[shown] = original`: a Fisher–Yates shuffle of 0..n-1 for this seed and id. */
export function permutation(n: number, seed: number, id: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const next = rng(hash(seed, id));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export interface Shuffled {
  /** The original index of the option shown at each position. */
  order: number[];
  /** Where the correct option is shown (0-based). */
  correctAt: number;
}

export function shuffleChoices(count: number, correct: number, seed: number, id: string): Shuffled {
  const order = permutation(count, seed, id);
  return { order, correctAt: order.indexOf(correct) };
}

/** The seed of a lesson's scenario (the one its session keeps), 0 when it has none. */
export function seedOf(scenario: Record<string, unknown>): number {
  return typeof scenario.seed === 'number' && Number.isFinite(scenario.seed) ? scenario.seed : 0;
}
