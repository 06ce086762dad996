/**
 * How likely the classifier's first entry is right, from what the three readers say of a message: a
 * small logistic regression (« stacked » over the readers) rather than hand thresholds. Its weights
 * are fitted on the opinions of a k-fold cross-validation over the examples (each example read by
 * readers built without it), so they say how often each reading was right on messages never seen:
 * `npm run eval:faq -- --cv=5 --fit-confidence` prints them, and the stacker's own cross-validation.
 * Pure.
 */
import type { ClassifierOpinion } from '../understanding/classifier';
import type { ExampleVote } from '../understanding/examples';

/** What the readers say, as the stacker reads it. */
export interface Readings {
  opinion: ClassifierOpinion;
  vote: ExampleVote;
  /** The entry the matcher alone is sure of, or null. */
  matcherSure: string | null;
  /** The message asks a wage or a price (src/understanding/amount.ts), which no answer gives (a benefit's amount is answered). */
  asksWageOrPrice?: boolean;
  /** The message is about the writer's own job (src/understanding/ownJob.ts), which no answer is about. */
  ownJob?: boolean;
  /** The message names an everyday thing no entry is about (src/understanding/everyday.ts): the carte Vitale, the APL, a divorce. */
  everyday?: boolean;
}

/** The features' names, in the order of `confidenceFeatures` (and of the weights, after the bias). */
export const CONFIDENCE_FEATURES = [
  'first probability',
  'second probability',
  'matcher sure of the first',
  'matcher sure of another',
  'examples vote the first (share)',
  'examples vote another (share)',
  'examples coverage',
  'known words',
  'words (log)',
  'examples vote the first (its part of the five best voted)',
  'examples vote the second (its part of the five best voted)',
  "the first entry's own words cover the message",
  'asks a wage or a price',
  "speaks of the writer's own job",
  'names an everyday thing no entry is about',
] as const;

/** The part of the votes of the five best voted entries that `label` has (0 when it is not among them). */
function voteFor(vote: ExampleVote, label: string | undefined): number {
  const total = vote.ranked.reduce((sum, { score }) => sum + score, 0);
  const found = vote.ranked.find((r) => r.label === label);
  return total > 0 && found !== undefined ? found.score / total : 0;
}

export function confidenceFeatures({ opinion, vote, matcherSure, asksWageOrPrice = false, ownJob = false, everyday = false }: Readings): number[] {
  const first = opinion.ranked[0];
  const second = opinion.ranked[1];
  const voted = vote.ranked[0]?.label;
  const label = first?.label;
  return [
    first?.probability ?? 0,
    second?.probability ?? 0,
    matcherSure !== null && matcherSure === label ? 1 : 0,
    matcherSure !== null && matcherSure !== label ? 1 : 0,
    voted !== undefined && voted === label ? vote.share : 0,
    voted !== undefined && voted !== label ? vote.share : 0,
    vote.coverage,
    opinion.known,
    Math.log1p(opinion.terms),
    // Where the examples stand on the classifier's first two, even when they vote for a third:
    // the margin between the classifier and the examples' vote.
    voteFor(vote, label),
    voteFor(vote, second?.label),
    // One shared word carrying a sure opinion (« je divorce… le partage de la maison » → shared housing).
    opinion.firstCovers ?? 0,
    // « le salaire en ESAT c'est combien » is near the ESAT's entry, which gives no wage (« l'AAH c'est combien » is answered).
    asksWageOrPrice ? 1 : 0,
    // « je suis AESH, mon contrat finit en juin » is near the AESH's entry, which is about the pupil's right.
    ownJob ? 1 : 0,
    // « la caf m'a envoyé un courrier sur les apl » is near the MDPH's role, which is not about the APL.
    everyday ? 1 : 0,
  ];
}

/** The probability that the classifier's first entry is right; weights: bias first, then one per feature. */
export function confidence(readings: Readings, weights: readonly number[]): number {
  const features = confidenceFeatures(readings);
  let sum = weights[0] ?? 0;
  features.forEach((value, i) => (sum += (weights[i + 1] ?? 0) * value));
  return 1 / (1 + Math.exp(-sum));
}

/** Fits the weights by full-batch gradient descent on the weighted log loss (small L2), from rows whose outcome is known. */
export function fitConfidence(rows: ReadonlyArray<{ readings: Readings; right: boolean; weight?: number }>, iterations = 3000, rate = 0.5, l2 = 1e-4): number[] {
  const data = rows.map(({ readings, right, weight = 1 }) => ({ x: [1, ...confidenceFeatures(readings)], y: right ? 1 : 0, weight }));
  const total = data.reduce((sum, { weight }) => sum + weight, 0);
  const size = CONFIDENCE_FEATURES.length + 1;
  const weights = new Array<number>(size).fill(0);
  if (data.length === 0) return weights;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = new Array<number>(size).fill(0);
    for (const { x, y, weight } of data) {
      let sum = 0;
      for (let i = 0; i < size; i++) sum += (weights[i] as number) * (x[i] as number);
      const error = weight * (1 / (1 + Math.exp(-sum)) - y);
      for (let i = 0; i < size; i++) gradient[i] = (gradient[i] as number) + error * (x[i] as number);
    }
    for (let i = 0; i < size; i++) weights[i] = (weights[i] as number) - rate * ((gradient[i] as number) / total + (i === 0 ? 0 : l2 * (weights[i] as number)));
  }
  return weights.map((w) => Math.round(w * 1000) / 1000);
}

/**
 * Fitted by `npm run eval:faq -- --cv-phrasings=5 --phrasing-weight=1` on 1 December 2026 (eleventh
 * round, second part; refitted in the twelfth after the own-job fix, in the thirteenth when « asks an
 * amount » became « asks a wage or a price », and in the fourteenth for « names an everyday thing » and the FAQ's ages): the examples' out-of-fold opinions, the same examples
 * read by readers built without their entry (weighed 0.1, as messages no entry answers), and people's
 * words at weight 1 — the tuning split's FAQ phrasings (558) and the written unanswered messages of
 * content/fr/faq-unanswered.yaml (211) (README « Eleventh round », « Thirteenth round (FAQ) »). Bias, then the weights of CONFIDENCE_FEATURES in order. The classifier's
 * first probability and the part of the message its first entry's own words cover count most; asking
 * a wage or a price, speaking of one's own job and naming an everyday thing no entry is about count against. Fit them again when the readers, the entries
 * or the phrasings change much.
 */
export const CONFIDENCE_WEIGHTS: readonly number[] = [-4.641, 3.324, -1.594, 0.045, -0.311, -0.159, -0.523, 0.986, -0.707, 0.314, 1.032, -0.432, 3.565, -1.968, -3.173, -2.209];
