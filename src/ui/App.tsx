// The page: header with time controls, the ring stage, and two columns of panels.
import { selectCluster, useAppStore } from '../store';
import { Controls } from './Controls';
import { Counters } from './Counters';
import { ErrorBanner } from './ErrorBanner';
import { EventLog } from './EventLog';
import { HintQueues } from './HintQueues';
import { RingPanel } from './RingPanel';
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
            hinted handoff, live
            {cluster && (
              <span className="cluster-facts">
                {' '}
                · {cluster.nodes.length} nodes · RF {cluster.replicationFactor} · {cluster.preset}
              </span>
            )}
          </p>
        </div>
        <Controls />
      </header>
      <ErrorBanner />
      <main className="layout">
        <section className="stage" aria-label="Cluster">
          <RingPanel />
        </section>
        <div className="column column-state">
          <Counters />
          <HintQueues />
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
