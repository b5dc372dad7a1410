// `npm run golden`: rewrites test/golden/golden.json from the engine as it is. Run it only for a
// change that is meant to alter a trace (a fidelity fix, named with its source in the commit).
import { writeFileSync } from 'node:fs';
import { GOLDEN_FILE, allLessons, randomCases, runLessonSteps, runRandom, runScenarioFile, scenarioFiles, type Golden } from '../test/golden/golden';

const RANDOM_CASES = 300;

const golden: Golden = { scenarios: {}, lessons: {}, random: [] };
for (const f of scenarioFiles()) golden.scenarios[f] = runScenarioFile(f);
for (const [id, l] of allLessons()) golden.lessons[id] = runLessonSteps(l);
golden.random = randomCases(RANDOM_CASES).map((c) => ({ ...c, run: runRandom(c) }));
writeFileSync(GOLDEN_FILE, `${JSON.stringify(golden, null, 1)}\n`);
console.log(`golden: ${Object.keys(golden.scenarios).length} scenarios, ${Object.keys(golden.lessons).length} lessons, ${golden.random.length} random runs`);
