// "Open a session": a file picker, a paste box, and the reason a file was refused (its field).
import { useId, useRef, useState } from 'react';
import { Drawer } from '../app/Drawer';
import { PASTE_HINT, wordsFor } from '../../view/inputWords';
import { useCoarsePointer } from '../common/hooks';
import { MAX_FILE_BYTES } from '../../store/sessionFile';
import type { ImportState } from './useImport';

export interface ImportDialogProps {
  state: ImportState;
  onClose(): void;
  onText(text: string): void;
  onFile(file: File): void;
  /** Text refused before it reaches the box (over 1 MB): the caller shows why. */
  onTooBig(bytes: number): void;
}

/** Why the last file was refused, naming its field. */
function ImportProblem({ problem }: { problem: NonNullable<ImportState['problem']> }) {
  return (
    <div className="import-error" role="alert" data-testid="import-error">
      <p className="import-error-title">
        Not opened: {problem.from} {problem.field ? 'has a problem in' : 'was refused'}
        {problem.field && (
          <>
            {' '}
            <code data-testid="import-error-field">{problem.field}</code>
          </>
        )}
      </p>
      <p className="import-error-detail">{problem.detail}</p>
      <p className="import-error-note">The running session is unchanged.</p>
    </div>
  );
}

function FileSection({ busy, onFile }: { busy: boolean; onFile(file: File): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="import-section" aria-labelledby="import-file-h">
      <h3 id="import-file-h">From a file</h3>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
      <button type="button" className="btn btn-primary import-choose" disabled={busy} onClick={() => input.current?.click()}>
        Choose a file…
      </button>
      <p className="import-hint">…or drop one anywhere on the page. At most {MAX_FILE_BYTES / 1_000_000} MB.</p>
    </section>
  );
}

function PasteSection({ busy, onText, onTooBig, onClose }: { busy: boolean } & Pick<ImportDialogProps, 'onText' | 'onTooBig' | 'onClose'>) {
  const [text, setText] = useState('');
  const pasteId = useId();
  const touch = useCoarsePointer();
  return (
    <section className="import-section" aria-labelledby="import-paste-h">
      <h3 id="import-paste-h">Paste</h3>
      <label htmlFor={pasteId} className="import-hint">
        {wordsFor(PASTE_HINT, touch)}
      </label>
      <textarea
        id={pasteId}
        className="import-paste"
        rows={6}
        spellCheck={false}
        value={text}
        data-testid="import-paste"
        onChange={(e) => setText(e.target.value)}
        onPaste={(e) => {
          // Over 1 MB never goes into the box (nor gets cut to look like other JSON).
          const pasted = e.clipboardData.getData('text/plain');
          if (pasted.length > MAX_FILE_BYTES) {
            e.preventDefault();
            onTooBig(pasted.length);
          }
        }}
      />
      <div className="import-actions">
        <button type="button" className="btn btn-primary" disabled={busy || text.trim() === ''} data-testid="import-paste-open" onClick={() => onText(text)}>
          {busy ? 'Opening…' : 'Open'}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </section>
  );
}

export function ImportDialog({ state, onClose, onText, onFile, onTooBig }: ImportDialogProps) {
  return (
    <Drawer
      title="Open a session"
      subtitle="A session file (Export → Session file), a scenario file, or a share link. The running session stays as it is unless the new one is valid."
      onClose={onClose}
      initialFocus=".import-choose"
      testId="import-dialog"
    >
      <div className="import-body">
        {state.problem && <ImportProblem problem={state.problem} />}
        <FileSection busy={state.busy} onFile={onFile} />
        <PasteSection busy={state.busy} onText={onText} onTooBig={onTooBig} onClose={onClose} />
      </div>
    </Drawer>
  );
}
