import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WriteForm } from '../../src/ui/WriteForm';
import { commands, renderWithStore } from './fixtures';

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
});
