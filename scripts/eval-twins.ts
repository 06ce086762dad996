/**
 * The shipped detector over the benign twins of test/safety/situations.test.ts (README « Thirteenth
 * round (model) »): which twins get the emergency answer or the second-stage question, and what the
 * model alone thinks of each (its most likely label, p(none)). The twins are read from the test's
 * PAIRS table (one `['cue', 'danger', 'twin'],` a line), so the script follows the test as it grows.
 *
 *   npx tsx scripts/eval-twins.ts            (exit 1 when a twin gets the emergency answer)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assessDanger } from '../src/safety/detect';
import { shippedDangerModel } from '../src/safety/examples';

const PAIR = /^\s*\['([a-z_]+\.[a-z_]+)', (["'])(.*?)\2, (["'])(.*?)\4\],?$/gm;
const source = fs.readFileSync(path.resolve(__dirname, '..', 'test', 'safety', 'situations.test.ts'), 'utf8');
const twins = [...source.matchAll(PAIR)].map((match) => ({ cue: match[1] as string, twin: match[5] as string }));
const model = shippedDangerModel();

let emergencies = 0;
let questions = 0;
for (const { cue, twin } of twins) {
  const { signal, check } = assessDanger(twin);
  const opinion = model.classify(twin);
  if (signal !== null) emergencies++;
  else if (check !== null) questions++;
  const said = signal !== null ? `EMERGENCY ${signal.cues.join(', ')}` : check !== null ? `question ${check.cue}` : 'nothing';
  console.log(`${cue.padEnd(46)} ${said.padEnd(40)} model ${opinion.label} ${opinion.probability.toFixed(2)}, p(none) ${opinion.probabilities.none.toFixed(2)}`);
}
console.log(`${twins.length} twins: ${emergencies} emergency answers, ${questions} second-stage questions`);
process.exitCode = emergencies > 0 ? 1 : 0;
