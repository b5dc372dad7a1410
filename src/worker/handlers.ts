// The host's table of handlers: one entry per message type of the protocol (ToWorker), each given
// the host's state and the message, already checked (protocol/validate). A new message adds one
// entry here and one schema there; the compiler holds the two to the protocol's union.
import type { Checked } from '../protocol/validate';
import type { Report, ToWorker } from '../protocol';
import { frameAcked, inspect } from './frames';
import { openSession } from './open';
import { cancelJump, jump, pause, play, setSpeed, step } from './pacing';
import { cancelStaging } from './staging';
import { post, requireSim, type HostState } from './state';
import { applyCommand, seek, seekRefused } from './travel';

type Kind = ToWorker['type'];
export type Handlers = { [T in Kind]: (s: HostState, msg: Extract<ToWorker, { type: T }>) => void };

export const handlers: Handlers = {
  init: (s, m) => {
    s.lessons.leave();
    openSession(s, m.scenario, m.log);
  },
  cancelImport: (s) => cancelStaging(s, 'Opening the session was cancelled. The running session is unchanged.'),
  seek: (s, m) => seek(s, m.atMs, m.id),
  frameAck: frameAcked,
  play,
  pause,
  setSpeed: (s, m) => setSpeed(s, m.speed),
  step,
  jump,
  jumpTo: jump,
  cancelJump,
  inspect: (s, m) => inspect(s, m.key),
  exportSession: (s) => {
    const sim = requireSim(s);
    if (sim) post(s, { type: 'session', scenario: s.scenarioInput, commandLog: [...sim.commandLog], traceHash: sim.traceHash(), now: sim.now });
  },
  report: (s) => {
    const sim = requireSim(s);
    if (sim) post(s, { type: 'report', report: sim.report() as Report, now: sim.now });
  },
  command: (s, m) => applyCommand(s, m.command),
  lesson: (s, m) => s.lessons.handle(m),
};

/** What a user's time control does to a lesson step that is running (it cuts it short). */
const INTERRUPTS: Partial<Record<Kind, string>> = { pause: 'pausing', cancelJump: 'cancelling the jump', step: 'stepping', jump: 'another jump', jumpTo: 'another jump', seek: 'time travel' };

/**
 * What any message of `type` does to a running lesson, before it is handled (or refused). True:
 * the lesson took it — pause and play hold and resume a step that plays its beats.
 */
function touchLesson(s: HostState, type: Kind): boolean {
  if ((type === 'pause' || type === 'play') && s.lessons.hold(type === 'pause')) return true;
  const cut = INTERRUPTS[type];
  if (cut) s.lessons.interrupt(cut);
  if (type === 'seek') s.lessons.invalidate();
  return false;
}

/** Handles a checked message, or tells the UI why it was refused. */
export function dispatch(s: HostState, checked: Checked): void {
  if (!checked.ok) return refuse(s, checked);
  const msg = checked.msg;
  if (touchLesson(s, msg.type)) return;
  (handlers[msg.type] as (s: HostState, msg: ToWorker) => void)(s, msg);
}

function refuse(s: HostState, bad: Extract<Checked, { ok: false }>): void {
  if (bad.type) touchLesson(s, bad.type);
  if (bad.type === 'seek') return seekRefused(s, bad.error, bad.seekId);
  post(s, { type: 'error', message: bad.error });
}
