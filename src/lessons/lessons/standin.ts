// Lesson: the seed's story — a neighbour holds your package — and why the stand-in hands the copy
// back instead of keeping it as a permanent replica.
import type { Lesson, Probe } from '../types';
import { check, CHAT, kill, outsider, read, replica, replicas, restart, scenario, valueOn, wait, write } from '../dsl';

const owner = (p: Probe) => replicas(p, CHAT)[2]!;
/** A coordinator that is neither an owner nor the stand-in: the node after the stand-in. */
const client = (p: Probe) => p.inspect(CHAT).preferenceList[4]!.node;
const copiesOn = (p: Probe, holder: string) => p.inspect(CHAT).hints.filter((h) => h.holder === holder && h.target === owner(p));

export const STANDIN: Lesson[] = [
  {
    id: 'neighbour-package',
    title: 'A neighbour holds your package',
    summary: 'A stand-in keeps the copy for the owner who is away, and hands it over when the owner is back.',
    story: 'You are out when the courier comes; your neighbour signs for the parcel and rings your bell when you are home. Nobody moves your address to the neighbour’s house.',
    scenario: scenario('Lesson: the neighbour holds your package', { preset: 'dynamo' }),
    recap:
      'Under a sloppy quorum the next healthy node on the ring stands in for an owner that is down: it keeps a real copy tagged with the owner’s name, counts toward W, and hands the copy back when the owner returns — then deletes it. It never becomes a permanent replica, because every read and write of the key goes to the owners of its preference list: a copy left on the stand-in would never be read again, only orphaned.',
    steps: [
      {
        title: 'The owner is away',
        text: 'The third owner of chat:42 crashes. A QUORUM write walks the preference list past it to the next healthy node — the stand-in, the neighbour — which keeps a copy tagged with the owner’s name.',
        predict: {
          question: 'An owner of chat:42 is down. Where does its copy of the new write go?',
          choices: ['Nowhere: the owner misses it until a repair.', 'To the next healthy node on the ring, tagged with the owner’s name.', 'To a random node of the cluster.'],
          correct: 1,
        },
        actions: [kill(replica(CHAT, 2)), wait(30), write(CHAT, 'parcel', 'QUORUM', client), wait(1)],
        check: check('The owner holds nothing; the stand-in (the first node after the replicas) keeps one copy tagged for the owner.', (p) => {
          const o = owner(p);
          const standIn = outsider(p, CHAT);
          if (valueOn(p, CHAT, o).length > 0) return `the owner ${o} already holds ${valueOn(p, CHAT, o).join(', ')}`;
          const copies = copiesOn(p, standIn);
          return copies.length === 1 && copies[0]!.value === 'parcel' ? true : `${standIn} keeps ${copies.length} copies for ${o}`;
        }),
      },
      {
        title: 'The owner comes home',
        text: 'The owner restarts. The stand-in sees it up, hands the copy over, and deletes its own once the owner acknowledges — the neighbour rings the bell and gives the parcel back.',
        actions: [restart(replica(CHAT, 2)), wait(40)],
        check: check('One copy was handed off; the owner holds "parcel" and the stand-in keeps nothing for it.', (p) => {
          const o = owner(p);
          const left = copiesOn(p, outsider(p, CHAT)).length;
          if (p.report.hints.delivered !== 1 || left !== 0) return `delivered ${p.report.hints.delivered}; the stand-in still keeps ${left}`;
          return valueOn(p, CHAT, o).includes('parcel') ? true : `${o} holds ${valueOn(p, CHAT, o).join(', ') || 'nothing'}`;
        }),
      },
      {
        title: 'Why not keep it on the stand-in?',
        text: 'Reads ask the owners of the preference list, not whoever once held a copy. A read at ALL finds the parcel on all three. Had the stand-in kept it instead, no read would ever ask it: the copy would be orphaned and the owner stale.',
        actions: [read(CHAT, 'ALL', client), wait(1)],
        check: check('The read at ALL was fresh and read repair had nothing to fix: every owner already held "parcel".', (p) => {
          const { reads } = p.report;
          const missing = replicas(p, CHAT).filter((r) => !valueOn(p, CHAT, r).includes('parcel'));
          if (reads.succeeded !== 1 || reads.stale !== 0 || reads.repaired !== 0) return `succeeded ${reads.succeeded}, stale ${reads.stale}, read repairs ${reads.repaired}`;
          return missing.length === 0 ? true : `${missing.join(', ')} lack it`;
        }),
      },
    ],
  },
];
