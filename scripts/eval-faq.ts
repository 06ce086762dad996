/**
 * The knowledge-base check: runs the phrasing table (test/knowledge/phrasings.yaml) through safety
 * then the knowledge base, prints each miss and the shares, and exits 1 when fewer than 90 % of the
 * FAQ phrasings are right, when a danger phrasing misses its emergency answer, or when an ordinary
 * phrasing is taken for danger.
 *
 *   npm run eval:faq [-- --explain]     (--explain: the measures behind each FAQ miss)
 *   npm run eval:faq -- --cv=5 [--epochs=10]
 *     k-fold cross-validation over content/fr/faq-examples.yaml instead: the shipped combination
 *     settings and the best of a grid around them, by cost (« not sure » + 3 × wrong); --epochs
 *     trains the classifier of each fold for that many epochs.
 *   npm run eval:faq -- --cv=5 --confusion
 *     the same, then, for the shipped settings, the pairs of entries most often answered one for the
 *     other (both ways summed) and the entries whose held-out examples are least often right.
 */
import * as path from 'node:path';
import { ConfigError } from '../src/config/configError';
import { crossValidate, type CrossValidationTally } from '../src/knowledge/crossValidation';
import { createKnowledgeBase, DEFAULT_COMBINATION_OPTIONS, type CombinationOptions } from '../src/knowledge/knowledge-base';
import { evaluatePhrasings, FAQ_TARGET, loadPhrasingTable } from '../src/knowledge/evaluation';
import { loadFaq } from '../src/knowledge/load';
import { answeredIds } from '../src/knowledge/schema';
import { DANGER_NUMBERS, detectDanger } from '../src/safety/detect';
import { emergencyMessage, mentionsNumber } from '../src/safety/messages';

export const PHRASINGS_FILE = path.join('test', 'knowledge', 'phrasings.yaml');

const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;

/** The settings the cross-validation compares: the shipped ones, and a grid around them. */
function settingsGrid(): Record<string, CombinationOptions> {
  const grid: Record<string, CombinationOptions> = { shipped: {} };
  for (const classifierSure of [0.6, 0.65, 0.7, 0.8, 0.9])
    for (const [classifierPair, classifierPairFirst] of [[0, 0.5], [0.8, 0.5], [0.8, 0.55], [0.9, 0.5], [0.9, 0.55]] as const)
      for (const classifierConfirmed of [0.2, 0.3, 0.5])
        for (const dissentShare of [0, 0.5, 0.6, 0.7, 0.8])
          for (const dissentCoverage of [0.1, 0.3]) {
            const name = `sure ${classifierSure} pair ${classifierPair}/${classifierPairFirst} confirmed ${classifierConfirmed} dissent ${dissentShare}/${dissentCoverage}`;
            grid[name] = { classifierSure, classifierPair, classifierPairFirst, classifierConfirmed, dissentShare, dissentCoverage };
          }
  return grid;
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

function printCrossValidation(entries: ReturnType<typeof loadFaq>, folds: number, epochs: number | undefined, confusion: boolean): void {
  const tallies = crossValidate(entries, { folds, grid: settingsGrid(), ...(epochs === undefined ? {} : { build: { classifier: { epochs } } }) });
  const row = (name: string, t: CrossValidationTally): string =>
    `${`right ${t.right} (${percent(t.right / t.total)})`.padEnd(20)} ${`unsure ${t.unsure}`.padEnd(11)} ${`wrong ${t.wrong} (${percent(t.wrong / t.total)})`.padEnd(18)} cost ${String(t.cost).padEnd(5)} ${name}`;
  const { strategy: _strategy, ...shipped } = DEFAULT_COMBINATION_OPTIONS;
  console.log(`${folds}-fold cross-validation over the examples, shipped settings ${JSON.stringify(shipped)}${epochs === undefined ? '' : `, ${epochs} epochs`}`);
  console.log(row('shipped', tallies.shipped as CrossValidationTally));
  console.log('best by cost:');
  for (const [name, t] of Object.entries(tallies).sort(([, a], [, b]) => a.cost - b.cost).slice(0, 12)) console.log(row(name, t));
  console.log('most right answers with at most this share of wrong ones:');
  for (const cap of [0.03, 0.04, 0.05, 0.06]) {
    const best = Object.entries(tallies)
      .filter(([, t]) => t.wrong <= cap * t.total)
      .sort(([, a], [, b]) => b.right - a.right || a.wrong - b.wrong)[0];
    if (best !== undefined) console.log(`≤ ${cap * 100} %: ${row(best[0], best[1])}`);
  }
  if (confusion) printConfusion(tallies.shipped as CrossValidationTally);
}

function main(argv: readonly string[]): number {
  const rootDir = path.resolve(__dirname, '..');
  const entries = loadFaq(rootDir);
  const cv = argv.find((arg) => arg.startsWith('--cv='));
  if (cv !== undefined) {
    const epochs = argv.find((arg) => arg.startsWith('--epochs='));
    printCrossValidation(entries, Number(cv.split('=')[1]), epochs === undefined ? undefined : Number(epochs.split('=')[1]), argv.includes('--confusion'));
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
