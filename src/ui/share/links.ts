// The link Share gives and the embed's "Open in HintScope" opens: inside a lesson or an interview
// question, the lesson link at the steps that have run (src/ui/lessons/link.ts reads it back)
// carrying the exact run after it (`&s=…`, opened instead if the lesson cannot be); otherwise the
// session's share link (scenario, commands, moment).
import type { LessonStatus } from '../../protocol';
import type { SessionMessage } from '../../store/state';
import { encodeSession } from '../../store/share';
import { LINK_PREFIX } from '../../session/link';

const base = () => `${window.location.origin}${window.location.pathname}`;

/** `#lesson=<id>[&step=<n>]` or `#interview=<id>[&predict=<k>&step=<n>]` for the steps run so far. */
export function lessonLink(status: LessonStatus, prediction: number | null): string {
  const step = status.ranThrough ?? 0;
  const parts = [`${status.kind}=${encodeURIComponent(status.id)}`];
  // An interview's demo runs only after a prediction: without one the link opens before step 1.
  if (status.kind === 'interview' && prediction !== null) parts.push(`predict=${prediction + 1}`);
  if (step > 0 && (status.kind === 'lesson' || prediction !== null)) parts.push(`step=${step}`);
  return `${base()}#${parts.join('&')}`;
}

/** The session's share link (a URL). */
export function sessionLink(session: Pick<SessionMessage, 'scenario' | 'commandLog' | 'now'>): string {
  return `${base()}${encodeSession({ scenario: session.scenario, log: session.commandLog, at: session.now })}`;
}

/** The later of two exported sessions (the user's own request, the store's own last good). */
export function freshest(a: SessionMessage | null, b: SessionMessage | null): SessionMessage | null {
  if (!a) return b;
  if (!b) return a;
  return b.now > a.now ? b : a;
}

/** One link for a share made inside a lesson: the lesson at its step, then the exact run. */
export function lessonShareLink(status: LessonStatus, prediction: number | null, session: Pick<SessionMessage, 'scenario' | 'commandLog' | 'now'>): string {
  const run = encodeSession({ scenario: session.scenario, log: session.commandLog, at: session.now });
  return `${lessonLink(status, prediction)}&s=${run.slice(LINK_PREFIX.length)}`;
}

/**
 * A fragment split into its lesson part (`#lesson=…&step=…`, or null) and its run (`#s=…`, or
 * null): a plain share link is all run, an old lesson link all lesson, Share's lesson link both.
 */
export function splitShared(hash: string): { lesson: string | null; session: string | null } {
  if (hash.startsWith(LINK_PREFIX)) return { lesson: null, session: hash };
  if (!/^#(lesson|interview)=/.test(hash)) return { lesson: null, session: null };
  const at = hash.indexOf('&s=');
  if (at < 0) return { lesson: hash, session: null };
  // The run is last: lz-string's URI alphabet has no '&', so everything after `&s=` is its body.
  return { lesson: hash.slice(0, at), session: `${LINK_PREFIX}${hash.slice(at + 3)}` };
}
