// pure: the bounds every untrusted session, scenario or share link meets before it is parsed or
// walked, so absurd input is refused with a message rather than exhausting memory or the stack.
import { MAX_LOG_ENTRIES, MAX_SCENARIO_BYTES, utf8Bytes } from '../engine';

/** A file or a paste: at most this many bytes (UTF-8). */
export const MAX_FILE_BYTES = MAX_SCENARIO_BYTES;
/** Objects and lists nested deeper than this are refused (a scenario needs 5). */
export const MAX_DEPTH = 32;
/** A share link's compressed body, in characters. */
export const MAX_LINK_CHARS = 200_000;
/** The session a share link decompresses to, in characters. */
export const MAX_SESSION_CHARS = 1_000_000;
/** The latest moment a session may have reached: the longest scenario (30 days). */
export const MAX_AT_MS = 30 * 86_400_000;
/** Commands in a session's log (the engine's bound, checked by its checkLog). */
export { MAX_LOG_ENTRIES };

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

/** What is wrong with the text's nesting (measured without parsing it), or null. */
export function tooDeep(text: string): string | null {
  return jsonDepth(text) > MAX_DEPTH ? `nested deeper than ${MAX_DEPTH} levels` : null;
}

/** What is wrong with the text's size in UTF-8 bytes, or null. */
export function tooLarge(text: string): string | null {
  const bytes = utf8Bytes(text);
  if (bytes <= MAX_FILE_BYTES) return null;
  return `larger than 1 MB (${bytes.toLocaleString('en-US')} bytes); at most ${MAX_FILE_BYTES.toLocaleString('en-US')}`;
}
