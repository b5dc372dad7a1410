import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Counters } from '../../src/ui/panels/Counters';
import { HintQueues } from '../../src/ui/panels/HintQueues';
import { RingPanel } from '../../src/ui/ring/RingPanel';
import { makeCluster, makeFrame, makeNode, makeQueue, NODE_IDS, renderWithStore } from './fixtures';

const downD = () =>
  makeFrame({
    nodes: NODE_IDS.map((id) => (id === 'D' ? makeNode(id, { up: false, serving: false }) : makeNode(id))),
    hintQueues: [makeQueue('E', 'D', { pending: 12, replaying: true }), makeQueue('A', 'D', { pending: 3 })],
  });

describe('sloppy-quorum wording', () => {
  it('calls them stand-in copies in the queue view, the ring centre and the glyphs', () => {
    const cluster = makeCluster({ hintMode: 'sloppy-quorum', preset: 'dynamo' });
    renderWithStore(
      <>
        <HintQueues />
        <RingPanel />
        <Counters />
      </>,
      { cluster, frame: downD() },
    );
    const panel = screen.getByTestId('hint-queues');
    expect(within(panel).getByRole('heading')).toHaveTextContent('Stand-in copies');
    expect(within(panel).getByRole('columnheader', { name: 'stand-in → owner' })).toBeInTheDocument();
    expect(screen.getByTestId('hint-queue-E-D')).toHaveTextContent('handing off');
    expect(screen.getByTestId('ring')).toHaveTextContent('hinted replicas held');
    expect(screen.getByTestId('ring')).toHaveTextContent('by stand-ins for D');
    expect(screen.getByTestId('node-E')).toHaveAccessibleName(/12 pending stand-in copies held here/);
    expect(screen.getByRole('heading', { level: 3, name: 'Hints' })).toHaveAttribute('title', expect.stringMatching(/one hint = one stand-in copy/));
    expect(screen.getByText('handed off')).toBeInTheDocument();
    expect(panel).not.toHaveTextContent(/\bhints\b/);
  });

  it('keeps "hints" in coordinator mode', () => {
    renderWithStore(
      <>
        <HintQueues />
        <RingPanel />
      </>,
      { frame: downD() },
    );
    expect(within(screen.getByTestId('hint-queues')).getByRole('heading')).toHaveTextContent('Hint queues');
    expect(screen.getByTestId('ring')).toHaveTextContent('hints waiting for D');
    expect(screen.getByTestId('node-E')).toHaveAccessibleName(/12 pending hints held here/);
  });

  it('the empty state explains stand-ins', () => {
    renderWithStore(<HintQueues />, { cluster: makeCluster({ hintMode: 'sloppy-quorum' }) });
    expect(screen.getByTestId('hint-queues')).toHaveTextContent(/No stand-in copies.*next healthy node clockwise keeps a real copy/);
  });
});
