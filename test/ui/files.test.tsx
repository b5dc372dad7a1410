// The Open dialog, the drop target, page paste and the Export menu, mounted with their own store.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../../src/engine';
import type { Report, ToWorker } from '../../src/protocol';
import { FilesBar } from '../../src/ui/files/FilesBar';
import { csvField, eventsToCsv } from '../../src/view/csv';
import { fileName } from '../../src/ui/exports/download';
import { commands, makeCluster, makeFrame, renderWithStore } from './fixtures';

const session = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'hintscope/session@1',
    scenario: defaultScenario(),
    log: [{ at: 1000.001, command: { type: 'kill', node: 'C' } }],
    at: 5000,
    ...over,
  });

const inits = (send: ReturnType<typeof vi.fn>) => commands(send).filter((m) => (m as ToWorker).type === 'init');

describe('Open…', () => {
  it('refuses bad pasted JSON, naming the field, and sends nothing to the worker', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<FilesBar />);
    await user.click(screen.getByTestId('import-open'));
    const box = screen.getByTestId('import-paste');
    fireEvent.change(box, { target: { value: session({ log: [{ at: 10, command: { type: 'kill', node: 'z' } }] }) } });
    await user.click(screen.getByTestId('import-paste-open'));
    expect(screen.getByTestId('import-error-field')).toHaveTextContent('log[0].command.node');
    expect(screen.getByTestId('import-error')).toHaveTextContent('unknown node "z"');
    expect(screen.getByTestId('import-error')).toHaveTextContent('The running session is unchanged.');
    expect(inits(send)).toEqual([]);
  });

  it('refuses a bad file from the picker', async () => {
    const user = userEvent.setup();
    const { send } = renderWithStore(<FilesBar />);
    await user.click(screen.getByTestId('import-open'));
    const file = new File([JSON.stringify({ ...defaultScenario(), cluster: { nodes: 3, replicationFactor: 5 } })], 'lab.json', { type: 'application/json' });
    await user.upload(screen.getByTestId('import-file-input'), file);
    await screen.findByTestId('import-error');
    expect(screen.getByTestId('import-error-field')).toHaveTextContent('cluster.replicationFactor');
    expect(screen.getByTestId('import-error')).toHaveTextContent('lab.json');
    expect(inits(send)).toEqual([]);
  });

  it('opens a good session: init with its log, then (once ready) runs to its moment', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<FilesBar />);
    await user.click(screen.getByTestId('import-open'));
    fireEvent.change(screen.getByTestId('import-paste'), { target: { value: session() } });
    await user.click(screen.getByTestId('import-paste-open'));
    expect(inits(send)).toEqual([{ type: 'init', scenario: defaultScenario(), log: [{ at: 1000.001, command: { type: 'kill', node: 'C' } }] }]);
    expect(commands(send).some((m) => (m as ToWorker).type === 'jumpTo')).toBe(false);
    act(() => store.getState().actions.receive({ type: 'ready', cluster: makeCluster({ name: 'Six nodes, Cassandra defaults' }) }));
    await waitFor(() => expect(screen.queryByTestId('import-dialog')).toBeNull());
    expect(commands(send)).toContainEqual({ type: 'jumpTo', atMs: 5000 });
    expect(screen.getByTestId('import-status')).toHaveTextContent('Opened “Six nodes, Cassandra defaults”');
  });

  it('a plain scenario file plays from the start', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<FilesBar />);
    await user.click(screen.getByTestId('import-open'));
    await user.upload(screen.getByTestId('import-file-input'), new File([JSON.stringify(defaultScenario())], 's.json'));
    await waitFor(() => expect(inits(send)).toHaveLength(1));
    expect(inits(send)[0]).toEqual({ type: 'init', scenario: defaultScenario() });
    act(() => store.getState().actions.receive({ type: 'ready', cluster: makeCluster() }));
    expect(commands(send)).toContainEqual({ type: 'play' });
  });

  it('shows the worker refusing a session in the dialog (not twice in the banner)', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<FilesBar />);
    await user.click(screen.getByTestId('import-open'));
    fireEvent.change(screen.getByTestId('import-paste'), { target: { value: session({ log: [{ at: 10, command: { type: 'dropMessage', id: 99 } }], at: 20 }) } });
    await user.click(screen.getByTestId('import-paste-open'));
    act(() => store.getState().actions.receive({ type: 'error', message: 'log[0].command.id: no message 99 is in flight' }));
    await screen.findByTestId('import-error');
    expect(screen.getByTestId('import-error')).toHaveTextContent('no message 99 is in flight');
    expect(store.getState().error).toBeNull();
    expect(store.getState().pendingScenario).toBeNull();
  });

  it('Ctrl/Cmd+V of JSON on the page opens it; inside a text field it does not', async () => {
    const { send } = renderWithStore(
      <>
        <input data-testid="other" />
        <FilesBar />
      </>,
    );
    const paste = (target: Element, text: string) => {
      const ev = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
      ev.clipboardData = { getData: () => text, files: [] };
      act(() => {
        target.dispatchEvent(ev);
      });
    };
    paste(screen.getByTestId('other'), session());
    expect(inits(send)).toEqual([]);
    paste(document.body, '{"format":"hintscope/scenario@1"}');
    await screen.findByTestId('import-error');
    expect(screen.getByTestId('import-error-field')).toHaveTextContent('name');
    expect(inits(send)).toEqual([]);
  });

  it('shows a drop target while a file is dragged, and refuses a bad drop', async () => {
    const { send } = renderWithStore(<FilesBar />);
    const file = new File(['{"format":"x"}'], 'bad.json');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    act(() => {
      fireEvent.dragEnter(window, { dataTransfer });
    });
    expect(screen.getByTestId('drop-overlay')).toHaveTextContent('Drop to open');
    act(() => {
      fireEvent.drop(window, { dataTransfer });
    });
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
    await screen.findByTestId('import-error');
    expect(screen.getByTestId('import-error-field')).toHaveTextContent('format');
    expect(inits(send)).toEqual([]);
  });

  it('ignores a drag of text (not a file)', () => {
    renderWithStore(<FilesBar />);
    act(() => {
      fireEvent.dragEnter(window, { dataTransfer: { types: ['text/plain'], files: [] } });
    });
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
  });
});

describe('Export menu', () => {
  let saved: { name: string; blob: Blob }[];
  beforeEach(() => {
    saved = [];
    let last: Blob | null = null;
    URL.createObjectURL = vi.fn((b: Blob) => {
      last = b;
      return 'blob:test';
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: last! });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('is a menu button: arrows move, Escape closes and returns focus', async () => {
    const user = userEvent.setup();
    renderWithStore(<FilesBar />);
    const button = screen.getByTestId('export-button');
    button.focus();
    await user.keyboard('{ArrowDown}');
    const items = screen.getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Session file .json · reopens this run',
      'Report .json · counts now',
      'Event log .csv',
      'Ring picture .svg',
      'Ring picture .png · with messages',
    ]);
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(items[4]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('saves the session file once the worker answers', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<FilesBar />, { frame: makeFrame({ now: 65_000 }) });
    await user.click(screen.getByTestId('export-button'));
    await user.click(screen.getByTestId('export-session'));
    expect(commands(send)).toContainEqual({ type: 'exportSession' });
    act(() =>
      store.getState().actions.receive({ type: 'session', scenario: defaultScenario(), commandLog: [{ at: 1.001, command: { type: 'heal' } }], traceHash: 'abc123', now: 65_000 }),
    );
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('hintscope-test-0h01m05s.session.json');
    const file = JSON.parse(await saved[0]!.blob.text());
    expect(file).toEqual({ format: 'hintscope/session@1', scenario: defaultScenario(), log: [{ at: 1.001, command: { type: 'heal' } }], at: 65_000, traceHash: 'abc123' });
  });

  it('saves the report the worker sends', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<FilesBar />);
    await user.click(screen.getByTestId('export-button'));
    await user.click(screen.getByTestId('export-report'));
    expect(commands(send)).toContainEqual({ type: 'report' });
    act(() => store.getState().actions.receive({ type: 'report', report: { format: 'hintscope/report@1', traceHash: 'f' } as unknown as Report, now: 0 }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(JSON.parse(await saved[0]!.blob.text())).toEqual({ format: 'hintscope/report@1', traceHash: 'f' });
  });

  it('saves the events recorded from the frames as CSV', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<FilesBar />);
    act(() =>
      store.getState().actions.receive({
        type: 'frame',
        frame: makeFrame({ now: 2000, log: [{ seq: 1, at: 1500.5, kind: 'write', node: 'A', key: 'k,1', text: 'Write "k,1"\nsecond line' }] }),
      }),
    );
    await user.click(screen.getByTestId('export-button'));
    await user.click(screen.getByTestId('export-events'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await saved[0]!.blob.text()).toBe('seq,time_ms,time,kind,node,key,text\r\n1,1500.5,0:00:01.500,write,A,"k,1","Write ""k,1""\nsecond line"\r\n');
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('=HYPERLINK("x")', true)).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1', false)).toBe('-1');
    expect(csvField(undefined)).toBe('');
    expect(eventsToCsv([])).toBe('seq,time_ms,time,kind,node,key,text\r\n');
  });

  it('names files after the scenario and the moment', () => {
    expect(fileName('Replica D down: ten minutes!', 3_723_000, 'ring.svg')).toBe('hintscope-replica-d-down-ten-minutes-1h02m03s.ring.svg');
    expect(fileName('???', 0, 'report.json')).toBe('hintscope-session-0h00m00s.report.json');
  });
});

describe('opening a long session', () => {
  it('shows the replay progress with a Cancel that stops it', async () => {
    const user = userEvent.setup();
    const { send, store } = renderWithStore(<FilesBar />);
    act(() => store.getState().actions.receive({ type: 'importProgress', progress: 0.42 }));
    expect(screen.getByTestId('import-progress')).toHaveTextContent('Opening the session… 42%');
    await user.click(screen.getByRole('button', { name: 'Cancel opening the session' }));
    expect(commands(send)).toContainEqual({ type: 'cancelImport' });
    act(() => store.getState().actions.receive({ type: 'importProgress', progress: null }));
    expect(screen.queryByTestId('import-progress')).toBeNull();
  });
});

describe('the paste box', () => {
  it('refuses over 1 MB without taking it in', async () => {
    const user = userEvent.setup();
    renderWithStore(<FilesBar />);
    await user.click(screen.getByTestId('import-open'));
    const box = screen.getByTestId('import-paste') as HTMLTextAreaElement;
    const big = '{"a":"' + 'x'.repeat(1_000_001) + '"}';
    act(() => {
      fireEvent.paste(box, { clipboardData: { getData: () => big } });
    });
    await screen.findByTestId('import-error');
    expect(screen.getByTestId('import-error-field')).toHaveTextContent('pasted text');
    expect(screen.getByTestId('import-error')).toHaveTextContent('larger than 1 MB');
    expect(box.value).toBe('');
  });
});

describe('openSession', () => {
  it('ignores an error about the running session while the replay goes on', async () => {
    const { openSession } = await import('../../src/store/files');
    const { parseImport } = await import('../../src/session');
    const { store, send } = renderWithStore(<></>);
    const done = openSession(store, parseImport(session(), 'paste'));
    act(() => store.getState().actions.receive({ type: 'importProgress', progress: 0 }));
    act(() => store.getState().actions.receive({ type: 'error', message: 'jump: the scenario has reached its end time' }));
    act(() => store.getState().actions.receive({ type: 'importProgress', progress: null }));
    act(() => store.getState().actions.receive({ type: 'ready', cluster: makeCluster() }));
    await expect(done).resolves.toEqual({ ok: true });
    expect(commands(send)).toContainEqual({ type: 'jumpTo', atMs: 5000 });
  });
});
