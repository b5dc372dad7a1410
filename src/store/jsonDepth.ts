// pure: how deeply JSON text nests, measured without parsing it, so that untrusted text nested
// absurdly deep is refused before JSON.parse or any recursive walk sees it.

/** Objects and lists nested deeper than this are refused (a scenario needs 5). */
export const MAX_DEPTH = 32;

/** Deepest nesting of objects and lists in JSON text (strings skipped), stopping past `limit`. */
export function jsonDepth(text: string, limit = MAX_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}
