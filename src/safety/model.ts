/**
 * A statistical second opinion on danger: a small multinomial logistic regression (softmax) over
 * Snowball stems and stem bigrams, trained in a fraction of a second on labelled examples (the seven
 * kinds of danger and `none`). The rules (detect.ts) know the phrasings they were written for; the
 * model generalises to words nobody wrote a rule for (« il m'a mis la tête contre le mur »).
 *
 * Pure: training is deterministic (examples in file order, fixed learning rate), and `classify` reads
 * nothing but the model. Features are stems, never the user's words in a log.
 */
import { DANGER_KINDS, type DangerKind } from '../domain/vocabulary';
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
  classify(text: string | PreparedText): { label: ModelLabel; probability: number; known: number };
}

export interface TrainingOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per update, keeps rare stems from deciding alone. */
  l2?: number;
}

/** Content stems, and bigrams of all stems (« me frapp », « veux mour »): pronouns matter for who is hurt. */
export function featuresOf(prepared: PreparedText): string[] {
  const features = new Set<string>(prepared.content);
  for (let i = 1; i < prepared.stems.length; i++) features.add(`${prepared.stems[i - 1]} ${prepared.stems[i]}`);
  return [...features];
}

export function trainDangerModel(examples: readonly LabelledExample[], options: TrainingOptions = {}): DangerModel {
  const { epochs = 30, learningRate = 0.2, l2 = 1e-4 } = options;
  const labels = MODEL_LABELS;
  const index = new Map<string, number>();
  const encoded = examples.map((example) => {
    const ids = featuresOf(prepareForDanger(example.text)).map((feature) => {
      let id = index.get(feature);
      if (id === undefined) {
        id = index.size;
        index.set(feature, id);
      }
      return id;
    });
    return { ids, target: labels.indexOf(example.label) };
  });
  // weights[feature * labels + label]; the last row is the bias.
  const bias = index.size;
  const weights = new Float64Array((index.size + 1) * labels.length);
  const scores = new Float64Array(labels.length);

  const softmax = (ids: readonly number[]): Float64Array => {
    for (let k = 0; k < labels.length; k++) {
      let sum = weights[bias * labels.length + k] as number;
      for (const id of ids) sum += weights[id * labels.length + k] as number;
      scores[k] = sum;
    }
    const max = Math.max(...scores);
    let total = 0;
    for (let k = 0; k < labels.length; k++) {
      scores[k] = Math.exp((scores[k] as number) - max);
      total += scores[k] as number;
    }
    for (let k = 0; k < labels.length; k++) scores[k] = (scores[k] as number) / total;
    return scores;
  };

  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = learningRate / (1 + epoch * 0.1);
    for (const { ids, target } of encoded) {
      const probabilities = softmax(ids);
      for (let k = 0; k < labels.length; k++) {
        const gradient = (probabilities[k] as number) - (k === target ? 1 : 0);
        for (const id of [...ids, bias]) {
          const at = id * labels.length + k;
          weights[at] = (weights[at] as number) * (1 - rate * l2) - rate * gradient;
        }
      }
    }
  }

  return {
    classify(input) {
      const prepared = typeof input === 'string' ? prepareForDanger(input) : input;
      const ids = featuresOf(prepared).flatMap((feature) => {
        const id = index.get(feature);
        return id === undefined ? [] : [id];
      });
      const probabilities = softmax(ids);
      let best = 0;
      for (let k = 1; k < labels.length; k++) if ((probabilities[k] as number) > (probabilities[best] as number)) best = k;
      const content = new Set(prepared.content);
      const known = content.size === 0 ? 0 : [...content].filter((word) => index.has(word)).length / content.size;
      return { label: labels[best] as ModelLabel, probability: probabilities[best] as number, known };
    },
  };
}
