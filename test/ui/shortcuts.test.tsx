import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RingPanel } from '../../src/ui/ring/RingPanel';
import { commands, makeFrame, makeNode, NODE_IDS, renderWithStore } from './fixtures';

const withDown = (id: string) => makeFrame({ nodes: NODE_IDS.map((n) => (n === id ? makeNode(n, { up: false, serving: false }) : makeNode(n))) });

describe('Keyboard shortcuts on a focused node', () => {
  it('K kills the focused node', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<RingPanel />);
    act(() => screen.getByTestId('node-A').focus());
    await user.keyboard('k');
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'kill', node: 'A' } }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('node-A')).toHaveFocus();
  });

  it('W wipes, S slows, P repairs; R does nothing on a node that is up', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<RingPanel />);
    act(() => screen.getByTestId('node-C').focus());
    await user.keyboard('rWsp');
    expect(commands(send)).toEqual([
      { type: 'command', command: { type: 'kill', node: 'C', wipe: true } },
      { type: 'command', command: { type: 'slow', node: 'C', extraLatencyMs: 3000 } },
      { type: 'command', command: { type: 'repair', node: 'C' } },
    ]);
  });

  it('R restarts a dead node; K on it does nothing; Ctrl+R is left to the browser', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<RingPanel />, { frame: withDown('D') });
    act(() => screen.getByTestId('node-D').focus());
    await user.keyboard('k{Control>}r{/Control}');
    expect(commands(send)).toEqual([]);
    await user.keyboard('r');
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'restart', node: 'D' } }]);
  });

  it('the glyph announces its keys, and the menu shows each key beside its action', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<RingPanel />);
    const glyph = screen.getByTestId('node-B');
    expect(glyph).toHaveAttribute('aria-keyshortcuts', 'K W R S P');
    expect(glyph.getAttribute('aria-description')).toMatch(/K kill, W kill and wipe, R restart, S slow.*P repair/);
    await user.click(glyph);
    const menu = screen.getByRole('dialog', { name: 'Node B actions' });
    const kill = within(menu).getByRole('button', { name: 'Kill B' });
    expect(kill).toHaveAttribute('aria-keyshortcuts', 'K');
    expect(kill.querySelector('kbd')).toHaveTextContent('K');
    // The same keys work inside the open menu.
    await user.keyboard('p');
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'repair', node: 'B' } }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('on touch the glyph speaks of tapping, with no keys', () => {
    window.matchMedia = ((query: string) => ({ matches: query.includes('coarse'), media: query, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
    try {
      renderWithStore(<RingPanel />);
      const glyph = screen.getByTestId('node-B');
      expect(glyph).toHaveAttribute('aria-description', 'Double-tap opens its menu.');
      expect(glyph).not.toHaveAttribute('aria-keyshortcuts');
    } finally {
      delete (window as { matchMedia?: unknown }).matchMedia;
    }
  });
});
