// After the simulation worker failed: what happened in plain words, the raw detail folded away,
// and what can be done — Restart on the last good session, or, if that fails too, a fresh cluster.
import { useEffect, useRef } from 'react';
import { selectActions, selectImportProgress, selectRecovery, useAppStore } from '../../store';
import { recoveryLine, stoppedBecause } from './recoveryText';

export function RecoveryBanner() {
  const recovery = useAppStore(selectRecovery);
  const progress = useAppStore(selectImportProgress);
  const { restartWorker, startFresh, dismissRecovery } = useAppStore(selectActions);
  const action = useRef<HTMLButtonElement>(null);
  const phase = recovery?.phase;
  // The one thing to do next takes the focus, so a keyboard user can press Enter.
  useEffect(() => {
    if (phase === 'failed' || phase === 'failedAgain') action.current?.focus();
  }, [phase]);
  if (!recovery) return null;
  const broken = phase === 'failed' || phase === 'failedAgain';
  return (
    <div className={`recovery-banner recovery-${recovery.phase}`} role={broken ? 'alert' : 'status'} data-testid="recovery">
      <div className="recovery-text">
        <strong className="recovery-title">{phase === 'restored' ? 'The simulation is back.' : stoppedBecause(recovery.cause)}</strong>
        <span className="recovery-line" data-testid="recovery-line">
          {recoveryLine(recovery, progress)}
        </span>
        <details className="recovery-detail">
          <summary>Details</summary>
          <code>{recovery.detail}</code>
        </details>
      </div>
      <div className="recovery-actions">
        {phase === 'failed' && (
          <button ref={action} type="button" className="btn btn-primary" onClick={restartWorker} data-testid="recovery-restart">
            Restart
          </button>
        )}
        {phase === 'failedAgain' && (
          <button ref={action} type="button" className="btn btn-primary" onClick={startFresh} data-testid="recovery-fresh">
            Start a fresh cluster
          </button>
        )}
        {phase === 'restored' && (
          <button type="button" className="btn btn-small" onClick={dismissRecovery} aria-label="Dismiss the restart notice">
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
