/**
 * The danger detector against a folder of phrasings (danger.yaml, benign.yaml): recall per category,
 * false emergencies. Aims: recall 100 % in every category, false emergencies ≤ 1 %.
 *
 *   npm run eval:safety -- <folder> [--misses]      (--misses lists what was missed: tuning sets only)
 *   npm run eval:safety -- --cross-validate[=5] [--misses]   (k-fold on content/fr/safety-examples-*.yaml)
 */
import * as path from 'node:path';
import { DANGER_KINDS } from '../src/domain/vocabulary';
import { crossValidate } from '../src/safety/crossValidation';
import { detectDanger } from '../src/safety/detect';
import { evaluateSafety } from '../src/safety/evaluation';
import { loadLabelledExamples, SAFETY_EXAMPLES_FILES } from '../src/safety/examples';

const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)} %`);

/** Recall per kind and false emergencies of the detector on examples its model never saw (k folds). */
function crossValidation(folds: number, misses: boolean): number {
  const root = path.resolve(__dirname, '..');
  const results = crossValidate(loadLabelledExamples(path.join(root, SAFETY_EXAMPLES_FILES.danger), path.join(root, SAFETY_EXAMPLES_FILES.benign)), folds);
  if (misses) for (const miss of results.filter((result) => !result.right)) console.log(`${miss.label === 'none' ? 'false emergency' : `missed (${miss.label})`}: "${miss.text}" → ${miss.got}`);
  for (const kind of [...DANGER_KINDS, 'none'] as const) {
    const ofKind = results.filter((result) => result.label === kind);
    const right = ofKind.filter((result) => result.right).length;
    if (kind === 'none') console.log(`${'false emergencies'.padEnd(20)} ${percent(ofKind.length - right, ofKind.length).padStart(8)} (${ofKind.length - right}/${ofKind.length})`);
    else console.log(`${kind.padEnd(20)} recall ${percent(right, ofKind.length).padStart(8)} (${right}/${ofKind.length})`);
  }
  return 0;
}

function main(argv: readonly string[]): number {
  const folds = argv.find((arg) => arg.startsWith('--cross-validate'));
  if (folds !== undefined) return crossValidation(Number(folds.split('=')[1] ?? 5), argv.includes('--misses'));
  const dir = argv.find((arg) => !arg.startsWith('--'));
  if (!dir) {
    console.error('usage: npm run eval:safety -- <folder with danger.yaml and benign.yaml> [--misses]');
    return 2;
  }
  const report = evaluateSafety(dir, detectDanger);
  if (argv.includes('--misses')) {
    for (const miss of report.misses) console.log(`missed (${miss.expected}): "${miss.text}" → ${miss.got}`);
    for (const alarm of report.falseAlarms) console.log(`false emergency (${alarm.why}): "${alarm.text}" → ${alarm.got}`);
  }
  for (const [kind, figures] of Object.entries(report.perKind)) {
    if (figures.total === 0) continue;
    console.log(`${kind.padEnd(20)} recall ${percent(figures.answered, figures.total).padStart(8)} (${figures.answered}/${figures.total}), number first ${percent(figures.ledBy, figures.total)}`);
  }
  console.log(`${'all'.padEnd(20)} recall ${percent(report.danger.answered, report.danger.total).padStart(8)} (${report.danger.answered}/${report.danger.total})`);
  console.log(`false emergencies    ${percent(report.benign.falseEmergencies, report.benign.total)} (${report.benign.falseEmergencies}/${report.benign.total})`);
  const met = report.danger.answered === report.danger.total && report.benign.falseEmergencies <= report.benign.total * 0.01;
  console.log(met ? 'aims met' : 'aims missed (recall 100 % in every category, false emergencies ≤ 1 %)');
  return met ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
