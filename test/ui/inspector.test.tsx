import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { KeyInspection } from '../../src/protocol';
import { EventLog } from '../../src/ui/panels/EventLog';
import { keyInLogText, replicaStatus } from '../../src/view/inspect';
import { KeyInspector } from '../../src/ui/panels/KeyInspector';
import { RingPanel } from '../../src/ui/ring/RingPanel';
import { WriteForm } from '../../src/ui/workload/WriteForm';
import { commands, makeCluster, makeFrame, NODE_IDS, renderWithStore } from './fixtures';

/** user:42 on B, C, D (RF 3): C is down and missed the second write; A holds a hint for it. */
function inspection(over: Partial<KeyInspection> = {}): KeyInspection {
  return {
    key: 'user:42',
    token: '-4069959284402364209',
    position: 0.3,
    preferenceList: [
      { node: 'B', replica: true, up: true, versions: [{ value: 'bob', writetime: 2_000_000 }] },
      { node: 'C', replica: true, up: false, versions: [{ value: 'alice', writetime: 1_000_000 }] },
      { node: 'D', replica: true, up: true, versions: [{ value: 'bob', writetime: 2_000_000 }] },
      { node: 'E', replica: false, up: true, versions: [] },
      { node: 'F', replica: false, up: true, versions: [] },
      { node: 'A', replica: false, up: true, versions: [] },
    ],
    hints: [{ holder: 'A', target: 'C', value: 'bob', writetime: 2_000_000, createdAt: 2000, flushed: false }],
    acknowledged: [{ value: 'bob', writetime: 2_000_000 }],
    ...over,
  };
}

function inspecting(ui: ReactElement, insp: KeyInspection | null = inspection(), frameOver = {}) {
  const r = renderWithStore(ui, { frame: makeFrame({ now: 5000, inspection: insp, ...frameOver }) });
  act(() => r.store.getState().actions.inspect(insp?.key ?? 'user:42'));
  r.send.mockClear();
  return r;
}

describe('Key inspector', () => {
  it('typing a key and pressing Enter asks the worker to inspect it', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<KeyInspector />);
    await user.type(screen.getByRole('textbox', { name: 'Inspect key' }), 'user:42{Enter}');
    expect(commands(send)).toEqual([{ type: 'inspect', key: 'user:42' }]);
    expect(store.getState().inspecting).toBe('user:42');
  });

  it('refuses an empty key and names the field', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<KeyInspector />);
    await user.type(screen.getByRole('textbox', { name: 'Inspect key' }), '   {Enter}');
    expect(commands(send)).toEqual([]);
    expect(screen.getByRole('alert')).toHaveTextContent(/^key: /);
  });

  it('shows each replica with its value and writetime, in preference order', () => {
    inspecting(<KeyInspector />);
    const panel = screen.getByTestId('inspector');
    const rows = within(panel).getAllByTestId(/^inspector-row-/);
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(NODE_IDS.slice(1).concat('A').map((n) => `inspector-row-${n}`));
    const b = screen.getByTestId('inspector-row-B');
    expect(b).toHaveAttribute('data-rank', '1');
    expect(b).toHaveTextContent('bob');
    expect(b).toHaveTextContent('@00:02.000'); // writetime 2,000,000 µs
    expect(b).toHaveAttribute('data-status', 'current');
    expect(screen.getByTestId('inspector-token')).toHaveTextContent(/−4\s069\s959\s284\s402\s364\s209/);
    expect(screen.getByTestId('inspector-acked')).toHaveTextContent('bob');
    // The extended list is there, set apart from the replicas.
    expect(screen.getByTestId('inspector-row-E')).toHaveAttribute('data-status', 'extended');
    expect(screen.getByTestId('inspector-row-E')).toHaveAttribute('data-rank', '4');
  });

  it('flags the replica that is behind the acknowledged write, and says so in words', () => {
    inspecting(<KeyInspector />);
    const c = screen.getByTestId('inspector-row-C');
    expect(c).toHaveAttribute('data-status', 'stale');
    expect(c).toHaveTextContent('alice');
    expect(c).toHaveTextContent(/stale/i);
    expect(c).toHaveTextContent(/down/i);
    expect(screen.getByTestId('inspector-verdict')).toHaveTextContent('2 of 3 replicas have the acknowledged write; behind: C.');
  });

  it('lists the hint that carries the key: holder → target, age, buffered', () => {
    inspecting(<KeyInspector />);
    const hint = screen.getByTestId('inspector-hint-A-C');
    expect(hint).toHaveTextContent('A → C');
    expect(hint).toHaveTextContent('bob');
    expect(hint).toHaveTextContent('3s old'); // now 5 s, created at 2 s
    expect(hint).toHaveTextContent(/buffered/i);
  });

  it('shows siblings with their vector clocks (Dynamo / Riak)', () => {
    const insp = inspection({
      preferenceList: [
        {
          node: 'B',
          replica: true,
          up: true,
          versions: [
            { value: 'cart-1', writetime: 1_000_000, clock: { A: 1 } },
            { value: 'cart-2', writetime: 1_500_000, clock: { B: 1 } },
          ],
        },
      ],
      acknowledged: [{ value: 'cart-2', writetime: 1_500_000, clock: { B: 1 } }],
      hints: [],
    });
    inspecting(<KeyInspector />, insp);
    const b = screen.getByTestId('inspector-row-B');
    expect(b).toHaveTextContent('cart-1');
    expect(b).toHaveTextContent('{A:1}');
    expect(b).toHaveTextContent('{B:1}');
    expect(b).toHaveAttribute('data-status', 'current');
  });

  it('Close stops the inspection', async () => {
    const user = userEvent.setup();
    const { send, store } = inspecting(<KeyInspector />);
    await user.click(screen.getByRole('button', { name: 'Close the inspection of user:42' }));
    expect(commands(send)).toEqual([{ type: 'inspect', key: null }]);
    expect(store.getState().inspecting).toBeNull();
  });

  it('marks the key and its preference list on the ring, the stale replica flagged', () => {
    inspecting(<RingPanel />);
    expect(screen.getByTestId('key-marks')).toBeInTheDocument();
    expect(screen.getByTestId('rank-B')).toHaveAttribute('data-rank', '1');
    expect(screen.getByTestId('rank-C')).toHaveClass('rank-flagged');
    expect(screen.getByTestId('rank-D')).toHaveClass('rank-replica');
    expect(screen.getByTestId('rank-E')).toHaveClass('rank-extended');
    expect(screen.getByTestId('ring')).toHaveAccessibleName(/key user:42 marked, replicas B, C, D/);
  });

  it('a replica holding a tombstone is marked † on the ring; one still holding the deleted value is flagged', () => {
    const tomb = { value: '', writetime: 3_000_000, tombstone: true as const };
    const base = inspection();
    inspecting(<RingPanel />, inspection({
      preferenceList: base.preferenceList.map((e) => (e.node === 'B' || e.node === 'D' ? { ...e, versions: [tomb] } : e)),
      acknowledged: [tomb],
    }));
    expect(screen.getByTestId('rank-B')).toHaveAttribute('data-tombstone', 'true');
    expect(screen.getByTestId('rank-B')).toHaveTextContent('#1†');
    expect(screen.getByTestId('rank-C')).not.toHaveAttribute('data-tombstone');
    expect(screen.getByTestId('rank-C')).toHaveClass('rank-flagged');
  });
});

describe('Clicking a key', () => {
  it('in an event inspects that key', async () => {
    const user = userEvent.setup();
    const frame = makeFrame({ log: [{ seq: 1, at: 10, kind: 'write', node: 'A', text: 'Write user:42=alice at ALL via A' }] });
    const { send } = renderWithStore(<EventLog />, { frame });
    await user.click(screen.getByRole('button', { name: 'Inspect key user:42' }));
    expect(commands(send)).toEqual([{ type: 'inspect', key: 'user:42' }]);
  });

  it("in the write form inspects the form's key", async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<WriteForm />, { cluster: makeCluster() });
    const key = screen.getByRole('textbox', { name: 'Key' });
    await user.clear(key);
    await user.type(key, 'cart:7');
    await user.click(screen.getByRole('button', { name: 'Inspect key cart:7' }));
    expect(commands(send)).toEqual([{ type: 'inspect', key: 'cart:7' }]);
  });

  it('the inspector shows a key picked elsewhere in its field', () => {
    const { store } = renderWithStore(<KeyInspector />);
    act(() => store.getState().actions.inspect('k12'));
    expect(screen.getByRole('textbox', { name: 'Inspect key' })).toHaveValue('k12');
    fireEvent.change(screen.getByRole('textbox', { name: 'Inspect key' }), { target: { value: 'k13' } });
    expect(screen.getByRole('textbox', { name: 'Inspect key' })).toHaveValue('k13');
  });
});

describe('inspect helpers', () => {
  it('finds the key in write and read texts', () => {
    expect(keyInLogText('Write user:42=alice at QUORUM via A')?.key).toBe('user:42');
    expect(keyInLogText('Write k12 acknowledged at QUORUM (2 acks)')?.key).toBe('k12');
    expect(keyInLogText('Read k3 at ONE returned v1 — STALE')?.key).toBe('k3');
    expect(keyInLogText('Write k9 timed out at ALL: 2 of 3 acks')?.key).toBe('k9');
    expect(keyInLogText('D crashed (disk survives)')).toBeNull();
  });

  it('tells current, stale and missing apart (LWW and vector clocks)', () => {
    const acked = [{ value: 'b', writetime: 20 }];
    expect(replicaStatus([{ value: 'b', writetime: 20 }], acked)).toBe('current');
    expect(replicaStatus([{ value: 'c', writetime: 30 }], acked)).toBe('current');
    expect(replicaStatus([{ value: 'a', writetime: 10 }], acked)).toBe('stale');
    expect(replicaStatus([], acked)).toBe('missing');
    const vc = [{ value: 'x', writetime: 5, clock: { A: 2 } }];
    expect(replicaStatus([{ value: 'x', writetime: 5, clock: { A: 2 } }], vc)).toBe('current');
    expect(replicaStatus([{ value: 'w', writetime: 9, clock: { A: 1, B: 1 } }], vc)).toBe('stale');
  });
});
