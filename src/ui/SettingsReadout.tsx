// The effective settings, with the names Cassandra's cassandra.yaml uses beside ours.
import { selectCluster, useAppStore } from '../store';
import { formatCount, formatDuration } from '../view/format';

interface Row {
  key: string;
  cassandra: string;
  kind: 'duration' | 'number' | 'bool' | 'text' | 'rate';
  note?: string;
}

const ROWS: Row[] = [
  { key: 'hintedHandoffEnabled', cassandra: 'hinted_handoff_enabled', kind: 'bool' },
  { key: 'maxHintWindow', cassandra: 'max_hint_window (max_hint_window_in_ms)', kind: 'duration' },
  { key: 'persistentHintWindow', cassandra: 'hint_window_persistent_enabled', kind: 'bool' },
  { key: 'hintReplayRate', cassandra: 'hinted_handoff_throttle (KiB/s ÷ nodes−1)', kind: 'rate' },
  { key: 'hintFlushPeriod', cassandra: 'hints_flush_period', kind: 'duration' },
  { key: 'hintTtl', cassandra: 'gc_grace_seconds (min of the table)', kind: 'duration' },
  { key: 'maxHintsPerHost', cassandra: 'max_hints_size_per_host (bytes there)', kind: 'number' },
  { key: 'hintOnTimeout', cassandra: '— (Cassandra: always; Scylla: if level met)', kind: 'text' },
  { key: 'writeTimeout', cassandra: 'write_request_timeout', kind: 'duration' },
  { key: 'readTimeout', cassandra: 'read_request_timeout', kind: 'duration' },
  { key: 'phiConvictThreshold', cassandra: 'phi_convict_threshold', kind: 'number' },
  { key: 'gossipInterval', cassandra: '— (gossip round, fixed 1 s)', kind: 'duration' },
];

function show(value: unknown, kind: Row['kind']): string {
  if (value === null) return 'none';
  if (value === undefined) return '—';
  if (kind === 'duration' && typeof value === 'number') return value === 0 ? '0' : formatDuration(value);
  if (kind === 'rate' && typeof value === 'number') return `${formatCount(value)} hints/s`;
  if (kind === 'bool') return value ? 'on' : 'off';
  if (typeof value === 'number') return formatCount(value);
  return String(value);
}

export function SettingsReadout() {
  const cluster = useAppStore(selectCluster);
  if (!cluster) return null;
  const s = cluster.settings;
  return (
    <details className="panel settings" data-testid="settings">
      <summary>
        <h2>Settings</h2>
        <span className="settings-summary">
          {cluster.preset} · {cluster.hintMode === 'coordinator' ? 'coordinator hints' : 'sloppy quorum'} · RF{' '}
          {cluster.replicationFactor}
        </span>
      </summary>
      <dl className="settings-list">
        {ROWS.filter((r) => r.key in s).map((r) => (
          <div key={r.key} className="setting">
            <dt>
              <code>{r.key}</code>
              <span className="setting-real">
                <span className="sr-only">Cassandra: </span>
                {r.cassandra}
              </span>
            </dt>
            <dd>{show(s[r.key], r.kind)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
