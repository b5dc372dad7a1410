// "Share": asks the worker for the session and shows a link that reopens it exactly (same
// scenario, same commands, same moment — the trace hash proves it); inside a lesson or an
// interview question, one link that opens the lesson at its step and carries the exact run too.
// "Embed" gives the link (the lesson's, inside one) as an iframe snippet for a blog post, at a
// size (ui/app/embed.ts).
import './share.css';
import { useEffect, useRef, useState } from 'react';
import { selectActions, selectLesson, selectPrediction, selectScenario, selectSession, useAppStore } from '../../store';
import { selectFrame } from '../../store/selectors';
import { MAX_LINK_CHARS } from '../../store/share';
import { EMBED_SIZES, embedSnippet } from '../app/embed';
import { embedCaption } from '../app/scenarioText';
import { lessonLink, lessonShareLink, sessionLink } from './links';

type Mode = 'link' | 'embed';

/**
 * The session's link once exported (the exact run: scenario, commands, moment); inside a lesson
 * or an interview question, the lesson at its step with the run after it, and the lesson's alone
 * (for the embed, and for a run too long to carry).
 */
function useShareLinks(): { link: string; lesson: string | null } {
  const session = useAppStore(selectSession);
  const lesson = useAppStore(selectLesson);
  const prediction = useAppStore(selectPrediction);
  if (!session) return { link: '', lesson: lesson ? lessonLink(lesson, prediction) : null };
  return { link: lesson ? lessonShareLink(lesson, prediction, session) : sessionLink(session), lesson: lesson ? lessonLink(lesson, prediction) : null };
}

function CopyRow({ id, value, testId, disabled, multiline }: { id: string; value: string; testId: string; disabled?: boolean; multiline?: boolean }) {
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    setCopied(false);
    field.current?.select();
  }, [value]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      field.current?.select();
    }
  };
  return (
    <div className="share-row">
      {multiline ? (
        <textarea id={id} ref={field} readOnly rows={4} value={value} data-testid={testId} />
      ) : (
        <input id={id} ref={field} readOnly value={value} data-testid={testId} />
      )}
      <button type="button" className="btn" onClick={copy} disabled={disabled}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}

function EmbedChoice({ link }: { link: string }) {
  const [size, setSize] = useState(0);
  const lesson = useAppStore(selectLesson);
  const scenario = useAppStore(selectScenario);
  const snippet = embedSnippet(link, EMBED_SIZES[size]!, embedCaption(lesson, 0, scenario));
  return (
    <>
      <label className="share-label share-size">
        Size{' '}
        <select value={String(size)} onChange={(e) => setSize(Number(e.target.value))} data-testid="share-embed-size">
          {EMBED_SIZES.map((s, i) => (
            <option key={s.label} value={String(i)}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="share-label" htmlFor="share-embed">
        Paste into a page
      </label>
      <CopyRow id="share-embed" value={snippet} testId="share-embed" multiline />
      <p className="share-note">The frame shows the ring, play/pause, the clock and a link that opens the full app at the same moment.</p>
    </>
  );
}

function ModeChoice({ mode, setMode }: { mode: Mode; setMode: (m: Mode) => void }) {
  return (
    <fieldset className="share-mode">
      <legend className="sr-only">Share as</legend>
      {(['link', 'embed'] as const).map((m) => (
        <label key={m} className={`share-mode-choice${mode === m ? ' on' : ''}`}>
          <input type="radio" name="share-mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`share-mode-${m}`} />
          {m === 'link' ? 'Link' : 'Embed'}
        </label>
      ))}
    </fieldset>
  );
}

function SharePanel() {
  const session = useAppStore(selectSession);
  const { link, lesson } = useShareLinks();
  const [mode, setMode] = useState<Mode>('link');
  // Inside a lesson a run too long to carry leaves the lesson's link, which still opens it at its step.
  const tooLong = link.length > MAX_LINK_CHARS + (lesson?.length ?? 0);
  const shown = tooLong && lesson ? lesson : link;
  if (!session) return <p>Preparing the link…</p>;
  return (
    <>
      <ModeChoice mode={mode} setMode={setMode} />
      {mode === 'embed' ? (
        // Inside a lesson the embed opens the lesson at its step (the reader gets the player's text too).
        lesson || !tooLong ? <EmbedChoice link={lesson ?? link} /> : <p role="alert">This session is too long for a link; export it as a file instead.</p>
      ) : (
        <>
          <label className="share-label" htmlFor="share-link">
            {lesson ? 'The lesson at this step, with this run' : 'Link'}
          </label>
          <CopyRow id="share-link" value={tooLong && !lesson ? '' : shown} testId="share-link" disabled={tooLong && !lesson} />
          {tooLong && <p role="alert">{lesson ? 'This run is too long to carry in the link: it opens the lesson at this step; export the run as a file to keep it exactly.' : 'This session is too long for a link; export it as a file instead.'}</p>}
        </>
      )}
      <p className="share-hash">
        trace hash <code data-testid="share-trace">{session.traceHash}</code> at {(session.now / 1000).toFixed(3)} s
      </p>
    </>
  );
}

export function ShareButton() {
  const actions = useAppStore(selectActions);
  const frame = useAppStore(selectFrame);
  const inLesson = useAppStore((s) => s.lesson !== null);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  const toggle = () => {
    if (!open) actions.exportSession();
    setOpen(!open);
  };

  return (
    <div className="share">
      <button ref={button} type="button" className="btn" aria-expanded={open} aria-controls="share-popover" onClick={toggle} data-testid="share-button">
        Share
      </button>
      {open && (
        <div
          id="share-popover"
          className="share-popover"
          role="dialog"
          aria-label="Share this session"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <p className="share-lead">
            {inLesson
              ? 'This link opens the lesson at this step (its steps re-run) and carries this exact run, every command up to this moment, which opens if the lesson cannot.'
              : 'This link reopens the run exactly: the same scenario, every command you gave, up to this moment.'}
          </p>
          <SharePanel />
        </div>
      )}
      <span className="sr-only" data-testid="trace-hash">{frame?.traceHash ?? ''}</span>
    </div>
  );
}
