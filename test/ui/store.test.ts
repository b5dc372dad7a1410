import { describe, expect, it, vi } from 'vitest';
import type { LogEvent, ToWorker } from '../../src/protocol';
import { createAppStore, LOG_LIMIT } from '../../src/store';
import { makeFrame } from './fixtures';

const ev = (seq: number): LogEvent => ({ seq, at: seq, kind: 'write', text: `e${seq}` });

describe('app store', () => {
  it('stores each frame and acknowledges it only when the scheduled ack runs', () => {
    const send = vi.fn<(m: ToWorker) => void>();
    const pending: (() => void)[] = [];
    const store = createAppStore(send, { scheduleAck: (fn) => pending.push(fn) });
    const frame = makeFrame({ now: 1234 });
    store.getState().actions.receive({ type: 'frame', frame });
    expect(store.getState().frame).toBe(frame);
    expect(send).not.toHaveBeenCalled();
    pending.forEach((fn) => fn());
    expect(send).toHaveBeenCalledWith({ type: 'frameAck' });
  });

  it('keeps the latest events newest first, bounded', () => {
    const store = createAppStore(() => {}, { scheduleAck: (fn) => fn() });
    const { receive } = store.getState().actions;
    receive({ type: 'frame', frame: makeFrame({ log: [ev(1), ev(2)] }) });
    receive({ type: 'frame', frame: makeFrame({ log: Array.from({ length: LOG_LIMIT }, (_, i) => ev(3 + i)), logSkipped: 5 }) });
    const log = store.getState().log;
    expect(log).toHaveLength(LOG_LIMIT);
    expect(log[0]!.seq).toBe(LOG_LIMIT + 2);
    expect(log[log.length - 1]!.seq).toBe(3);
    expect(store.getState().logSkipped).toBe(5);
  });

  it('toggles play by what the last frame says', () => {
    const send = vi.fn<(m: ToWorker) => void>();
    const store = createAppStore(send, { scheduleAck: () => {} });
    store.getState().actions.receive({ type: 'frame', frame: makeFrame({ playing: true }) });
    store.getState().actions.togglePlay();
    expect(send).toHaveBeenLastCalledWith({ type: 'pause' });
    store.getState().actions.receive({ type: 'frame', frame: makeFrame({ playing: false }) });
    store.getState().actions.togglePlay();
    expect(send).toHaveBeenLastCalledWith({ type: 'play' });
  });

  it('keeps worker errors until dismissed', () => {
    const store = createAppStore(() => {});
    store.getState().actions.receive({ type: 'error', message: 'cluster.nodes: bad' });
    expect(store.getState().error).toBe('cluster.nodes: bad');
    store.getState().actions.dismissError();
    expect(store.getState().error).toBeNull();
  });
});
