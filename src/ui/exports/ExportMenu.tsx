// "Export ▾" in the top bar: the session as a file, the report as JSON, the event log as CSV,
// the ring as SVG or PNG. A menu button (arrow keys move, Escape closes and returns focus).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { usePointerDownOutside } from '../common/hooks';
import { selectCluster, useAppStore, useAppStoreApi } from '../../store';
import type { EventRecord } from '../../store/files';
import { download, fileName } from './download';
import { produce, type ExportKind } from './exporters';

const ITEMS: { kind: ExportKind; label: string; hint: string }[] = [
  { kind: 'session', label: 'Session file', hint: '.json · reopens this run' },
  { kind: 'report', label: 'Report', hint: '.json · counts now' },
  { kind: 'events', label: 'Event log', hint: '.csv' },
  { kind: 'svg', label: 'Ring picture', hint: '.svg' },
  { kind: 'png', label: 'Ring picture', hint: '.png · with messages' },
];

/** Produces one export and saves it; says what it saved, or why it failed. */
function useExportRun(record: EventRecord | null) {
  const store = useAppStoreApi();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (kind: ExportKind) => {
    setBusy(true);
    setStatus(null);
    try {
      const s = store.getState();
      const now = s.view?.now ?? s.frame?.now ?? 0;
      const out = await produce(kind, store, record, (suffix) => fileName(s.cluster?.name ?? 'session', now, suffix));
      download(out.name, out.blob);
      setStatus({ text: `Saved ${out.name}`, error: false });
    } catch (e) {
      setStatus({ text: `Export failed: ${(e as Error).message}`, error: true });
    } finally {
      setBusy(false);
    }
  };
  return { status, busy, run };
}

/** A menu's keys: arrows, Home and End move; Escape closes and returns focus; Tab closes. */
function menuKeyHandler(items: () => HTMLButtonElement[], close: (focus?: boolean) => void) {
  return (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (j: number) => {
      e.preventDefault();
      list[(j + list.length) % list.length]?.focus();
    };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') close(false);
  };
}

export function ExportMenu({ record }: { record: EventRecord | null }) {
  const cluster = useAppStore(selectCluster);
  const [open, setOpen] = useState(false);
  const { status, busy, run } = useExportRun(record);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  usePointerDownOutside([menu, button], () => setOpen(false), open);

  const close = (focus = true) => {
    setOpen(false);
    if (focus) button.current?.focus();
  };

  return (
    <div className="files-menu-wrap">
      <button
        ref={button}
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="export-menu"
        disabled={!cluster || busy}
        data-testid="export-button"
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {busy ? 'Exporting…' : 'Export'} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} id="export-menu" className="files-menu" role="menu" aria-label="Export" onKeyDown={menuKeyHandler(items, close)}>
          {ITEMS.map((it) => (
            <button
              key={it.kind}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="files-menu-item"
              data-testid={`export-${it.kind}`}
              onClick={() => {
                close();
                void run(it.kind);
              }}
            >
              <span>{it.label}</span> <span className="files-menu-hint">{it.hint}</span>
            </button>
          ))}
        </div>
      )}
      <span className={status?.error ? 'files-status files-status-error' : 'sr-only'} role={status?.error ? 'alert' : 'status'} data-testid="export-status">
        {status?.text ?? ''}
      </span>
    </div>
  );
}
