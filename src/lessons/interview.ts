// Interview mode: the questions a system-design interviewer asks about hinted handoff. Each has
// outcomes to predict, a short live demo (steps checked against the live state, as lessons are)
// and a model answer with the real parameter names and defaults (see fidelity.md).
import type { InterviewQuestion } from './types';
import { act, check, CHAT, kill, LEDGER, outsider, pendingOn, read, replica, replicas, restart, scenario, valueOn, via, wait, write } from './dsl';

export const INTERVIEW: InterviewQuestion[] = [
  {
    id: 'quorum-replica-down',
    title: 'A replica is down during a QUORUM write',
    question: 'RF 3, one replica is down and known to be down. A client writes at QUORUM. Does the write succeed, and what happens to the write the dead replica missed?',
    summary: 'QUORUM needs 2 of 3 acks; the coordinator keeps a hint for the third.',
    story: 'The classic opener: availability of a quorum write with one replica gone.',
    scenario: scenario('Interview: QUORUM with a replica down'),
    choices: [
      'It fails: QUORUM cannot be met while a replica is down.',
      'It succeeds on two acks; the coordinator stores a hint for the dead replica.',
      'It succeeds, and the missed write is simply lost until a repair.',
      'It succeeds; the two live replicas each keep an extra copy for the dead one.',
    ],
    correct: 1,
    modelAnswer:
      'QUORUM with RF 3 needs floor(3/2)+1 = 2 acknowledgements, so two live replicas are enough and the client sees success. The coordinator sends the mutation only to the replicas its failure detector believes alive and, because hinted_handoff_enabled is true by default, stores a hint for the dead one in its own hint store (apart from its data; it need not be a replica itself). When gossip shows the node up again, the coordinator replays the hint, throttled by hinted_handoff_throttle (1024 KiB/s), and deletes it once acked.',
    steps: [
      {
        title: 'Kill a replica, write at QUORUM',
        text: 'The third replica of chat:42 crashes; 30 s later every node has convicted it. A node that is not a replica coordinates a QUORUM write.',
        actions: [kill(replica(CHAT, 2)), wait(30), write(CHAT, 'hi', 'QUORUM', via(CHAT)), wait(1)],
        check: check('The write is acknowledged and the coordinator holds exactly one hint for the dead replica.', (p) => {
          if (p.report.writes.acknowledged !== 1) return `the write was not acknowledged (${p.report.writes.failed} failed)`;
          const n = pendingOn(p, outsider(p, CHAT), replicas(p, CHAT)[2]!);
          return n === 1 ? true : `the coordinator holds ${n} hints for it`;
        }),
      },
    ],
  },
  {
    id: 'hint-counts',
    title: 'Does a hint count toward the consistency level?',
    question: 'Two of the three replicas are down. Can a QUORUM write succeed if the coordinator stores hints for them? What about ANY?',
    summary: 'No: a hint is not an ack. QUORUM is unavailable at once; only ANY accepts a stored hint.',
    story: 'Candidates often think hints keep writes available. In Cassandra they do not — except at ANY.',
    scenario: scenario('Interview: hints and the consistency level'),
    choices: [
      'Yes: the coordinator hints the two dead replicas and QUORUM succeeds.',
      'No: QUORUM fails at once as unavailable, with no hint; only ANY succeeds on a stored hint.',
      'QUORUM times out after the write timeout, leaving two hints behind.',
    ],
    correct: 1,
    modelAnswer:
      'In Cassandra and ScyllaDB a hint never counts toward the consistency level, except at ANY. Before sending anything the coordinator checks that enough replicas are believed alive for the level (assureSufficientLiveReplicas); with one of three alive, QUORUM fails immediately with UnavailableException — nothing is sent, nothing is hinted. At ANY a stored hint alone acknowledges the write, but the data then lives only on the coordinator until the replicas return (and for at most max_hint_window, 3 h by default, of downtime), so ANY is rarely what you want.',
    steps: [
      {
        title: 'QUORUM with two replicas known down',
        text: 'Two replicas of acct:1001 crash. Once they are convicted, a QUORUM write goes to a coordinator that is not a replica.',
        actions: [kill(replica(LEDGER, 1)), kill(replica(LEDGER, 2)), wait(30), write(LEDGER, 'deposit 10', 'QUORUM', via(LEDGER)), wait(1)],
        check: check('The QUORUM write failed and no hint was created.', (p) => (p.report.writes.failed === 1 && p.report.hints.created === 0 ? true : `failed ${p.report.writes.failed}, hints created ${p.report.hints.created}`)),
      },
      {
        title: 'The same write at ANY',
        text: 'At ANY the coordinator stores hints for both dead replicas and acknowledges.',
        actions: [write(LEDGER, 'deposit 10', 'ANY', via(LEDGER)), wait(1)],
        check: check('The ANY write was acknowledged on two hints.', (p) => (p.report.writes.acknowledged === 1 && p.report.hints.created === 2 ? true : `acknowledged ${p.report.writes.acknowledged}, hints created ${p.report.hints.created}`)),
      },
    ],
  },
  {
    id: 'hint-window',
    title: 'Down longer than max_hint_window',
    question: 'A replica stays down longer than max_hint_window. What happens to writes that arrive after that?',
    summary: 'Writes still succeed, but no new hints are stored; the replica comes back stale.',
    story: 'An operator leaves a dead node down over a long weekend.',
    scenario: scenario('Interview: past the hint window', { maxHintWindow: '1m' }),
    choices: [
      'Writes start failing until the node is back.',
      'Writes succeed but are no longer hinted; the replica comes back without them and needs repair.',
      'Hints keep being stored; the window only limits how fast they replay.',
      'The coordinator deletes all the hints it already has for that node.',
    ],
    correct: 1,
    modelAnswer:
      'max_hint_window (default 3 h) bounds how long a coordinator collects hints for a node it believes down: after that, writes are still acknowledged by the live replicas but no new hint is stored (counted as dropped). Hints already stored stay and replay on recovery. The returning replica therefore misses the later writes; the operator must run nodetool repair (anti-entropy) — the rule of thumb is: a node down longer than the window needs a repair before it can be trusted. Cassandra 4.1 also keeps the window across restarts (hint_window_persistent_enabled, true) so a flapping node cannot reset it.',
    steps: [
      {
        title: 'Past the window, a write is not hinted',
        text: 'max_hint_window is 1 minute here. A write 30 s into the outage is hinted; a write 2.5 minutes in is acknowledged but not hinted.',
        actions: [kill(replica(LEDGER, 2)), wait(30), write(LEDGER, 'balance 100', 'QUORUM', via(LEDGER)), wait(120), write(LEDGER, 'balance 80', 'QUORUM', via(LEDGER)), wait(1)],
        check: check('Both writes were acknowledged; one hint created, one dropped.', (p) => {
          const { writes, hints } = p.report;
          return writes.acknowledged === 2 && hints.created === 1 && hints.dropped === 1 ? true : `acknowledged ${writes.acknowledged}, hints created ${hints.created}, dropped ${hints.dropped}`;
        }),
      },
      {
        title: 'The replica returns stale',
        text: 'On restart the old hint replays; the later write never reaches the replica.',
        actions: [restart(replica(LEDGER, 2)), wait(40)],
        check: check('The returned replica holds "balance 100", not "balance 80": the key is under-replicated.', (p) => {
          const v = valueOn(p, LEDGER, replicas(p, LEDGER)[2]!);
          return v.includes('balance 100') && !v.includes('balance 80') && p.report.replication.underReplicated === 1 ? true : `replica holds ${v.join(', ') || 'nothing'}; under-replicated keys ${p.report.replication.underReplicated}`;
        }),
      },
    ],
  },
  {
    id: 'holder-disk',
    title: "The hint holder's disk dies",
    question: 'The coordinator holding hints for a dead replica loses its disk. What happens to those writes?',
    summary: 'The hints are gone; the replica stays stale until repair (anti-entropy) fixes it.',
    story: 'Hints live on one node only. Follow-up: so what protects you?',
    scenario: scenario('Interview: hint holder loses its disk'),
    choices: [
      'Nothing is lost: hints are replicated to other nodes.',
      'The hints are lost; the replica stays stale until read repair or anti-entropy repair.',
      'The target replica pulls the missed writes from the coordinator’s commit log on return.',
    ],
    correct: 1,
    modelAnswer:
      'Hints are stored only on the node that wrote them (the coordinator in Cassandra/ScyllaDB), in local hint files flushed every hints_flush_period (10 s). A crash keeps flushed hints; a dead or replaced disk loses them all, and nothing else remembers that the replica missed those writes. The data is still on the other replicas, so consistency is restored by read repair (for keys that are read) and by anti-entropy — nodetool repair comparing Merkle trees — which must run at least once every gc_grace_seconds (10 days). That is why Dynamo §4.7 treats hinted handoff as a best-effort optimisation and anti-entropy as the guarantee.',
    steps: [
      {
        title: 'A hint, then the holder is wiped',
        text: 'A replica is down; a QUORUM write leaves a hint on the coordinator, flushed to disk. Then the coordinator dies with its disk.',
        actions: [kill(replica(LEDGER, 2)), wait(30), write(LEDGER, 'deposit 50', 'QUORUM', via(LEDGER)), wait(15), kill(via(LEDGER), true), wait(1)],
        check: check('The hint is lost.', (p) => (p.report.hints.lost === 1 && p.report.hints.pending === 0 ? true : `lost ${p.report.hints.lost}, pending ${p.report.hints.pending}`)),
      },
      {
        title: 'Only repair restores the replica',
        text: 'Both nodes come back. Nothing replays; a repair compares Merkle trees and streams the difference.',
        actions: [restart(replica(LEDGER, 2)), restart(via(LEDGER)), wait(40), act((p) => ({ type: 'repair', node: replicas(p, LEDGER)[0]! })), wait(5)],
        check: check('No hint was ever delivered; after the repair every replica holds the deposit.', (p) => {
          const missing = replicas(p, LEDGER).filter((r) => !valueOn(p, LEDGER, r).includes('deposit 50'));
          if (p.report.hints.delivered !== 0) return `${p.report.hints.delivered} hints were delivered`;
          return missing.length === 0 ? true : `${missing.join(', ')} still lack it`;
        }),
      },
    ],
  },
  {
    id: 'failure-detection',
    title: 'How does the coordinator know a node is down?',
    question: 'A node crashes without warning. How, and how fast, does a coordinator come to treat it as down?',
    summary: 'Gossip heartbeats and the phi accrual detector: each node convicts on its own after ~18 s.',
    story: 'There is no master that announces failures.',
    scenario: scenario('Interview: failure detection'),
    choices: [
      'The dying node broadcasts a goodbye; everyone knows at once.',
      'A central master detects it and tells every node.',
      'Each node notices missing gossip heartbeats; phi accrual convicts it after about 18 s, each node on its own.',
      'The coordinator pings the replica before every write.',
    ],
    correct: 2,
    modelAnswer:
      'Every node gossips once a second; heartbeat versions spread epidemically. Each node runs its own phi accrual failure detector per peer: phi = 0.434 × (time since the last heartbeat / mean interval), and the peer is convicted when phi exceeds phi_convict_threshold (default 8) — about 18 s of silence at 1 s gossip. There is no global truth: each node convicts at its own moment, and a partitioned node is convicted only by the far side. Until conviction, writes to the dead replica time out after write_request_timeout (2 s) and are hinted on timeout.',
    steps: [
      {
        title: 'Five seconds after the crash',
        text: 'phi grows with silence: five seconds is phi ≈ 2, below phi_convict_threshold (8).',
        actions: [kill(replica(CHAT, 0)), wait(5)],
        check: check('No live node believes the dead node is down yet.', (p) => {
          const dead = replicas(p, CHAT)[0]!;
          const early = p.snapshot.nodes.filter((n) => n.up && n.believesDown.includes(dead)).map((n) => n.id);
          return early.length === 0 ? true : `${early.join(', ')} already convicted it`;
        }),
      },
      {
        title: 'Twenty-five seconds later',
        text: 'Around 18 s of silence each node’s phi crosses 8 and it convicts the dead node.',
        actions: [wait(25)],
        check: check('Every live node believes the dead node is down.', (p) => {
          const dead = replicas(p, CHAT)[0]!;
          const unaware = p.snapshot.nodes.filter((n) => n.up && !n.believesDown.includes(dead)).map((n) => n.id);
          return unaware.length === 0 ? true : `${unaware.join(', ')} still believe it is up`;
        }),
      },
    ],
  },
  {
    id: 'not-enough',
    title: 'Why is hinted handoff not enough?',
    question: 'Hinted handoff is on. Can a returning replica still be missing acknowledged writes — and what fixes them?',
    summary: 'Hints are best effort (window, TTL, holder loss); read repair and anti-entropy fix the rest.',
    story: 'The follow-up to every hinted-handoff answer.',
    scenario: scenario('Interview: what else repairs data', { maxHintWindow: '1m' }),
    choices: [
      'No: with hinted handoff on, every missed write is eventually delivered.',
      'Yes; only a full node rebuild (bootstrap) fixes it.',
      'Yes; read repair fixes keys that are read, anti-entropy repair (Merkle trees) fixes the rest.',
    ],
    correct: 2,
    modelAnswer:
      'Hinted handoff is an optimisation, not a guarantee: no hints are stored once a node has been down longer than max_hint_window (3 h), hints expire after gc_grace_seconds (10 days), unflushed hints die with a crash, all hints die with the holder’s disk, and max_hints_size_per_host can cap them. Two mechanisms close the gap: read repair (Cassandra 4.0+ BLOCKING: a read at a level touching a stale replica writes the newest value back — only for keys actually read) and anti-entropy, nodetool repair, which builds Merkle trees per token range, compares them and streams only the differing ranges. Running repair within gc_grace_seconds is an operational must.',
    steps: [
      {
        title: 'Writes missed past the window',
        text: 'A replica is down for 90 s — longer than the 1-minute window — while a workload writes at QUORUM; then it returns.',
        actions: [
          kill(replica(CHAT, 0)), wait(90),
          act(() => ({ type: 'workload', rate: 20, keys: 200, writeRatio: 1, consistency: 'QUORUM' })), wait(20),
          act(() => ({ type: 'workloadStop' })), restart(replica(CHAT, 0)), wait(40),
        ],
        check: check('Hints were dropped and, with no hint left pending, some keys are still under-replicated.', (p) => {
          const { hints, replication } = p.report;
          return hints.dropped > 0 && hints.pending === 0 && replication.underReplicated > 0 ? true : `dropped ${hints.dropped}, pending ${hints.pending}, under-replicated ${replication.underReplicated}`;
        }),
      },
      {
        title: 'Anti-entropy repair',
        text: 'The returned node compares Merkle trees with its peers and streams only the differing keys.',
        actions: [act((p) => ({ type: 'repair', node: replicas(p, CHAT)[0]! })), wait(5)],
        check: check('Nothing is under-replicated any more; keys were streamed.', (p) => {
          const { replication, repair } = p.report;
          return replication.underReplicated === 0 && repair.keysStreamed > 0 ? true : `under-replicated ${replication.underReplicated}, keys streamed ${repair.keysStreamed}`;
        }),
      },
    ],
  },
  {
    id: 'sloppy-quorum',
    title: "How does Dynamo's sloppy quorum differ?",
    question: 'Two of a key’s three owners are down in a Dynamo-style store. Does a QUORUM (W = 2) write succeed, and where does the data go?',
    summary: 'The next healthy nodes on the ring stand in: they keep readable copies and their acks count.',
    story: 'Amazon’s shopping cart must always accept writes (Dynamo §4.6).',
    scenario: scenario('Interview: sloppy quorum', { preset: 'dynamo' }),
    choices: [
      'It fails, as in Cassandra: only the owners count.',
      'It succeeds: the next healthy nodes on the ring keep real, readable copies tagged for the owners, and their acks count toward W.',
      'It succeeds on the coordinator’s hints, which reads cannot see.',
    ],
    correct: 1,
    modelAnswer:
      'Dynamo writes to the first N healthy nodes of the key’s preference list, walking the ring past the dead owners. Each stand-in stores a real copy tagged with its intended owner (a hinted replica), its acknowledgement counts toward W — a sloppy quorum — and it serves reads until it hands the copy back when the owner recovers (§4.6). Availability is higher, but W + R > N no longer guarantees overlapping reads. Cassandra’s hints are different: opaque, held by the coordinator, never counted except at ANY; Riak can demand owner acks with PW (our strictQuorum).',
    steps: [
      {
        title: 'Two owners down, QUORUM write',
        text: 'Dynamo preset. Two owners of chat:42 crash; once convicted, a QUORUM write arrives.',
        actions: [kill(replica(CHAT, 1)), kill(replica(CHAT, 2)), wait(30), write(CHAT, 'cart: 1 book', 'QUORUM', via(CHAT)), wait(1)],
        check: check('The write was acknowledged and two stand-in copies wait for their owners.', (p) => (p.report.writes.acknowledged === 1 && p.report.hints.pending === 2 ? true : `acknowledged ${p.report.writes.acknowledged}, stand-in copies ${p.report.hints.pending}`)),
      },
      {
        title: 'The stand-ins serve a read',
        text: 'A QUORUM read now finds the value on the stand-ins.',
        actions: [read(CHAT, 'QUORUM', via(CHAT)), wait(1)],
        check: check('The read succeeded and was not stale.', (p) => (p.report.reads.succeeded === 1 && p.report.reads.stale === 0 ? true : `succeeded ${p.report.reads.succeeded}, stale ${p.report.reads.stale}`)),
      },
    ],
  },
];
// The syllabus questions (#13) follow these seven: interviewMore.ts.
import { INTERVIEW_MORE } from './interviewMore';
INTERVIEW.push(...INTERVIEW_MORE);
