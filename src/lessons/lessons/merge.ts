// Lessons: concurrent writes and how they are merged: last-write-wins, vector clocks, a CRDT.
import type { Lesson } from '../types';
import { act, check, CHAT, outsider, replicas, scenario, valueOn, wait } from '../dsl';

export const MERGE: Lesson[] = [
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
];
