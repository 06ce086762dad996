/**
 * K-fold cross-validation of the danger detector over its own examples
 * (content/fr/safety-examples-*.yaml): each example is held out once, the model is trained on the
 * others, and the rules with that model read the held-out one. How the detector does on phrasings
 * it never learnt from, without looking at the test split: the way to judge new examples or a
 * threshold. `npm run eval:safety -- --cv=5` (`--grid`: every setting of the threshold grid).
 *
 * Each held-out example is read once per fold (rules, context, the model's opinion); the thresholds
 * only decide, so a grid of hundreds of settings costs little more than one.
 */
import { DANGER_KINDS, type DangerKind } from '../domain/vocabulary';
import { decideCheck, decideDanger, readDanger, type DangerEvidence, type DangerSignal } from './detect';
import { SHIPPED_THRESHOLDS, type DangerThresholds } from './thresholds';
import { trainDangerModel } from './model';

export interface DangerCrossValidation {
  /**
   * Held-out danger examples whose category's number was given at once, per category: the emergency
   * answer naming it (emergency), or the second-stage question naming it (checked).
   */
  recall: Record<DangerKind, { answered: number; total: number; checked: number }>;
  /** Held-out ordinary examples that got the full emergency answer. */
  falseEmergencies: { count: number; total: number };
  /** Held-out ordinary examples that got the second-stage question (« Êtes-vous en danger en ce moment ? »). */
  checks: { count: number; total: number };
  /** The examples behind the figures (`--misses`): dangers whose number was not given, ordinary ones that got the emergency. */
  misses: Array<{ text: string; expect: DangerKind; got: readonly DangerKind[] }>;
  falseAlarms: Array<{ text: string; got: readonly DangerKind[] }>;
}

type Danger = { text: string; expect: DangerKind; also?: readonly DangerKind[] | null };
type Read = { text: string; evidence: DangerEvidence | null; accepted: readonly DangerKind[] | null };

/** Every example read once by the detector of the fold that held it out (accepted: null for an ordinary one). */
function readHeldOut(danger: readonly Danger[], benign: ReadonlyArray<{ text: string }>, folds: number): Read[] {
  if (!Number.isInteger(folds) || folds < 2) throw new Error('crossValidateDanger: at least 2 folds');
  const reads: Read[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const model = trainDangerModel([
      ...danger.filter((_, i) => i % folds !== fold).map((item) => ({ text: item.text, label: item.expect })),
      ...benign.filter((_, i) => i % folds !== fold).map((item) => ({ text: item.text, label: 'none' as const })),
    ]);
    danger.forEach((item, i) => {
      if (i % folds === fold) reads.push({ text: item.text, evidence: readDanger(item.text, model), accepted: [item.expect, ...(item.also ?? [])] });
    });
    benign.forEach((item, i) => {
      if (i % folds === fold) reads.push({ text: item.text, evidence: readDanger(item.text, model), accepted: null });
    });
  }
  return reads;
}

/** The emergency answer of every read under the thresholds (the grey zone aside: it only adds to them). */
const signalsOf = (reads: readonly Read[], thresholds: DangerThresholds): Array<DangerSignal | null> =>
  reads.map(({ evidence }) => (evidence === null ? null : decideDanger(evidence, thresholds)));

function score(reads: readonly Read[], thresholds: DangerThresholds, signals = signalsOf(reads, thresholds)): DangerCrossValidation {
  const recall = Object.fromEntries(DANGER_KINDS.map((kind) => [kind, { answered: 0, total: 0, checked: 0 }])) as DangerCrossValidation['recall'];
  const falseEmergencies = { count: 0, total: 0 };
  const checks = { count: 0, total: 0 };
  const misses: DangerCrossValidation['misses'] = [];
  const falseAlarms: DangerCrossValidation['falseAlarms'] = [];
  reads.forEach(({ text, evidence, accepted }, i) => {
    const signal = signals[i] ?? null;
    const check = evidence === null ? null : decideCheck(evidence, thresholds, signal);
    if (accepted === null) {
      falseEmergencies.total++;
      checks.total++;
      if (signal !== null) {
        falseEmergencies.count++;
        falseAlarms.push({ text, got: signal.kinds });
      }
      if (check !== null) checks.count++;
      return;
    }
    const figures = recall[accepted[0] as DangerKind];
    figures.total++;
    if (signal !== null && accepted.some((kind) => signal.kinds.includes(kind))) figures.answered++;
    else if (check !== null && accepted.includes(check.kind)) {
      figures.answered++;
      figures.checked++;
    } else misses.push({ text, expect: accepted[0] as DangerKind, got: signal?.kinds ?? (check ? [check.kind] : []) });
  });
  return { recall, falseEmergencies, checks, misses, falseAlarms };
}

export function crossValidateDanger(danger: readonly Danger[], benign: ReadonlyArray<{ text: string }>, folds: number, thresholds: DangerThresholds = SHIPPED_THRESHOLDS): DangerCrossValidation {
  return score(readHeldOut(danger, benign, folds), thresholds);
}

/**
 * The reference setting the grid must not be much worse than in false emergencies: the thresholds
 * shipped before recall was put first (30 November 2026). Fixed, so that rerunning the grid after a
 * choice does not loosen the budget a point more each time.
 */
export const REFERENCE_THRESHOLDS: Readonly<DangerThresholds> = {
  confidence: 0.5,
  contextConfidence: 0.8,
  vetoConfidence: 0.95,
  alsoConfidence: 0.25,
  minContentWords: 3,
  shortConfidence: 1.01,
  checkConfidence: 1.01,
  aloneConfidence: 0,
};
/**
 * How many more false emergencies (percentage points of the ordinary examples) a setting may cost
 * than the reference: none, now that the second stage catches what a higher threshold leaves out.
 */
export const FALSE_EMERGENCY_ALLOWANCE = 0;
/** The share of ordinary examples that may get the second-stage question. */
export const CHECK_BUDGET = 0.08;

/**
 * The values tried for each threshold (above 1: the veto never drops what the rules found). The
 * « also » threshold stops at 0.1: below, an answer lists the numbers of kinds the model barely considers.
 */
export const THRESHOLD_GRID: { readonly [K in keyof DangerThresholds]: readonly number[] } = {
  confidence: [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55],
  contextConfidence: [0.6, 0.7, 0.8, 0.9],
  vetoConfidence: [0.9, 0.95, 0.98, 1.01],
  alsoConfidence: [0.1, 0.15, 0.2, 0.25, 0.3, 0.4],
  minContentWords: [2, 3, 4, 5, 6],
  shortConfidence: [0.8, 0.9, 0.95, 1.01],
  checkConfidence: [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 1.01],
  aloneConfidence: [0, 0.7, 0.8],
};

/** The emergency's settings (the grey zone's threshold is tried on each: it does not change the emergency). */
function* settings(grid: typeof THRESHOLD_GRID): Generator<Omit<DangerThresholds, 'checkConfidence'>> {
  for (const confidence of grid.confidence)
    for (const contextConfidence of grid.contextConfidence)
      for (const vetoConfidence of grid.vetoConfidence)
        for (const alsoConfidence of grid.alsoConfidence)
          for (const minContentWords of grid.minContentWords)
            for (const shortConfidence of grid.shortConfidence)
              for (const aloneConfidence of grid.aloneConfidence) yield { confidence, contextConfidence, vetoConfidence, alsoConfidence, minContentWords, shortConfidence, aloneConfidence };
}

export const minimumRecall = (result: DangerCrossValidation): number =>
  Math.min(...Object.values(result.recall).filter((each) => each.total > 0).map((each) => each.answered / each.total));
/** The kinds' recalls, lowest first: compared in that order (the lowest, then the next lowest…). */
const sortedRecalls = (result: DangerCrossValidation): number[] =>
  Object.values(result.recall)
    .filter((each) => each.total > 0)
    .map((each) => each.answered / each.total)
    .sort((a, b) => a - b);
const falseRate = (result: DangerCrossValidation): number => result.falseEmergencies.count / Math.max(1, result.falseEmergencies.total);
export const checkRate = (result: DangerCrossValidation): number => result.checks.count / Math.max(1, result.checks.total);

export interface DangerGrid {
  reference: DangerCrossValidation;
  /** Every setting with its figures, in grid order. */
  rows: Array<{ thresholds: DangerThresholds; result: DangerCrossValidation }>;
  /**
   * The setting with the highest minimum recall over the kinds (the number given at once: emergency
   * answer or second-stage question), among those whose false emergencies are at most the
   * reference's + FALSE_EMERGENCY_ALLOWANCE and whose second-stage questions on ordinary examples are
   * at most CHECK_BUDGET; ties: the next lowest recall, and so on (recall first), then fewer false
   * emergencies, then fewer questions.
   */
  chosen: { thresholds: DangerThresholds; result: DangerCrossValidation };
}

export function crossValidateDangerGrid(danger: readonly Danger[], benign: ReadonlyArray<{ text: string }>, folds: number, grid = THRESHOLD_GRID): DangerGrid {
  const reads = readHeldOut(danger, benign, folds);
  const reference = score(reads, REFERENCE_THRESHOLDS);
  const budget = falseRate(reference) + FALSE_EMERGENCY_ALLOWANCE + 1e-9;
  const rows = [...settings(grid)].flatMap((emergency) => {
    const signals = signalsOf(reads, { ...emergency, checkConfidence: 1.01 });
    return grid.checkConfidence.map((checkConfidence) => {
      const thresholds = { ...emergency, checkConfidence };
      return { thresholds, result: score(reads, thresholds, signals) };
    });
  });
  const better = (a: DangerCrossValidation, b: DangerCrossValidation): boolean => {
    const [ra, rb] = [sortedRecalls(a), sortedRecalls(b)];
    const k = ra.findIndex((value, i) => value !== rb[i]);
    if (k >= 0) return (ra[k] as number) > (rb[k] as number);
    return falseRate(a) !== falseRate(b) ? falseRate(a) < falseRate(b) : checkRate(a) < checkRate(b);
  };
  let chosen = { thresholds: REFERENCE_THRESHOLDS, result: reference };
  for (const row of rows) if (falseRate(row.result) <= budget && checkRate(row.result) <= CHECK_BUDGET + 1e-9 && better(row.result, chosen.result)) chosen = row;
  return { reference, rows, chosen };
}
