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
import { decideDanger, readDanger, SHIPPED_THRESHOLDS, type DangerEvidence, type DangerThresholds } from './detect';
import { trainDangerModel } from './model';

export interface DangerCrossValidation {
  /** Held-out danger examples that got their category's answer, per category. */
  recall: Record<DangerKind, { answered: number; total: number }>;
  /** Held-out ordinary examples that got an emergency answer. */
  falseEmergencies: { count: number; total: number };
}

type Danger = { text: string; expect: DangerKind; also?: readonly DangerKind[] | null };
type Read = { evidence: DangerEvidence | null; accepted: readonly DangerKind[] | null };

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
      if (i % folds === fold) reads.push({ evidence: readDanger(item.text, model), accepted: [item.expect, ...(item.also ?? [])] });
    });
    benign.forEach((item, i) => {
      if (i % folds === fold) reads.push({ evidence: readDanger(item.text, model), accepted: null });
    });
  }
  return reads;
}

function score(reads: readonly Read[], thresholds: DangerThresholds): DangerCrossValidation {
  const recall = Object.fromEntries(DANGER_KINDS.map((kind) => [kind, { answered: 0, total: 0 }])) as DangerCrossValidation['recall'];
  const falseEmergencies = { count: 0, total: 0 };
  for (const { evidence, accepted } of reads) {
    const signal = evidence === null ? null : decideDanger(evidence, thresholds);
    if (accepted === null) {
      falseEmergencies.total++;
      if (signal !== null) falseEmergencies.count++;
      continue;
    }
    const figures = recall[accepted[0] as DangerKind];
    figures.total++;
    if (signal !== null && accepted.some((kind) => signal.kinds.includes(kind))) figures.answered++;
  }
  return { recall, falseEmergencies };
}

export function crossValidateDanger(danger: readonly Danger[], benign: ReadonlyArray<{ text: string }>, folds: number, thresholds: DangerThresholds = SHIPPED_THRESHOLDS): DangerCrossValidation {
  return score(readHeldOut(danger, benign, folds), thresholds);
}

/**
 * The reference setting the grid must not be much worse than in false emergencies: the thresholds
 * shipped before recall was put first (30 November 2026). Fixed, so that rerunning the grid after a
 * choice does not loosen the budget a point more each time.
 */
export const REFERENCE_THRESHOLDS: Readonly<DangerThresholds> = { confidence: 0.5, contextConfidence: 0.8, vetoConfidence: 0.95, alsoConfidence: 0.25, minContentWords: 3, shortConfidence: 1.01 };
/** How many more false emergencies (percentage points of the ordinary examples) a setting may cost. */
export const FALSE_EMERGENCY_ALLOWANCE = 0.01;

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
};

function* settings(grid: typeof THRESHOLD_GRID): Generator<DangerThresholds> {
  for (const confidence of grid.confidence)
    for (const contextConfidence of grid.contextConfidence)
      for (const vetoConfidence of grid.vetoConfidence)
        for (const alsoConfidence of grid.alsoConfidence)
          for (const minContentWords of grid.minContentWords)
            for (const shortConfidence of grid.shortConfidence) yield { confidence, contextConfidence, vetoConfidence, alsoConfidence, minContentWords, shortConfidence };
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

export interface DangerGrid {
  reference: DangerCrossValidation;
  /** Every setting with its figures, in grid order. */
  rows: Array<{ thresholds: DangerThresholds; result: DangerCrossValidation }>;
  /**
   * The setting with the highest minimum recall over the kinds, among those whose false emergencies
   * are at most the reference's + 1 point; ties: the next lowest recall, and so on (recall first),
   * then fewer false emergencies.
   */
  chosen: { thresholds: DangerThresholds; result: DangerCrossValidation };
}

export function crossValidateDangerGrid(danger: readonly Danger[], benign: ReadonlyArray<{ text: string }>, folds: number, grid = THRESHOLD_GRID): DangerGrid {
  const reads = readHeldOut(danger, benign, folds);
  const reference = score(reads, REFERENCE_THRESHOLDS);
  const budget = falseRate(reference) + FALSE_EMERGENCY_ALLOWANCE + 1e-9;
  const rows = [...settings(grid)].map((thresholds) => ({ thresholds, result: score(reads, thresholds) }));
  const better = (a: DangerCrossValidation, b: DangerCrossValidation): boolean => {
    const [ra, rb] = [sortedRecalls(a), sortedRecalls(b)];
    const k = ra.findIndex((value, i) => value !== rb[i]);
    return k >= 0 ? (ra[k] as number) > (rb[k] as number) : falseRate(a) < falseRate(b);
  };
  let chosen = { thresholds: REFERENCE_THRESHOLDS, result: reference };
  for (const row of rows) if (falseRate(row.result) <= budget && better(row.result, chosen.result)) chosen = row;
  return { reference, rows, chosen };
}
