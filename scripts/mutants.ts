// `npx tsx scripts/mutants.ts`: runs every lesson and interview mutant (test/lessons/mutants.ts)
// and prints one line per survivor, the exemptions, and the count; exits non-zero when a mutant
// survives, crashes, or a step has no mutant.
import { EXEMPT, MUTANTS } from '../test/lessons/mutants';
import { coverageGaps, coveredSteps, runAll, summary } from '../test/lessons/mutation';

const verbose = process.argv.includes('--verbose');
const results = runAll(MUTANTS, EXEMPT);
const gaps = coverageGaps(MUTANTS, EXEMPT);
for (const [key, why] of Object.entries(EXEMPT)) console.log(`exempt: ${key} — ${why}`);
for (const r of results) {
  const o = r.outcome;
  if (!o.caught) console.log(`SURVIVED ${r.key} step ${r.step + 1} "${r.stepTitle}" — ${r.mutant}: ${o.why === 'crashed' ? `crashed: ${o.verdict}` : 'the check still passes'}`);
  else if (verbose) console.log(`caught   ${r.key} step ${r.step + 1} — ${r.mutant}: ${o.verdict}`);
}
for (const g of gaps) console.log(`NO MUTANT ${g}`);
const caught = results.filter((r) => r.outcome.caught).length;
console.log(summary(results, coveredSteps(EXEMPT), gaps.length));
process.exit(caught === results.length && gaps.length === 0 && results.length > 0 ? 0 : 1);
