// The running scenario's own name and description, on screen under the header (a scenario file,
// a share link or a lesson names what it shows; a fresh cluster says what it is).
import { selectScenario, useAppStore } from '../../store';
import { scenarioText } from './scenarioText';

export function ScenarioTitle() {
  const scenario = useAppStore(selectScenario);
  const { name, description } = scenarioText(scenario);
  if (!name && !description) return null;
  return (
    <section className="scenario-title" aria-label="Scenario" data-testid="scenario-title" title={description ? `${name}: ${description}` : name}>
      {name && <h2 className="scenario-name" data-testid="scenario-name">{name}</h2>}
      {description && <p className="scenario-desc" data-testid="scenario-description">{description}</p>}
    </section>
  );
}
