import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EmbedApp } from '../../src/ui/app/EmbedApp';
import { EMBED_SIZES, embedSnippet, splitEmbed, withEmbed } from '../../src/ui/app/embed';
import { ScenarioTitle } from '../../src/ui/app/ScenarioTitle';
import { embedCaption, scenarioText } from '../../src/ui/app/scenarioText';
import { parseLessonLink } from '../../src/ui/lessons/link';
import { lessonLink, splitShared } from '../../src/ui/share/links';
import { ShareButton } from '../../src/ui/share/ShareButton';
import { describeWorkload, workloadOf } from '../../src/ui/workload/scenarioWorkload';
import { WorkloadPanel } from '../../src/ui/workload/WorkloadPanel';
import type { LessonStatus } from '../../src/protocol';
import { renderWithStore } from './fixtures';

const lessonStatus = (over: Partial<LessonStatus> = {}): LessonStatus => ({
  kind: 'lesson', id: 'hint-for-down-replica', title: 'A write with a replica down leaves a hint', stepCount: 4,
  phase: 'ready', busyStep: null, ranThrough: 2, verdicts: [], message: null, ...over,
});

const scenario = {
  format: 'hintscope/scenario@1', name: 'D dies under load', description: 'Writes at QUORUM while D is down.', seed: 7,
  cluster: { nodes: ['A', 'B', 'C', 'D', 'E', 'F'], vnodes: 8, replicationFactor: 3 },
  workload: [
    { from: '0s', to: '30d', rate: 20, keys: 1000, writeRatio: 0.8, consistency: 'QUORUM' },
    { at: '1m', write: { key: 'k1', value: 'v' } },
  ],
  until: '30d',
};

describe('the embed flag', () => {
  it('is taken off any link and kept apart; other parts stay', () => {
    expect(splitEmbed('#s=AbC-$+9&embed=1')).toEqual({ hash: '#s=AbC-$+9', embed: true });
    expect(splitEmbed('#lesson=x&step=2&embed=1')).toEqual({ hash: '#lesson=x&step=2', embed: true });
    expect(splitEmbed('#lesson=x&embed=1&step=2')).toEqual({ hash: '#lesson=x&step=2', embed: true });
    expect(splitEmbed('#embed=1')).toEqual({ hash: '', embed: true });
    expect(splitEmbed('#s=abc')).toEqual({ hash: '#s=abc', embed: false });
    expect(splitEmbed('#s=abc&embed=0')).toEqual({ hash: '#s=abc&embed=0', embed: false });
    expect(splitEmbed('')).toEqual({ hash: '', embed: false });
  });

  it('is added to a link, and the snippet escapes it for an attribute', () => {
    expect(withEmbed('https://x.org/app/#s=abc')).toBe('https://x.org/app/#s=abc&embed=1');
    expect(withEmbed('https://x.org/app/')).toBe('https://x.org/app/#embed=1');
    const html = embedSnippet('https://x.org/#lesson=a&step=1', EMBED_SIZES[1]!, 'Say "hi" <now>');
    expect(html).toBe('<iframe src="https://x.org/#lesson=a&amp;step=1&amp;embed=1" width="390" height="600" title="HintScope: Say &quot;hi&quot; &lt;now>" style="border:0;max-width:100%" loading="lazy"></iframe>');
  });
});

describe('lesson links from Share and the embed', () => {
  it('keep the lesson and the steps run; the lesson link reader reads them back', () => {
    const lesson = lessonLink(lessonStatus(), null);
    expect(lesson).toMatch(/#lesson=hint-for-down-replica&step=2$/);
    expect(parseLessonLink(lesson.slice(lesson.indexOf('#')))).toMatchObject({ kind: 'lesson', id: 'hint-for-down-replica', step: 2 });
    expect(lessonLink(lessonStatus({ ranThrough: 0 }), null)).toMatch(/#lesson=hint-for-down-replica$/);
    const q = lessonStatus({ kind: 'interview', id: 'quorum-replica-down', ranThrough: 1 });
    const withPrediction = lessonLink(q, 1);
    expect(withPrediction).toMatch(/#interview=quorum-replica-down&predict=2&step=1$/);
    expect(parseLessonLink(withPrediction.slice(withPrediction.indexOf('#')))).toMatchObject({ kind: 'interview', predict: 1, step: 1 });
    // No prediction yet: the question opens before its demo (a step needs a prediction).
    expect(lessonLink(q, null)).toMatch(/#interview=quorum-replica-down$/);
  });
});

describe('the scenario on screen', () => {
  it('names the scenario and its workload in words', () => {
    expect(scenarioText(scenario)).toEqual({ name: 'D dies under load', description: 'Writes at QUORUM while D is down.' });
    expect(scenarioText(null)).toEqual({ name: '', description: '' });
    expect(embedCaption(null, 0, scenario)).toBe('D dies under load');
    expect(embedCaption(lessonStatus(), 1, scenario)).toMatch(/^A write with a replica down leaves a hint — step 2: /);
    const w = describeWorkload(workloadOf(scenario), 5_000, 30 * 86_400_000);
    expect(w.generators).toEqual(['20 ops/s over 1,000 keys at QUORUM, 80% writes, for the whole run']);
    expect(w.singles).toBe('1 write at set times');
    expect(w.runningNow).toBe(true);
    expect(workloadOf({ not: 'a scenario' })).toEqual({ generators: [], writes: 0, reads: 0 });
  });

  it('shows the name and description over the ring, and the scenario workload instead of "Off"', () => {
    const { store } = renderWithStore(
      <>
        <ScenarioTitle />
        <WorkloadPanel />
      </>,
    );
    expect(screen.getByTestId('workload-note')).toHaveTextContent(/^Off\./);
    act(() => store.setState({ scenario }));
    expect(screen.getByTestId('scenario-name')).toHaveTextContent('D dies under load');
    expect(screen.getByTestId('scenario-description')).toHaveTextContent('Writes at QUORUM while D is down.');
    expect(screen.getByTestId('scenario-workload')).toHaveTextContent(/20 ops\/s over 1,000 keys at QUORUM/);
    expect(screen.getByTestId('workload-note')).not.toHaveTextContent(/^Off\./);
  });
});

describe('EmbedApp', () => {
  it('has the ring, play/pause, the clock, the caption and Open in HintScope — and no panels', () => {
    const { store, send } = renderWithStore(<EmbedApp />);
    act(() => store.setState({ scenario }));
    for (const id of ['ring', 'play-toggle', 'clock', 'embed-caption', 'embed-open']) expect(screen.getByTestId(id)).toBeInTheDocument();
    for (const id of ['counter-hints-pending', 'workload-toggle', 'share-button', 'speed']) expect(screen.queryByTestId(id)).toBeNull();
    expect(screen.getByTestId('embed-caption')).toHaveTextContent('D dies under load');
    act(() => store.getState().actions.receive({ type: 'session', scenario, commandLog: [], traceHash: '0123456789abcdef', now: 65_000 }));
    const open = screen.getByTestId('embed-open');
    expect(open).toHaveAttribute('target', '_blank');
    expect(open.getAttribute('href')).toMatch(/#s=/);
    expect(open.getAttribute('href')).not.toMatch(/embed/);
    fireEvent.click(screen.getByTestId('play-toggle'));
    expect(send.mock.calls.map((c) => c[0].type)).toContain('play');
  });

  it('inside a lesson, opens the lesson at its step', () => {
    const { store } = renderWithStore(<EmbedApp />);
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: lessonStatus() }));
    expect(screen.getByTestId('embed-open').getAttribute('href')).toMatch(/#lesson=hint-for-down-replica&step=2$/);
  });
});

describe('Share', () => {
  it('offers the link, or the embed snippet at a size; inside a lesson, one link with the lesson, its step and the run', () => {
    const { store } = renderWithStore(<ShareButton />);
    fireEvent.click(screen.getByTestId('share-button'));
    act(() => store.getState().actions.receive({ type: 'session', scenario, commandLog: [], traceHash: '0123456789abcdef', now: 65_000 }));
    expect((screen.getByTestId('share-link') as HTMLInputElement).value).toMatch(/#s=/);
    fireEvent.click(screen.getByTestId('share-mode-embed'));
    expect((screen.getByTestId('share-embed') as HTMLTextAreaElement).value).toMatch(/^<iframe src="[^"]*#s=[^"]*&amp;embed=1" width="720" height="480"/);
    fireEvent.change(screen.getByTestId('share-embed-size'), { target: { value: '1' } });
    expect((screen.getByTestId('share-embed') as HTMLTextAreaElement).value).toMatch(/width="390" height="600"/);
    expect(screen.queryByTestId('share-lesson-link')).toBeNull();
    act(() => store.getState().actions.receive({ type: 'lessonStatus', status: lessonStatus() }));
    // Inside a lesson the embed opens the lesson at its step; the links are the lesson's and this exact run's.
    expect((screen.getByTestId('share-embed') as HTMLTextAreaElement).value).toMatch(/#lesson=hint-for-down-replica&amp;step=2&amp;embed=1"/);
    fireEvent.click(screen.getByTestId('share-mode-link'));
    // One link: the lesson at its step, then the exact run (no separate lesson link beside).
    expect(screen.queryByTestId('share-lesson-link')).toBeNull();
    const link = (screen.getByTestId('share-link') as HTMLInputElement).value;
    expect(link).toMatch(/#lesson=hint-for-down-replica&step=2&s=[A-Za-z0-9+$-]+$/);
    expect(splitShared(link.slice(link.indexOf('#')))).toEqual({ lesson: '#lesson=hint-for-down-replica&step=2', session: `#s=${link.split('&s=')[1]}` });
  });
});

describe('splitShared', () => {
  it('reads a plain share link, an old lesson link and Share\'s lesson link with its run', () => {
    expect(splitShared('#s=ABC')).toEqual({ lesson: null, session: '#s=ABC' });
    expect(splitShared('#lesson=hint-for-down-replica&step=2')).toEqual({ lesson: '#lesson=hint-for-down-replica&step=2', session: null });
    expect(splitShared('#interview=quorum-replica-down&predict=2&step=1&s=A+b$-9')).toEqual({ lesson: '#interview=quorum-replica-down&predict=2&step=1', session: '#s=A+b$-9' });
    expect(splitShared('#settings')).toEqual({ lesson: null, session: null });
    expect(splitShared('')).toEqual({ lesson: null, session: null });
  });
});
