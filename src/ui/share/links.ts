// The link Share gives and the embed's "Open in HintScope" opens: inside a lesson or an interview
// question, the lesson link at the steps that have run (src/ui/lessons/link.ts reads it back);
// otherwise the session's share link (scenario, commands, moment).
import type { LessonStatus } from '../../protocol';
import type { SessionMessage } from '../../store/state';
import { encodeSession } from '../../store/share';

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
