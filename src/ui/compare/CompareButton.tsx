// The top bar's way into the Compare view.
import type { Ref } from 'react';
import { selectCluster, useAppStore } from '../../store';

export function CompareButton({ onOpen, ref }: { onOpen(): void; ref?: Ref<HTMLButtonElement> }) {
  const ready = useAppStore(selectCluster) !== null;
  return (
    <button
      ref={ref}
      type="button"
      className="btn btn-small"
      data-testid="compare-button"
      disabled={!ready}
      onClick={onOpen}
      title="Run this session again beside a copy with one setting changed"
    >
      Compare
    </button>
  );
}
