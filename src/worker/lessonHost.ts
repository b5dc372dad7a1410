// The lesson runner on the host: a step's commands take the very path of a user's `command`
// message, its `advanceMs` runs as a host jump (with the progress bar), paced when the step plays.
import { collectLog } from './frames';
import { createLessonRunner, type LessonRunner } from './lessonRunner';
import { openSession } from './open';
import { jumpFromNow } from './pacing';
import { post, type HostState } from './state';
import { applyCommand } from './travel';

export function hostLessons(s: HostState): LessonRunner {
  return createLessonRunner({
    init: (scenario) => {
      const before = s.sim;
      openSession(s, scenario);
      return s.sim !== before;
    },
    simulation: () => s.sim,
    command: (command) => applyCommand(s, command),
    jumpBy: (ms, pace) => jumpFromNow(s, ms, pace),
    pause: () => {
      s.playing = false;
    },
    post: (msg) => post(s, msg),
    collect: () => collectLog(s),
  });
}
