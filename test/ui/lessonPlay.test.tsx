// A step that plays, in the player and on the ring: the beat bar and its controls, captions in the
// ring's colours, the callout anchored to a node or following a message, the lesson's key opened
// in the inspector, and reduced motion asking for still beats.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons';
import type { LessonCaption, LessonStatus } from '../../src/protocol';
import { LessonPlayer } from '../../src/ui/lessons/LessonPlayer';
import { LessonCallout } from '../../src/ui/ring/LessonCallout';
import { nodePositions, VIEW } from '../../src/view/geometry';
import { anchorPoint, calloutSide, captionSegments } from '../../src/view/lessons/captions';
import { nodeColour } from '../../src/view/palette';
import { commands, makeFrame, makeMessage, NODE_IDS, renderWithStore } from './fixtures';

const replay = LESSONS.find((l) => l.id === 'replay')!;
const crash: LessonCaption = { id: 'crash:C', at: 60_000, kind: 'fault', parts: [{ node: 'C' }, ', the third replica of ', { key: 'chat:42' }, ',', ' crashes.'], anchor: { node: 'C' } };
const page: LessonCaption = { id: 'page:E:C', at: 100_000, kind: 'message', parts: [{ node: 'E' }, ' sends a replay page to ', { node: 'C' }], anchor: { message: 7, from: 'E', to: 'C' } };

function running(over: Partial<LessonStatus> = {}): LessonStatus {
  return {
    kind: 'lesson', id: 'replay', title: replay.title, stepCount: replay.steps.length, phase: 'running', busyStep: 0, ranThrough: 0,
    verdicts: replay.steps.map(() => null), message: null, key: 'chat:42', captions: [crash],
    beat: { index: 0, count: 2, pace: 'fast', paused: false, slowNow: false, stepFrom: 60_000, stepTo: 91_000 },
    ...over,
  };
}

afterEach(() => {
  delete (window as { matchMedia?: unknown }).matchMedia;
});

describe('the player while a step plays', () => {
  it('shows the beat, its pace and progress; Pause, Resume and Skip to result go to the worker', async () => {
    const user = userEvent.setup();
    const { store, send } = renderWithStore(<LessonPlayer />, { frame: makeFrame({ now: 75_500 }) });
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: running() }));
    const bar = screen.getByTestId('lesson-beat');
    expect(bar).toHaveTextContent('Beat 1/2 · Fast: waiting');
    expect(screen.getByRole('progressbar', { name: 'Step progress' })).toHaveAttribute('aria-valuenow', '50');
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await user.click(screen.getByRole('button', { name: 'Skip to result' }));
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: running({ beat: { ...running().beat!, paused: true } }) }));
    expect(bar).toHaveAttribute('data-paused', 'true');
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(commands(send).filter((m) => (m as { type: string }).type === 'lesson')).toEqual([
      { type: 'lesson', op: 'pause' },
      { type: 'lesson', op: 'skip' },
      { type: 'lesson', op: 'resume' },
    ]);
  });

  it('captions name nodes as glyphs in their ring colours and keys in code; the lesson key opens in the inspector', () => {
    const { store, send } = renderWithStore(<LessonPlayer />);
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: running() }));
    const line = screen.getByTestId('lesson-captions');
    expect(line).toHaveTextContent('C, the third replica of chat:42, crashes.');
    const glyph = line.querySelector('[data-node="C"]') as HTMLElement;
    expect(glyph.style.background).toBe(hexToRgb(nodeColour(NODE_IDS.indexOf('C'))));
    expect(line.querySelector('code')).toHaveTextContent('chat:42');
    expect(store.getState().inspecting).toBe('chat:42');
    expect(commands(send)).toContainEqual({ type: 'inspect', key: 'chat:42' });
  });

  it('Run step asks for still beats under prefers-reduced-motion', async () => {
    window.matchMedia = ((query: string) => ({ matches: query.includes('reduced-motion'), media: query, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
    const user = userEvent.setup();
    const { store, send } = renderWithStore(<LessonPlayer />);
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: running({ phase: 'ready', busyStep: null, beat: null, captions: [] }) }));
    await user.click(screen.getByRole('button', { name: 'Run step' }));
    expect(commands(send)).toContainEqual({ type: 'lesson', op: 'run', step: 0, play: 'still' });
  });
});

describe('the callout on the ring', () => {
  const positions = nodePositions(NODE_IDS);

  it('points at the node the newest caption names', () => {
    const { store } = renderWithStore(<LessonCallout positions={positions} side={640} />);
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: running() }));
    const c = screen.getByTestId('ring-callout');
    const p = positions.get('C')!;
    expect(c).toHaveAttribute('data-anchor', 'C');
    expect(c.style.left).toBe(`${(p.x / VIEW) * 100}%`);
    expect(c.style.top).toBe(`${(p.y / VIEW) * 100}%`);
    expect(c).toHaveTextContent('C, the third replica of chat:42, crashes.');
  });

  it('follows a message as it travels, then stays at its target', () => {
    const m = makeMessage({ id: 7, kind: 'hint', from: 'E', to: 'C', sentAt: 100_000, deliverAt: 100_010 });
    const { store } = renderWithStore(<LessonCallout positions={positions} side={640} />, { frame: makeFrame({ now: 100_005, messages: [m] }) });
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: running({ captions: [crash, page] }) }));
    const e = positions.get('E')!;
    const c = positions.get('C')!;
    const left = parseFloat(screen.getByTestId('ring-callout').style.left);
    expect(left).toBeCloseTo((((e.x + c.x) / 2) / VIEW) * 100, 5);
    expect(anchorPoint(page.anchor!, positions, 100_020, [])).toEqual(c);
  });

  it('opens towards the centre and stays on the ring', () => {
    expect(calloutSide({ x: 600, y: 100 }, 640)).toMatchObject({ h: 'left', v: 'below', maxWidth: 574 });
    expect(calloutSide({ x: 40, y: 600 }, 640)).toMatchObject({ h: 'right', v: 'above', maxWidth: 574 });
    expect(calloutSide({ x: 320, y: 600 }, 320).h).toBe('centre');
    // A dangling appositive comma before a full stop goes.
    expect(captionSegments(['a', ',', '.'], [])).toEqual([{ text: 'a' }, { text: '.' }]);
  });
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
