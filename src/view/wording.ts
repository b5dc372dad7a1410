// pure: what the pending handoff data is called. In Cassandra/Scylla the coordinator keeps an
// opaque hint; in Dynamo/Riak the next healthy node keeps a real copy tagged with its owner.
import type { ClusterInfo } from '../protocol';

export type HintMode = ClusterInfo['hintMode'];

export interface HintWords {
  /** Panel title. */
  title: string;
  /** Column header for holder → target. */
  pair: string;
  pairTitle: string;
  /** One and many of the pending things. */
  one: string;
  many: string;
  /** Replay to the target is running. */
  replaying: string;
  empty: string;
  /** Counter group title, its tooltip, and the "delivered" label. */
  counterTitle: string;
  counterNote?: string;
  delivered: string;
  /** The ring centre's caption under the number, one or two lines. */
  centre(total: number, who: string): string[];
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const COORDINATOR_WORDS: HintWords = {
  title: 'Hint queues',
  pair: 'holder → target',
  pairTitle: 'The node holding the hints → the replica they are for',
  one: 'hint',
  many: 'hints',
  replaying: 'replaying',
  empty: 'No pending hints. Kill a replica while writes flow to see hints queue up.',
  counterTitle: 'Hints',
  delivered: 'delivered',
  centre: (n, who) => [`${plural(n, 'hint', 'hints')} waiting for ${who}`],
};

export const SLOPPY_WORDS: HintWords = {
  title: 'Stand-in copies',
  pair: 'stand-in → owner',
  pairTitle: 'The healthy node keeping a real copy → the replica it stands in for',
  one: 'stand-in copy',
  many: 'stand-in copies',
  replaying: 'handing off',
  empty:
    'No stand-in copies. Kill a replica while writes flow: the next healthy node clockwise keeps a real copy tagged with its owner, and hands it off when the owner is back.',
  counterTitle: 'Hints',
  counterNote: 'Sloppy quorum: one hint = one stand-in copy held for its owner',
  delivered: 'handed off',
  centre: (n, who) => [`${plural(n, 'hinted replica', 'hinted replicas')} held`, `by stand-ins for ${who}`],
};

export function hintWords(mode: HintMode | undefined): HintWords {
  return mode === 'sloppy-quorum' ? SLOPPY_WORDS : COORDINATOR_WORDS;
}
