// Lessons: a hint's life: replay, the window, the TTL, a lost holder, and why a hint is not an ack.
import type { Lesson } from '../types';
import { act, check, CHAT, hintsOf, kill, LEDGER, outsider, pendingOn, replica, replicas, restart, scenario, valueOn, via, wait, write } from '../dsl';

export const HINTS: Lesson[] = [
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
        check: check('One hint is pending on the coordinator for the dead replica, which does not hold the write.', (p) => {
          const dead = replicas(p, CHAT)[2]!;
          const coord = outsider(p, CHAT);
          if (valueOn(p, CHAT, dead).length > 0) return `${dead} already holds ${valueOn(p, CHAT, dead).join(', ')}`;
          return pendingOn(p, coord, dead) === 1 && p.report.hints.pending === 1 ? true : `${coord} holds ${pendingOn(p, coord, dead)} hints for ${dead}; ${p.report.hints.pending} pending in all`;
        }),
      },
      {
        title: 'Restart it and wait for the trigger',
        text: 'The holder sees the node up (gossip, then an echo), and its dispatch trigger — every 10 s — replays the hint in a page. The target applies the page and acks it; only then does the holder delete the page’s hints. (Cassandra 3.0+ keeps hints in files per target and deletes a file once all of it has been replayed; 2.x, which kept hints in a table, deleted them hint by hint. HintScope deletes the hints of each acked page — between the two.)',
        actions: [restart(replica(CHAT, 2)), wait(40)],
        check: check('No hint is pending, one was delivered (replayed and acked), and the restarted replica holds the write.', (p) => {
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
        check: check('One hint created — on the coordinator, for the dead replica — and none dropped.', (p) => {
          const dead = replicas(p, LEDGER)[2]!;
          if (pendingOn(p, outsider(p, LEDGER), dead) !== 1) return `${outsider(p, LEDGER)} holds ${pendingOn(p, outsider(p, LEDGER), dead)} hints for ${dead}`;
          return p.report.hints.created === 1 && p.report.hints.dropped === 0 ? true : `created ${p.report.hints.created}, dropped ${p.report.hints.dropped}`;
        }),
      },
      {
        title: 'Past the window',
        text: 'Two minutes later the holder has believed the target down for longer than the window: the new write is not hinted (dropped).',
        actions: [wait(120), write(LEDGER, 'balance 80', 'QUORUM', via(LEDGER)), wait(1)],
        check: check('The second write is acknowledged but its hint was dropped; the first hint is still kept.', (p) => {
          const kept = hintsOf(p, LEDGER).map((h) => h.value).join(', ');
          if (kept !== 'balance 100') return `hints kept for the key: ${kept || 'none'}`;
          return p.report.hints.dropped === 1 && p.report.writes.acknowledged === 2 ? true : `dropped ${p.report.hints.dropped}, acknowledged ${p.report.writes.acknowledged}`;
        }),
      },
      {
        title: 'Recovery replays only what was kept',
        text: 'On restart the old hint replays. The dropped write is missing on that replica until read repair or anti-entropy fixes it.',
        actions: [restart(replica(LEDGER, 2)), wait(40)],
        check: check('The old hint was delivered; the restarted replica holds the old balance, not the new one: the key is under-replicated.', (p) => {
          const v = valueOn(p, LEDGER, replicas(p, LEDGER)[2]!);
          if (p.report.hints.delivered !== 1) return `${p.report.hints.delivered} hints delivered`;
          return v.includes('balance 100') && !v.includes('balance 80') && p.report.replication.underReplicated === 1 ? true : `replica holds ${v.join(', ') || 'nothing'}; under-replicated ${p.report.replication.underReplicated}`;
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
        check: check('One hint pending, for the dead replica.', (p) => {
          const h = hintsOf(p, CHAT);
          return h.length === 1 && h[0]!.target === replicas(p, CHAT)[2] ? true : `hints for the key: ${h.map((x) => `${x.holder}→${x.target}`).join(', ') || 'none'}`;
        }),
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
    story: 'The coordinator that kept the bank ledger’s hints goes down too. Hinted handoff is no transactional guarantee: a hint is a best-effort note on one node, not a commit — a bank that needs a deposit to survive must count replica acks (and repair), never hints.',
    scenario: scenario('Lesson: holder crash vs wipe'),
    steps: [
      {
        title: 'A hint is flushed to disk',
        text: 'Hints are buffered in memory and flushed every 10 s (hints_flush_period). Fifteen seconds after the write, the hint is on disk.',
        actions: [kill(replica(LEDGER, 2)), wait(30), write(LEDGER, 'deposit 50', 'QUORUM', via(LEDGER)), wait(15)],
        check: check('One hint pending on the coordinator, flushed to disk; nothing lost.', (p) => {
          const h = hintsOf(p, LEDGER);
          if (h.length !== 1 || h[0]!.holder !== outsider(p, LEDGER)) return `hints for the key: ${h.map((x) => `${x.holder}→${x.target}`).join(', ') || 'none'}`;
          if (!h[0]!.flushed) return 'the hint is still in the memory buffer';
          return p.report.hints.lost === 0 ? true : `lost ${p.report.hints.lost}`;
        }),
      },
      {
        title: 'The holder crashes; its disk survives',
        text: 'A crash stops the process; the flushed hint file is still there.',
        actions: [kill(via(LEDGER)), wait(1)],
        check: check('The holder is down and the hint is still pending on it.', (p) => {
          const holder = outsider(p, LEDGER);
          if (p.report.nodes[holder]?.state !== 'down') return `${holder} is up`;
          return pendingOn(p, holder) === 1 && p.report.hints.lost === 0 ? true : `pending on ${holder} ${pendingOn(p, holder)}, lost ${p.report.hints.lost}`;
        }),
      },
      {
        title: 'Now its disk is wiped',
        text: 'A replaced disk takes the hints with it. Dynamo §4.7: this is why anti-entropy exists.',
        actions: [kill(via(LEDGER), true), wait(1)],
        check: check('The hint is lost.', (p) => (p.report.hints.lost === 1 && p.report.hints.pending === 0 ? true : `lost ${p.report.hints.lost}, pending ${p.report.hints.pending}`)),
      },
      {
        title: 'Both come back: the replica stays behind',
        text: 'Both nodes restart. With the hint gone, nothing replays: the replica that missed the deposit stays behind.',
        actions: [restart(replica(LEDGER, 2)), restart(via(LEDGER)), wait(40)],
        check: check('Both are up again; no hint was delivered and the returned replica lacks the deposit: the key is under-replicated.', (p) => {
          const r = replicas(p, LEDGER)[2]!;
          const down = [r, outsider(p, LEDGER)].filter((n) => p.report.nodes[n]?.state !== 'up');
          if (down.length > 0) return `${down.join(', ')} still down`;
          if (p.report.hints.delivered !== 0) return `${p.report.hints.delivered} hint delivered`;
          if (valueOn(p, LEDGER, r).includes('deposit 50')) return `${r} holds the deposit`;
          return p.report.replication.underReplicated === 1 ? true : `under-replicated ${p.report.replication.underReplicated}`;
        }),
      },
      {
        title: 'Then repair',
        text: 'A repair compares Merkle trees between the replicas and streams the difference: the deposit reaches the replica that missed it.',
        actions: [act((p) => ({ type: 'repair', node: replicas(p, LEDGER)[0]! })), wait(5)],
        check: check('The repair streamed keys; every replica holds the deposit, and still no hint was delivered.', (p) => {
          const missing = replicas(p, LEDGER).filter((r) => !valueOn(p, LEDGER, r).includes('deposit 50'));
          if (p.report.hints.delivered !== 0) return `${p.report.hints.delivered} hint delivered`;
          if (p.report.repair.keysStreamed === 0) return 'the repair streamed nothing';
          return missing.length === 0 ? true : `${missing.join(', ')} still lack it`;
        }),
      },
    ],
  },
  {
    id: 'hints-not-acks',
    title: 'A hint is not an acknowledgement — except at ANY',
    summary: 'With two replicas known down QUORUM is unavailable at once; ANY succeeds on a stored hint alone.',
    story: 'Two of the three ledger servers are down. Can the bank still accept a deposit? (Hinted handoff is no transactional guarantee: a write acknowledged at ANY lives on one coordinator’s disk until the replicas return.)',
    scenario: scenario('Lesson: hints do not count toward the level'),
    steps: [
      {
        title: 'QUORUM with two replicas known down',
        text: 'Two replicas crashed 30 s ago and every node has convicted them. The coordinator believes only one replica is alive; QUORUM needs two. It fails at once as unavailable: nothing is sent, nothing is hinted. (In the first ~18 s, before conviction, the same write would be sent, time out after 2 s and leave two hints — Cassandra hints every replica that timed out.)',
        actions: [kill(replica(LEDGER, 1)), kill(replica(LEDGER, 2)), wait(30), write(LEDGER, 'deposit 10', 'QUORUM', via(LEDGER)), wait(1)],
        check: check('The write failed and no hint was created.', (p) => (p.report.writes.failed === 1 && p.report.hints.created === 0 ? true : `failed ${p.report.writes.failed}, hints ${p.report.hints.created}`)),
      },
      {
        title: 'ANY, with every replica down',
        text: 'Now the last replica dies too. At ANY a stored hint alone acknowledges the write: no replica has it. It is durable only on the coordinator until the replicas return.',
        actions: [kill(replica(LEDGER, 0)), wait(30), write(LEDGER, 'deposit 10', 'ANY', via(LEDGER)), wait(1)],
        check: check('The ANY write was acknowledged with no replica holding it: three hints on the coordinator carry it.', (p) => {
          const holding = replicas(p, LEDGER).filter((r) => valueOn(p, LEDGER, r).length > 0);
          if (holding.length > 0) return `${holding.join(', ')} hold the write`;
          const n = pendingOn(p, outsider(p, LEDGER));
          return p.report.writes.acknowledged === 1 && n === 3 ? true : `acknowledged ${p.report.writes.acknowledged}, hints on the coordinator ${n}`;
        }),
      },
    ],
  },
];
