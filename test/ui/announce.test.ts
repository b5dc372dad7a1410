import { describe, expect, it } from 'vitest';
import { announcement, MAX_SENTENCES } from '../../src/view/announce';
import { APP_SHORTCUTS, appShortcutFor, ringNeighbour } from '../../src/view/shortcuts';
import { JUMPS } from '../../src/view/time/jumps';

const fault = (text: string) => ({ kind: 'fault', text });
const gossip = (text: string) => ({ kind: 'gossip', text });

describe('announcement: the live region gathers the changes a listener must hear', () => {
  it('a kill and its convictions make two sentences, the convicting nodes in order of arrival', () => {
    const said = announcement([
      fault('D crashed (disk survives)'),
      { kind: 'write', text: 'write k1 at QUORUM failed' },
      gossip('A convicts D (phi 8.3 > 8)'),
      gossip('A convicts D (phi 9.1 > 8)'),
      gossip('C convicts D (phi 8.4 > 8)'),
      gossip('B marks D down: it announced shutdown'),
    ]);
    expect(said).toBe('D killed. D marked down by A, C and B.');
  });

  it('wipes, restarts, partitions and heals have their own words; other events say nothing', () => {
    expect(announcement([fault('E crashed and its disk was wiped'), fault('E restarted; it serves clients once gossip has settled')])).toBe('E killed, disk wiped. E restarted.');
    expect(announcement([fault('Network partitioned: {A, B} | {C, D, E, F}'), fault('Partition healed')])).toBe('Network partitioned: {A, B} | {C, D, E, F}. Partition healed.');
    expect(announcement([fault('D is slow: +3000 ms per message'), { kind: 'hint', text: 'A stores a hint for D' }])).toBe('');
  });

  it('kills of several nodes are one sentence; past the limit the rest are counted', () => {
    expect(announcement([fault('A crashed (disk survives)'), fault('B crashed (disk survives)')])).toBe('A and B killed.');
    const many = ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => gossip(`X convicts ${n} (phi 9 > 8)`));
    const said = announcement(many);
    expect(said.match(/marked down/g)).toHaveLength(MAX_SENTENCES);
    expect(said).toMatch(/and 2 more changes\.$/);
  });
});

describe('the page-wide keys: one registry', () => {
  it('1–4 are the four jumps; letters match either case; modifiers leave keys to the browser', () => {
    expect(JUMPS.map((j, i) => appShortcutFor({ key: String(i + 1) })?.action)).toEqual(JUMPS.map((j) => ({ type: 'jump', byMs: j.byMs })));
    expect(appShortcutFor({ key: 'G' })?.action).toEqual({ type: 'ring' });
    expect(appShortcutFor({ key: 'l' })?.action).toEqual({ type: 'workload' });
    expect(appShortcutFor({ key: '?' })?.action).toEqual({ type: 'help' });
    expect(appShortcutFor({ key: 'g', ctrlKey: true })).toBeUndefined();
    expect(appShortcutFor({ key: 'x' })).toBeUndefined();
    expect(new Set(APP_SHORTCUTS.map((s) => s.key)).size).toBe(APP_SHORTCUTS.length);
  });

  it('ringNeighbour goes round the ring both ways', () => {
    const ring = ['A', 'B', 'C'];
    expect(ringNeighbour(ring, 'C', 1)).toBe('A');
    expect(ringNeighbour(ring, 'A', -1)).toBe('C');
    expect(ringNeighbour(ring, 'B', 1)).toBe('C');
    expect(ringNeighbour([], 'A', 1)).toBeUndefined();
  });
});

describe('touch wording', () => {
  it('says tap on a coarse pointer, click otherwise; no key line for the presenter on touch', async () => {
    const { pickHint, presenterKeysHint, wordsFor, CUT_HINT } = await import('../../src/view/inputWords');
    expect(pickHint(false, true)).toBe('Drawn slowed down. Pause, then tap a message to drop or delay it');
    expect(pickHint(false, false, true)).toBe('Arrows: recent traffic, held half a second or more. Pause, then click a message to drop or delay it');
    expect(pickHint(true, false)).toBe('Click a message to drop or delay it');
    expect(presenterKeysHint(true, true)).toBeNull();
    expect(presenterKeysHint(true, false)).toMatch(/1–4: predict/);
    expect(wordsFor(CUT_HINT, true)).not.toMatch(/Esc/);
  });
});
