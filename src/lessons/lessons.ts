// The guided lessons. Each one drives the engine with ordinary commands and checks that the live
// state shows what the text claims.
import type { Lesson } from './types';
import { act, check, CHAT, kill, LEDGER, node, outsider, pendingOn, read, replica, replicas, restart, scenario, valueOn, via, wait, write } from './dsl';

export const LESSONS: Lesson[] = [
  {
    id: 'replication',
    title: 'Replication and the preference list',
    summary: 'A key lives on the first three distinct nodes clockwise from its token.',
    story: 'A chat app stores message 42 under the key chat:42. Which servers keep it?',
    scenario: scenario('Lesson: replication'),
    steps: [
      {
        title: 'Write at ALL',
        text: 'The coordinator hashes chat:42 to a token, walks the ring clockwise and sends the write to the first three distinct nodes — its replicas. At ALL it waits for all three.',
        actions: [write(CHAT, 'hello', 'ALL', via(CHAT)), wait(1)],
        check: check('All three replicas hold "hello"; no other node does.', (p) => {
          const reps = replicas(p, CHAT);
          const holders = p.inspect(CHAT).preferenceList.filter((x) => x.versions.length > 0).map((x) => x.node);
          if (p.report.writes.acknowledged !== 1) return `the write was not acknowledged (${p.report.writes.failed} failed)`;
          return holders.length === 3 && reps.every((r) => holders.includes(r)) ? true : `held by ${holders.join(', ') || 'nobody'}; replicas are ${reps.join(', ')}`;
        }),
      },
    ],
  },
  {
    id: 'hint-for-down-replica',
    title: 'A write with a replica down leaves a hint',
    summary: 'QUORUM succeeds on two acks; the coordinator keeps a hint for the third.',
    story: 'One of the three servers keeping chat:42 crashes. New messages keep arriving.',
    scenario: scenario('Lesson: a hint per down replica'),
    steps: [
      {
        title: 'Kill the third replica and let the cluster notice',
        text: 'The third replica crashes. Within about 20 s every other node’s failure detector convicts it.',
        actions: [kill(replica(CHAT, 2)), wait(30)],
        check: check('Every live node believes the third replica is down.', (p) => {
          const dead = replicas(p, CHAT)[2]!;
          const unaware = p.snapshot.nodes.filter((n) => n.up && !n.believesDown.includes(dead)).map((n) => n.id);
          return unaware.length === 0 ? true : `${unaware.join(', ')} still believe ${dead} is up`;
        }),
      },
      {
        title: 'Write at QUORUM through a node that is not a replica',
        text: 'The coordinator sends the mutation to the two live replicas and stores a hint for the dead one — in its own hint store, apart from its data. Two acks meet QUORUM.',
        actions: [write(CHAT, 'are you there?', 'QUORUM', via(CHAT)), wait(1)],
        check: check('The write is acknowledged and exactly one hint waits on the coordinator for the dead replica.', (p) => {
          const [, , dead] = replicas(p, CHAT);
          const coord = outsider(p, CHAT);
          if (p.report.writes.acknowledged !== 1) return 'the write was not acknowledged';
          const n = pendingOn(p, coord, dead);
          return n === 1 ? true : `${coord} holds ${n} hints for ${dead}`;
        }),
      },
    ],
  },
  {
    id: 'phi',
    title: 'How the coordinator learns a node is down',
    summary: 'Gossip heartbeats and the phi accrual detector: suspicion grows with silence.',
    story: 'Nobody tells the cluster a server died; each node works it out from missing heartbeats.',
    scenario: scenario('Lesson: gossip and phi'),
    steps: [
      {
        title: 'Five seconds after the crash',
        text: 'Each node gossips every second. phi = 0.434 × silence / mean interval. Five seconds of silence is phi ≈ 2: not enough to convict (phi_convict_threshold is 8).',
        actions: [kill(replica(CHAT, 0)), wait(5)],
        check: check('No node believes the dead node is down yet; its phi is above 0 and below 8.', (p) => {
          const dead = replicas(p, CHAT)[0]!;
          const phis = p.snapshot.nodes.filter((n) => n.up).map((n) => n.beliefs.find((b) => b.peer === dead)!);
          if (phis.some((b) => !b.alive)) return 'a node already convicted it';
          return phis.every((b) => b.phi > 0 && b.phi < 8) ? true : `phi values ${phis.map((b) => b.phi.toFixed(1)).join(', ')}`;
        }),
      },
      {
        title: 'Thirty seconds after the crash',
        text: 'Around 18 s of silence phi crosses 8 and each node convicts the dead one — each on its own, at its own moment.',
        actions: [wait(25)],
        check: check('Every live node now believes the dead node is down.', (p) => {
          const dead = replicas(p, CHAT)[0]!;
          const unaware = p.snapshot.nodes.filter((n) => n.up && !n.believesDown.includes(dead)).map((n) => n.id);
          return unaware.length === 0 ? true : `${unaware.join(', ')} still believe it is up`;
        }),
      },
    ],
  },
  {
    id: 'replay',
    title: 'Replay on recovery, deletion on ack',
    summary: 'When the holder sees the target up again, it replays its hints and deletes each one acked.',
    story: 'The crashed chat server comes back. Does it get the messages it missed?',
    scenario: scenario('Lesson: replay'),
    steps: [
      {
        title: 'Miss a write',
        text: 'The third replica is down; a QUORUM write leaves a hint on the coordinator.',
        actions: [kill(replica(CHAT, 2)), wait(30), write(CHAT, 'missed me?', 'QUORUM', via(CHAT)), wait(1)],
        check: check('One hint is pending.', (p) => (p.report.hints.pending === 1 ? true : `${p.report.hints.pending} pending`)),
      },
      {
        title: 'Restart it and wait for the trigger',
        text: 'The holder sees the node up (gossip, then an echo), and its dispatch trigger — every 10 s — replays the hint. The target acks; only then is the hint deleted.',
        actions: [restart(replica(CHAT, 2)), wait(40)],
        check: check('No hint is pending, one was delivered, and the restarted replica holds the write.', (p) => {
          const r = p.report.hints;
          const dead = replicas(p, CHAT)[2]!;
          if (r.pending !== 0 || r.delivered !== 1) return `pending ${r.pending}, delivered ${r.delivered}`;
          return valueOn(p, CHAT, dead).includes('missed me?') ? true : `${dead} holds ${valueOn(p, CHAT, dead).join(', ') || 'nothing'}`;
        }),
      },
    ],
  },
  {
    id: 'hint-window',
    title: 'The hint window',
    summary: 'A target down longer than max_hint_window gets no new hints; older ones still replay.',
    story: 'An operator leaves a dead server down over the weekend. Hints cannot pile up forever.',
    scenario: scenario('Lesson: max_hint_window', { maxHintWindow: '1m' }),
    steps: [
      {
        title: 'Inside the window',
        text: 'max_hint_window is 1 minute here (3 h by default). Thirty seconds after the crash, a write is hinted.',
        actions: [kill(replica(LEDGER, 2)), wait(30), write(LEDGER, 'balance 100', 'QUORUM', via(LEDGER)), wait(1)],
        check: check('One hint created, none dropped.', (p) => (p.report.hints.created === 1 && p.report.hints.dropped === 0 ? true : `created ${p.report.hints.created}, dropped ${p.report.hints.dropped}`)),
      },
      {
        title: 'Past the window',
        text: 'Two minutes later the holder has believed the target down for longer than the window: the new write is not hinted (dropped).',
        actions: [wait(120), write(LEDGER, 'balance 80', 'QUORUM', via(LEDGER)), wait(1)],
        check: check('The second write is acknowledged but its hint was dropped.', (p) => (p.report.hints.dropped === 1 && p.report.writes.acknowledged === 2 ? true : `dropped ${p.report.hints.dropped}, acknowledged ${p.report.writes.acknowledged}`)),
      },
      {
        title: 'Recovery replays only what was kept',
        text: 'On restart the old hint replays. The dropped write is missing on that replica until read repair or anti-entropy fixes it.',
        actions: [restart(replica(LEDGER, 2)), wait(40)],
        check: check('The restarted replica holds the old balance, not the new one: the key is under-replicated.', (p) => {
          const v = valueOn(p, LEDGER, replicas(p, LEDGER)[2]!);
          return v.includes('balance 100') && p.report.replication.underReplicated === 1 ? true : `replica holds ${v.join(', ') || 'nothing'}; under-replicated ${p.report.replication.underReplicated}`;
        }),
      },
    ],
  },
  {
    id: 'hint-ttl',
    title: 'Hint TTL',
    summary: 'A hint older than its TTL (gc_grace_seconds, 10 days by default) is never applied.',
    story: 'Replaying a very old write could resurrect deleted data, so old hints are thrown away.',
    scenario: scenario('Lesson: hint TTL', { hintTtl: '1m', maxHintWindow: null }),
    steps: [
      {
        title: 'A hint is stored',
        text: 'The TTL is 1 minute here. A write to a key with a dead replica is hinted.',
        actions: [kill(replica(CHAT, 2)), wait(30), write(CHAT, 'old news', 'QUORUM', via(CHAT)), wait(1)],
        check: check('One hint pending.', (p) => (p.report.hints.pending === 1 ? true : `${p.report.hints.pending} pending`)),
      },
      {
        title: 'The target returns after the TTL',
        text: 'Two minutes later the replica restarts. The hint has expired: it is discarded, never applied.',
        actions: [wait(120), restart(replica(CHAT, 2)), wait(40)],
        check: check('The hint expired, nothing was delivered, and the replica does not hold the write.', (p) => {
          const r = p.report.hints;
          const v = valueOn(p, CHAT, replicas(p, CHAT)[2]!);
          return r.expired === 1 && r.delivered === 0 && v.length === 0 ? true : `expired ${r.expired}, delivered ${r.delivered}, replica holds ${v.join(', ') || 'nothing'}`;
        }),
      },
    ],
  },
  {
    id: 'holder-loss',
    title: 'The hint holder crashes — or loses its disk',
    summary: 'Flushed hints survive a crash; a wiped disk loses them all, and only repair restores the replica.',
    story: 'The coordinator that kept the bank ledger’s hints goes down too.',
    scenario: scenario('Lesson: holder crash vs wipe'),
    steps: [
      {
        title: 'A hint is flushed to disk',
        text: 'Hints are buffered in memory and flushed every 10 s (hints_flush_period). Fifteen seconds after the write, the hint is on disk.',
        actions: [kill(replica(LEDGER, 2)), wait(30), write(LEDGER, 'deposit 50', 'QUORUM', via(LEDGER)), wait(15)],
        check: check('One hint pending, nothing lost.', (p) => (p.report.hints.pending === 1 && p.report.hints.lost === 0 ? true : `pending ${p.report.hints.pending}, lost ${p.report.hints.lost}`)),
      },
      {
        title: 'The holder crashes; its disk survives',
        text: 'A crash stops the process; the flushed hint file is still there.',
        actions: [kill(via(LEDGER)), wait(1)],
        check: check('The hint is still pending on the crashed holder.', (p) => (p.report.hints.pending === 1 && p.report.hints.lost === 0 ? true : `pending ${p.report.hints.pending}, lost ${p.report.hints.lost}`)),
      },
      {
        title: 'Now its disk is wiped',
        text: 'A replaced disk takes the hints with it. Dynamo §4.7: this is why anti-entropy exists.',
        actions: [kill(via(LEDGER), true), wait(1)],
        check: check('The hint is lost.', (p) => (p.report.hints.lost === 1 && p.report.hints.pending === 0 ? true : `lost ${p.report.hints.lost}, pending ${p.report.hints.pending}`)),
      },
      {
        title: 'Both come back; then repair',
        text: 'With the hint gone, the restarted replica stays behind — until a repair compares Merkle trees and streams the difference.',
        actions: [restart(replica(LEDGER, 2)), restart(via(LEDGER)), wait(40), act((p) => ({ type: 'repair', node: replicas(p, LEDGER)[0]! })), wait(5)],
        check: check('After repair every replica holds the deposit.', (p) => {
          const missing = replicas(p, LEDGER).filter((r) => !valueOn(p, LEDGER, r).includes('deposit 50'));
          return missing.length === 0 ? true : `${missing.join(', ')} still lack it`;
        }),
      },
    ],
  },
  {
    id: 'hints-not-acks',
    title: 'A hint is not an acknowledgement — except at ANY',
    summary: 'With two replicas down QUORUM is unavailable at once; ANY succeeds on a stored hint alone.',
    story: 'Two of the three ledger servers are down. Can the bank still accept a deposit?',
    scenario: scenario('Lesson: hints do not count toward the level'),
    steps: [
      {
        title: 'QUORUM with two replicas known down',
        text: 'The coordinator believes only one replica is alive; QUORUM needs two. It fails at once as unavailable: nothing is sent, nothing is hinted.',
        actions: [kill(replica(LEDGER, 1)), kill(replica(LEDGER, 2)), wait(30), write(LEDGER, 'deposit 10', 'QUORUM', via(LEDGER)), wait(1)],
        check: check('The write failed and no hint was created.', (p) => (p.report.writes.failed === 1 && p.report.hints.created === 0 ? true : `failed ${p.report.writes.failed}, hints ${p.report.hints.created}`)),
      },
      {
        title: 'ANY',
        text: 'At ANY a stored hint alone acknowledges the write. It is durable only on the coordinator until the replicas return.',
        actions: [write(LEDGER, 'deposit 10', 'ANY', via(LEDGER)), wait(1)],
        check: check('The ANY write was acknowledged with hints for the two dead replicas.', (p) => (p.report.writes.acknowledged === 1 && p.report.hints.created === 2 ? true : `acknowledged ${p.report.writes.acknowledged}, hints ${p.report.hints.created}`)),
      },
    ],
  },
  {
    id: 'sloppy-quorum',
    title: "Dynamo's sloppy quorum",
    summary: 'The next healthy node stands in, keeps a real copy tagged with its owner, and its ack counts.',
    story: 'A shopping cart must always accept writes (Dynamo §4.6).',
    scenario: scenario('Lesson: sloppy quorum', { preset: 'dynamo' }),
    steps: [
      {
        title: 'Two owners down, QUORUM still succeeds',
        text: 'The write goes to the first N healthy nodes of the preference list; stand-ins keep hinted replicas for the dead owners, and their acks count toward W.',
        actions: [kill(replica(CHAT, 1)), kill(replica(CHAT, 2)), wait(30), write(CHAT, 'cart: 1 book', 'QUORUM', via(CHAT)), wait(1)],
        check: check('The write was acknowledged and two stand-in copies exist.', (p) => (p.report.writes.acknowledged === 1 && p.report.hints.pending === 2 ? true : `acknowledged ${p.report.writes.acknowledged}, copies ${p.report.hints.pending}`)),
      },
      {
        title: 'The stand-in serves reads',
        text: 'Unlike a Cassandra hint, a stand-in copy is readable.',
        actions: [read(CHAT, 'QUORUM', via(CHAT)), wait(1)],
        check: check('The read succeeded and was not stale.', (p) => (p.report.reads.succeeded === 1 && p.report.reads.stale === 0 ? true : `succeeded ${p.report.reads.succeeded}, stale ${p.report.reads.stale}`)),
      },
      {
        title: 'Hand-off',
        text: 'When the owners return, the stand-ins hand their copies off and delete them once acked.',
        actions: [restart(replica(CHAT, 1)), restart(replica(CHAT, 2)), wait(40)],
        check: check('All copies handed off; every owner holds the cart.', (p) => {
          const missing = replicas(p, CHAT).filter((r) => !valueOn(p, CHAT, r).includes('cart: 1 book'));
          return p.report.hints.pending === 0 && missing.length === 0 ? true : `pending ${p.report.hints.pending}; missing on ${missing.join(', ') || 'none'}`;
        }),
      },
    ],
  },
  {
    id: 'strict-quorum',
    title: 'Strict quorum (Riak PW)',
    summary: 'Counting only the key’s own replicas makes the same write unavailable.',
    story: 'Some data (a ledger) should not be acknowledged by servers that do not own it.',
    scenario: scenario('Lesson: strict quorum', { preset: 'riak', strictQuorum: true }),
    steps: [
      {
        title: 'Two owners down at QUORUM',
        text: 'With strictQuorum (Riak’s PW), stand-ins do not count: one owner alive is fewer than QUORUM needs.',
        actions: [kill(replica(LEDGER, 1)), kill(replica(LEDGER, 2)), wait(30), write(LEDGER, 'deposit 5', 'QUORUM', via(LEDGER)), wait(1)],
        check: check('The write failed as unavailable.', (p) => (p.report.writes.failed === 1 && p.report.writes.acknowledged === 0 ? true : `failed ${p.report.writes.failed}`)),
      },
    ],
  },
  {
    id: 'read-repair',
    title: 'Stale reads and read repair',
    summary: 'A read at ONE can return old data; a read that touches a stale replica repairs it.',
    story: 'Hinted handoff is off; a replica comes back without the latest message.',
    scenario: scenario('Lesson: read repair', { hintedHandoffEnabled: false }),
    steps: [
      {
        title: 'The replica misses a write',
        text: 'Hinted handoff is disabled here, so nothing will bring the write to the returning replica.',
        actions: [kill(replica(CHAT, 0)), wait(30), write(CHAT, 'new', 'QUORUM', via(CHAT)), restart(replica(CHAT, 0)), wait(30)],
        check: check('The key is under-replicated.', (p) => (p.report.replication.underReplicated === 1 ? true : `under-replicated ${p.report.replication.underReplicated}`)),
      },
      {
        title: 'A read at ONE from the stale replica',
        text: 'Coordinated by the stale replica itself, a read at ONE asks only itself — and returns nothing newer than before.',
        actions: [read(CHAT, 'ONE', replica(CHAT, 0)), wait(1)],
        check: check('The read was stale.', (p) => (p.report.reads.stale === 1 ? true : `stale reads ${p.report.reads.stale}`)),
      },
      {
        title: 'A read at ALL repairs it',
        text: 'At ALL the coordinator hears all three replicas, sees the stale one, and writes the newest value back before answering (BLOCKING read repair).',
        actions: [read(CHAT, 'ALL', via(CHAT)), wait(1)],
        check: check('One read-repair write; the key is fully replicated.', (p) => (p.report.reads.repaired >= 1 && p.report.replication.underReplicated === 0 ? true : `repaired ${p.report.reads.repaired}, under-replicated ${p.report.replication.underReplicated}`)),
      },
    ],
  },
  {
    id: 'anti-entropy',
    title: 'Anti-entropy with Merkle trees',
    summary: 'Replicas compare Merkle trees and stream only the keys of differing leaves.',
    story: 'Read repair fixes only what is read. What about the keys nobody reads?',
    scenario: scenario('Lesson: anti-entropy', { hintedHandoffEnabled: false }),
    steps: [
      {
        title: 'Ten writes missed',
        text: 'A replica is down while a workload writes; handoff is off.',
        actions: [
          kill(replica(CHAT, 0)), wait(30),
          act(() => ({ type: 'workload', rate: 20, keys: 200, writeRatio: 1, consistency: 'QUORUM' })), wait(20),
          act(() => ({ type: 'workloadStop' })), restart(replica(CHAT, 0)), wait(30),
        ],
        check: check('Some keys are under-replicated.', (p) => (p.report.replication.underReplicated > 0 ? true : 'no key is under-replicated')),
      },
      {
        title: 'Repair',
        text: 'The returned node builds a Merkle tree per token range, compares with each replica, descends only into differing subtrees, and streams those keys.',
        actions: [act((p) => ({ type: 'repair', node: replicas(p, CHAT)[0]! })), wait(5)],
        check: check('Nothing under-replicated; some leaves differed and keys were streamed.', (p) => {
          const r = p.report.repair;
          return p.report.replication.underReplicated === 0 && r.leavesDiffering > 0 && r.keysStreamed > 0 ? true : `under-replicated ${p.report.replication.underReplicated}, differing leaves ${r.leavesDiffering}`;
        }),
      },
    ],
  },
  {
    id: 'partition',
    title: 'Partitions',
    summary: 'Each side convicts the other; both keep accepting writes and hint for the far side.',
    story: 'A switch fails between two racks.',
    scenario: scenario('Lesson: partitions'),
    steps: [
      {
        title: 'Cut the network in halves',
        text: 'Nobody crashed — but each side stops hearing the other and, after about 20 s, believes it down.',
        actions: [act(() => ({ type: 'partition', groups: [['A', 'B', 'C'], ['D', 'E', 'F']] })), wait(40)],
        check: check('A believes D, E and F down; D believes A, B and C down; every node is up.', (p) => {
          const a = node(p, 'A').believesDown.sort().join(',');
          const d = node(p, 'D').believesDown.sort().join(',');
          return a === 'D,E,F' && d === 'A,B,C' && p.snapshot.nodes.every((n) => n.up) ? true : `A believes down: ${a || 'nobody'}; D: ${d || 'nobody'}`;
        }),
      },
      {
        title: 'Heal',
        text: 'When the link returns, gossip resumes and each side sees the other up again.',
        actions: [act(() => ({ type: 'heal' })), wait(10)],
        check: check('Nobody believes anybody down.', (p) => (p.snapshot.nodes.every((n) => n.believesDown.length === 0) ? true : 'some beliefs are still stale')),
      },
    ],
  },
  {
    id: 'vector-clocks',
    title: 'Last-write-wins, vector clocks and a CRDT',
    summary: 'Under Dynamo’s vector clocks, concurrent writes on two sides of a partition become siblings; a CRDT merges them.',
    story: 'Two phones add items to the same cart while the network is split.',
    scenario: scenario('Lesson: vector clocks', { preset: 'dynamo' }),
    steps: [
      {
        title: 'Two writes, two sides',
        text: 'The first replica is cut off with one other node. Each side accepts a write through its own coordinator.',
        actions: [
          act((p) => ({ type: 'partition', groups: [[replicas(p, CHAT)[0]!, outsider(p, CHAT)]] })), wait(30),
          act((p) => ({ type: 'write', key: CHAT, value: 'apples', consistency: 'ONE', coordinator: replicas(p, CHAT)[0]! })),
          act((p) => ({ type: 'write', key: CHAT, value: 'pears', consistency: 'ONE', coordinator: replicas(p, CHAT)[1]! })),
          wait(5),
        ],
        check: check('Both writes were acknowledged.', (p) => (p.report.writes.acknowledged === 2 ? true : `acknowledged ${p.report.writes.acknowledged}`)),
      },
      {
        title: 'Heal and repair: siblings',
        text: 'Neither clock dominates the other, so both versions are kept for the client to reconcile — last-write-wins would have silently kept one.',
        actions: [act(() => ({ type: 'heal' })), wait(10), act((p) => ({ type: 'repair', node: replicas(p, CHAT)[0]! })), wait(5)],
        check: check('The first replica holds both "apples" and "pears".', (p) => {
          const v = valueOn(p, CHAT, replicas(p, CHAT)[0]!).sort().join(', ');
          return v === 'apples, pears' ? true : `it holds ${v || 'nothing'}`;
        }),
      },
      {
        title: 'A CRDT merges the siblings',
        text: 'Siblings hand the conflict to the application. A CRDT makes the merge part of the data type: the cart is an add-wins set, and merging two versions is their union, the same on every replica in any order — Riak’s sets and maps, the Dynamo paper’s shopping cart. The engine keeps the siblings (what a CRDT merges); the check takes their union on each replica.',
        actions: [wait(5)],
        check: check('On every replica the siblings merge to the cart {apples, pears}.', (p) => {
          const seen = replicas(p, CHAT).map((id) => `${id}: {${[...new Set(valueOn(p, CHAT, id))].sort().join(', ')}}`);
          return seen.every((s) => s.endsWith(': {apples, pears}')) ? true : seen.join('; ');
        }),
      },
    ],
  },
  {
    id: 'scylla-vs-cassandra',
    title: 'ScyllaDB and Cassandra differ on timeouts',
    summary: 'Cassandra hints every replica that timed out; Scylla only when the write met its level.',
    story: 'Two replicas are slow, not dead: they answer after the 2 s write timeout.',
    scenario: scenario('Lesson: Scylla hint on timeout', { preset: 'scylla' }),
    steps: [
      {
        title: 'A write that misses its level',
        text: 'Two replicas answer in 3 s; QUORUM times out at 2 s and fails. Scylla (hintOnTimeout: if-level-met) stores no hints; Cassandra would store two.',
        actions: [
          act((p) => ({ type: 'slow', node: replicas(p, CHAT)[1]!, extraLatencyMs: 3000 })),
          act((p) => ({ type: 'slow', node: replicas(p, CHAT)[2]!, extraLatencyMs: 3000 })),
          write(CHAT, 'late', 'QUORUM', via(CHAT)), wait(3),
        ],
        check: check('The write failed and no hint was stored.', (p) => (p.report.writes.failed === 1 && p.report.hints.created === 0 ? true : `failed ${p.report.writes.failed}, hints ${p.report.hints.created}`)),
      },
      {
        title: 'A write that meets its level',
        text: 'At ONE the fast replica suffices; the two slow ones time out and, the level being met, are hinted.',
        actions: [write(CHAT, 'on time', 'ONE', via(CHAT)), wait(3)],
        check: check('The write was acknowledged and two hints were stored.', (p) => (p.report.writes.acknowledged === 1 && p.report.hints.created === 2 ? true : `acknowledged ${p.report.writes.acknowledged}, hints ${p.report.hints.created}`)),
      },
    ],
  },
];
