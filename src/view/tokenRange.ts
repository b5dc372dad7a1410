// pure: which token range (a vnode) lies under a point of the ring, and how to say it: its owner
// and its tokens, Murmur3 longs from −2⁶³ to 2⁶³ − 1 (fraction 0 of a turn is Long.MIN_VALUE).
import type { TokenArc } from './geometry';

const TWO63 = 2 ** 63;

/** The arc holding `fraction` of a turn: each owns (start, end]; the first also takes the wrap. */
export function arcAt(arcs: readonly TokenArc[], fraction: number): number {
  if (arcs.length === 0) return -1;
  const f = fraction >= 0 && fraction < 1 ? fraction : ((fraction % 1) + 1) % 1;
  let lo = 0;
  let hi = arcs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arcs[mid]!.end < f) lo = mid + 1;
    else hi = mid;
  }
  // Past the last token the range wraps round to the first.
  return lo === arcs.length ? 0 : lo;
}

/** The token at a fraction of the ring (a double: exact to about three significant digits here). */
export const tokenAt = (fraction: number): number => fraction * 2 * TWO63 - TWO63;

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A token to three digits, as a reader takes it in: −4.07 × 10¹⁸. */
export function formatTokenShort(token: number): string {
  if (token === 0) return '0';
  const sign = token < 0 ? '−' : '';
  const exp = Math.floor(Math.log10(Math.abs(token)));
  const mant = Math.abs(token) / 10 ** exp;
  if (exp < 3) return `${sign}${Math.round(Math.abs(token))}`;
  const sup = String(exp).split('').map((d) => SUPERSCRIPT[Number(d)]).join('');
  return `${sign}${mant.toFixed(2)} × 10${sup}`;
}

/** "C owns tokens (−4.07 × 10¹⁸, −3.12 × 10¹⁸]: 5.2 % of the ring" for one range. */
export function describeArc(arc: TokenArc): string {
  const start = arc.start < 0 ? arc.start + 1 : arc.start;
  const share = (arc.end - arc.start) * 100;
  return `${arc.owner} owns tokens (${formatTokenShort(tokenAt(start))}, ${formatTokenShort(tokenAt(arc.end))}]: ${share < 0.1 ? share.toFixed(2) : share.toFixed(1)} % of the ring`;
}
