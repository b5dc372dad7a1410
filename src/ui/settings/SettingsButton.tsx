// The header's "Settings" button and the drawer it opens. Apply restarts the simulation;
// the drawer closes when the worker answers "ready", and shows the error if it refuses.
import { useEffect, useRef, useState } from 'react';
import { selectActions, selectCluster, selectError, selectScenario, useAppStore } from '../../store';
import { Drawer } from '../app/Drawer';
import { SettingsForm } from './SettingsForm';

function GearIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path
        fill="currentColor"
        d="M9.4 1l.4 1.9 1.3.6 1.7-1 1.4 1.4-1 1.7.6 1.3 1.9.4v2l-1.9.4-.6 1.3 1 1.7-1.4 1.4-1.7-1-1.3.6-.4 1.9h-2l-.4-1.9-1.3-.6-1.7 1-1.4-1.4 1-1.7-.6-1.3L1 9V7l1.9-.4.6-1.3-1-1.7 1.4-1.4 1.7 1 1.3-.6L7.4 1zM8.4 5.5a2.5 2.5 0 100 5 2.5 2.5 0 000-5z"
      />
    </svg>
  );
}

export function SettingsButton() {
  const cluster = useAppStore(selectCluster);
  const scenario = useAppStore(selectScenario);
  const error = useAppStore(selectError);
  const actions = useAppStore(selectActions);
  const [open, setOpen] = useState(false);
  /** The cluster that was running when Apply was pressed; a new one means the restart happened. */
  const [applyingFrom, setApplyingFrom] = useState<object | null>(null);
  /** The worker's refusal of the last apply. */
  const [refused, setRefused] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    setApplyingFrom(null);
    setRefused(null);
    button.current?.focus();
  };

  useEffect(() => {
    if (!applyingFrom || !cluster) return;
    if (cluster !== applyingFrom) {
      setOpen(false);
      setApplyingFrom(null);
      button.current?.focus();
    } else if (error) {
      setApplyingFrom(null);
      setRefused(error);
    }
  }, [cluster, error, applyingFrom]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn settings-button"
        data-testid="settings-open"
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={!cluster}
        onClick={() => setOpen(true)}
      >
        <GearIcon />
        Settings
      </button>
      {open && cluster && (
        <Drawer
          title="Settings"
          subtitle="Every setting of the scenario, beside the real system's name for it."
          onClose={close}
          initialFocus='input[name="preset"]:checked'
          testId="settings-drawer"
        >
          <SettingsForm
            cluster={cluster}
            scenario={scenario}
            workerError={refused}
            applying={applyingFrom !== null}
            onApply={(s) => {
              setRefused(null);
              setApplyingFrom(cluster);
              actions.applyScenario(s);
            }}
            onCancel={close}
          />
        </Drawer>
      )}
    </>
  );
}
