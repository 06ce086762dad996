/**
 * A statistical second opinion on danger: a small multinomial logistic regression (softmax,
 * src/understanding/softmax.ts) over
 * Snowball stems and stem bigrams, trained in a fraction of a second on labelled examples (the seven
 * kinds of danger and `none`). The rules (detect.ts) know the phrasings they were written for; the
 * model generalises to words nobody wrote a rule for (« il m'a mis la tête contre le mur »).
 *
 * Pure: training is deterministic (examples in file order, fixed learning rate), and `classify` reads
 * nothing but the model. Features are stems, never the user's words in a log.
 */
import { DANGER_KINDS, type DangerKind } from '../domain/vocabulary';
import { trainSoftmax, type SoftmaxOptions } from '../understanding/softmax';
import { prepareForDanger, type PreparedText } from './normalise';

export type ModelLabel = DangerKind | 'none';
export const MODEL_LABELS: readonly ModelLabel[] = [...DANGER_KINDS, 'none'];

export interface LabelledExample {
  text: string;
  label: ModelLabel;
}

export interface DangerModel {
  /**
   * The most likely label, its probability (0–1), and the share of the message's content stems the
   * model has seen in training (0–1): an opinion on mostly unknown words is no opinion.
   */
  classify(text: string | PreparedText): { label: ModelLabel; probability: number; known: number; probabilities: Readonly<Record<ModelLabel, number>> };
}

export type TrainingOptions = SoftmaxOptions;

/** Content stems, and bigrams of all stems (« me frapp », « veux mour »): pronouns matter for who is hurt. */
export function featuresOf(prepared: PreparedText): string[] {
  const features = new Set<string>(prepared.content);
  for (let i = 1; i < prepared.stems.length; i++) features.add(`${prepared.stems[i - 1]} ${prepared.stems[i]}`);
  return [...features];
}

/**
 * Read in a fixed order: the danger examples, then the ordinary ones, each sorted by text. Plain SGD
 * is sensitive to order; so the model depends on the examples, not on where they sit in their files
 * (two people adding sections at different places train the same model).
 */
function trainingOrder(examples: readonly LabelledExample[]): LabelledExample[] {
  const byText = (a: LabelledExample, b: LabelledExample) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  return [...examples.filter((example) => example.label !== 'none').sort(byText), ...examples.filter((example) => example.label === 'none').sort(byText)];
}

export function trainDangerModel(examples: readonly LabelledExample[], options: TrainingOptions = {}): DangerModel {
  const model = trainSoftmax(
    trainingOrder(examples).map((example) => ({ features: featuresOf(prepareForDanger(example.text)), label: example.label })),
    MODEL_LABELS,
    options,
  );
  return {
    classify(input) {
      const prepared = typeof input === 'string' ? prepareForDanger(input) : input;
      const probabilities = model.probabilities(featuresOf(prepared));
      let best = 0;
      for (let k = 1; k < probabilities.length; k++) if ((probabilities[k] as number) > (probabilities[best] as number)) best = k;
      const content = new Set(prepared.content);
      const known = content.size === 0 ? 0 : [...content].filter((word) => model.knows(word)).length / content.size;
      const byLabel = Object.fromEntries(MODEL_LABELS.map((label, k) => [label, probabilities[k] as number])) as Record<ModelLabel, number>;
      return { label: MODEL_LABELS[best] as ModelLabel, probability: probabilities[best] as number, known, probabilities: byLabel };
    },
  };
}
