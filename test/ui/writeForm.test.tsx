import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MAX_KEY_LENGTH, MAX_VALUE_LENGTH, parseScenario } from '../../src/engine';
import { parseOperation } from '../../src/view/forms/validation';
import { WriteForm } from '../../src/ui/workload/WriteForm';
import { commands, makeCluster, renderWithStore } from './fixtures';

describe('WriteForm', () => {
  it('an empty key shows an error naming "key" and sends nothing', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<WriteForm />);
    await user.clear(screen.getByRole('textbox', { name: 'Key' }));
    await user.click(screen.getByRole('button', { name: 'Write' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/^key:/);
    expect(screen.getByRole('textbox', { name: 'Key' })).toHaveAttribute('aria-invalid', 'true');
    expect(commands(send)).toEqual([]);
  });

  it('sends a write with the chosen level and coordinator', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<WriteForm />);
    const key = screen.getByRole('textbox', { name: 'Key' });
    await user.clear(key);
    await user.type(key, 'k7');
    const value = screen.getByRole('textbox', { name: 'Value' });
    await user.clear(value);
    await user.type(value, 'v1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Consistency' }), 'ALL');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Coordinator' }), 'C');
    await user.click(screen.getByRole('button', { name: 'Write' }));
    expect(commands(send)).toEqual([
      { type: 'command', command: { type: 'write', key: 'k7', value: 'v1', consistency: 'ALL', coordinator: 'C' } },
    ]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a read at ANY is refused with an error naming "consistency"', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<WriteForm />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Consistency' }), 'ANY');
    await user.click(screen.getByRole('button', { name: 'Read' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/^consistency:/);
    expect(commands(send)).toEqual([]);
  });

  it('sends a read without a coordinator when none is chosen', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<WriteForm />);
    await user.click(screen.getByRole('button', { name: 'Read' }));
    expect(commands(send)).toEqual([{ type: 'command', command: { type: 'read', key: 'user:42', consistency: 'QUORUM' } }]);
  });

  it('allows exactly the key and value lengths the engine accepts', () => {
    const fields = (key: string, value: string) => ({ key, value, consistency: 'QUORUM' as const });
    const longest = parseOperation('write', fields('k'.repeat(MAX_KEY_LENGTH), 'v'.repeat(MAX_VALUE_LENGTH)));
    expect(longest.ok).toBe(true);
    // The engine takes that same write in a scenario.
    const write = { key: 'k'.repeat(MAX_KEY_LENGTH), value: 'v'.repeat(MAX_VALUE_LENGTH) };
    expect(() => parseScenario({ format: 'hintscope/scenario@1', name: 'n', until: '1m', workload: [{ write }] })).not.toThrow();
    expect(parseOperation('write', fields('k'.repeat(MAX_KEY_LENGTH + 1), 'v'))).toEqual({ ok: false, errors: { key: `key: at most ${MAX_KEY_LENGTH} characters` } });
    expect(parseOperation('write', fields('k', 'v'.repeat(MAX_VALUE_LENGTH + 1)))).toEqual({ ok: false, errors: { value: `value: at most ${MAX_VALUE_LENGTH} characters` } });
    expect(MAX_KEY_LENGTH).toBe(256);
    expect(MAX_VALUE_LENGTH).toBe(4096);
  });

  it('offers add / remove on an OR-set cluster and sends the chosen op', async () => {
    const user = userEvent.setup();
    const cluster = makeCluster({ preset: 'dynamo', settings: { conflictResolution: 'or-set' } });
    const { send } = renderWithStore(<WriteForm />, { cluster });
    const op = screen.getByRole('combobox', { name: 'Operation' });
    expect([...op.querySelectorAll('option')].map((o) => o.value)).toEqual(['add', 'remove']);
    const value = screen.getByRole('textbox', { name: 'Value' });
    await user.clear(value);
    await user.type(value, 'apples');
    await user.click(screen.getByRole('button', { name: 'Write' }));
    await user.selectOptions(op, 'remove');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Coordinator' }), 'A');
    await user.click(screen.getByRole('button', { name: 'Write' }));
    expect(commands(send)).toEqual([
      { type: 'command', command: { type: 'write', key: 'user:42', value: 'apples', consistency: 'QUORUM', op: 'add' } },
      { type: 'command', command: { type: 'write', key: 'user:42', value: 'apples', consistency: 'QUORUM', coordinator: 'A', op: 'remove' } },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Sent: remove apples from user:42 at QUORUM via A');
    // A read carries no op.
    await user.click(screen.getByRole('button', { name: 'Read' }));
    expect(commands(send)[2]).toEqual({ type: 'command', command: { type: 'read', key: 'user:42', consistency: 'QUORUM', coordinator: 'A' } });
  });

  it('offers no operation on a last-write-wins or vector-clock cluster, and its writes carry none', async () => {
    const user = userEvent.setup();
    for (const conflictResolution of ['lww', 'vector-clock']) {
      const { send, unmount } = renderWithStore(<WriteForm />, { cluster: makeCluster({ settings: { conflictResolution } }) });
      expect(screen.queryByRole('combobox', { name: 'Operation' })).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Write' }));
      expect(commands(send)).toEqual([{ type: 'command', command: { type: 'write', key: 'user:42', value: 'alice', consistency: 'QUORUM' } }]);
      unmount();
    }
  });
});
