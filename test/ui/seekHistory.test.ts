// A seek back keeps the UI's history up to the new moment (charts, fault marks, event log,
// selection, inspection); a new simulation clears it.
import { describe, expect, it } from 'vitest';
import type { LogEvent, MetricsSample } from '../../src/protocol';
import { createAppStore } from '../../src/store';
import { eventsUpTo, samplesUpTo } from '../../src/store/series';
import { makeCluster, makeFrame } from './fixtures';

const ev = (at: number, kind: LogEvent['kind'] = 'write'): LogEvent => ({ seq: at, at, kind, text: `${kind}@${at}` });
const sample = (now: number, hintsPending = now / 1000): MetricsSample => ({ now, writesAcknowledged: 0, writesFailed: 0, readsStale: 0, hintsPending, pendingByTarget: {}, underReplicated: 0, lostAcknowledgedWrites: 0 });

describe('series: truncating after a seek back', () => {
  it('keeps samples and events at or before the moment, in order; the same array when nothing is later', () => {
    const s = [sample(0), sample(1000), sample(2000), sample(3000)];
    expect(samplesUpTo(s, 2000).map((m) => m.now)).toEqual([0, 1000, 2000]);
    expect(samplesUpTo(s, 1999).map((m) => m.now)).toEqual([0, 1000]);
    expect(samplesUpTo(s, -1)).toEqual([]);
    expect(samplesUpTo(s, 3000)).toBe(s);
    const newestFirst = [ev(30), ev(20), ev(10)];
    expect(eventsUpTo(newestFirst, 20).map((e) => e.at)).toEqual([20, 10]);
    expect(eventsUpTo(newestFirst, 30)).toBe(newestFirst);
  });
});

function storeWithHistory() {
  const store = createAppStore(() => {}, { scheduleAck: () => {}, viewEveryMs: 0, now: () => 0 });
  const { receive } = store.getState().actions;
  receive({ type: 'ready', cluster: makeCluster() });
  receive({ type: 'frame', frame: makeFrame({ now: 1000, samples: [sample(0), sample(1000)], log: [ev(500), ev(900, 'fault')] }) });
  receive({ type: 'frame', frame: makeFrame({ now: 3000, samples: [sample(2000), sample(3000)], log: [ev(2500, 'fault'), ev(2900)] }) });
  store.getState().actions.select('C');
  store.getState().actions.inspect('k7');
  return store;
}

describe('app store: seek back vs a new simulation', () => {
  it('rewound truncates the charts, fault marks and log to the moment; selection and inspection stay; time then continues from there', () => {
    const store = storeWithHistory();
    const { receive } = store.getState().actions;
    receive({ type: 'rewound', now: 1500 });
    let st = store.getState();
    expect(st.series.map((m) => m.now)).toEqual([0, 1000]);
    expect(st.faults.map((e) => e.at)).toEqual([900]);
    expect(st.log.map((e) => e.at)).toEqual([900, 500]);
    expect(st.selected).toBe('C');
    expect(st.inspecting).toBe('k7');
    expect(st.cluster).not.toBeNull();
    // The run goes on from 1.5 s (a fork, say): new samples append, the discarded ones stay gone.
    receive({ type: 'frame', frame: makeFrame({ now: 2200, samples: [sample(1500, 9), sample(2200, 9)], log: [ev(2100)] }) });
    st = store.getState();
    expect(st.series.map((m) => [m.now, m.hintsPending])).toEqual([[0, 0], [1000, 1], [1500, 9], [2200, 9]]);
    expect(st.faults.map((e) => e.at)).toEqual([900]);
    expect(st.log.map((e) => e.at)).toEqual([2100, 900, 500]);
  });

  it('ready (init, lesson, import, settings) still clears the charts, log and selection', () => {
    const store = storeWithHistory();
    store.getState().actions.receive({ type: 'ready', cluster: makeCluster() });
    const st = store.getState();
    expect(st.series).toEqual([]);
    expect(st.faults).toEqual([]);
    expect(st.log).toEqual([]);
    expect(st.selected).toBeNull();
  });
});
