// The Settings drawer's tests share these: a running cassandra cluster, and opening the drawer.
import { screen } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { PRESETS } from '../../src/engine';
import { makeCluster } from './fixtures';

export const cassandra = () => makeCluster({ settings: { ...PRESETS.cassandra } });

/** Clicks Settings in the header; the drawer it opens. */
export async function openSettings(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  return screen.getByRole('dialog', { name: 'Settings' });
}
