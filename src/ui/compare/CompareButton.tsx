// The top bar's way into the Compare view.
import type { Ref } from 'react';
import { selectCluster, useAppStore } from '../../store';
import './compareButton.css';

export function CompareButton({ onOpen, ref }: { onOpen(): void; ref?: Ref<HTMLButtonElement> }) {
  const ready = useAppStore(selectCluster) !== null;
  return (
    <button
      ref={ref}
      type="button"
      className="btn btn-small compare-open-button"
      data-testid="compare-button"
      disabled={!ready}
      onClick={onOpen}
      aria-label="Compare A/B"
      title="Compare: this session beside a copy with one setting changed"
    >
      <span className="compare-open-long" aria-hidden="true">
        Compare
      </span>
      <span className="compare-open-short" aria-hidden="true">
        A/B
      </span>
    </button>
  );
}
