// Lessons: deletes and the zombie. A delete writes a tombstone; compaction purges it once
// gc_grace_seconds have passed; a replica that missed the delete and comes back after that brings
// the value back. Then the two cures (a repair within gc_grace_seconds; ScyllaDB's tombstone_gc:
// repair) and why a hint's TTL is gc_grace_seconds.
import type { ConsistencyLevel } from '../../engine/api';
import type { Lesson, Probe } from '../types';
import { act, check, kill, lastAnswers, pendingOn, read, replica, replicas, restart, scenario, wait, write } from '../dsl';

/** The key the zombie lessons delete. */
export const PROFILE = 'profile:7';

const first = replica(PROFILE, 0);
const third = replica(PROFILE, 2);
const del = (consistency: ConsistencyLevel, via: (p: Probe) => string) => act((p) => ({ type: 'delete', key: PROFILE, consistency, coordinator: via(p) }));
const nodetool = (verb: string, who: (p: Probe) => string) => act((p) => ({ type: 'nodetool', verb, node: who(p) }));
const repairOn = (who: (p: Probe) => string) => act((p) => ({ type: 'repair', node: who(p) }));

/** Per replica of the key: its live values and tombstones, as the report counts them (one key in the run). */
function holdings(p: Probe): { node: string; keys: number; tombstones: number }[] {
  return replicas(p, PROFILE).map((node) => ({ node, keys: p.report.nodes[node]?.keys ?? 0, tombstones: p.report.nodes[node]?.tombstones ?? 0 }));
}
const shown = (p: Probe) => holdings(p).map((h) => `${h.node}: ${h.keys} value, ${h.tombstones} tombstone`).join('; ');
const tomb = (p: Probe) => p.report.tombstones ?? { held: 0, purged: 0 };
/** Did the key's last read return the deleted value? (a replica answered it, and the read counted stale) */
const readBackTheValue = (p: Probe) => lastAnswers(p, PROFILE).some((a) => a.values.includes('Ada')) && p.report.reads.stale === 1;

/** The delete that the third replica misses: it is down, and its hint is stored on the coordinator. */
const missTheDelete = [write(PROFILE, 'Ada', 'ALL', first), wait(5), kill(third), wait(30), del('QUORUM', first), wait(5)];

const ZOMBIE: Lesson = {
  id: 'zombie',
  title: 'The zombie: a replica back after gc_grace_seconds',
  summary: 'A delete is a tombstone; once gc_grace_seconds pass it is purged, and a replica that missed it brings the value back.',
  story: 'A user deletes her profile. One replica was down that day and stays down for a long weekend. On Monday it returns — and so does her profile.',
  scenario: scenario('Lesson: the zombie', { gcGrace: '1h', compactionInterval: '10m' }),
  recap:
    'A delete is a write of a tombstone, and the tombstone is what stops an older value from coming back. Compaction purges it once gc_grace_seconds (10 days by default) have passed; a hint for it expires then too. A replica that missed the delete and returns after that still holds the old value, and a read or a repair spreads it back: the zombie. Every replica must learn of a delete within gc_grace_seconds — by hint, read repair or repair.',
  steps: [
    {
      title: 'A delete is a tombstone',
      text: 'gc_grace_seconds is 1 hour here, and every node compacts every 10 minutes. profile:7 holds "Ada" on its three replicas. Its third replica crashes; 30 s later the user deletes the profile at QUORUM. The two live replicas store a tombstone — a write that says "deleted" — and the coordinator keeps a hint with the tombstone for the third.',
      actions: missTheDelete,
      check: check('The two live replicas hold a tombstone and no value; the third still holds "Ada"; one hint carries the tombstone to it.', (p) => {
        const [a, b, c] = holdings(p);
        if (!(a!.tombstones === 1 && b!.tombstones === 1 && a!.keys === 0 && b!.keys === 0)) return shown(p);
        if (c!.keys !== 1) return `the third replica holds ${c!.keys} value`;
        const h = p.inspect(PROFILE).hints.filter((x) => x.target === c!.node);
        return h.length === 1 ? true : `${h.length} hints for ${c!.node}`;
      }),
    },
    {
      title: 'Two hours later: the tombstone is gone',
      text: 'The third replica stays down for two hours. At 1 hour the hint expires (its TTL is gc_grace_seconds); at the next compaction the two live replicas purge their tombstones, now older than gc_grace_seconds. Nothing left in the cluster remembers the delete.',
      predict: {
        question: 'gc_grace_seconds has passed and the tombstones were purged. What does the down replica still hold?',
        choices: ['Nothing: the delete reached it by hint.', '"Ada": the hint expired before it returned.', 'A tombstone: hints wait for as long as it takes.'],
        correct: 1,
      },
      actions: [wait(2 * 3600)],
      check: check('The hint expired, the two tombstones were purged, and the down replica still holds "Ada".', (p) => {
        const { expired, delivered } = p.report.hints;
        const [a, b, c] = holdings(p);
        if (expired !== 1 || delivered !== 0) return `hints expired ${expired}, delivered ${delivered}`;
        if (tomb(p).purged !== 2 || a!.tombstones + b!.tombstones !== 0) return `purged ${tomb(p).purged}; ${shown(p)}`;
        return c!.keys === 1 ? true : `the third replica holds ${c!.keys} value`;
      }),
    },
    {
      title: 'It returns: the profile is back',
      text: 'The replica restarts, still holding "Ada". A read at ALL finds "Ada" there and nothing on the other two: "Ada" is the newest version any replica has, so the read returns it and read repair writes it back to the two that purged the delete. The deleted profile is alive again — resurrected.',
      actions: [restart(third), wait(40), read(PROFILE, 'ALL', first), wait(5)],
      check: check('The read returned the deleted "Ada", read repair wrote it to the other two replicas, and the key counts as resurrected.', (p) => {
        if (!readBackTheValue(p)) return `the read's answers: ${lastAnswers(p, PROFILE).map((a) => `${a.node} ${a.values.join('|') || 'nothing'}`).join(', ') || 'none'}; stale ${p.report.reads.stale}`;
        const all = holdings(p).every((h) => h.keys === 1);
        return all && p.report.replication.resurrected === 1 ? true : `${shown(p)}; resurrected ${p.report.replication.resurrected ?? 0}`;
      }),
    },
  ],
};

const REPAIR_CURE: Lesson = {
  id: 'zombie-repair',
  title: 'Cure 1: repair within gc_grace_seconds',
  summary: 'A replica that missed a delete learns it from a repair before the tombstones may be purged.',
  story: 'Operators run nodetool repair on every node at least once per gc_grace_seconds. Here is what that buys.',
  scenario: scenario('Lesson: repair within gc_grace_seconds', { gcGrace: '1h', compactionInterval: '10m', maxHintWindow: '1m' }),
  recap:
    'A hint is not the only way a delete reaches a replica, and not a sure one: past max_hint_window it is never stored. An anti-entropy repair compares Merkle trees — tombstones included — and streams the tombstone to the replica that missed it. Run repair on every range more often than gc_grace_seconds and every replica holds the tombstone before anyone may purge it.',
  steps: [
    {
      title: 'A delete missed, with no hint',
      text: 'max_hint_window is 1 minute here. The third replica of profile:7 crashes; the delete comes 2 minutes later, past the window: the two live replicas store the tombstone, the coordinator refuses the hint. The replica returns at 10 minutes still holding "Ada".',
      actions: [write(PROFILE, 'Ada', 'ALL', first), wait(5), kill(third), wait(120), del('QUORUM', first), wait(5), restart(third), wait(8 * 60)],
      check: check('No hint was stored for the delete; the returned replica holds "Ada", the others a tombstone.', (p) => {
        const [a, b, c] = holdings(p);
        if (p.report.hints.created !== 0 || p.report.hints.dropped < 1) return `hints created ${p.report.hints.created}, dropped ${p.report.hints.dropped}`;
        return a!.tombstones === 1 && b!.tombstones === 1 && c!.keys === 1 ? true : shown(p);
      }),
    },
    {
      title: 'A repair, inside gc_grace_seconds',
      text: 'At 15 minutes the operator runs nodetool repair on the first replica. Its Merkle tree and the third replica’s differ where the tombstone is: the tombstone is streamed, and it wins over the older "Ada".',
      actions: [repairOn(first), wait(60)],
      check: check('Every replica now holds the tombstone and none holds "Ada".', (p) => (holdings(p).every((h) => h.tombstones === 1 && h.keys === 0) ? true : shown(p))),
    },
    {
      title: 'Purged everywhere, and nothing comes back',
      text: 'Two hours on, every replica has purged the tombstone. A read at ALL finds nothing anywhere: the profile stays deleted.',
      actions: [wait(2 * 3600), read(PROFILE, 'ALL', first), wait(5)],
      check: check('Three tombstones purged, no replica holds "Ada", the read found nothing, and nothing is resurrected.', (p) => {
        const none = holdings(p).every((h) => h.keys === 0 && h.tombstones === 0);
        if (!none || tomb(p).purged !== 3) return `purged ${tomb(p).purged}; ${shown(p)}`;
        return !readBackTheValue(p) && p.report.reads.succeeded >= 1 && p.report.replication.resurrected === 0 ? true : `stale ${p.report.reads.stale}, resurrected ${p.report.replication.resurrected ?? 0}`;
      }),
    },
  ],
};

const TOMBSTONE_GC_CURE: Lesson = {
  id: 'zombie-tombstone-gc',
  title: 'Cure 2: ScyllaDB’s tombstone_gc: repair',
  summary: 'A tombstone is purged only after a repair that every replica took part in — not after a timer.',
  story: 'ScyllaDB lets a table say when a tombstone may go: after a repair (tombstone_gc = {\'mode\': \'repair\'}), not after gc_grace_seconds.',
  scenario: scenario('Lesson: tombstone_gc repair', { gcGrace: '1h', compactionInterval: '10m', tombstoneGc: 'repair' }),
  recap:
    'ScyllaDB’s tombstone_gc modes: timeout (gc_grace_seconds, Cassandra’s rule), repair (purge only once a repair in which every replica of the range took part started at least propagation_delay_in_seconds after the delete), immediate and disabled. In repair mode a replica down for days cannot bring data back: the tombstones wait for it, and the repair that includes it is what lets them go.',
  steps: [
    {
      title: 'The same outage, the same two hours',
      text: 'As in the zombie lesson, the third replica misses the delete and stays down two hours; its hint expires at 1 hour. But in repair mode the timer does not purge anything.',
      actions: [...missTheDelete, wait(2 * 3600)],
      check: check('The hint expired, yet no tombstone was purged: the two live replicas still hold theirs.', (p) => {
        const [a, b] = holdings(p);
        if (p.report.hints.expired !== 1) return `hints expired ${p.report.hints.expired}`;
        return tomb(p).purged === 0 && a!.tombstones === 1 && b!.tombstones === 1 ? true : `purged ${tomb(p).purged}; ${shown(p)}`;
      }),
    },
    {
      title: 'It returns: the delete wins',
      text: 'The replica restarts with "Ada". A read at ALL gets the tombstone from two replicas and "Ada" from one: the tombstone is newer, so the read returns nothing and read repair writes the tombstone to the third.',
      actions: [restart(third), wait(40), read(PROFILE, 'ALL', first), wait(5)],
      check: check('The read returned nothing, the third replica now holds the tombstone, and nothing is resurrected.', (p) => {
        if (readBackTheValue(p) || p.report.reads.stale !== 0) return `stale ${p.report.reads.stale}`;
        return holdings(p).every((h) => h.tombstones === 1 && h.keys === 0) && p.report.replication.resurrected === 0 ? true : shown(p);
      }),
    },
    {
      title: 'A repair with every replica lets them go',
      text: 'nodetool repair on the first replica, with all three up: it started more than propagation_delay_in_seconds (1 hour) after the delete, so at the next compaction every replica may purge the tombstone — and does.',
      actions: [repairOn(first), wait(15 * 60)],
      check: check('All three tombstones purged after the repair; the key is gone everywhere.', (p) => (tomb(p).purged === 3 && holdings(p).every((h) => h.keys === 0 && h.tombstones === 0) ? true : `purged ${tomb(p).purged}; ${shown(p)}`)),
    },
  ],
};

const HINT_TTL_WHY: Lesson = {
  id: 'hint-ttl-gc-grace',
  title: 'Why a hint’s TTL is gc_grace_seconds',
  summary: 'A hint older than gc_grace_seconds could carry a write that a purged delete once covered.',
  story: 'An operator paused hint delivery during an incident and forgot to resume it for a day. Meanwhile the data was deleted.',
  scenario: scenario('Lesson: why the hint TTL is gc_grace_seconds', { gcGrace: '1h', compactionInterval: '10m' }),
  recap:
    'Cassandra gives a hint the TTL of its mutation’s smallest gc_grace_seconds (Hint.isLive: “safe to apply the hint without risking to resurrect any deleted data”). A hint older than that may carry a write whose later delete has already been purged everywhere: replaying it would bring the data back. So an old hint is thrown away, and the replica that needed it must be repaired instead. (A hint created long after its write — a timeout hint — can still outlive the tombstone: Cassandra’s HintDataReappearingTest.)',
  steps: [
    {
      title: 'A hint waits on a paused holder',
      text: 'The first replica pauses its hint dispatch (nodetool pausehandoff). The third replica is down when "Ada" is written; the hint for it is stored on the first replica. The third restarts a minute later, but the paused holder does not replay.',
      actions: [nodetool('pausehandoff', first), kill(third), wait(30), write(PROFILE, 'Ada', 'QUORUM', first), wait(30), restart(third), wait(60)],
      check: check('The third replica is up without "Ada"; the hint for it waits on the paused holder.', (p) => {
        const [a, , c] = holdings(p);
        return c!.keys === 0 && pendingOn(p, a!.node, c!.node) === 1 ? true : `third replica holds ${c!.keys} value; pending on ${a!.node}: ${pendingOn(p, a!.node, c!.node)}`;
      }),
    },
    {
      title: 'Deleted, and the delete forgotten',
      text: 'The profile is deleted at ALL: every replica, the third included, stores a tombstone. An hour later (gc_grace_seconds) compaction purges all three. The cluster no longer remembers the delete.',
      actions: [del('ALL', first), wait(5), wait(75 * 60)],
      check: check('All three tombstones were purged; no replica holds anything for the key.', (p) => (tomb(p).purged === 3 && holdings(p).every((h) => h.keys === 0 && h.tombstones === 0) ? true : `purged ${tomb(p).purged}; ${shown(p)}`)),
    },
    {
      title: 'Resumed: the old hint is not replayed',
      text: 'The operator resumes dispatch. The hint for "Ada" is older than its TTL — gc_grace_seconds — so it is thrown away, not replayed. Had it lived longer, it would have written "Ada" to the third replica with nothing left to delete it.',
      predict: {
        question: 'The hint carries "Ada", written before the (now purged) delete. What happens when dispatch resumes?',
        choices: ['It is replayed and "Ada" is back on the third replica.', 'It expired at gc_grace_seconds: dropped, never replayed.', 'It is replayed, but the tombstone wins.'],
        correct: 1,
      },
      actions: [nodetool('resumehandoff', first), wait(60)],
      check: check('The hint expired without being delivered; no replica holds "Ada"; nothing is resurrected.', (p) => {
        const { expired, delivered } = p.report.hints;
        if (expired !== 1 || delivered !== 0) return `hints expired ${expired}, delivered ${delivered}`;
        return holdings(p).every((h) => h.keys === 0) && p.report.replication.resurrected === 0 ? true : `${shown(p)}; resurrected ${p.report.replication.resurrected ?? 0}`;
      }),
    },
  ],
};

export const ZOMBIES: Lesson[] = [ZOMBIE, REPAIR_CURE, TOMBSTONE_GC_CURE, HINT_TTL_WHY];
