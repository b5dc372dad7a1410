// The page: header with time controls, the ring stage, and two columns of panels.
import { selectCluster, useAppStore } from '../store';
import { ChartsPanel } from './charts/ChartsPanel';
import { Controls } from './Controls';
import { PauseWhenHidden } from './time/PauseWhenHidden';
import { TimeBar } from './time/TimeBar';
import { Counters } from './Counters';
import { ErrorBanner } from './ErrorBanner';
import { EventLog } from './EventLog';
import { BeliefPanel } from './BeliefPanel';
import { HintQueues } from './HintQueues';
import { KeyInspector } from './KeyInspector';
import { NetworkPanel } from './NetworkPanel';
import { RingPanel } from './RingPanel';
import { SettingsButton } from './SettingsButton';
import { ShareButton } from './ShareButton';
import { SettingsReadout } from './SettingsReadout';
import { WorkloadPanel } from './WorkloadPanel';
import { WriteForm } from './WriteForm';

export function App() {
  const cluster = useAppStore(selectCluster);
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <h1>HintScope</h1>
          <p className="tagline">
            <span className="tagline-motto">hinted handoff, live</span>
            {cluster && (
              <span className="cluster-facts">
                <span className="tagline-sep"> · </span>
                {cluster.nodes.length} nodes · RF {cluster.replicationFactor} · {cluster.preset}
              </span>
            )}
          </p>
          <SettingsButton />
          <ShareButton />
        </div>
        <Controls />
        <TimeBar />
      </header>
      <ErrorBanner />
      <PauseWhenHidden />
      <main className="layout">
        <section className="stage" aria-label="Cluster">
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
          <WorkloadPanel />
          <WriteForm />
          <EventLog />
        </div>
      </main>
    </div>
  );
}
