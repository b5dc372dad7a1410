// Acting on one message in flight: click it on the paused canvas, or pick it from the list.
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newPlacement, placeMessage, type Placement } from '../../src/view/canvas/drawMessages';
import { glyphRadius, nodePositions } from '../../src/view/geometry';
import { LANE } from '../../src/ui/ring/MessageLayer';
import { RingPanel } from '../../src/ui/ring/RingPanel';
import { withSquareBoxes } from './fakes';
import { commands, makeFrame, makeMessage, NODE_IDS, renderWithStore } from './fixtures';

// The ring box at 640 × 640 CSS px: one pixel is one view unit.
withSquareBoxes(640);

const write = makeMessage({ id: 42, kind: 'mutation', from: 'A', to: 'C', sentAt: 1000, deliverAt: 1010 });
const ack = makeMessage({ id: 43, kind: 'mutation-ack', from: 'D', to: 'A', sentAt: 1000, deliverAt: 1010, doomed: true });

/** Where the canvas draws `m` at time `now` (the layer's inset and lane). */
function drawnAt(m: typeof write, now: number): Placement {
  const out: Placement = newPlacement();
  placeMessage(m, (now - m.sentAt) / (m.deliverAt - m.sentAt), nodePositions(NODE_IDS), glyphRadius(NODE_IDS.length) + 2, LANE, out);
  return out;
}

describe('Picking a message on the canvas', () => {
  it('when paused, a click on a message opens a popover whose Drop sends dropMessage', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<RingPanel />, { frame: makeFrame({ now: 1004, playing: false, messages: [write, ack] }) });
    const at = drawnAt(write, 1004);
    fireEvent.click(screen.getByTestId('ring-box'), { clientX: at.x + 1, clientY: at.y });
    const pop = screen.getByRole('dialog', { name: 'Message 42: write A → C' });
    expect(pop).toHaveTextContent('arrives in 6ms');
    expect(within(pop).getByRole('button', { name: 'Drop message' })).toHaveFocus();
    await user.click(within(pop).getByRole('button', { name: 'Drop message' }));
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'dropMessage', id: 42 } }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('Delay +1s holds the message back a second', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<RingPanel />, { frame: makeFrame({ now: 1004, playing: false, messages: [write] }) });
    const at = drawnAt(write, 1004);
    fireEvent.click(screen.getByTestId('ring-box'), { clientX: at.x, clientY: at.y });
    await user.click(screen.getByRole('button', { name: 'Delay +1s' }));
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'delayMessage', id: 42, byMs: 1000 } }]);
  });

  it('while time runs a click picks nothing, and the legend says to pause first', () => {
    renderWithStore(<RingPanel />, { frame: makeFrame({ now: 1004, playing: true, messages: [write] }) });
    const at = drawnAt(write, 1004);
    fireEvent.click(screen.getByTestId('ring-box'), { clientX: at.x, clientY: at.y });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('Drawn slowed down. Pause, then click a message to drop or delay it')).toBeInTheDocument();
  });

  it('a click away from every message closes the popover', () => {
    renderWithStore(<RingPanel />, { frame: makeFrame({ now: 1004, playing: false, messages: [write] }) });
    const at = drawnAt(write, 1004);
    fireEvent.click(screen.getByTestId('ring-box'), { clientX: at.x, clientY: at.y });
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    fireEvent.pointerDown(screen.getByTestId('ring-box'));
    fireEvent.click(screen.getByTestId('ring-box'), { clientX: 320, clientY: 600 });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('Escape closes the popover and gives focus back to where it was', async () => {
    const user = userEvent.setup();
    renderWithStore(<RingPanel />, { frame: makeFrame({ now: 1004, playing: false, messages: [write] }) });
    const toggle = screen.getByTestId('inflight-toggle');
    toggle.focus();
    const at = drawnAt(write, 1004);
    fireEvent.click(screen.getByTestId('ring-box'), { clientX: at.x, clientY: at.y });
    expect(screen.getByRole('button', { name: 'Drop message' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(toggle).toHaveFocus();
  });
});

describe('Messages in flight (the keyboard path)', () => {
  it('lists messages by kind and from → to; Drop sends dropMessage for that one', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<RingPanel />, { frame: makeFrame({ now: 1004, playing: false, messages: [write, ack] }) });
    act(() => screen.getByTestId('inflight-toggle').focus());
    await user.keyboard('{Enter}');
    const list = screen.getByRole('dialog', { name: 'Messages in flight' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('write A → C'),
      expect.stringContaining('ack D → A'),
    ]);
    expect(rows[1]).toHaveTextContent('will be lost');
    // Focus lands on the first message's Drop; Enter drops that message.
    expect(within(list).getByRole('button', { name: 'Drop write A → C (#42)' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'dropMessage', id: 42 } }]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('inflight-toggle')).toHaveFocus();
  });

  it('a message already lost cannot be dropped again', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<RingPanel />, { frame: makeFrame({ now: 1004, playing: false, messages: [ack] }) });
    await user.click(screen.getByTestId('inflight-toggle'));
    const drop = screen.getByRole('button', { name: 'Drop ack D → A (#43)' });
    expect(drop).toHaveAttribute('aria-disabled', 'true');
    await user.click(drop);
    expect(commands(send)).toEqual([]);
  });

  it('while time runs it offers to pause', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<RingPanel />, { frame: makeFrame({ now: 1004, playing: true, messages: [write] }) });
    await user.click(screen.getByTestId('inflight-toggle'));
    const list = screen.getByRole('dialog', { name: 'Messages in flight' });
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0);
    await user.click(within(list).getByRole('button', { name: 'Pause' }));
    expect(commands(send)).toEqual([{ type: 'pause' }]);
  });

  it('its button reads how many messages are in flight, drawn or not', () => {
    renderWithStore(<RingPanel />, { frame: makeFrame({ now: 1004, playing: true, messages: [write, ack], messagesOmitted: 1234 }) });
    expect(screen.getByTestId('messages-in-flight')).toHaveTextContent('1,236 messages in flight');
    expect(screen.getByTestId('inflight-toggle')).toHaveTextContent('1,236 messages in flight');
  });

  it('opened just before the messages arrive, it moves focus to the first one that can be dropped', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<RingPanel />, { frame: makeFrame({ now: 1000, playing: false, messages: [] }) });
    await user.click(screen.getByTestId('inflight-toggle'));
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    act(() => store.getState().actions.receive({ type: 'frame', frame: makeFrame({ now: 1004, playing: false, messages: [write] }) }));
    expect(screen.getByRole('button', { name: 'Drop write A → C (#42)' })).toHaveFocus();
  });
});
