/**
 * The knowledge-base check: runs the phrasing table (test/knowledge/phrasings.yaml) through safety
 * then the knowledge base, prints each miss and the shares, and exits 1 when fewer than 90 % of the
 * FAQ phrasings are right, when a danger phrasing misses its emergency answer, or when an ordinary
 * phrasing is taken for danger.
 *
 *   npm run eval:faq [-- --explain]     (--explain: the measures behind each FAQ miss)
 *   npm run eval:faq -- --cv=5 [--epochs=10] [--build='{"classifier":{"epochs":10}}'] [--show=NAME] [--fit-confidence]
 *     k-fold cross-validation over content/fr/faq-examples.yaml instead: the shipped combination
 *     settings and the best of a grid around them, by cost (« not sure » + 3 × wrong), and the CPU
 *     of a build (training at start) and of a message's reading; --epochs trains the classifier of
 *     each fold for that many epochs; --build gives other knowledge-base options (JSON); --show
 *     prints the rows of the grid whose name contains NAME.
 *     --fit-confidence: the stacked confidence (src/knowledge/confidence.ts) judged by a second
 *     cross-validation over the out-of-fold opinions, and its weights fitted on all of them;
 *     Messages no entry answers: each entry's examples read without that entry (weighed 0.1), and the
 *     messages of content/fr/faq-unanswered.yaml (weighed --written-weight=W; 0 unless told: not fitted on, only tallied).
 *     --weights='[…]' judges the grid's « confidence » rows with these weights instead of the shipped ones.
 *   npm run eval:faq -- --cv=5 --confusion
 *     the same, then, for the shipped settings, the pairs of entries most often answered one for the
 *     other (both ways summed) and the entries whose held-out examples are least often right.
 *   npm run eval:faq -- --cv-phrasings=5 [--phrasing-weight=W] [--build=…] [--write-weights]
 *     the stacker judged on people's words: k-fold cross-validation over the tuning split's FAQ
 *     phrasings and the written unanswered messages (src/knowledge/phrasingCrossValidation.ts),
 *     right / unsure / wrong per threshold, and with the threshold chosen inside each fold (wrong ≤ 3 %
 *     of the tuning phrasings first, then the most right); W: the phrasings' weight in the fit (0: none).
 *     --write-weights: the weights fitted on all rows replace CONFIDENCE_WEIGHTS in
 *     src/knowledge/confidence.ts (the refit after new examples, phrasings or features).
 *   npm run eval:faq -- --tuning [--epochs=10] [--build=…] [--show=NAME]
 *     the same grid on test/understanding/tuning/faq.yaml (the split one may tune on; never the
 *     test split): right / unsure / wrong and cost per setting, CPU per message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../src/config/configError';
import { CONFIDENCE_FEATURES, fitConfidence } from '../src/knowledge/confidence';
import { confidenceRows, crossValidateConfidence, decideAgain, readOutOfEntries, readOutOfFold, readWrittenUnanswered, tallyGrid, WRONG_COST, type CrossValidationResult, type CrossValidationTally } from '../src/knowledge/crossValidation';
import { createKnowledgeBase, DEFAULT_COMBINATION_OPTIONS, type CombinationOptions, type KnowledgeBaseOptions } from '../src/knowledge/knowledge-base';
import { loadSplit } from '../src/understanding/evaluation';
import { crossValidatePhrasings, readPhrasings } from '../src/knowledge/phrasingCrossValidation';
import { evaluatePhrasings, FAQ_TARGET, loadPhrasingTable } from '../src/knowledge/evaluation';
import { loadFaqUnanswered } from '../src/knowledge/examples';
import { loadFaq } from '../src/knowledge/load';
import { answeredIds } from '../src/knowledge/schema';
import { DANGER_NUMBERS, detectDanger } from '../src/safety/detect';
import { emergencyMessage, mentionsNumber } from '../src/safety/messages';

export const PHRASINGS_FILE = path.join('test', 'knowledge', 'phrasings.yaml');

const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;

/** How much one message no entry answers counts against one that has its entry, when fitting the stacker. */
const UNANSWERED_WEIGHT = 0.1;

/**
 * How much one written message no entry answers (content/fr/faq-unanswered.yaml) counts, when fitting
 * the stacker: 0, left out of the fit so that they judge it (README « Understanding », tenth round).
 */
const WRITTEN_UNANSWERED_WEIGHT = 0;

const CONFIDENCE_THRESHOLDS = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

/** The settings the cross-validation compares: the shipped ones, and a grid around them. */
function settingsGrid(weights?: readonly number[]): Record<string, CombinationOptions> {
  const grid: Record<string, CombinationOptions> = { shipped: {} };
  for (const classifierSure of [0.6, 0.65, 0.7, 0.8, 0.9])
    for (const [classifierPair, classifierPairFirst] of [[0, 0.5], [0.8, 0.5], [0.8, 0.55], [0.9, 0.5], [0.9, 0.55]] as const)
      for (const classifierConfirmed of [0.2, 0.3, 0.5])
        for (const dissentShare of [0, 0.5, 0.6, 0.7, 0.8])
          for (const dissentCoverage of [0.1, 0.3]) {
            const name = `sure ${classifierSure} pair ${classifierPair}/${classifierPairFirst} confirmed ${classifierConfirmed} dissent ${dissentShare}/${dissentCoverage}`;
            grid[name] = { classifierSure, classifierPair, classifierPairFirst, classifierConfirmed, dissentShare, dissentCoverage, confidenceAnswer: 0 };
          }
  // The stacked confidence deciding alone, or withdrawing the thresholds' answers.
  const confidenceWeights = weights === undefined ? {} : { confidenceWeights: weights };
  for (const t of CONFIDENCE_THRESHOLDS) grid[`confidence ${t}`] = { confidenceAnswer: t, ...confidenceWeights };
  for (const veto of [0.2, 0.3, 0.4]) grid[`thresholds vetoed under confidence ${veto}`] = { confidenceAnswer: veto, confidenceMode: 'veto', ...confidenceWeights };
  return grid;
}

const row = (name: string, t: CrossValidationTally): string =>
  `${`right ${t.right} (${percent(t.right / t.total)})`.padEnd(20)} ${`unsure ${t.unsure}`.padEnd(11)} ${`wrong ${t.wrong} (${percent(t.wrong / t.total)})`.padEnd(18)} cost ${String(t.cost).padEnd(5)} ${name}`;

function printTallies(result: CrossValidationResult, show: string | undefined): void {
  const { tallies } = result;
  console.log(row('shipped', tallies.shipped as CrossValidationTally));
  console.log(`CPU: ${result.buildMillis.toFixed(0)} ms per build (training at start), ${result.readMillis.toFixed(2)} ms per message`);
  if (show !== undefined) for (const [name, t] of Object.entries(tallies).filter(([name]) => name.includes(show))) console.log(row(name, t));
  console.log('best by cost:');
  for (const [name, t] of Object.entries(tallies).sort(([, a], [, b]) => a.cost - b.cost).slice(0, 12)) console.log(row(name, t));
  console.log('most right answers with at most this share of wrong ones:');
  for (const cap of [0.02, 0.03, 0.04, 0.05, 0.06]) {
    const best = Object.entries(tallies)
      .filter(([, t]) => t.wrong <= cap * t.total)
      .sort(([, a], [, b]) => b.right - a.right || a.wrong - b.wrong)[0];
    if (best !== undefined) console.log(`≤ ${cap * 100} %: ${row(best[0], best[1])}`);
  }
}

/** The shipped settings' confusion: pairs of entries taken one for the other, and the weakest entries. */
function printConfusion(tally: CrossValidationTally): void {
  const pairs = new Map<string, { count: number; ways: string[] }>();
  for (const [way, count] of Object.entries(tally.confusion)) {
    const key = way.split(' → ').sort().join(' ↔ ');
    const pair = pairs.get(key) ?? { count: 0, ways: [] };
    pair.count += count;
    pair.ways.push(`${way} ${count}`);
    pairs.set(key, pair);
  }
  console.log('pairs of entries answered one for the other (shipped settings):');
  for (const [key, { count, ways }] of [...pairs].sort(([, a], [, b]) => b.count - a.count).slice(0, 25)) console.log(`  ${String(count).padStart(3)}  ${key.padEnd(55)} (${ways.join(', ')})`);
  console.log('entries with the fewest held-out examples right (right / unsure / wrong):');
  const share = ({ right, unsure, wrong }: { right: number; unsure: number; wrong: number }): number => right / (right + unsure + wrong);
  for (const [id, t] of Object.entries(tally.byEntry).sort(([, a], [, b]) => share(a) - share(b)).slice(0, 15)) console.log(`  ${percent(share(t)).padStart(7)}  ${id.padEnd(32)} ${t.right} / ${t.unsure} / ${t.wrong}`);
}

function printCrossValidation(entries: ReturnType<typeof loadFaq>, folds: number, build: KnowledgeBaseOptions, show: string | undefined, fit: boolean, confusion: boolean, weights: readonly number[] | undefined, written: { texts: readonly string[]; weight: number }): void {
  const { rows, buildMillis, readMillis } = readOutOfFold(entries, folds, build);
  const { strategy: _strategy, ...shipped } = DEFAULT_COMBINATION_OPTIONS;
  console.log(`${folds}-fold cross-validation over the examples, shipped settings ${JSON.stringify({ ...shipped, confidenceWeights: undefined })}, build ${JSON.stringify(build)}`);
  const tallies = tallyGrid(rows, settingsGrid(weights));
  printTallies({ tallies, buildMillis, readMillis }, show);
  if (confusion && tallies.shipped !== undefined) printConfusion(tallies.shipped);
  if (!fit) return;
  // The stacker: fitted on the others' out-of-fold rows, judged on held-out ones; then fitted on all.
  // Messages no entry answers (each entry's examples, read by readers built without it), counted as
  // this part of what people write (about one in twelve of the tuning split's phrasings).
  const unanswered = readOutOfEntries(entries, folds, build);
  // Messages no entry answers, written as people would (content/fr/faq-unanswered.yaml), at their own weight.
  const writtenRows = written.weight > 0 ? readWrittenUnanswered(entries, written.texts, written.weight, build) : [];
  const all = [...rows, ...unanswered, ...writtenRows];
  console.log(`stacked confidence, ${folds}-fold cross-validation over the out-of-fold opinions (${rows.length} answered, ${unanswered.length} unanswered weighed ${UNANSWERED_WEIGHT}, ${writtenRows.length} written unanswered weighed ${written.weight}):`);
  const stacked = crossValidateConfidence(all, folds, CONFIDENCE_THRESHOLDS, {}, UNANSWERED_WEIGHT);
  for (const [name, t] of Object.entries(stacked)) console.log(row(name, t));
  for (const [name, t] of Object.entries(tallyGrid(unanswered, { 'shipped, unanswered messages': {}, 'thresholds, unanswered messages': { confidenceAnswer: 0 } }))) console.log(row(name, t));
  const writtenShipped = readWrittenUnanswered(entries, written.texts, 1, build);
  for (const [name, t] of Object.entries(tallyGrid(writtenShipped, { 'shipped, written unanswered messages': {} }))) console.log(row(name, t));
  const fitted = fitConfidence(confidenceRows(all, DEFAULT_COMBINATION_OPTIONS, UNANSWERED_WEIGHT));
  console.log(`weights fitted on all ${all.length} rows, unanswered weighed ${UNANSWERED_WEIGHT} (bias, ${CONFIDENCE_FEATURES.join(', ')}):\n${JSON.stringify(fitted)}`);
}

/** The stacker judged by k-fold cross-validation over the tuning phrasings and the written unanswered messages. */
function printPhrasingCrossValidation(rootDir: string, entries: ReturnType<typeof loadFaq>, folds: number, build: KnowledgeBaseOptions, phrasingWeight: number, write: boolean): void {
  const { rows } = readOutOfFold(entries, folds, build);
  const examples = [...rows, ...readOutOfEntries(entries, folds, build)];
  const groupOf = (i: number): string => (i < EARLIER_TUNING_PHRASINGS ? 'tuning before the eleventh round' : i < ELEVENTH_ROUND_PHRASINGS ? "tuning, the eleventh round's" : i < TWELFTH_ROUND_PHRASINGS ? "tuning, the twelfth round's" : i < COVERAGE_ROUND_PHRASINGS ? "tuning, the coverage round's" : i < AFTER_COVERAGE_PHRASINGS ? 'tuning, written after the coverage round' : i < THIRTEENTH_ROUND_PHRASINGS ? "tuning, the thirteenth round's" : "tuning, the fourteenth round's");
  const items = loadSplit(path.join(rootDir, 'test', 'understanding', 'tuning')).faq.map((item, i) => ({ ...item, group: groupOf(i) }));
  const phrasings = readPhrasings(entries, items, loadFaqUnanswered(rootDir), build);
  const tuning = phrasings.filter((r) => r.written !== true);
  const written = phrasings.filter((r) => r.written === true);
  console.log(`${folds}-fold cross-validation over ${tuning.length} tuning phrasings and ${written.length} written unanswered messages; phrasings weighed ${phrasingWeight} in the fit, build ${JSON.stringify(build)}`);
  for (const [name, set] of [['tuning', tuning], ['written unanswered', written], ['tuning before the eleventh round', tuning.slice(0, EARLIER_TUNING_PHRASINGS)], ["tuning, the eleventh round's", tuning.slice(EARLIER_TUNING_PHRASINGS, ELEVENTH_ROUND_PHRASINGS)], ["tuning, the twelfth round's", tuning.slice(ELEVENTH_ROUND_PHRASINGS, TWELFTH_ROUND_PHRASINGS)], ["tuning, the coverage round's", tuning.slice(TWELFTH_ROUND_PHRASINGS, COVERAGE_ROUND_PHRASINGS)], ['tuning, written after the coverage round', tuning.slice(COVERAGE_ROUND_PHRASINGS, AFTER_COVERAGE_PHRASINGS)], ["tuning, the thirteenth round's", tuning.slice(AFTER_COVERAGE_PHRASINGS, THIRTEENTH_ROUND_PHRASINGS)], ["tuning, the fourteenth round's", tuning.slice(THIRTEENTH_ROUND_PHRASINGS)]] as const) console.log(row(`shipped weights and threshold, ${name}`, tallyGrid(set, { shipped: {} }).shipped as CrossValidationTally));
  const result = crossValidatePhrasings(examples, phrasings, folds, CONFIDENCE_THRESHOLDS, { phrasingWeight, unansweredWeight: UNANSWERED_WEIGHT, wrongCap: PHRASING_WRONG_CAP });
  for (const [name, t] of Object.entries(result.tallies)) console.log(row(name, t));
  console.log(`threshold chosen inside each fold (wrong ≤ ${PHRASING_WRONG_CAP * 100} % first, then the most right): ${result.chosen.thresholds.join(', ')}`);
  console.log(row('chosen, tuning', result.chosen.tuning));
  console.log(row('chosen, written unanswered', result.chosen.written));
  const confused = Object.entries(result.tallies['confidence 0.55, tuning']?.confusion ?? {}).sort(([, a], [, b]) => b - a);
  const all = [...examples, ...phrasings.map((r) => ({ ...r, weight: phrasingWeight }))];
  const fitted = fitConfidence(confidenceRows(all, DEFAULT_COMBINATION_OPTIONS, UNANSWERED_WEIGHT));
  console.log(`weights fitted on all ${all.length} rows (phrasings weighed ${phrasingWeight}): ${JSON.stringify(fitted)}`);
  if (write) writeWeights(rootDir, fitted);
  console.log(`wrong at 0.55 (tuning): ${confused.map(([pair, n]) => `${pair} ${n}`).join(', ')}`);
}

/** Replaces the shipped weights (the one line `export const CONFIDENCE_WEIGHTS … = […];` of src/knowledge/confidence.ts). */
function writeWeights(rootDir: string, weights: readonly number[]): void {
  const file = path.join(rootDir, 'src', 'knowledge', 'confidence.ts');
  const line = /^export const CONFIDENCE_WEIGHTS: readonly number\[\] = \[[^\]]*\];$/m;
  const source = readFileSync(file, 'utf8');
  if (!line.test(source)) throw new Error(`${file}: no CONFIDENCE_WEIGHTS line to replace`);
  writeFileSync(file, source.replace(line, `export const CONFIDENCE_WEIGHTS: readonly number[] = [${weights.join(', ')}];`));
  console.log(`written to ${path.relative(rootDir, file)} (${weights.length} numbers): run the tests, then commit with the figures above`);
}

/** The tuning split's FAQ phrasings before the eleventh round (its 92 new ones, edge-heavy, are tallied apart). */
const EARLIER_TUNING_PHRASINGS = 150;
/** …and up to the end of the eleventh round's (the twelfth round's 40, at the same edges, are tallied apart too). */
const ELEVENTH_ROUND_PHRASINGS = 242;
/** …and up to the end of the twelfth round's (the coverage round's, people's own words for the much-asked entries, are tallied apart). */
const TWELFTH_ROUND_PHRASINGS = 282;
/** …and up to the end of the coverage round's 90 (the 36 written after its examples, never tuned on, are tallied apart). */
const COVERAGE_ROUND_PHRASINGS = 372;
/** …and up to the end of the 36 written after it (the thirteenth round's 117, the much-asked entries and amounts, are tallied apart). */
const AFTER_COVERAGE_PHRASINGS = 408;
/** …and up to the end of the thirteenth round's (the fourteenth round's, everyday administration near an entry, are tallied apart). */
const THIRTEENTH_ROUND_PHRASINGS = 525;

/** The aim for wrong answers, by which the threshold is chosen in `--cv-phrasings`. */
const PHRASING_WRONG_CAP = 0.03;

/** The grid on the tuning split's FAQ phrasings (an item may accept several entries, or none). */
function printTuning(rootDir: string, entries: ReturnType<typeof loadFaq>, build: KnowledgeBaseOptions, show: string | undefined, weights?: readonly number[]): void {
  const building = process.cpuUsage();
  const knowledgeBase = createKnowledgeBase(entries, build);
  const built = process.cpuUsage(building);
  const grid = settingsGrid(weights);
  const tallies = Object.fromEntries(Object.keys(grid).map((name) => [name, { right: 0, unsure: 0, wrong: 0, total: 0, cost: 0, confusion: {}, byEntry: {} }])) as Record<string, CrossValidationTally>;
  let read = 0;
  const items = loadSplit(path.join(rootDir, 'test', 'understanding', 'tuning')).faq;
  const answers = new Map(entries.map((entry) => [entry.id, answeredIds(entry)]));
  for (const { text, expect } of items) {
    const reading = process.cpuUsage();
    const explanation = knowledgeBase.explain(text);
    const used = process.cpuUsage(reading);
    read += (used.user + used.system) / 1000;
    for (const [name, setting] of Object.entries(grid)) {
      const got = decideAgain(explanation, { ...DEFAULT_COMBINATION_OPTIONS, ...setting });
      const tally = tallies[name] as CrossValidationTally;
      tally.total++;
      if (got === null) expect.includes('none') ? tally.right++ : tally.unsure++;
      else if ((answers.get(got) ?? [got]).some((id) => expect.includes(id))) tally.right++;
      else tally.wrong++;
    }
  }
  for (const tally of Object.values(tallies)) tally.cost = tally.unsure + WRONG_COST * tally.wrong;
  console.log(`tuning split (${items.length} FAQ phrasings), build ${JSON.stringify(build)}`);
  printTallies({ tallies, buildMillis: (built.user + built.system) / 1000, readMillis: items.length === 0 ? 0 : read / items.length }, show);
}

function main(argv: readonly string[]): number {
  const rootDir = path.resolve(__dirname, '..');
  const entries = loadFaq(rootDir);
  const option = (name: string): string | undefined => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const epochs = option('epochs');
  const parsed = JSON.parse(option('build') ?? '{}') as KnowledgeBaseOptions;
  const build: KnowledgeBaseOptions = epochs === undefined ? parsed : { ...parsed, classifier: { ...parsed.classifier, epochs: Number(epochs) } };
  const weights = option('weights') === undefined ? undefined : (JSON.parse(option('weights') as string) as number[]);
  const cv = option('cv');
  if (cv !== undefined) {
    const writtenWeight = Number(option('written-weight') ?? WRITTEN_UNANSWERED_WEIGHT);
    printCrossValidation(entries, Number(cv), build, option('show'), argv.includes('--fit-confidence'), argv.includes('--confusion'), weights, { texts: loadFaqUnanswered(rootDir), weight: writtenWeight });
    return 0;
  }
  const cvPhrasings = option('cv-phrasings');
  if (cvPhrasings !== undefined) {
    printPhrasingCrossValidation(rootDir, entries, Number(cvPhrasings), build, Number(option('phrasing-weight') ?? 0), argv.includes('--write-weights'));
    return 0;
  }
  if (argv.includes('--tuning')) {
    printTuning(rootDir, entries, build, option('show'), weights);
    return 0;
  }
  const knowledgeBase = createKnowledgeBase(entries);
  const table = loadPhrasingTable(path.join(rootDir, PHRASINGS_FILE));
  const report = evaluatePhrasings(table, {
    match: knowledgeBase.match,
    detectDanger,
    emergencyMessage: (signal) => emergencyMessage(signal),
    numbersFor: (kind) => DANGER_NUMBERS[kind],
    mentionsNumber,
    entryIds: new Set(entries.flatMap(answeredIds)),
  });

  for (const id of report.unknownIds) console.log(`table error: no entry "${id}" in the knowledge base`);
  for (const miss of report.faq.misses) {
    console.log(`FAQ miss: "${miss.text}" expected ${miss.expected}, got ${miss.got}`);
    if (argv.includes('--explain')) {
      const { terms, ranked, coverage, evidence, closeness } = knowledgeBase.explain(miss.text);
      const top = ranked.slice(0, 3).map(({ id, score }) => `${id} ${score.toFixed(1)}`).join(', ');
      console.log(`   terms [${terms.join(' ')}] coverage ${coverage.toFixed(2)} evidence ${evidence.toFixed(2)} closeness ${closeness.toFixed(2)} | ${top}`);
    }
  }
  for (const miss of report.danger.misses) console.log(`Danger miss: "${miss.text}" expected ${miss.expected}, got ${miss.got}`);
  for (const miss of report.notDanger.misses) console.log(`False alarm: "${miss.text}" taken for danger (${miss.got})`);

  const { faq, danger, notDanger } = report;
  console.log(`FAQ: ${faq.correct}/${faq.total} = ${percent(faq.share)} correct (aim ≥ ${Math.round(FAQ_TARGET * 100)} %)`);
  console.log(`Danger: ${danger.correct}/${danger.total} with the emergency answer`);
  console.log(`Ordinary phrasings left alone: ${notDanger.correct}/${notDanger.total}`);
  if (!report.passed) console.log('FAILED');
  return report.passed ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const line of error.lines) console.error(line);
  process.exitCode = 1;
}
