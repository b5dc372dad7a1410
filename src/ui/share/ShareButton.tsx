// "Share": asks the worker for the session and shows a link that reopens it exactly
import './share.css';
// (same scenario, same commands, same moment — the trace hash proves it).
import { useEffect, useRef, useState } from 'react';
import { selectActions, selectSession, useAppStore } from '../../store';
import { selectFrame } from '../../store/selectors';
import { encodeSession, MAX_LINK_CHARS } from '../../store/share';

export function ShareButton() {
  const actions = useAppStore(selectActions);
  const session = useAppStore(selectSession);
  const frame = useAppStore(selectFrame);
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const link = session ? `${window.location.origin}${window.location.pathname}${encodeSession({ scenario: session.scenario, log: session.commandLog, at: session.now })}` : '';
  const tooLong = link.length > MAX_LINK_CHARS;

  useEffect(() => {
    if (open && session) input.current?.select();
  }, [open, session]);

  const toggle = () => {
    if (!open) {
      actions.exportSession();
      setCopied(false);
    }
    setOpen(!open);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      input.current?.select();
    }
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
          <p className="share-lead">This link reopens the run exactly: the same scenario, every command you gave, up to this moment.</p>
          {session ? (
            <>
              <label className="share-label" htmlFor="share-link">Link</label>
              <div className="share-row">
                <input id="share-link" ref={input} readOnly value={tooLong ? '' : link} data-testid="share-link" />
                <button type="button" className="btn" onClick={copy} disabled={tooLong}>{copied ? 'Copied' : 'Copy'}</button>
              </div>
              {tooLong && <p role="alert">This session is too long for a link; export it as a file instead.</p>}
              <p className="share-hash">
                trace hash <code data-testid="share-trace">{session.traceHash}</code> at {(session.now / 1000).toFixed(3)} s
              </p>
            </>
          ) : (
            <p>Preparing the link…</p>
          )}
        </div>
      )}
      <span className="sr-only" data-testid="trace-hash">{frame?.traceHash ?? ''}</span>
    </div>
  );
}
