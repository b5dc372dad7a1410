// The cluster's datacenters in the ring's colour order (view/datacenters.ts ringDcs), [] with
// fewer than two: what the counters and the charts colour a DC by, so they match the ring.
import { useMemo } from 'react';
import type { AppState } from '../../store';
import { useAppStore } from '../../store';
import { ringDcs } from '../../view/datacenters';

const NONE: readonly string[] = [];

/** A string, so that a frame that changes nothing about the DCs re-renders nothing. */
function selectRingDcsKey(s: AppState): string {
  const nodes = s.view?.nodes;
  if (!s.cluster?.datacenters || !nodes) return '';
  const order = s.cluster.nodes;
  return ringDcs(order, new Map(nodes.map((n) => [n.id, n.dc]))).join('\u0000');
}

export function useRingDcs(): readonly string[] {
  const key = useAppStore(selectRingDcsKey);
  return useMemo(() => (key ? key.split('\u0000') : NONE), [key]);
}
