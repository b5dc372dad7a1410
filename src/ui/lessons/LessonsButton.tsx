// The "Lessons" button and the picker it opens: guided lessons and interview questions.
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { selectActions, useAppStore } from '../../store';
import { Drawer } from '../app/Drawer';
import { INTERVIEW, LESSONS, type Lesson } from '../../view/lessons/catalogue';
import type { LessonKind } from '../../protocol';
import { ProgressSummary } from './Progress';
import { useProgress } from './useProgress';
import './lessons.css';
import './play.css';
import './presenter.css';

/** ✓ done for a finished lesson; ✓ right / ✗ missed for an answered question; nothing otherwise. */
function Mark({ kind, id }: { kind: LessonKind; id: string }) {
  const p = useProgress();
  if (kind === 'lesson') return p.lessons.includes(id) ? <span className="lesson-mark done" data-testid={`done-lesson-${id}`}>✓ done</span> : null;
  if (!(id in p.interview)) return null;
  return p.interview[id] ? (
    <span className="lesson-mark done" data-testid={`done-interview-${id}`}>✓ right</span>
  ) : (
    <span className="lesson-mark missed" data-testid={`done-interview-${id}`}>✗ missed</span>
  );
}

function Card({ kind, lesson, index, onStart }: { kind: LessonKind; lesson: Lesson; index: number; onStart(): void }) {
  const question = kind === 'interview' ? (lesson as { question?: string }).question : undefined;
  return (
    <li className="lesson-card">
      <div className="lesson-card-text">
        <h4>
          <span className="lesson-card-num">{index + 1}.</span> {lesson.title} <Mark kind={kind} id={lesson.id} />
        </h4>
        <p className="lesson-card-summary">{question ?? lesson.summary}</p>
        <p className="lesson-card-story">{lesson.story}</p>
      </div>
      <button type="button" className="lesson-start" onClick={onStart} aria-label={`Start: ${lesson.title}`} data-testid={`start-${kind}-${lesson.id}`}>
        Start
      </button>
    </li>
  );
}

/**
 * A button that opens the picker. `section`: which list the picker scrolls to. Starting one closes
 * the picker; the player then takes the focus.
 */
export function LessonsButton({ section = 'lessons', label, className = 'btn', testId = 'lessons-button' }: { section?: 'lessons' | 'interview'; label: string; className?: string; testId?: string }) {
  const actions = useAppStore(selectActions);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const start = (kind: LessonKind, lesson: Lesson) => {
    actions.startLesson(kind, lesson.id, lesson.scenario);
    setOpen(false);
  };
  return (
    <>
      <button ref={button} type="button" className={className} onClick={() => setOpen(true)} aria-haspopup="dialog" aria-expanded={open} data-testid={testId}>
        {label}
      </button>
      {/* To the body: a panel's layout containment would make it the fixed drawer's containing block. */}
      {open &&
        createPortal(
        <Drawer
          title="Lessons and interview"
          subtitle="Each step acts on a live cluster and then checks what it claims."
          onClose={close}
          testId="lesson-picker"
          initialFocus={section === 'interview' ? `[data-testid="start-interview-${INTERVIEW[0]!.id}"]` : undefined}
        >
          <div className="drawer-body lesson-picker">
            <ProgressSummary />
            <h3 id="picker-lessons">Guided lessons</h3>
            <ol className="lesson-list" aria-labelledby="picker-lessons">
              {LESSONS.map((l, i) => (
                <Card key={l.id} kind="lesson" lesson={l} index={i} onStart={() => start('lesson', l)} />
              ))}
            </ol>
            <h3 id="picker-interview">Interview questions</h3>
            <p className="panel-note">Predict the outcome, watch the live demo, then read the model answer.</p>
            <ol className="lesson-list" aria-labelledby="picker-interview">
              {INTERVIEW.map((q, i) => (
                <Card key={q.id} kind="interview" lesson={q} index={i} onStart={() => start('interview', q)} />
              ))}
            </ol>
          </div>
        </Drawer>,
          document.body,
        )}
    </>
  );
}
