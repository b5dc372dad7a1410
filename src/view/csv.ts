// pure: the event log as CSV (RFC 4180: every field quoted when it holds a comma, a quote or a
// line break; quotes doubled; CRLF between records).
import type { LogEvent } from '../protocol';
import { formatClock } from './format';

export const CSV_COLUMNS = ['seq', 'time_ms', 'time', 'kind', 'node', 'key', 'text'] as const;

/**
 * One field. Text that a spreadsheet would run as a formula (=, +, -, @ first; keys and values
 * come from files and links) is prefixed with an apostrophe.
 */
export function csvField(v: string | number | undefined, text = false): string {
  let s = v === undefined ? '' : String(v);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function eventsToCsv(events: readonly LogEvent[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const e of events) {
    rows.push([
      csvField(e.seq),
      csvField(Number(e.at.toFixed(3))),
      csvField(formatClock(e.at), true),
      csvField(e.kind, true),
      csvField(e.node, true),
      csvField(e.key, true),
      csvField(e.text, true),
    ].join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
