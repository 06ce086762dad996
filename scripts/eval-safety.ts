/**
 * The danger detector against a folder of phrasings (danger.yaml, benign.yaml): recall per category
 * (the category's number given at once: the emergency answer, or the second-stage question naming
 * it), false emergencies (the full emergency answer to an ordinary message), and second-stage
 * questions on ordinary messages. Aims: recall 100 % in every category, false emergencies ≤ 1 %,
 * second-stage questions ≤ 8 %.
 *
 *   npm run eval:safety -- <folder> [--misses]      (--misses lists what was missed: tuning sets only)
 *   npm run eval:safety -- --cv=5                    (k-fold cross-validation over content/fr/safety-examples-*.yaml)
 *   npm run eval:safety -- --cv=5 --misses           (the same, and the examples missed or falsely alarmed)
 *   npm run eval:safety -- --cv=5 --grid             (the same for every setting of the threshold grid, and the one chosen)
 *   npm run eval:safety -- --ordinary                (the second-stage question on ordinary questions: the FAQ's and the
 *                                                     phone menus' examples, as the chat and as the phone ask it)
 */
import * as path from 'node:path';
import { loadYamlWithSchema } from '../src/config/yamlFile';
import { CHECK_BUDGET, crossValidateDanger, crossValidateDangerGrid, FALSE_EMERGENCY_ALLOWANCE, type DangerCrossValidation } from '../src/safety/crossValidation';
import * as fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { assessDanger, spokenDangerCheck } from '../src/safety/detect';
import { SHIPPED_THRESHOLDS, type DangerThresholds } from '../src/safety/thresholds';
import { benignExamplesSchema, dangerExamplesSchema, SAFETY_EXAMPLES_FILES } from '../src/safety/examples';
import { evaluateSafety } from '../src/safety/evaluation';

const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)} %`);

const settingOf = (t: DangerThresholds): string =>
  `sure ${t.confidence.toFixed(2)} context ${t.contextConfidence.toFixed(2)} veto ${t.vetoConfidence > 1 ? 'never' : t.vetoConfidence.toFixed(2)} also ${t.alsoConfidence.toFixed(2)} words ${t.minContentWords} short ${t.shortConfidence > 1 ? 'never' : t.shortConfidence.toFixed(2)} ask ${t.checkConfidence > 1 ? 'never' : t.checkConfidence.toFixed(2)} alone ${t.aloneConfidence.toFixed(2)}`;
const figuresOf = (result: DangerCrossValidation): string =>
  `${Object.entries(result.recall)
    .filter(([, each]) => each.total > 0)
    .map(([kind, each]) => `${kind} ${percent(each.answered, each.total)}`)
    .join(', ')} | false emergencies ${percent(result.falseEmergencies.count, result.falseEmergencies.total)} (${result.falseEmergencies.count}) | questions ${percent(result.checks.count, result.checks.total)} (${result.checks.count})`;

function printGrid(folds: number, danger: Parameters<typeof crossValidateDanger>[0], benign: Parameters<typeof crossValidateDanger>[1]): number {
  const grid = crossValidateDangerGrid(danger, benign, folds);
  const withinBudgets = (result: DangerCrossValidation): boolean =>
    result.falseEmergencies.count <= (grid.reference.falseEmergencies.count / grid.reference.falseEmergencies.total + FALSE_EMERGENCY_ALLOWANCE) * result.falseEmergencies.total + 1e-9 &&
    result.checks.count <= CHECK_BUDGET * result.checks.total + 1e-9;
  // Only the settings within both budgets: the whole grid is about a hundred thousand rows.
  for (const row of grid.rows) if (withinBudgets(row.result)) console.log(`${settingOf(row.thresholds)} | ${figuresOf(row.result)}`);
  console.log(`reference: ${figuresOf(grid.reference)}`);
  console.log(
    `chosen (highest minimum recall, false emergencies ≤ reference + ${FALSE_EMERGENCY_ALLOWANCE * 100} point, questions on ordinary examples ≤ ${CHECK_BUDGET * 100} %): ${settingOf(grid.chosen.thresholds)}`,
  );
  console.log(`          ${figuresOf(grid.chosen.result)}`);
  const shipped = (Object.keys(SHIPPED_THRESHOLDS) as Array<keyof DangerThresholds>).every((key) => SHIPPED_THRESHOLDS[key] === grid.chosen.thresholds[key]);
  console.log(shipped ? 'the shipped thresholds are the chosen ones' : `the shipped thresholds differ: ${settingOf(SHIPPED_THRESHOLDS)}`);
  return shipped ? 0 : 1;
}

function printCrossValidation(folds: number, withGrid: boolean, withMisses = false): number {
  const root = path.resolve(__dirname, '..');
  const danger = loadYamlWithSchema(dangerExamplesSchema, path.join(root, SAFETY_EXAMPLES_FILES.danger));
  const benign = loadYamlWithSchema(benignExamplesSchema, path.join(root, SAFETY_EXAMPLES_FILES.benign));
  if (withGrid) return printGrid(folds, danger, benign);
  const { recall, falseEmergencies, checks, misses, falseAlarms } = crossValidateDanger(danger, benign, folds);
  console.log(`${folds}-fold cross-validation over the examples (rules + a model trained without the held-out fold)`);
  for (const [kind, { answered, total, checked }] of Object.entries(recall)) {
    if (total > 0) console.log(`${kind.padEnd(20)} recall ${percent(answered, total).padStart(8)} (${answered}/${total}, ${checked} by the second-stage question)`);
  }
  console.log(`false emergencies    ${percent(falseEmergencies.count, falseEmergencies.total)} (${falseEmergencies.count}/${falseEmergencies.total}): the full emergency answer to an ordinary example`);
  console.log(`questions            ${percent(checks.count, checks.total)} (${checks.count}/${checks.total}): the second-stage question to an ordinary example`);
  if (withMisses) {
    // The shipped examples only (never a test phrasing): what to write new examples or rules about.
    for (const miss of misses) console.log(`missed ${miss.expect} (got ${miss.got.join(', ') || 'nothing'}): ${miss.text}`);
    for (const alarm of falseAlarms) console.log(`false emergency (${alarm.got.join(', ')}): ${alarm.text}`);
  }
  return 0;
}

/** How often people's ordinary questions (the FAQ's and the phone menus' examples) would be asked « Êtes-vous en danger ? ». */
function printOrdinary(): number {
  const root = path.resolve(__dirname, '..');
  const textsOf = (file: string): string[] => {
    const texts: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') texts.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(parseYaml(fs.readFileSync(path.join(root, file), 'utf8')));
    return texts;
  };
  for (const [name, texts] of [['FAQ examples (chat)', textsOf('content/fr/faq-examples.yaml')], ['phone menus examples (spoken)', textsOf('content/fr/phone-examples.yaml')]] as const) {
    let emergencies = 0;
    let chat = 0;
    let spoken = 0;
    for (const text of texts) {
      const { signal, check } = assessDanger(text);
      if (signal !== null) emergencies++;
      if (check !== null) chat++;
      if (spokenDangerCheck(text) !== null) spoken++;
    }
    console.log(`${name.padEnd(30)} ${texts.length} messages: emergency answer ${percent(emergencies, texts.length)}, question as the chat asks it ${percent(chat, texts.length)} (${chat}), as the phone asks it ${percent(spoken, texts.length)} (${spoken})`);
  }
  return 0;
}

function main(argv: readonly string[]): number {
  if (argv.includes('--ordinary')) return printOrdinary();
  const cv = argv.find((arg) => arg.startsWith('--cv='));
  if (cv !== undefined) return printCrossValidation(Number(cv.split('=')[1]), argv.includes('--grid'), argv.includes('--misses'));
  const dir = argv.find((arg) => !arg.startsWith('--'));
  if (!dir) {
    console.error('usage: npm run eval:safety -- <folder with danger.yaml and benign.yaml> [--misses]');
    return 2;
  }
  const report = evaluateSafety(dir, assessDanger);
  if (argv.includes('--misses')) {
    for (const miss of report.misses) console.log(`missed (${miss.expected}): "${miss.text}" → ${miss.got}`);
    for (const alarm of report.falseAlarms) console.log(`false emergency (${alarm.why}): "${alarm.text}" → ${alarm.got}`);
    for (const question of report.questions) console.log(`second-stage question (${question.why}): "${question.text}" → ${question.got}`);
  }
  for (const [kind, figures] of Object.entries(report.perKind)) {
    if (figures.total === 0) continue;
    console.log(
      `${kind.padEnd(20)} recall ${percent(figures.answered, figures.total).padStart(8)} (${figures.answered}/${figures.total}, ${figures.checked} by the question), number first ${percent(figures.ledBy, figures.total)}`,
    );
  }
  console.log(`${'all'.padEnd(20)} recall ${percent(report.danger.answered, report.danger.total).padStart(8)} (${report.danger.answered}/${report.danger.total})`);
  console.log(`false emergencies    ${percent(report.benign.falseEmergencies, report.benign.total)} (${report.benign.falseEmergencies}/${report.benign.total})`);
  console.log(`questions            ${percent(report.benign.checks, report.benign.total)} (${report.benign.checks}/${report.benign.total})`);
  const met = report.danger.answered === report.danger.total && report.benign.falseEmergencies <= report.benign.total * 0.01 && report.benign.checks <= report.benign.total * CHECK_BUDGET;
  console.log(met ? 'aims met' : `aims missed (recall 100 % in every category, false emergencies ≤ 1 %, questions ≤ ${CHECK_BUDGET * 100} %)`);
  return met ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
