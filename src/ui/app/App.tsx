// The page: header with time controls, the ring stage, and two columns of panels.
import { lazy, Suspense, useRef, useState } from 'react';
import { selectCluster, selectPresenter, useAppStore } from '../../store';
import { CompareButton } from '../compare/CompareButton';
import { ChartsPanel } from '../charts/ChartsPanel';
import { Controls } from '../time/Controls';
import { PauseWhenHidden } from '../time/PauseWhenHidden';
import { TimeBar } from '../time/TimeBar';
import { Counters } from '../panels/Counters';
import { ErrorBanner } from './ErrorBanner';
import { RecoveryBanner } from './RecoveryBanner';
import { ScenarioTitle } from './ScenarioTitle';
import { EventLog } from '../panels/EventLog';
import { BeliefPanel } from '../panels/BeliefPanel';
import { HintQueues } from '../panels/HintQueues';
import { KeyInspector } from '../panels/KeyInspector';
import { LessonPlayer } from '../lessons/LessonPlayer';
import { PresenterKeys } from '../lessons/PresenterKeys';
import { NetworkPanel } from '../panels/NetworkPanel';
import { RingPanel } from '../ring/RingPanel';
import { SettingsButton } from '../settings/SettingsButton';
import { ShareButton } from '../share/ShareButton';
import { FilesBar } from '../files/FilesBar';
import { SettingsReadout } from '../settings/SettingsReadout';
import { WorkloadPanel } from '../workload/WorkloadPanel';
import { AppKeys } from './AppKeys';
import { LearnLink } from './LearnLink';
import { LiveAnnouncer } from './LiveAnnouncer';
import { SkipLinks } from './SkipLinks';
import { WriteForm } from '../workload/WriteForm';
import { OperatorConsole } from '../console/OperatorConsole';
import { rfText } from '../../view/datacenters';

// Compare is opened on demand: its code (two more runs, their charts) stays out of the first load.
const CompareView = lazy(() => import('../compare/CompareView').then((m) => ({ default: m.CompareView })));

/** What draws nothing (or only for a screen reader) but listens to the whole page. */
function PageWide() {
  return (
    <>
      <PauseWhenHidden />
      <PresenterKeys />
      <AppKeys />
      <LiveAnnouncer />
    </>
  );
}

export function App() {
  const cluster = useAppStore(selectCluster);
  const presenter = useAppStore(selectPresenter);
  const lessonOn = useAppStore((s) => s.lesson !== null);
  // Compare replaces the lab's page; the lab's store (and its paused session) stays as it was.
  const [comparing, setComparing] = useState(false);
  const compareButton = useRef<HTMLButtonElement>(null);
  if (comparing) {
    return (
      <Suspense fallback={<p className="panel-note" role="status">Opening Compare…</p>}>
        <CompareView
          onBack={() => {
            setComparing(false);
            requestAnimationFrame(() => compareButton.current?.focus());
          }}
        />
      </Suspense>
    );
  }
  return (
    <div className={`app${presenter ? ' presenter' : ''}${lessonOn ? ' lesson-on' : ''}`}>
      <SkipLinks />
      <header className="topbar">
        <div className="brand">
          <h1>HintScope</h1>
          <p className="tagline">
            <span className="tagline-motto">hinted handoff, live</span>
            {cluster && (
              <span className="cluster-facts">
                <span className="tagline-sep"> · </span>
                {cluster.nodes.length} nodes · RF {rfText(cluster)} · {cluster.preset}
              </span>
            )}
          </p>
          <SettingsButton />
          <ShareButton />
          <FilesBar />
          <CompareButton ref={compareButton} onOpen={() => setComparing(true)} />
          <LearnLink />
        </div>
        <Controls />
        <TimeBar />
      </header>
      <RecoveryBanner />
      <ErrorBanner />
      <PageWide />
      <main className="layout">
        <section className="stage" aria-label="Cluster">
          <ScenarioTitle />
          <RingPanel />
          <ChartsPanel />
        </section>
        <div className="column column-state">
          <Counters />
          <KeyInspector />
          <BeliefPanel />
          <HintQueues />
          <NetworkPanel />
          <SettingsReadout />
        </div>
        <div className="column column-act">
          <LessonPlayer />
          <WorkloadPanel />
          <WriteForm />
          <OperatorConsole />
          <EventLog />
        </div>
      </main>
    </div>
  );
}
