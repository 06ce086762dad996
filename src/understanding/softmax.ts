/**
 * A small multinomial logistic regression (softmax), trained by plain SGD on sets of string
 * features (stems, stem bigrams) with a label each. Shared by the danger model (src/safety/model.ts)
 * and the FAQ's third reader (src/understanding/classifier.ts).
 *
 * Pure and deterministic: examples are read in order (or, with a `seed`, in an order shuffled
 * afresh at every epoch from that seed) with a decaying learning rate; `probabilities` reads
 * nothing but the weights.
 */

export interface FeatureExample {
  features: readonly string[];
  label: string;
}

export interface SoftmaxOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per update, keeps rare features from deciding alone. */
  l2?: number;
  /** When set, the examples are shuffled at every epoch from this seed (0: read in order). */
  seed?: number;
}

export interface SoftmaxModel {
  readonly labels: readonly string[];
  /** Each label's probability (same order as `labels`) for these features; unknown features are ignored. */
  probabilities(features: readonly string[]): number[];
  /** Whether a feature was seen in training. */
  knows(feature: string): boolean;
}

export const DEFAULT_SOFTMAX_OPTIONS: Required<SoftmaxOptions> = { epochs: 30, learningRate: 0.2, l2: 1e-4, seed: 0 };

export function trainSoftmax(examples: readonly FeatureExample[], labels: readonly string[], options: SoftmaxOptions = {}): SoftmaxModel {
  const { epochs, learningRate, l2, seed } = { ...DEFAULT_SOFTMAX_OPTIONS, ...options };
  const size = labels.length;
  const labelIndex = new Map(labels.map((label, k) => [label, k]));
  const index = new Map<string, number>();
  const encoded = examples.map((example) => {
    const ids = [...new Set(example.features)].map((feature) => {
      let id = index.get(feature);
      if (id === undefined) {
        id = index.size;
        index.set(feature, id);
      }
      return id;
    });
    const target = labelIndex.get(example.label);
    if (target === undefined) throw new Error(`trainSoftmax: unknown label ${example.label}`);
    return { ids, target };
  });
  // weights[feature * size + label]; the last row is the bias.
  const bias = index.size;
  // What one update touches: the example's features and the bias.
  const updated = encoded.map(({ ids, target }) => ({ ids, target, rows: Int32Array.from([...ids, bias], (id) => id * size) }));
  const weights = new Float64Array((index.size + 1) * size);
  const scores = new Float64Array(size);

  const softmax = (ids: readonly number[]): Float64Array => {
    for (let k = 0; k < size; k++) {
      let sum = weights[bias * size + k] as number;
      for (const id of ids) sum += weights[id * size + k] as number;
      scores[k] = sum;
    }
    let max = -Infinity;
    for (let k = 0; k < size; k++) max = Math.max(max, scores[k] as number);
    let total = 0;
    for (let k = 0; k < size; k++) {
      scores[k] = Math.exp((scores[k] as number) - max);
      total += scores[k] as number;
    }
    for (let k = 0; k < size; k++) scores[k] = (scores[k] as number) / total;
    return scores;
  };

  const random = seed === 0 ? null : seededRandom(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = learningRate / (1 + epoch * 0.1);
    if (random !== null) shuffle(updated, random);
    const decay = 1 - rate * l2;
    for (const { ids, target, rows } of updated) {
      const probabilities = softmax(ids);
      for (let k = 0; k < size; k++) {
        const step = rate * ((probabilities[k] as number) - (k === target ? 1 : 0));
        for (let r = 0; r < rows.length; r++) {
          const at = (rows[r] as number) + k;
          weights[at] = (weights[at] as number) * decay - step;
        }
      }
    }
  }

  return {
    labels,
    probabilities(features) {
      const ids = [...new Set(features)].flatMap((feature) => {
        const id = index.get(feature);
        return id === undefined ? [] : [id];
      });
      return [...softmax(ids)];
    },
    knows: (feature) => index.has(feature),
  };
}

/** Mulberry32: a small seeded generator of numbers in [0, 1), so that a shuffled training is repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates, in place. */
function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
