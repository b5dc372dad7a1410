// Lesson: W + R > N makes a read overlap the last write — and a sloppy quorum across a partition
// quietly breaks it.
import type { Lesson, Probe } from '../types';
import { act, check, CHAT, node, read, replicas, scenario, valueOn, wait, write } from '../dsl';

const pref = (p: Probe) => p.inspect(CHAT).preferenceList.map((x) => x.node);
/** Near side: the first owner and two stand-ins; far side: the two other owners and the last node. */
const near = (p: Probe) => { const l = pref(p); return [l[0]!, l[3]!, l[4]!]; };
const far = (p: Probe) => { const l = pref(p); return [l[1]!, l[2]!, l[5]!]; };
const nearClient = (p: Probe) => pref(p)[4]!;
const farClient = (p: Probe) => pref(p)[5]!;

export const QUORUM_MATH: Lesson[] = [
  {
    id: 'w-plus-r',
    title: 'W + R > N, and how a sloppy quorum breaks it',
    summary: 'Two quorums of the same three owners always share a node; stand-ins across a partition do not.',
    story: 'Dynamo runs with N = 3, W = 2, R = 2: any two of three overlap, so a read should see the last write. A rack switch fails.',
    scenario: scenario('Lesson: W + R > N', { preset: 'dynamo', conflictResolution: 'lww' }),
    recap:
      'With N replicas, a write acknowledged by W and a read answered by R share at least one replica when W + R > N — but only if both are counted among the same N owners. A sloppy quorum counts stand-ins: across a partition each side can gather W acks from its own owners and stand-ins, and a read on the far side, answered by owners that never saw the write, returns the old value. A strict quorum (Riak PW) refuses the write instead: consistency kept, availability lost.',
    steps: [
      {
        title: 'Every owner holds v1',
        text: 'A QUORUM write (W = 2) of v1 reaches all three owners of chat:42 while the network is whole.',
        actions: [write(CHAT, 'v1', 'QUORUM', nearClient), wait(1)],
        check: check('All three owners hold v1.', (p) => {
          const missing = replicas(p, CHAT).filter((r) => !valueOn(p, CHAT, r).includes('v1'));
          return p.report.writes.acknowledged === 1 && missing.length === 0 ? true : `acknowledged ${p.report.writes.acknowledged}; missing on ${missing.join(', ')}`;
        }),
      },
      {
        title: 'A partition splits the owners',
        text: 'The network splits: the first owner and two stand-ins on the near side, the two other owners on the far side. After about 20 s each side believes the other down — nobody crashed.',
        actions: [act((p) => ({ type: 'partition', groups: [near(p), far(p)] })), wait(40)],
        check: check('The near-side client node believes the two far owners down, and the far-side node believes the near owner down.', (p) => {
          const [, o1, o2] = replicas(p, CHAT);
          const a = node(p, nearClient(p)).believesDown;
          const b = node(p, farClient(p)).believesDown;
          return a.includes(o1!) && a.includes(o2!) && b.includes(replicas(p, CHAT)[0]!) ? true : `near believes down: ${a.join(', ') || 'nobody'}; far: ${b.join(', ') || 'nobody'}`;
        }),
      },
      {
        title: 'The near side writes v2 on stand-ins',
        text: 'A QUORUM write of v2 on the near side: one owner is reachable, so the coordinator counts two stand-ins to reach W = 2. The write is acknowledged — but the far owners never see it.',
        predict: {
          question: 'Only one owner is reachable on the near side. Does a QUORUM (W = 2) write succeed under a sloppy quorum?',
          choices: ['No: only one owner can acknowledge.', 'Yes: stand-ins’ acks count toward W.'],
          correct: 1,
        },
        actions: [write(CHAT, 'v2', 'QUORUM', nearClient), wait(1)],
        check: check('v2 was acknowledged; the far owners still hold only v1 and stand-ins keep copies tagged for them.', (p) => {
          const [, o1, o2] = replicas(p, CHAT);
          if (p.report.writes.acknowledged !== 2) return `acknowledged ${p.report.writes.acknowledged}, failed ${p.report.writes.failed}`;
          const stale = [o1!, o2!].filter((o) => !valueOn(p, CHAT, o).includes('v2'));
          const tagged = p.inspect(CHAT).hints.filter((h) => h.value === 'v2' && (h.target === o1 || h.target === o2)).length;
          return stale.length === 2 && tagged > 0 ? true : `far owners without v2: ${stale.join(', ') || 'none'}; tagged copies ${tagged}`;
        }),
      },
      {
        title: 'The far side reads v1',
        text: 'A QUORUM read (R = 2) on the far side is answered by the two far owners. W + R = 4 > 3, yet the read and the write share no node: the read returns v1, a stale value.',
        predict: {
          question: 'W = 2, R = 2, N = 3. Can the far-side QUORUM read return the old value?',
          choices: ['No: W + R > N guarantees it sees v2.', 'Yes: the write’s quorum was partly stand-ins, so the two quorums need not overlap.', 'The read fails: the far side has no quorum.'],
          correct: 1,
        },
        actions: [read(CHAT, 'QUORUM', farClient), wait(1)],
        check: check('The read succeeded and was stale.', (p) => (p.report.reads.succeeded === 1 && p.report.reads.stale === 1 ? true : `succeeded ${p.report.reads.succeeded}, stale ${p.report.reads.stale}, failed ${p.report.reads.failed}`)),
      },
    ],
  },
];
