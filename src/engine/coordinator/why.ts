// pure: why a write or read failed and why a hint was dropped, expired, lost or its replay page
// timed out — counted per reason, with the latest sentence of each. Metadata only: nothing the
// simulation decides reads it, so traces and reports are unchanged by it.
import type { FailureCode, Failures } from '../api';
import { textOf, type LazyText } from '../core/log';

export class Why {
  counts: Partial<Record<FailureCode, number>> = {};
  /** Written only when shown (a run can fail hundreds of thousands of requests). */
  last: Partial<Record<FailureCode, LazyText>> = {};

  /** Counts `n` failures of one reason; `text` (when given) becomes its latest example. */
  record(code: FailureCode, text?: LazyText, n = 1): void {
    this.counts[code] = (this.counts[code] ?? 0) + n;
    if (text !== undefined) this.last[code] = text;
  }

  view(): Failures {
    const last: Failures['last'] = {};
    for (const code in this.last) {
      const c = code as FailureCode;
      const text = textOf(this.last[c]!);
      this.last[c] = text;
      last[c] = text;
    }
    return { counts: { ...this.counts }, last };
  }
}
