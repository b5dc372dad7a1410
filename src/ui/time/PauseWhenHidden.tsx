// A laptop left open with the tab in the background must not heat up: when the page is
// hidden while time runs (playing or jumping), pause it, and on return say so. It never
// resumes by itself — the notice stays until dismissed or until Play runs time again.
import { useEffect, useRef, useState } from 'react';
import { selectJumpProgress, selectPlaying, useAppStore, useAppStoreApi } from '../../store';

export const HIDDEN_NOTICE = 'Paused while this tab was hidden — press Play to continue';

type Notice = null | { sawStopped: boolean };

export function PauseWhenHidden() {
  const store = useAppStoreApi();
  const pausedWhileHidden = useRef(false);
  const [notice, setNotice] = useState<Notice>(null);
  const running = useAppStore((s) => selectPlaying(s) || selectJumpProgress(s) !== null);

  useEffect(() => {
    const onChange = () => {
      if (document.visibilityState === 'hidden') {
        const { frame, actions } = store.getState();
        if (!frame || (!frame.playing && frame.jumpProgress === null)) return;
        actions.pause();
        if (frame.jumpProgress !== null) actions.cancelJump();
        pausedWhileHidden.current = true;
      } else if (pausedWhileHidden.current) {
        pausedWhileHidden.current = false;
        setNotice({ sawStopped: false });
      }
    };
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, [store]);

  // The frame saying "paused" can arrive only after the return (acks wait for an animation
  // frame, which a hidden page never gets); the notice goes once time runs again after that.
  if (notice && !notice.sawStopped && !running) setNotice({ sawStopped: true });
  if (notice?.sawStopped && running) setNotice(null);

  return (
    <div className="hidden-notice-region" role="status">
      {notice && (
        <div className="hidden-notice" data-testid="hidden-notice">
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 2h3v12H4zM9 2h3v12H9z" fill="currentColor" />
          </svg>
          <span className="hidden-notice-text">{HIDDEN_NOTICE}</span>
          <button type="button" className="btn btn-small" onClick={() => setNotice(null)} aria-label="Dismiss notice">
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
