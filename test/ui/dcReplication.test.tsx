// Under-replicated keys per datacenter in the counters and the charts (issue #16): the split of the
// samples' underReplicatedByDc, each DC named in words and coloured as the ring colours it.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MetricsSample } from '../../src/protocol';
import { ChartsPanel } from '../../src/ui/charts/ChartsPanel';
import { Counters } from '../../src/ui/panels/Counters';
import { dcUnderLines } from '../../src/view/charts/chartModel';
import { dcLineStyle, nodeLineStyle } from '../../src/view/charts/seriesStyle';
import { dcRuns, dcTone, ringDcs } from '../../src/view/datacenters';
import { underByDc, underSplitText } from '../../src/view/dcReplication';
import { makeCluster, makeFrame, makeNode, NODE_IDS, renderWithStore } from './fixtures';

const sample = (now: number, over: Partial<MetricsSample> = {}): MetricsSample => ({
  now, writesAcknowledged: 0, writesFailed: 0, readsStale: 0, hintsPending: 0, pendingByTarget: {}, underReplicated: 0, lostAcknowledgedWrites: 0, ...over,
});

// The file names east first, yet the ring meets west first (A, B, C): west takes the first colour.
const DC_OF: Record<string, string> = { A: 'west', B: 'west', C: 'west', D: 'east', E: 'east', F: 'east' };
const dcCluster = () => makeCluster({ datacenters: [{ name: 'east', rf: 3, nodes: ['D', 'E', 'F'] }, { name: 'west', rf: 3, nodes: ['A', 'B', 'C'] }] });
const dcNodes = () => NODE_IDS.map((id) => makeNode(id, { dc: DC_OF[id] }));
const cut = [sample(0, { underReplicatedByDc: { east: 0, west: 0 } }), sample(60_000, { underReplicated: 412, underReplicatedByDc: { east: 412, west: 0 } })];

describe('view: the split and its colours', () => {
  it('orders DCs as the ring first meets them, which is the ring\'s colour index', () => {
    const order = ['A', 'D', 'B', 'E', 'C', 'F'];
    const dcOf = new Map(Object.entries({ A: 'y', B: 'y', C: 'y', D: 'x', E: 'x', F: 'x' }));
    expect(ringDcs(order, dcOf)).toEqual(['y', 'x']);
    for (const r of dcRuns(order, dcOf)) expect(ringDcs(order, dcOf)[r.index]).toBe(r.dc);
    expect(ringDcs(['A', 'B'], new Map([['A', 'x'], ['B', 'x']]))).toEqual([]);
    expect(ringDcs(['A', 'B'], new Map([['A', 'x'], ['B', undefined]]))).toEqual([]);
    expect([dcTone(0), dcTone(1), dcTone(6), dcTone(7)]).toEqual(['dc-0', 'dc-1', 'dc-0', 'dc-1']);
  });

  it('splits the latest sample per DC in that order, with words for it', () => {
    const split = underByDc(cut[1], ['west', 'east'])!;
    expect(split).toEqual([{ dc: 'west', tone: 'dc-0', count: 0 }, { dc: 'east', tone: 'dc-1', count: 412 }]);
    expect(underSplitText(412, split)).toBe('under-replicated 412 — west 0 · east 412');
    expect(underByDc(sample(0), ['west', 'east'])).toBeNull();
    expect(underByDc(cut[1], ['west'])).toBeNull();
  });

  it('draws one line per DC from the samples, none without the split', () => {
    expect(dcUnderLines(cut, ['west', 'east'])).toEqual([
      { dc: 'west', points: [[0, 0], [60_000, 0]] },
      { dc: 'east', points: [[0, 0], [60_000, 412]] },
    ]);
    expect(dcUnderLines([sample(0), sample(1000, { underReplicated: 3 })], ['west', 'east'])).toEqual([]);
    expect(dcUnderLines(cut, ['west'])).toEqual([]);
    // Colour by the ring's class; dash and marker as a node's, so two DCs differ without colour.
    expect(dcLineStyle(1)).toMatchObject({ tone: 'dc-1', dash: nodeLineStyle(1).dash, marker: nodeLineStyle(1).marker });
    expect(dcLineStyle(0).dash).not.toBe(dcLineStyle(1).dash);
  });
});

describe('Counters with datacenters', () => {
  it('shows under-replicated keys in any DC and per DC, each DC named and swatched in its ring colour', () => {
    renderWithStore(<Counters />, { cluster: dcCluster(), frame: makeFrame({ nodes: dcNodes(), samples: cut }) });
    const group = screen.getByTestId('counter-under-by-dc');
    expect(group).toHaveAccessibleName('under-replicated 412 — west 0 · east 412');
    expect(screen.getByTestId('counter-under-replicated')).toHaveTextContent('412');
    expect(screen.getByTestId('counter-under-dc-east')).toHaveTextContent('412');
    expect(screen.getByTestId('counter-under-dc-west')).toHaveTextContent('0');
    const east = screen.getByTestId('counter-under-dc-east').closest('.counter')!;
    expect(east.querySelector('dt')).toHaveTextContent('under-replicated in east');
    expect(east.querySelector('.dc-band')).toHaveClass('dc-1');
    expect(east).toHaveClass('tone-warn');
    expect(screen.getByTestId('counter-under-dc-west').closest('.counter')!.querySelector('.dc-band')).toHaveClass('dc-0');
    expect(screen.getByTestId('counter-under-dc-west').closest('.counter')).not.toHaveClass('tone-warn');
  });

  it('has no split without datacenters, or with one', () => {
    renderWithStore(<Counters />, { frame: makeFrame({ samples: [sample(0, { underReplicated: 5 })] }) });
    expect(screen.queryByTestId('counter-under-by-dc')).not.toBeInTheDocument();
  });

  it('has no split with a single named datacenter (nothing on the ring is coloured either)', () => {
    const one = makeCluster({ datacenters: [{ name: 'solo', rf: 3, nodes: NODE_IDS }] });
    renderWithStore(<Counters />, { cluster: one, frame: makeFrame({ nodes: NODE_IDS.map((id) => makeNode(id, { dc: 'solo' })), samples: [sample(0, { underReplicated: 5, underReplicatedByDc: { solo: 5 } })] }) });
    expect(screen.queryByTestId('counter-under-by-dc')).not.toBeInTheDocument();
  });
});

describe('ChartsPanel with datacenters', () => {
  it('draws under-replicated keys as one line per DC, labelled and coloured by the ring', () => {
    renderWithStore(<ChartsPanel />, { cluster: dcCluster(), frame: makeFrame({ nodes: dcNodes(), samples: cut }) });
    const chart = screen.getByTestId('chart-under');
    expect(within(chart).queryByTestId('under-line')).not.toBeInTheDocument();
    const east = within(chart).getByTestId('under-line-east');
    const west = within(chart).getByTestId('under-line-west');
    expect(east).toHaveTextContent('east 412');
    expect(west).toHaveTextContent('west 0');
    expect(east.querySelector('.chart-stroke')).toHaveClass('dc-band', 'dc-1');
    expect(west.querySelector('.chart-stroke')).toHaveClass('dc-band', 'dc-0');
    expect(east.querySelector('.chart-marker')).toHaveClass('dc-label', 'dc-1');
    expect(chart).toHaveAccessibleDescription(/412 acknowledged keys missing from some replica.*missing from a replica in west 0, east 412/);
    expect(screen.getByRole('tab', { name: 'Under-replicated' })).toBeInTheDocument();
  });

  it('keeps its one line without datacenters', () => {
    renderWithStore(<ChartsPanel />, { frame: makeFrame({ samples: [sample(0), sample(1000, { underReplicated: 7 })] }) });
    const chart = screen.getByTestId('chart-under');
    expect(within(chart).getByTestId('under-line')).toHaveTextContent('keys 7');
    expect(chart.querySelector('.dc-band')).toBeNull();
  });
});
