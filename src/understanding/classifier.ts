/**
 * The third reader: a softmax over the analyser's stems and the pairs of neighbouring stems
 * (« demand renouvel », « delai mdph »), trained when the service starts on the labelled examples
 * (each FAQ entry's title, questions, keywords and examples). Where the nearest examples look for the
 * few sentences most like the message, the classifier weighs every word against every entry at once:
 * the words that tell entries apart (« délai », « renouveler ») count, the words they share
 * (« MDPH », « dossier ») little. Pure and deterministic; built once per set of examples.
 */
import { LRUCache } from 'lru-cache';
import type { Analyser } from './analyse';
import { editDistance } from './editDistance';
import type { LabelledExample } from './examples';
import { trainSoftmax, type SoftmaxModel, type SoftmaxOptions } from './softmax';

export interface ClassifierOpinion {
  /** Labels by probability, best first (at most five). */
  ranked: Array<{ label: string; probability: number }>;
  /** The part of the message's stems the classifier saw in training (0–1). */
  known: number;
  /** How many distinct stems the message has. */
  terms: number;
  /**
   * The part of the message's distinct stems that the first label's own training texts use (0–1): low
   * when one shared word (« maison », « vacances ») carries the whole of a confident opinion.
   */
  firstCovers?: number;
}

export interface TextClassifier {
  /** The opinion on words already read (e.g. the matcher's, with its typos repaired). */
  classifyTerms(terms: readonly string[]): ClassifierOpinion;
  classify(text: string): ClassifierOpinion;
}

/** Each stem, and each pair of stems that follow each other; with `grams`, the stems' character n-grams too. */
export function termFeatures(terms: readonly string[], grams: CharGrams = NO_CHAR_GRAMS): string[] {
  const features = [...terms];
  for (let i = 1; i < terms.length; i++) features.push(`${terms[i - 1]} ${terms[i]}`);
  if (grams.max > 0) for (const term of new Set(terms)) features.push(...charGrams(term, grams));
  return features;
}

export interface CharGrams {
  /** Shortest and longest n-gram (0: none). */
  min: number;
  max: number;
}

const NO_CHAR_GRAMS: CharGrams = { min: 0, max: 0 };

/**
 * The character n-grams of a stem within its boundaries (« <alloc> » → « #<al », « #all »…), marked
 * apart from the stems: a typo, an SMS spelling or a missing accent leaves most of them alike.
 */
export function charGrams(term: string, { min, max }: CharGrams): string[] {
  const bounded = `<${term}>`;
  const grams: string[] = [];
  for (let n = min; n <= max; n++) for (let i = 0; i + n <= bounded.length; i++) grams.push(`#${bounded.slice(i, i + n)}`);
  return grams;
}

/** Stems shorter than this are not repaired (« aah », « pch » are close to too many others). */
const MIN_REPAIRED_LENGTH = 4;
const REPAIR_CACHE_SIZE = 20_000;

export interface ClassifierOptions extends Omit<SoftmaxOptions, 'seed'> {
  /**
   * How many trainings, each reading the examples in its own shuffled order, are averaged (1: one
   * training in the examples' order). One training is often over-sure of what it read last; the
   * average is sure only where the trainings agree.
   */
  ensemble?: number;
  /**
   * Character n-grams of the stems as features beside them (`max` 0: none). Measured (README
   * « Understanding »): 4-grams answer more of the examples right but also more messages no entry
   * answers, and double the training; off.
   */
  charGrams?: CharGrams;
}

/**
 * Twenty epochs: with about 45 examples per entry, 5-fold cross-validation over the examples
 * (`npm run eval:faq -- --cv=5 --epochs=N`) finds 15 to 30 epochs alike and better than 10 (more right
 * answers, as few wrong ones); with 30 examples per entry, ten were better (README « Understanding »).
 */
export const DEFAULT_CLASSIFIER_OPTIONS: Required<ClassifierOptions> = { epochs: 20, learningRate: 0.2, l2: 1e-4, ensemble: 1, charGrams: NO_CHAR_GRAMS };

export function createTextClassifier(examples: readonly LabelledExample[], analyser: Analyser, options: ClassifierOptions = {}): TextClassifier {
  const labels = [...new Set(examples.map((example) => example.label))];
  const { ensemble, charGrams: grams, ...softmaxOptions } = { ...DEFAULT_CLASSIFIER_OPTIONS, ...options };
  const featureExamples = examples.map((example) => ({ features: termFeatures(analyser.terms(example.text), grams), label: example.label }));
  const models = Array.from({ length: Math.max(1, ensemble) }, (_, k) => trainSoftmax(featureExamples, labels, { ...softmaxOptions, seed: ensemble > 1 ? k + 1 : 0 }));
  const model = models[0] as SoftmaxModel;

  // A stem it never saw, one typo away from one it knows (« aloc » for « alloc »), is read as that one.
  const vocabulary = [...new Set(examples.flatMap((example) => analyser.terms(example.text)))];
  // Each label's own stems, for `firstCovers`.
  const stemsOf = new Map<string, Set<string>>();
  for (const example of examples) {
    const stems = stemsOf.get(example.label) ?? new Set<string>();
    for (const term of analyser.terms(example.text)) stems.add(term);
    stemsOf.set(example.label, stems);
  }
  const repaired = new LRUCache<string, string>({
    max: REPAIR_CACHE_SIZE,
    memoMethod: (term) => vocabulary.find((candidate) => Math.abs(candidate.length - term.length) <= 1 && editDistance(term, candidate, 1) <= 1) ?? term,
  });
  function repair(term: string): string {
    if (model.knows(term) || term.length < MIN_REPAIRED_LENGTH) return term;
    return repaired.memo(term);
  }

  function classifyTerms(read: readonly string[]): ClassifierOpinion {
    const terms = read.map(repair);
    if (terms.length === 0) return { ranked: [], known: 0, terms: 0 };
    const features = termFeatures(terms, grams);
    const probabilities = labels.map(() => 0);
    for (const each of models) each.probabilities(features).forEach((p, k) => (probabilities[k] = (probabilities[k] as number) + p / models.length));
    const ranked = labels
      .map((label, k) => ({ label, probability: probabilities[k] ?? 0 }))
      .sort((a, b) => b.probability - a.probability)
      .slice(0, 5);
    const distinct = new Set(terms);
    const own = stemsOf.get(ranked[0]?.label ?? '');
    const firstCovers = own === undefined ? 0 : [...distinct].filter((term) => own.has(term)).length / distinct.size;
    return { ranked, known: [...distinct].filter((term) => model.knows(term)).length / distinct.size, terms: distinct.size, firstCovers };
  }

  return { classifyTerms, classify: (text) => classifyTerms(analyser.terms(text)) };
}
