// pure: how the settings form reads a typed number or a list of node names (the nodes field and
// the datacenter editor's members read the same way, so "3" and "A, B" mean one thing in both).
import { MAX_NODES } from '../../protocol';

/** A number as JSON writes it; anything else is passed on as typed for the engine to judge. */
export const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** "6" → 6; "A, B, C" → ["A", "B", "C"]; "" stays "". */
export function parseNodes(text: string): number | string[] | string {
  const t = text.trim();
  if (NUMBER.test(t)) return Number(t);
  if (t === '') return t;
  return t.split(/[\s,]+/).filter(Boolean);
}

/** The node names a nodes text stands for (a count names them n1..nN, as the format does); [] while it names none. */
export function nodeNames(text: string): string[] {
  const v = parseNodes(text);
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 && v <= MAX_NODES ? Array.from({ length: v }, (_, i) => `n${i + 1}`) : [];
  return Array.isArray(v) ? v : [];
}
