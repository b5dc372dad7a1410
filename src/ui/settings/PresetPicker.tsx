// The four systems as radio cards; choosing one fills every setting with its defaults.
import { SYSTEM_TITLES, type PresetName } from '../../protocol';
import { PRESET_BLURB, PRESET_NAMES } from '../../view/settings/settingsModel';

const FAMILY: Record<PresetName, string> = {
  cassandra: 'coordinator hints',
  scylla: 'coordinator hints',
  dynamo: 'sloppy quorum',
  riak: 'sloppy quorum',
};

export function PresetPicker({ value, onChange }: { value: string; onChange(preset: PresetName): void }) {
  const chosen = (PRESET_NAMES as readonly string[]).includes(value) ? (value as PresetName) : null;
  return (
    <fieldset className="preset-picker">
      <legend>
        <code>preset</code> <span className="set-real">which system’s defaults</span>
      </legend>
      <div className="preset-options">
        {PRESET_NAMES.map((p) => (
          <label key={p} className={`preset-option${p === value ? ' preset-chosen' : ''}`}>
            <input type="radio" name="preset" value={p} checked={p === value} onChange={() => onChange(p)} aria-describedby="preset-blurb" />
            <span className="preset-name">{p}</span>
            <span className="preset-family" aria-hidden="true">
              {FAMILY[p]}
            </span>
          </label>
        ))}
      </div>
      <p className="preset-blurb" id="preset-blurb" aria-live="polite">
        {chosen ? (
          <>
            <strong>{SYSTEM_TITLES[chosen]}:</strong> {PRESET_BLURB[chosen]}
          </>
        ) : (
          'Choose a system to fill every setting with its defaults.'
        )}
      </p>
    </fieldset>
  );
}
