// Lesson: ScyllaDB's hinted-handoff settings next to Cassandra's — the window that resets when the
// node is seen up (Cassandra 4.1 keeps it across restarts), and the settings this simulator names
// but does not model (datacenters, the hints directory).
import type { Lesson, Probe } from '../types';
import { act, check, kill, LEDGER, outsider, pendingOn, replica, replicas, restart, scenario, wait } from '../dsl';

const target = (p: Probe) => replicas(p, LEDGER)[2]!;
const holder = (p: Probe) => outsider(p, LEDGER);
const put = (key: string, value: string) => act((p) => ({ type: 'write', key, value, consistency: 'QUORUM', coordinator: holder(p) }));
/** Keys the target keeps besides the ledger: each write to one leaves a hint for it. */
const second = (p: Probe) => Array.from({ length: 60 }, (_, j) => `acct:${2000 + j}`).find((k) => replicas(p, k).includes(target(p)))!;
const putSecond = (value: string) => act((p) => ({ type: 'write', key: second(p), value, consistency: 'QUORUM', coordinator: holder(p) }));

export const SCYLLA: Lesson[] = [
  {
    id: 'scylla-settings',
    title: 'ScyllaDB’s hint settings, and what Cassandra does instead',
    summary: 'Scylla’s window restarts when the node is seen up; Cassandra 4.1 keeps it across restarts.',
    story: 'A team moves from Cassandra to ScyllaDB and copies its cassandra.yaml. Which hint settings mean the same thing?',
    scenario: scenario('Lesson: ScyllaDB hint settings', { preset: 'scylla', maxHintWindow: '1m', hintReplayRate: 0.02 }),
    recap:
      'ScyllaDB: hinted_handoff_enabled is true, false or a list of datacenters; hints live in hints_directory; max_hint_window_in_ms (3 h) starts again each time the node is seen up; a timed-out replica is hinted only if the write met its level. Cassandra: a boolean plus hinted_handoff_disabled_datacenters; hints in data/hints; hint_window_persistent_enabled (4.1+) keeps the window across restarts; a timed-out replica is always hinted. One datacenter here, no disk layout.',
    steps: [
      {
        title: 'Inside, then past, a 1-minute window',
        text: 'Scylla preset, max_hint_window_in_ms of 1 minute here. The third replica of acct:1001 crashes: two writes 30 s in are hinted; a write 90 s in, past the window, is not. Replay is throttled to one hint every 50 s, so hints linger.',
        actions: [kill(replica(LEDGER, 2)), wait(30), put(LEDGER, 'balance 100'), putSecond('balance 7'), wait(60), put(LEDGER, 'balance 90'), wait(1)],
        check: check('Two hints were created for the node and one was refused past the window.', (p) => {
          const { created, dropped } = p.report.hints;
          return created === 2 && dropped === 1 && pendingOn(p, holder(p), target(p)) === 2 ? true : `created ${created}, dropped ${dropped}`;
        }),
      },
      {
        title: 'Seen up for 30 s, then down again',
        text: 'The node is seen up, so ScyllaDB starts its window afresh. It crashes again; 30 s later a write arrives. An old hint, older than the window, still waits: Cassandra 4.1 would refuse the new hint; ScyllaDB stores it.',
        predict: {
          question: 'ScyllaDB; the node was back for 30 s; an old hint still waits. Is a new write 30 s into the second outage hinted?',
          choices: ['Yes: Scylla’s window restarted when the node was seen up.', 'No: the pending hint is older than the window.'],
          correct: 0,
        },
        actions: [restart(replica(LEDGER, 2)), wait(30), kill(replica(LEDGER, 2)), wait(30), put(LEDGER, 'balance 80'), wait(1)],
        check: check('An old hint is still pending from the first outage, and the new write was hinted, not refused.', (p) => {
          const { created, dropped } = p.report.hints;
          const old = p.inspect(LEDGER).hints.concat(p.inspect(second(p)).hints).filter((h) => h.target === target(p) && h.value !== 'balance 80');
          return old.length >= 1 && created === 3 && dropped === 1 ? true : `old hints pending ${old.length}; created ${created}, dropped ${dropped}`;
        }),
      },
    ],
  },
];
