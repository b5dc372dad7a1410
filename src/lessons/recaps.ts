// pure: what to remember at the end of each lesson whose file carries no recap of its own (the
// lessons written before recaps existed); a lesson's own `recap` wins over this table.
import type { Lesson } from './types';

export const RECAPS: Readonly<Record<string, string>> = {
  replication:
    'A key’s token places it on the ring; its replicas are the first replication-factor distinct nodes clockwise from that token — the head of its preference list. Every write of the key goes to those replicas, whichever node coordinates it.',
  phi:
    'Nobody announces a crash. Each node gossips heartbeats every second, and each peer’s phi accrual detector turns silence into suspicion: phi grows with the time since the last heartbeat and, past phi_convict_threshold (8), that node convicts the silent one — about 18 s at the defaults, each node at its own moment.',
  'hint-for-down-replica':
    'A coordinator that believes a replica down sends it nothing and stores a hint for it in its own hint store (not with its data); the live replicas’ acks satisfy the consistency level. Before conviction the write goes out, times out after write_request_timeout (2 s), and is hinted then.',
  replay:
    'When the holder sees the target up (gossip, then an echo), its dispatch trigger (every 10 s) replays the hints page by page under the throttle. Only an acknowledged hint is deleted. Cassandra 3.0+ deletes a whole hint file once all of it is replayed (2.x deleted hint by hint); this engine deletes each hint on its ack.',
  'hint-window':
    'max_hint_window (3 h by default) stops a holder from collecting hints for a node it has believed down longer than that. Writes are still acknowledged; the hints already stored still replay; the writes missed past the window wait for read repair or anti-entropy — a node down longer than the window needs a repair.',
  'hint-ttl':
    'A hint older than its TTL (the table’s gc_grace_seconds, 10 days by default) is discarded, never applied: replaying it could bring back data whose deletion has already been forgotten. A replica down that long must be repaired, not replayed.',
  'holder-loss':
    'Hints live on one node only. A crash keeps the flushed hint files; a lost disk takes them all, and nothing else remembers what the replica missed. Read repair and anti-entropy (Merkle trees) are what restore it — Dynamo §4.7.',
  'hints-not-acks':
    'In Cassandra and ScyllaDB a hint never counts toward the consistency level, except at ANY. With too few replicas believed alive the write fails at once as unavailable; at ANY a stored hint alone acknowledges it, and the data lives only on the coordinator until the replicas return.',
  'sloppy-quorum':
    'Dynamo’s sloppy quorum writes to the first N healthy nodes of the preference list: a stand-in keeps a real copy tagged with the owner, its ack counts toward W, and it hands the copy back when the owner returns. Writes stay available; W + R > N no longer guarantees overlap.',
  'strict-quorum':
    'Counting only the key’s own replicas (Riak’s PW, strictQuorum here) refuses a write that stand-ins would have accepted: fewer writes succeed, and every acknowledged one is on the owners that reads ask.',
  'read-repair':
    'A read at ONE may be answered by a stale replica. A read that asks several replicas compares their answers, returns the newest and writes it back to the stale ones — read repair. It fixes only the keys that are read.',
  'anti-entropy':
    'Anti-entropy repair (nodetool repair) builds a Merkle tree per token range on each replica, compares them leaf by leaf and streams only the keys of the differing leaves. It fixes what hints and read repair missed, and must run within gc_grace_seconds.',
  partition:
    'A partition looks like a crash from each side: each side convicts the other and hints for it, though every node is up. When the link returns, gossip resumes, each side sees the other up, and the hints replay.',
  'scylla-vs-cassandra':
    'A replica that times out is hinted by Cassandra whether or not the write met its level; ScyllaDB hints it only if the level was met (or at ANY). A failed write therefore leaves hints on Cassandra and none on ScyllaDB.',
  'vector-clocks':
    'Vector clocks detect concurrent writes: versions neither of which descends from the other are kept as siblings, and the application merges them. A merge that is a plain union brings back removed items (Dynamo §4.4); a CRDT merges by construction.',
};

/** The recap shown when a lesson's last step has passed: its own, else this table's, else none. */
export function recapOf(lesson: Pick<Lesson, 'id' | 'recap'>): string | undefined {
  return lesson.recap ?? RECAPS[lesson.id];
}
