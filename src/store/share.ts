// Share links: a session (scenario + command log) compressed into the URL fragment, so a link
// opens the same run (same trace hash). Links are untrusted: bounded in size before and after
// decompression; the engine validates the content and names any bad field.
// lz-string is CommonJS: a default import works in the bundle and in Node's ESM loader (the CLI),
// where named imports of it do not.
import LZString from 'lz-string';
import { jsonDepth, MAX_DEPTH } from './jsonDepth';

export const MAX_LINK_CHARS = 200_000;
export const MAX_SESSION_CHARS = 1_000_000;
const PREFIX = '#s=';
const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

export interface SharedSession {
  scenario: unknown;
  log?: unknown;
  /** Simulated ms the session had reached when shared; the link runs to it. */
  at?: number;
}

export function encodeSession(session: SharedSession): string {
  return PREFIX + compressToEncodedURIComponent(JSON.stringify({ v: 1, ...session }));
}

/** null when the fragment carries no session; throws an Error naming the problem when it is bad. */
export function decodeSession(hash: string): SharedSession | null {
  if (!hash.startsWith(PREFIX)) return null;
  const body = hash.slice(PREFIX.length);
  if (body.length > MAX_LINK_CHARS) throw new Error(`share link: longer than ${MAX_LINK_CHARS.toLocaleString('en-US')} characters`);
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(body);
  } catch {
    text = null;
  }
  if (!text) throw new Error('share link: not a HintScope link (it does not decompress)');
  if (text.length > MAX_SESSION_CHARS) throw new Error('share link: the session inside is larger than 1 MB');
  if (jsonDepth(text) > MAX_DEPTH) throw new Error(`share link: the session inside is nested deeper than ${MAX_DEPTH} levels`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('share link: the session inside is not JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('share link: expected a session object');
  const { v, scenario, log, at } = data as { v?: unknown; scenario?: unknown; log?: unknown; at?: unknown };
  if (v !== 1) throw new Error('share link: v: expected 1 (a link from a newer HintScope?)');
  if (scenario === undefined) throw new Error('share link: scenario: missing');
  if (at !== undefined && (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > 30 * 86_400_000)) throw new Error('share link: at: expected a time from 0 to 30d in ms');
  return at === undefined ? { scenario, log } : { scenario, log, at };
}
