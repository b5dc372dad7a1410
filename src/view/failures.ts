// pure: why the counted failures happened, grouped under the counter that counts them — the
// Counters panel's tooltips and its "Why?" list read this. Reads nothing but its arguments.
import type { FailureCode, Failures } from '../protocol';
import { formatCount } from './format';

export type FailureCounter = 'writes-failed' | 'reads-failed' | 'hints-dropped' | 'hints-expired' | 'hints-lost' | 'hint-replay';

/** Each counter's reasons, in the order a teacher explains them, with a short label each. */
export const FAILURE_REASONS: Record<FailureCounter, { title: string; reasons: [FailureCode, string][] }> = {
  'writes-failed': {
    title: 'Writes failed',
    reasons: [
      ['write-timeout', 'timed out: too few acks within the write timeout'],
      ['write-unavailable', 'unavailable: too few replicas believed alive'],
      ['write-coordinator', 'the coordinator was down, not serving yet, or crashed'],
      ['write-remove-unobserved', 'an OR-set remove of an element its coordinator holds no add of'],
    ],
  },
  'reads-failed': {
    title: 'Reads failed',
    reasons: [
      ['read-timeout', 'timed out: a replica did not answer within the read timeout'],
      ['read-unavailable', 'unavailable: too few replicas believed alive'],
      ['read-repair-timeout', 'the read-repair write was not acked in time'],
      ['read-coordinator', 'the coordinator was down, not serving yet, or crashed'],
    ],
  },
  'hints-dropped': {
    title: 'Hints dropped',
    reasons: [
      ['hint-window', 'the holder had believed the target down longer than the hint window'],
      ['hint-persistent-window', 'the oldest pending hint was older than the hint window'],
      ['hint-cap', 'the holder kept the most hints it may for that target'],
      ['hint-disabled', 'hinted handoff is disabled'],
    ],
  },
  'hints-expired': { title: 'Hints expired', reasons: [['hint-expired', 'older than the hint TTL: thrown away, never replayed']] },
  'hints-lost': { title: 'Hints lost', reasons: [['hint-lost', 'destroyed with their holder: a crash before the flush, or a wiped disk']] },
  'hint-replay': { title: 'Replay pages timed out', reasons: [['hint-page-timeout', 'the target did not ack a page in time; the next trigger resends it']] },
};

export interface ReasonRow {
  code: FailureCode;
  label: string;
  count: number;
  /** The latest sentence of this reason, from the engine. */
  example: string | null;
}

/** The reasons behind one counter that happened at least once, largest first. */
export function reasonsOf(failures: Failures | undefined, counter: FailureCounter): ReasonRow[] {
  if (!failures) return [];
  return FAILURE_REASONS[counter].reasons
    .map(([code, label]) => ({ code, label, count: failures.counts[code] ?? 0, example: failures.last[code] ?? null }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
}

/** A counter's tooltip: "25 timed out: … — latest: Read k17 at QUORUM failed: D did not answer…". */
export function reasonsTitle(failures: Failures | undefined, counter: FailureCounter): string | undefined {
  const rows = reasonsOf(failures, counter);
  if (rows.length === 0) return undefined;
  return rows.map((r) => `${formatCount(r.count)} ${r.label}${r.example ? ` — latest: ${r.example}` : ''}`).join('\n');
}
