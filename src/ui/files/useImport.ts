// Turns text, a File or a link into an opened session, or into an error naming the field. Every
// check runs here on the main thread before the worker hears of it; the running session is
// untouched until the new one is valid (and, in the worker, built).
import { useCallback, useRef, useState } from 'react';
import { useAppStoreApi } from '../../store';
import { openSession } from '../../store/files';
import { ImportError, MAX_FILE_BYTES, parseImport, parseLink, type ImportedSession, type ImportSource } from '../../store/sessionFile';

export interface ImportProblem {
  /** The field path, e.g. `log[3].command.node` (empty when the worker refused the whole thing). */
  field: string;
  detail: string;
  /** Where it came from: "paper.json", "pasted text", "share link". */
  from: string;
}

export interface ImportState {
  busy: boolean;
  problem: ImportProblem | null;
  /** The last session opened, for the status line. */
  opened: string | null;
}

function problemOf(e: unknown, from: string): ImportProblem {
  if (e instanceof ImportError) return { field: e.field, detail: e.detail, from };
  return { field: '', detail: e instanceof Error ? e.message : String(e), from };
}

export function useImport() {
  const store = useAppStoreApi();
  const [state, setState] = useState<ImportState>({ busy: false, problem: null, opened: null });
  const busy = useRef(false);

  const open = useCallback(
    async (parse: () => ImportedSession | null, from: string): Promise<boolean> => {
      if (busy.current) {
        setState((s) => ({ ...s, problem: { field: '', detail: 'Another session is still opening: wait for it, or cancel it first.', from } }));
        return false;
      }
      let imported: ImportedSession | null;
      try {
        imported = parse();
      } catch (e) {
        setState((s) => ({ ...s, problem: problemOf(e, from) }));
        return false;
      }
      if (!imported) return false;
      busy.current = true;
      setState((s) => ({ ...s, busy: true, problem: null }));
      const result = await openSession(store, imported);
      busy.current = false;
      if (!result.ok) {
        // Shown in the dialog, not twice.
        store.getState().actions.dismissError();
        setState((s) => ({ ...s, busy: false, problem: { field: '', detail: result.message, from } }));
        return false;
      }
      setState({ busy: false, problem: null, opened: imported.name });
      return true;
    },
    [store],
  );

  const openText = useCallback((text: string, source: ImportSource, from: string) => open(() => parseImport(text, source), from), [open]);

  const openFile = useCallback(
    async (file: File): Promise<boolean> => {
      const from = file.name || 'file';
      if (file.size > MAX_FILE_BYTES) {
        return open(() => {
          throw new ImportError('file', `larger than 1 MB (${file.size.toLocaleString('en-US')} bytes); at most ${MAX_FILE_BYTES.toLocaleString('en-US')}`);
        }, from);
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        return open(() => {
          throw new ImportError('file', 'could not be read');
        }, from);
      }
      return openText(text, 'file', from);
    },
    [open, openText],
  );

  const openLink = useCallback((hash: string) => open(() => parseLink(hash), 'share link'), [open]);

  /** Shows a problem found before any parsing (text too big to even take). */
  const refuse = useCallback(
    (field: string, detail: string, from: string) =>
      void open(() => {
        throw new ImportError(field, detail);
      }, from),
    [open],
  );

  const clearProblem = useCallback(() => setState((s) => ({ ...s, problem: null })), []);

  return { state, openText, openFile, openLink, refuse, clearProblem };
}
