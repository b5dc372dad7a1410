// pure: share links — a session (scenario + command log + moment) compressed into the URL
// fragment `#s=…`, so a link opens the same run (same trace hash). Links are untrusted: bounded in
// size before decompression and during it (lzBounded.ts stops once the output passes
// MAX_SESSION_CHARS, so a short link cannot expand to gigabytes first), then validated like a
// file, every error naming its field. lz-string (used to compress) is CommonJS: a default import
// works in the bundle and in Node's ESM loader (the CLI), where named imports of it do not.
import LZString from 'lz-string';
import { decompressBounded } from './lzBounded';
import { MAX_AT_MS, MAX_LINK_CHARS, MAX_SESSION_CHARS, tooDeep } from './bounds';
import { ImportError } from './errors';
import { refuseUnsafe, validateSession, type ImportedSession } from './file';

export const LINK_PREFIX = '#s=';
const { compressToEncodedURIComponent } = LZString;

/** What a share link carries (the `v: 1` it adds is its version). */
export interface SharedSession {
  scenario: unknown;
  log?: unknown;
  /** Simulated ms the session had reached when shared; the link runs to it. */
  at?: number;
}

/** A bad link: the message says `share link: [field: ]detail`; parseLink names the field `share link [field]`. */
class LinkError extends Error {
  constructor(readonly field: string, readonly detail: string) {
    super(`share link: ${field ? `${field}: ` : ''}${detail}`);
    this.name = 'LinkError';
  }
}

export function encodeSession(session: SharedSession): string {
  return LINK_PREFIX + compressToEncodedURIComponent(JSON.stringify({ v: 1, ...session }));
}

/** The link's body decompressed and parsed, within the bounds. */
function unpack(body: string): unknown {
  if (body.length > MAX_LINK_CHARS) throw new LinkError('', `longer than ${MAX_LINK_CHARS.toLocaleString('en-US')} characters`);
  const { text, overLimit } = decompressBounded(body, MAX_SESSION_CHARS);
  if (overLimit) throw new LinkError('', 'the session inside is larger than 1 MB');
  if (!text) throw new LinkError('', 'not a HintScope link (it does not decompress)');
  const deep = tooDeep(text);
  if (deep) throw new LinkError('', `the session inside is ${deep}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new LinkError('', 'the session inside is not JSON');
  }
}

/** null when the fragment carries no session; throws an Error naming the problem when it is bad. */
export function decodeSession(hash: string): SharedSession | null {
  if (!hash.startsWith(LINK_PREFIX)) return null;
  const data = unpack(hash.slice(LINK_PREFIX.length));
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new LinkError('', 'expected a session object');
  const { v, scenario, log, at } = data as { v?: unknown; scenario?: unknown; log?: unknown; at?: unknown };
  if (v !== 1) throw new LinkError('v', 'expected 1 (a link from a newer HintScope?)');
  if (scenario === undefined) throw new LinkError('scenario', 'missing');
  if (at !== undefined && (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > MAX_AT_MS)) throw new LinkError('at', 'expected a time from 0 to 30d in ms');
  return at === undefined ? { scenario, log } : { scenario, log, at };
}

/** True when the text is a share link (a URL or a bare fragment with `#s=`), not JSON. */
export function looksLikeLink(text: string): boolean {
  const t = text.trim();
  return !t.startsWith('{') && !t.startsWith('[') && t.includes(LINK_PREFIX);
}

/** A share link (a URL or its fragment `#s=…`), validated like a file; null when it carries no session. */
export function parseLink(hashOrUrl: string): ImportedSession | null {
  const t = hashOrUrl.trim();
  const i = t.indexOf(LINK_PREFIX);
  if (i < 0) return null;
  let shared;
  try {
    shared = decodeSession(t.slice(i));
  } catch (e) {
    if (e instanceof LinkError) throw new ImportError(e.field ? `share link ${e.field}` : 'share link', e.detail);
    throw e;
  }
  if (!shared) return null;
  try {
    refuseUnsafe(shared.scenario, ['scenario']);
    refuseUnsafe(shared.log, ['log']);
  } catch (e) {
    if (e instanceof ImportError) throw new ImportError(`share link ${e.field}`, e.detail);
    throw e;
  }
  const s = validateSession(shared.scenario, shared.log ?? [], shared.at);
  return { kind: 'session', ...s, traceHash: null };
}
