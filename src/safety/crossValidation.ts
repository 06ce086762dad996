/**
 * k-fold cross-validation of the danger detector on the shipped examples: the model is trained on
 * all folds but one, the detector (rules + that model, shipped thresholds) reads the fold left out.
 * A figure for examples the model never saw, to decide on without looking at the test split.
 */
import type { DangerKind } from '../domain/vocabulary';
import { createDangerDetector, MODEL_CONFIDENCE, MODEL_CONTEXT_CONFIDENCE, MODEL_VETO_CONFIDENCE } from './detect';
import { trainDangerModel, type LabelledExample } from './model';

export interface FoldResult {
  text: string;
  label: DangerKind | 'none';
  /** Danger example: its kind was among the kinds found. Ordinary example: nothing was found. */
  right: boolean;
  /** What the detector found (cues), or « nothing ». */
  got: string;
}

/**
 * Each example read by a detector whose model was trained without its fold (example i is in fold i
 * mod k); `alsoTrainedOn` joins every fold's training and is never scored (what new examples bring to the old ones).
 */
export function crossValidate(examples: readonly LabelledExample[], folds = 5, alsoTrainedOn: readonly LabelledExample[] = []): FoldResult[] {
  const results: FoldResult[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const model = trainDangerModel([...alsoTrainedOn, ...examples.filter((_, i) => i % folds !== fold)]);
    const detect = createDangerDetector({ model, confidence: MODEL_CONFIDENCE, contextConfidence: MODEL_CONTEXT_CONFIDENCE, vetoConfidence: MODEL_VETO_CONFIDENCE });
    examples.forEach((example, i) => {
      if (i % folds !== fold) return;
      const signal = detect(example.text);
      const right = example.label === 'none' ? signal === null : (signal?.kinds.includes(example.label) ?? false);
      results.push({ text: example.text, label: example.label, right, got: signal ? signal.cues.join(',') : 'nothing' });
    });
  }
  return results;
}
