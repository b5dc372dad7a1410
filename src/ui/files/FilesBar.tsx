// The top bar's "Open" and "Export": the import dialog (file picker, paste box), a drop target
// over the whole page while a file is dragged, Ctrl/Cmd+V of a session anywhere outside a text
// field, share links pasted into the address bar of a running tab, and the Export menu.
import { useEffect, useRef, useState } from 'react';
import { selectActions, selectCluster, useAppStore, useAppStoreApi, type AppState } from '../../store';
import { recordEvents, type EventRecord } from '../../store/files';
import { looksLikeLink, MAX_FILE_BYTES } from '../../store/sessionFile';
import { ExportMenu } from '../exports/ExportMenu';
import { DropOverlay } from './DropOverlay';
import { ImportDialog } from './ImportDialog';
import { useImport } from './useImport';
import { splitEmbed } from '../app/embed';
import './files.css';

const selectImportProgress = (s: AppState) => s.importProgress;

function isTextField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  return t instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(t.type);
}

type Import = ReturnType<typeof useImport>;

/** The app's events recorded from the start, for the Export menu's CSV. */
function useEventRecord() {
  const store = useAppStoreApi();
  const [record, setRecord] = useState<EventRecord | null>(null);
  useEffect(() => {
    const r = recordEvents(store);
    setRecord(r);
    return () => r.stop();
  }, [store]);
  return record;
}

/** Ctrl/Cmd+V of a session outside a text field, and a share link pasted into the address bar. */
function usePageImports({ openText, openFile, openLink }: Pick<Import, 'openText' | 'openFile' | 'openLink'>) {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(e.target) || document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const file = e.clipboardData?.files?.[0];
      const t = text.trim();
      if (t.startsWith('{') || t.startsWith('[') || looksLikeLink(t)) {
        e.preventDefault();
        void openText(text, 'paste', 'pasted text');
      } else if (!t && file) {
        e.preventDefault();
        void openFile(file);
      }
    };
    const onHash = () => {
      // An embed link reloads the page as the embed (main.tsx); a plain share link opens here.
      if (window.location.hash.startsWith('#s=') && !splitEmbed(window.location.hash).embed) void openLink(window.location.hash);
    };
    document.addEventListener('paste', onPaste);
    window.addEventListener('hashchange', onHash);
    return () => {
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('hashchange', onHash);
    };
  }, [openText, openFile, openLink]);
}

/** A session's commands replaying, with Cancel. */
function ImportProgress() {
  const actions = useAppStore(selectActions);
  const progress = useAppStore(selectImportProgress);
  if (progress === null) return null;
  return (
    <div className="import-progress" data-testid="import-progress">
      <span role="status">Opening the session… {Math.floor(progress * 100)}%</span>
      <progress value={progress} max={1} aria-label="Replaying the session's commands" />
      <button type="button" className="btn btn-small" aria-label="Cancel opening the session" onClick={() => actions.cancelImport()}>
        Cancel
      </button>
    </div>
  );
}

export function FilesBar() {
  const cluster = useAppStore(selectCluster);
  const imp = useImport();
  const [open, setOpen] = useState(false);
  const record = useEventRecord();
  const button = useRef<HTMLButtonElement>(null);
  const { openText, openFile, clearProblem } = imp;
  const problem = imp.state.problem;

  // A problem found outside the dialog (a drop, a paste on the page, a link) opens it to show it.
  useEffect(() => {
    if (problem) setOpen(true);
  }, [problem]);
  usePageImports(imp);

  const close = () => {
    setOpen(false);
    clearProblem();
    button.current?.focus();
  };

  return (
    <>
      <div className="files-bar">
        <button
          ref={button}
          type="button"
          className="btn"
          aria-haspopup="dialog"
          aria-expanded={open}
          disabled={!cluster}
          data-testid="import-open"
          onClick={() => setOpen(true)}
        >
          Open…
        </button>
        <ExportMenu record={record} />
      </div>
      {open && (
        <ImportDialog
          state={imp.state}
          onClose={close}
          onText={async (text) => {
            if (await openText(text, 'paste', 'pasted text')) close();
          }}
          onFile={async (file) => {
            if (await openFile(file)) close();
          }}
          onTooBig={(n) => imp.refuse('pasted text', `larger than 1 MB (${n.toLocaleString('en-US')} characters); at most ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes`, 'pasted text')}
        />
      )}
      <DropOverlay
        onFile={async (file) => {
          if (await openFile(file)) setOpen(false);
        }}
      />
      <ImportProgress />
      <span className="sr-only" role="status" data-testid="import-status">
        {imp.state.busy ? 'Opening…' : imp.state.opened ? `Opened “${imp.state.opened}”` : ''}
      </span>
    </>
  );
}
