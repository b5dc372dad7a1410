// The legend's toggles reach the canvas: MessageLayer hands drawMessages the hidden kinds.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageKind } from '../../src/protocol';
import * as draw from '../../src/view/canvas/drawMessages';
import { messageStyles } from '../../src/view/palette';
import { RingPanel } from '../../src/ui/ring/RingPanel';
import { fillRecordingContext } from './fakes';
import { makeFrame, makeMessage, renderWithStore } from './fixtures';

vi.mock('../../src/view/canvas/drawMessages', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/view/canvas/drawMessages')>();
  return { ...mod, drawMessages: vi.fn(mod.drawMessages) };
});

let canvas: ReturnType<typeof fillRecordingContext>;
const realGetContext = HTMLCanvasElement.prototype.getContext;

beforeEach(() => {
  canvas = fillRecordingContext();
  HTMLCanvasElement.prototype.getContext = (() => canvas) as unknown as typeof HTMLCanvasElement.prototype.getContext;
  // Reduced motion: the layer draws once per change (no animation loop to wait for).
  window.matchMedia = ((query: string) => ({
    matches: query.includes('reduced-motion'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  })) as unknown as typeof window.matchMedia;
});

afterEach(() => {
  HTMLCanvasElement.prototype.getContext = realGetContext;
  delete (window as { matchMedia?: unknown }).matchMedia;
  vi.mocked(draw.drawMessages).mockClear();
});

const messages = [
  makeMessage({ id: 1, kind: 'gossip', from: 'A', to: 'B' }),
  makeMessage({ id: 2, kind: 'echo', from: 'B', to: 'A' }),
  makeMessage({ id: 3, kind: 'mutation', from: 'A', to: 'C' }),
];

describe('Legend toggles', () => {
  it('hiding gossip takes it off the canvas: drawMessages gets the filter and draws no gossip', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<RingPanel />, { frame: makeFrame({ messages }) });
    const gossipColour = messageStyles(false).gossip.colour;
    expect(canvas.fills).toContain(gossipColour);

    const toggle = screen.getByRole('button', { name: 'gossip' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    canvas.fills.length = 0;
    await user.click(toggle);

    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(store.getState().hiddenMessages).toEqual(['gossip']);
    const last = vi.mocked(draw.drawMessages).mock.calls.at(-1)!;
    const hidden = last[4]?.hidden as ReadonlySet<MessageKind>;
    expect([...hidden].sort()).toEqual(['echo', 'gossip']);
    expect(canvas.fills).not.toContain(gossipColour);
    expect(canvas.fills).toContain(messageStyles(false).mutation.colour);
  });

  it('a second click shows the kind again', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<RingPanel />, { frame: makeFrame({ messages }) });
    await user.click(screen.getByRole('button', { name: 'write' }));
    expect(store.getState().hiddenMessages).toEqual(['mutation']);
    await user.click(screen.getByRole('button', { name: 'write' }));
    expect(store.getState().hiddenMessages).toEqual([]);
  });

  it('the node picked in the log reaches the canvas as a highlight', () => {
    const { store } = renderWithStore(<RingPanel />, { frame: makeFrame({ messages }) });
    // The store's clock in these tests is 0; the layer reads wall time, so stamp the flash with it.
    act(() => store.setState({ flash: { node: 'C', at: performance.now() } }));
    const last = vi.mocked(draw.drawMessages).mock.calls.at(-1)!;
    expect(last[4]?.highlight).toEqual({ node: 'C', strength: 1 });
  });
});
