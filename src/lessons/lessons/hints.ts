// Lessons: a hint's life: replay, the window, the TTL, a lost holder, and why a hint is not an ack.
import type { Lesson } from '../types';
import { act, check, CHAT, kill, LEDGER, replica, replicas, restart, scenario, valueOn, via, wait, write } from '../dsl';

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
];
