// Lessons: one shopping cart, three ways to merge concurrent writes. The three lessons run the same
// seed and the same actions and differ in one setting, conflictResolution: last-write-wins loses a
// concurrent add, vector clocks keep siblings whose naive union brings a removed item back, and
// the OR-set (a CRDT in the engine) converges with the removed item gone and both adds kept.
import type { ConflictResolution } from '../../engine/scenario/registry';
import type { Lesson, LessonStep, Prediction } from '../types';
import { act, check, scenario, wait } from '../dsl';
import { cartWrite, everyReplicaHolds, PHONE_1, PHONE_2, setStats, split, unionOfSiblings, copies } from './mergeCart';

/** The same question before every lesson's heal; each lesson shows a different answer. */
function afterHeal(correct: number): Prediction {
  return {
    question: 'The network heals and a repair runs. What does the cart hold?',
    choices: ['{milk}: phone 2’s pears are gone', 'Both carts, side by side, for the client to merge', '{milk, pears}: apples stay removed'],
    correct,
  };
}

/** What each step's check expects, per resolution (its own outcome, read off the engine). */
const EXPECT = {
  lww: { start: '"apples"', one: '"milk"', two: '"apples,pears"', end: '"milk"' },
  'vector-clock': { start: '"apples"', one: '"milk"', two: '"apples,pears"', end: '"apples,pears" | "milk"' },
  'or-set': { start: '{apples}', one: '{milk}', two: '{apples, pears}', end: '{milk, pears}' },
} as const;

function sharedSteps(mode: ConflictResolution, texts: [string, string, string], predict: Prediction): LessonStep[] {
  const want = EXPECT[mode];
  return [
    {
      title: 'A cart with apples',
      text: texts[0],
      actions: [cartWrite('add', 'apples', PHONE_1, 'ALL'), wait(5)],
      check: check(`Every replica holds the cart ${want.start}.`, (p) => {
        const held = everyReplicaHolds(p, want.start);
        if (held !== true || mode !== 'or-set') return held;
        const s = setStats(p, PHONE_1(p));
        return s?.adds === 1 && s.tombstones === 0 ? true : `the first replica’s set has ${s?.adds ?? 0} adds, ${s?.tombstones ?? 0} tombstones`;
      }),
    },
    {
      title: 'Split: two phones, two sides',
      text: texts[1],
      actions: [
        split, wait(30),
        cartWrite('add', 'pears', PHONE_2), wait(1),
        cartWrite('remove', 'apples', PHONE_1), wait(1), cartWrite('add', 'milk', PHONE_1), wait(5),
      ],
      check: check(`All four writes were acknowledged; phone 1’s side holds ${want.one}, phone 2’s ${want.two}.`, (p) => {
        const seen = copies(p);
        const one = seen.find((c) => c.node === PHONE_1(p))!.shown;
        const two = seen.find((c) => c.node === PHONE_2(p))!.shown;
        const acked = p.report.writes.acknowledged;
        return acked === 4 && one === want.one && two === want.two ? true : `acknowledged ${acked}; phone 1’s replica: ${one}; phone 2’s: ${two}`;
      }),
    },
    {
      title: 'Heal and repair',
      text: texts[2],
      predict,
      actions: [act(() => ({ type: 'heal' })), wait(10), act((p) => ({ type: 'repair', node: PHONE_1(p) })), wait(10)],
      check: check(`Every replica holds ${want.end}.`, (p) => {
        const held = everyReplicaHolds(p, want.end);
        if (held !== true || mode !== 'or-set') return held;
        // The mechanism: apples’ add is still in the state, tombstoned — not overwritten or forgotten.
        const s = setStats(p, PHONE_2(p));
        return s?.adds === 3 && s.tombstones === 1 ? true : `phone 2’s replica has ${s?.adds ?? 0} adds, ${s?.tombstones ?? 0} tombstones`;
      }),
    },
  ];
}

const STORY = 'Alice’s cart is open on two phones when a switch fails between two racks: Dynamo’s shopping cart (§4.4), which must always accept writes.';
const SPLIT = 'The cart’s first replica is cut off with one other node. Phone 2, on the big side, adds pears; a second later phone 1, on the small side, removes apples, and a second after that adds milk. Every write is at ONE, so both sides accept them.';

export const MERGE: Lesson[] = [
  {
    id: 'merge-lww',
    title: 'Concurrent writes under last-write-wins',
    summary: 'Two phones change one cart on two sides of a partition; after the heal the newest write wins and a concurrent add is lost.',
    story: STORY,
    scenario: scenario('Lesson: cart, last-write-wins', { preset: 'dynamo', conflictResolution: 'lww' }),
    steps: sharedSteps('lww', [
      'Under last-write-wins (Cassandra’s cells, Riak with allow_mult = false) each phone writes its whole cart. Phone 1 adds apples at ALL: every replica stores "apples".',
      SPLIT,
      'Replicas compare timestamps and keep the newest. Phone 1’s "milk" is a second newer than phone 2’s "apples,pears", so every replica ends with "milk": the pears, acknowledged to phone 2, are silently gone. The report does not even count it as lost — under last-write-wins a newer write replaces an older one by design.',
    ], afterHeal(0)),
    recap: 'Last-write-wins keeps one version per key, the newest by timestamp: of two concurrent writes, one is lost without a trace.',
  },
  {
    id: 'vector-clocks',
    title: 'Vector clocks keep siblings; a naive union resurrects',
    summary: 'The same two phones under Dynamo’s vector clocks: both carts survive as siblings, and merging them by union brings a removed item back.',
    story: STORY,
    scenario: scenario('Lesson: cart, vector clocks', { preset: 'dynamo', conflictResolution: 'vector-clock' }),
    steps: [
      ...sharedSteps('vector-clock', [
        'Under vector clocks (Dynamo, Riak with allow_mult = true) each phone writes its whole cart, and each version carries a clock: which coordinator wrote how often. Phone 1 adds apples at ALL.',
        SPLIT,
        'Phone 2’s clock has seen the first replica’s apples and its own write; phone 1’s has seen three writes of its own. Neither dominates, so no replica can pick one: every replica keeps both carts as siblings, "apples,pears" and "milk", and a read returns both.',
      ], afterHeal(1)),
      {
        title: 'The client merges by union',
        text: 'Dynamo’s cart hands the siblings to the application, which merges them by union and writes the result back (§4.4). The union has no way to tell "apples were removed on one side" from "apples were never seen there": the removed apples come back. Dynamo says so itself — deleted items can resurface — so this merge is not a CRDT.',
        actions: [unionOfSiblings(PHONE_1), wait(5)],
        check: check('Every replica holds one version, "apples,milk,pears": the removed apples are back.', (p) => everyReplicaHolds(p, '"apples,milk,pears"')),
      },
    ],
    recap: 'Vector clocks detect concurrent writes and keep them as siblings, but the merge is the application’s: a union of carts resurrects removed items (Dynamo §4.4).',
  },
  {
    id: 'merge-or-set',
    title: 'A CRDT: the observed-remove set',
    summary: 'The same phones with the cart as an OR-set: replicas merge by the CRDT join, the removed apples stay removed and both adds are kept.',
    story: STORY,
    scenario: scenario('Lesson: cart, OR-set', { preset: 'dynamo', conflictResolution: 'or-set' }),
    steps: sharedSteps('or-set', [
      'Under the OR-set (Riak’s set data type, Redis Enterprise CRDB sets, Akka’s ORSet) a phone sends the operation, not the cart. Phone 1 adds apples at ALL: the add carries a unique tag, and every replica stores {apples} with that one tag.',
      `${SPLIT} Phone 1’s remove tombstones only the apples tag its coordinator has observed.`,
      'Replicas, hand-offs and the repair merge by the join: the union of adds and the union of tombstones, the same in any order. The apples’ tag is tombstoned, so they stay removed; pears and milk were added with new tags nobody removed, so both stay. Every replica reads {milk, pears}, and no client had to merge anything.',
    ], afterHeal(2)),
    recap: 'A CRDT makes the merge part of the data type: an OR-set removes only the adds it has observed, so concurrent adds survive and removed items stay removed, on every replica in any order.',
  },
];
