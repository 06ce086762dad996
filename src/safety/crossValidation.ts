/**
 * K-fold cross-validation of the danger detector over its own examples
 * (content/fr/safety-examples-*.yaml): each example is held out once, the model is trained on the
 * others, and the rules with that model read the held-out one. How the detector does on phrasings
 * it never learnt from, without looking at the test split: the way to judge new examples or a
 * threshold. `npm run eval:safety -- --cv=5`.
 */
import { DANGER_KINDS, type DangerKind } from '../domain/vocabulary';
import { createDangerDetector, MODEL_CONFIDENCE, MODEL_CONTEXT_CONFIDENCE, MODEL_VETO_CONFIDENCE, type DetectorOptions } from './detect';
import { trainDangerModel } from './model';

export interface DangerCrossValidation {
  /** Held-out danger examples that got their category's answer, per category. */
  recall: Record<DangerKind, { answered: number; total: number }>;
  /** Held-out ordinary examples that got an emergency answer. */
  falseEmergencies: { count: number; total: number };
}

type Danger = { text: string; expect: DangerKind; also?: readonly DangerKind[] | null };

export function crossValidateDanger(
  danger: readonly Danger[],
  benign: ReadonlyArray<{ text: string }>,
  folds: number,
  thresholds: Omit<DetectorOptions, 'model'> = { confidence: MODEL_CONFIDENCE, contextConfidence: MODEL_CONTEXT_CONFIDENCE, vetoConfidence: MODEL_VETO_CONFIDENCE },
): DangerCrossValidation {
  if (!Number.isInteger(folds) || folds < 2) throw new Error('crossValidateDanger: at least 2 folds');
  const recall = Object.fromEntries(DANGER_KINDS.map((kind) => [kind, { answered: 0, total: 0 }])) as DangerCrossValidation['recall'];
  const falseEmergencies = { count: 0, total: 0 };
  for (let fold = 0; fold < folds; fold++) {
    const training = [
      ...danger.filter((_, i) => i % folds !== fold).map((item) => ({ text: item.text, label: item.expect })),
      ...benign.filter((_, i) => i % folds !== fold).map((item) => ({ text: item.text, label: 'none' as const })),
    ];
    const detect = createDangerDetector({ model: trainDangerModel(training), ...thresholds });
    danger.forEach((item, i) => {
      if (i % folds !== fold) return;
      const signal = detect(item.text);
      recall[item.expect].total++;
      if (signal !== null && [item.expect, ...(item.also ?? [])].some((kind) => signal.kinds.includes(kind))) recall[item.expect].answered++;
    });
    benign.forEach((item, i) => {
      if (i % folds !== fold) return;
      falseEmergencies.total++;
      if (detect(item.text) !== null) falseEmergencies.count++;
    });
  }
  return { recall, falseEmergencies };
}
