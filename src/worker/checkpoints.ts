// The host's checkpoints of the running simulation, so that a seek back re-runs from the latest
// checkpoint at or before the target instead of from time 0.
//
// Bounded: at most `max` checkpoints and `maxCells` copied cells in all. Spacing starts at
// `spacingMs` of simulated time; when a bound is hit every other checkpoint is dropped (the first
// and the newest stay) and the spacing doubles, so they stay spread over the whole run. Taking one
// costs wall time (a copy of the whole state), so at most `maxShare` of wall time goes to them.
// Every checkpoint held lies on the current timeline: its command log is a prefix of the session's;
// a command that forks the run drops the ones after the fork point.
import { canCheckpoint, restoreCheckpoint, takeCheckpoint, type Checkpoint } from '../engine';
import type { Simulation } from '../protocol';

export interface CheckpointOptions {
  /** Most checkpoints kept. */
  max?: number;
  /** Most copied cells (objects and entries) kept in all: a memory bound. */
  maxCells?: number;
  /** Simulated ms between checkpoints at first (doubles as the run grows). */
  spacingMs?: number;
  /** At most this share of wall time goes to taking checkpoints. */
  maxShare?: number;
  /**
   * The share during a jump, lower and counted from the jump's start: a jump is the user waiting,
   * and its checkpoints only serve a later seek back into the span it crossed. The moment a jump
   * ends gets one at the full share once its last frame is out (./pacing).
   */
  jumpShare?: number;
}

export interface CheckpointStats {
  count: number;
  cells: number;
  spacingMs: number;
  /** Simulated times of the checkpoints held, ms. */
  at: number[];
}

export interface Checkpoints {
  /** Takes a checkpoint if one is due (spacing) and affordable (wall share; the lower one with `jumping`). */
  maybeTake(sim: Simulation, wallNow: () => number, jumping?: boolean): void;
  /** The latest checkpoint at or before `atMs` holding at most `commands` commands, if any. */
  before(atMs: number, commands: number): Checkpoint | null;
  /** A fresh simulation from a checkpoint. */
  restore(cp: Checkpoint): Simulation;
  /** A command forked the run at `atMs` with `commands` earlier commands: drops what lies beyond. */
  forkedAt(atMs: number, commands: number): void;
  clear(): void;
  stats(): CheckpointStats;
}

export function createCheckpoints(options: CheckpointOptions = {}): Checkpoints {
  const max = Math.max(2, options.max ?? 30);
  const maxCells = options.maxCells ?? 8_000_000;
  const firstSpacing = options.spacingMs ?? 60_000;
  const maxShare = options.maxShare ?? 0.15;
  const jumpShare = Math.min(maxShare, options.jumpShare ?? 0.02);
  let list: Checkpoint[] = [];
  let spacing = firstSpacing;
  let cells = 0;
  let lastWall = -Infinity;
  let lastCost = 0;
  let inJump = false;

  const total = () => list.reduce((a, c) => a + c.cells, 0);

  function thin(): void {
    while (list.length > max || (cells > maxCells && list.length > 1)) {
      // Keep even positions and the newest; the spacing doubles. Two left: the older goes.
      const kept = list.filter((_, i) => i % 2 === 0 || i === list.length - 1);
      list = kept.length < list.length ? kept : list.slice(1);
      spacing *= 2;
      cells = total();
    }
  }

  return {
    maybeTake(sim, wallNow, jumping = false) {
      if (jumping && !inJump) lastWall = Math.max(lastWall, wallNow());
      inJump = jumping;
      if (!canCheckpoint(sim) || sim.now <= 0) return;
      const now = sim.now;
      // Due when no checkpoint lies within one spacing of now on either side.
      if (list.some((c) => Math.abs(c.at - now) < spacing)) return;
      const wall = wallNow();
      if (wall - lastWall < lastCost / (jumping ? jumpShare : maxShare)) return;
      const cp = takeCheckpoint(sim);
      lastCost = wallNow() - wall;
      lastWall = wall;
      let i = list.length;
      while (i > 0 && list[i - 1]!.at > cp.at) i--;
      list.splice(i, 0, cp);
      cells += cp.cells;
      thin();
    },
    before(atMs, commands) {
      for (let i = list.length - 1; i >= 0; i--) {
        const c = list[i]!;
        if (c.at <= atMs && c.commands <= commands) return c;
      }
      return null;
    },
    restore: (cp) => restoreCheckpoint(cp),
    forkedAt(atMs, commands) {
      list = list.filter((c) => c.at <= atMs && c.commands <= commands);
      cells = total();
    },
    clear() {
      list = [];
      cells = 0;
      spacing = firstSpacing;
    },
    stats: () => ({ count: list.length, cells, spacingMs: spacing, at: list.map((c) => c.at) }),
  };
}
