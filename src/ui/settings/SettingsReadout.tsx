// The effective settings, with the real systems' names (the settings registry's) beside ours.
import { SETTINGS, type SettingPath, type SettingSpec } from '../../protocol';
import { selectCluster, useAppStore } from '../../store';
import { formatCount, formatDuration } from '../../view/format';
import { realText } from '../../view/settings/settingsModel';
import { rfText } from '../../view/datacenters';

/** The settings the readout shows: the hint path and the failure detector. */
const SHOWN: readonly SettingPath[] = [
  'hintedHandoffEnabled', 'maxHintWindow', 'persistentHintWindow', 'hintReplayRate', 'hintFlushPeriod', 'hintTtl', 'maxHintsPerHost',
  'hintOnTimeout', 'writeTimeout', 'readTimeout', 'phiConvictThreshold', 'gossipInterval',
];

function show(value: unknown, spec: SettingSpec<unknown>): string {
  if (value === null) return 'none';
  if (value === undefined) return '—';
  const duration = spec.type === 'duration' || spec.type === 'optionalDuration';
  if (duration && typeof value === 'number') return value === 0 ? '0' : formatDuration(value);
  if (spec.type === 'bool') return value ? 'on' : 'off';
  if (typeof value === 'number') return spec.unit ? `${formatCount(value)} ${spec.unit}` : formatCount(value);
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
          {rfText(cluster)}
        </span>
      </summary>
      <dl className="settings-list">
        {SHOWN.filter((key) => key in s).map((key) => (
          <div key={key} className="setting" data-testid={`readout-${key}`}>
            <dt>
              <code>{key}</code>
              <span className="setting-real">
                <span className="sr-only">Real name: </span>
                {realText(SETTINGS[key].real)}
              </span>
            </dt>
            <dd>{show(s[key], SETTINGS[key] as SettingSpec<unknown>)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
