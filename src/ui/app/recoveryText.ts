// pure: what the recovery banner says, in sentences a lecturer can read out.
import type { FailureCause, Recovery } from '../../store';
import { formatClock, formatCount } from '../../view/format';

const CAUSES: Record<FailureCause, string> = {
  memory: 'the engine ran out of memory.',
  error: 'the engine hit an error it could not recover from.',
  messageerror: 'the page could not read a message from the engine.',
  unresponsive: 'the engine stopped answering.',
};

/** The headline: what happened. */
export function stoppedBecause(cause: FailureCause): string {
  return `The simulation stopped: ${CAUSES[cause]}`;
}

const commands = (n: number) => `${formatCount(n)} command${n === 1 ? '' : 's'}`;

/** The line under the headline: what Restart will do, what it is doing, or what it did. */
export function recoveryLine(r: Recovery, progress: number | null): string {
  const s = r.session;
  switch (r.phase) {
    case 'failed':
      return s
        ? `Restart starts a fresh engine on the last good session (${commands(s.commands)}), runs it to ${formatClock(s.now)} and pauses there.`
        : 'Restart starts a fresh engine on the default cluster.';
    case 'restarting':
      if (!s) return 'Starting a fresh default cluster…';
      return progress === null ? `Restarting: running the session to ${formatClock(s.now)}…` : `Restarting: rebuilding the session… ${Math.round(progress * 100)} %`;
    case 'restored':
      return s ? `Restarted: the session is back at ${formatClock(s.now)} (${commands(s.commands)}), paused. Press Play to go on.` : 'Restarted.';
    case 'failedAgain':
      return 'The restart failed too: the same session stops the engine again, so it cannot be brought back. Start a fresh default cluster instead.';
  }
}
