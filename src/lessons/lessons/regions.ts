// Lesson: a region cut off. Two datacenters, three replicas in each (NetworkTopologyStrategy); the
// WAN between them is cut. LOCAL_QUORUM keeps both sides writing and hints pile up for the far side;
// QUORUM and EACH_QUORUM need the far side and are unavailable; the heal replays the hints.
import type { ConsistencyLevel } from '../../engine/api';
import type { Lesson, Probe } from '../types';
import { act, check, NODES, scenario, wait } from '../dsl';

export const DC1 = ['A', 'B', 'C'];
export const DC2 = ['D', 'E', 'F'];

/** Two datacenters of three nodes, three replicas of every key in each. */
export function twoRegions(name: string, settings: Record<string, unknown> = {}): Record<string, unknown> {
  const base = scenario(name, settings);
  return { ...base, cluster: { nodes: NODES, vnodes: 8, datacenters: { dc1: DC1, dc2: DC2 }, replicationFactor: 3 } };
}

const writeAt = (key: string, value: string, consistency: ConsistencyLevel, coordinator: string) => act(() => ({ type: 'write', key, value, consistency, coordinator }));
const cut = act(() => ({ type: 'partition', groups: [DC1, DC2] }));
const heal = act(() => ({ type: 'heal' }));

/** Hints pending for nodes of `dc`, held by nodes of the other side. */
const pendingFor = (p: Probe, dc: readonly string[]) => p.snapshot.hintQueues.filter((q) => dc.includes(q.target) && !dc.includes(q.holder)).reduce((a, q) => a + q.pending, 0);
const byDc = (p: Probe) => p.report.replication.byDc ?? {};

export const CUT_OFF: Lesson = {
  id: 'region-cut-off',
  title: 'A region cut off: LOCAL_QUORUM versus QUORUM',
  summary: 'With the WAN cut, LOCAL_QUORUM writes succeed on both sides and hint the far side; QUORUM and EACH_QUORUM are unavailable.',
  story: 'The link between two regions fails for a minute. Which writes keep working, and what has to catch up afterwards?',
  scenario: twoRegions('Lesson: a region cut off'),
  recap:
    'NetworkTopologyStrategy keeps replication_factor replicas in each datacenter. LOCAL_QUORUM counts only the coordinator’s own datacenter (⌊RF/2⌋ + 1 of its replicas), so each region keeps acknowledging writes while the WAN is down, and each coordinator hints the far region’s replicas. QUORUM needs ⌊ΣRF/2⌋ + 1 of all replicas (4 of 6) and EACH_QUORUM a quorum in every region: both are unavailable on either side. When the link heals the hints cross the WAN and both regions converge. A region cut off longer than max_hint_window needs a repair.',
  steps: [
    {
      title: 'The WAN is cut',
      text: 'dc1 holds A, B, C and dc2 holds D, E, F; every key has three replicas in each. The link between the regions is cut. Nobody is told: within about 18 s each side convicts the other by phi.',
      actions: [cut, wait(30)],
      check: check('Every node of each region believes every node of the other region down.', (p) => {
        const wrong = p.snapshot.nodes.filter((n) => !(DC1.includes(n.id) ? DC2 : DC1).every((o) => n.believesDown.includes(o)));
        return wrong.length === 0 ? true : `still believed alive by ${wrong.map((n) => n.id).join(', ')}`;
      }),
    },
    {
      title: 'LOCAL_QUORUM writes on both sides',
      text: 'A client in dc1 writes order:1 through A, and a client in dc2 writes order:2 through D, both at LOCAL_QUORUM: two of the three local replicas are enough. Each coordinator stores hints for the three replicas across the cut.',
      predict: {
        question: 'The regions cannot reach each other. Do LOCAL_QUORUM writes succeed on both sides?',
        choices: ['Only on the side with more nodes.', 'Neither: every replica must be reachable.', 'Yes, on both sides; the far replicas are hinted.'],
        correct: 2,
      },
      actions: [writeAt('order:1', 'paid', 'LOCAL_QUORUM', 'A'), writeAt('order:2', 'shipped', 'LOCAL_QUORUM', 'D'), wait(3)],
      check: check('Both writes were acknowledged, and three hints wait for each region’s far side.', (p) => {
        const w = p.report.writes;
        if (w.acknowledged !== 2 || w.failed !== 0) return `acknowledged ${w.acknowledged}, failed ${w.failed}`;
        return pendingFor(p, DC1) === 3 && pendingFor(p, DC2) === 3 ? true : `pending for dc1 ${pendingFor(p, DC1)}, for dc2 ${pendingFor(p, DC2)}`;
      }),
    },
    {
      title: 'QUORUM and EACH_QUORUM are unavailable',
      text: 'The same writes at QUORUM (4 of all 6 replicas) through A, and at EACH_QUORUM (2 of 3 in every region) through D. Each coordinator believes only its own three replicas alive: both fail at once as unavailable, and nothing is hinted.',
      actions: [writeAt('order:3', 'paid', 'QUORUM', 'A'), writeAt('order:4', 'shipped', 'EACH_QUORUM', 'D'), wait(1)],
      check: check('Both writes failed as unavailable; no new hint was stored.', (p) => {
        const w = p.report.writes;
        const unavailable = p.snapshot.failures?.counts['write-unavailable'] ?? 0;
        if (w.failed !== 2 || unavailable !== 2) return `failed ${w.failed}, unavailable ${unavailable}`;
        return p.report.hints.created === 6 ? true : `hints created ${p.report.hints.created}`;
      }),
    },
    {
      title: 'The link heals: hints cross the WAN',
      text: 'The WAN is back. Each side sees the other up again and replays its hints across the link; both regions hold both orders.',
      actions: [heal, wait(60)],
      check: check('Every hint was delivered and both regions are fully replicated.', (p) => {
        const { created, delivered, pending } = p.report.hints;
        if (delivered !== created || pending !== 0) return `created ${created}, delivered ${delivered}, pending ${pending}`;
        const d = byDc(p);
        return d.dc1?.underReplicated === 0 && d.dc2?.underReplicated === 0 ? true : `under-replicated: dc1 ${d.dc1?.underReplicated}, dc2 ${d.dc2?.underReplicated}`;
      }),
    },
  ],
};

export const REGIONS: Lesson[] = [CUT_OFF];
