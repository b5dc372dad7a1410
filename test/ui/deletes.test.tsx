// Deletes in the app: the Delete button beside Write and Read (last-write-wins clusters only), a
// tombstone drawn as one in the key inspector, the Deletes counters with "resurrected", and the
// settings note that hintTtl follows gcGrace, flagged when it is set longer.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseOperation } from '../../src/view/forms/validation';
import { fieldNote } from '../../src/view/settings/settingsModel';
import { replicaStatus } from '../../src/view/inspect';
import { WriteForm } from '../../src/ui/workload/WriteForm';
import { Counters } from '../../src/ui/panels/Counters';
import { commands, makeCluster, makeFrame, renderWithStore } from './fixtures';

describe('Delete in the write form', () => {
  it('is offered on a last-write-wins cluster and sends a delete with no value', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<WriteForm />, { cluster: makeCluster({ settings: { conflictResolution: 'lww' } }) });
    await user.clear(screen.getByRole('textbox', { name: 'Value' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Consistency' }), 'ALL');
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'delete', key: 'user:42', consistency: 'ALL' } }]);
    expect(screen.getByRole('status')).toHaveTextContent('Sent: delete user:42 at ALL');
  });
  it('is not offered under vector clocks or the OR-set (tombstones need last-write-wins)', () => {
    for (const conflictResolution of ['vector-clock', 'or-set']) {
      const { unmount } = renderWithStore(<WriteForm />, { cluster: makeCluster({ settings: { conflictResolution } }) });
      expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
      unmount();
    }
  });
  it('parseOperation: a delete needs a key, not a value; ANY is allowed', () => {
    expect(parseOperation('delete', { key: 'k', value: '', consistency: 'ANY' })).toEqual({ ok: true, command: { type: 'delete', key: 'k', consistency: 'ANY' } });
    expect(parseOperation('delete', { key: ' ', value: '', consistency: 'ONE' }).ok).toBe(false);
  });
});

describe('the key inspector after a delete', () => {
  const tomb = { value: '', writetime: 2_000_000, tombstone: true as const };
  it('a replica that purged the tombstone holds what it should; one with an older value is stale', () => {
    expect(replicaStatus([], [tomb])).toBe('current');
    expect(replicaStatus([tomb], [tomb])).toBe('current');
    expect(replicaStatus([{ value: 'v1', writetime: 1_000_000 }], [tomb])).toBe('stale');
  });
});

describe('the Deletes counters', () => {
  const sample = { now: 0, writesAcknowledged: 0, writesFailed: 0, readsStale: 0, hintsPending: 0, pendingByTarget: {}, underReplicated: 1, lostAcknowledgedWrites: 0 };
  it('appear once the run deletes, resurrected marked bad', () => {
    renderWithStore(<Counters />, { frame: makeFrame({ samples: [{ ...sample, deletesAcknowledged: 4, tombstonesPurged: 6, resurrected: 1 }] }) });
    expect(screen.getByTestId('counter-deletes-acked')).toHaveTextContent('4');
    expect(screen.getByTestId('counter-tombstones-purged')).toHaveTextContent('6');
    const z = screen.getByTestId('counter-resurrected');
    expect(z).toHaveTextContent('1');
    expect(z.closest('.counter')).toHaveClass('tone-bad');
  });
  it('are absent in a run without deletes', () => {
    renderWithStore(<Counters />, { frame: makeFrame({ samples: [sample] }) });
    expect(screen.queryByTestId('counter-resurrected')).not.toBeInTheDocument();
  });
});

describe('the hintTtl note', () => {
  it('says it defaults to gcGrace, and flags a hintTtl longer than gcGrace', () => {
    expect(fieldNote('hintTtl', { hintTtl: '10d', gcGrace: '10d' })).toEqual({ text: expect.stringMatching(/^Defaults to gcGrace/), flag: false });
    expect(fieldNote('hintTtl', { hintTtl: '3h', gcGrace: '1h' })).toMatchObject({ flag: true, text: expect.stringMatching(/^Longer than gcGrace \(1h\)/) });
    expect(fieldNote('gcGrace', { hintTtl: '3h', gcGrace: '1h' })).toBeNull();
  });
});
