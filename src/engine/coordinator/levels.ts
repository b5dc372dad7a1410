// pure: how many acks a consistency level needs (Cassandra ConsistencyLevel.blockFor).
import type { Level } from '../scenario/schema';

export function blockFor(level: Level, rf: number): number {
  switch (level) {
    case 'ANY': case 'ONE': return 1;
    case 'TWO': return 2;
    case 'THREE': return 3;
    case 'QUORUM': return Math.floor(rf / 2) + 1;
    case 'ALL': return rf;
  }
}
