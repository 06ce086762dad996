/**
 * The level-1 answers: finds the FAQ entry a user's question is about, or says it is not sure.
 * Three readers of the same French (src/understanding):
 * - the classifier: a softmax over stems and pairs of stems, trained at start on every entry's
 *   title, questions, keywords and examples; it weighs the words that tell entries apart;
 * - the matcher: an entry is a topic named by its title and keywords, asked by its questions,
 *   explained by its answer; it weighs what the entry explains of the message;
 * - the nearest examples: every question and example of every entry is a document; the closest
 *   ones vote for their entry.
 * The classifier's first entry is answered when the stacked confidence (./confidence.ts: a small
 * logistic regression over the three readers' opinions, fitted by cross-validation over the examples)
 * says it is likely right; its second is offered too when it is likely enough (two questions in one).
 * (Before: hand thresholds — the classifier sure of one entry, or of two that hold nearly all its
 * belief, or confirmed by the matcher; still there with `confidenceAnswer: 0`.)
 * (Option `dissentShare`: « not sure » when the nearest examples clearly say another entry; measured by
 * cross-validation over the examples, `npm run eval:faq -- --cv=5`, it withdrew about four right
 * answers for each wrong one: off.)
 * A message written as in the base (the matcher) always gets its entry; a message of one or two
 * words, or of words the classifier never saw, gets what the matcher and the examples say. Else the answer is
 * `notSure`, with the likeliest entries of the three readers as suggestions: the bot then offers
 * them and a human. (Strategy `voted` also answers when the matcher and the examples combined give
 * the classifier's first choice: more right answers, more wrong ones; measured, not kept.) A wrong answer misleads a person; « not
 * sure » offers a human: the thresholds favour « not sure ».
 */
import { answeredIds, type FaqEntry } from './schema';
import { faqAnalyser, type Analyser } from '../understanding/analyse';
import { createExampleIndex, DEFAULT_EXAMPLE_INDEX_OPTIONS, type ExampleIndexOptions, type ExampleVote } from '../understanding/examples';
import { createTextClassifier, DEFAULT_CLASSIFIER_OPTIONS, type ClassifierOpinion, type ClassifierOptions } from '../understanding/classifier';
import { confidence, CONFIDENCE_WEIGHTS, type Readings } from './confidence';
import { questionPart } from '../understanding/sentences';
import { asksWageOrPrice } from '../understanding/amount';
import { speaksOfOwnJob } from '../understanding/ownJob';
import { namesEverydayThing } from '../understanding/everyday';
import { createMatcher, DEFAULT_MATCHER_OPTIONS, type MatcherOptions, type MatchExplanation as TopicExplanation, type Topic } from '../understanding/matcher';

export type FaqMatch =
  | {
      kind: 'answer';
      entry: FaqEntry;
      /** Confidence 0–1. */
      score: number;
      /** Another entry the message is nearly as surely about (two questions in one): offered after the answer. */
      also?: FaqEntry;
    }
  | { kind: 'notSure'; suggestions: FaqEntry[] };

/** How the two readers are combined. */
export interface CombinationOptions {
  /**
   * matcher: the matcher alone; examples: the nearest examples alone; combined: both; classifier: the
   * classifier (the service); voted: the classifier, or the two others when they give its first choice.
   */
  strategy?: 'matcher' | 'examples' | 'combined' | 'classifier' | 'voted';
  /** The examples answer alone when their top entry has at least this part of the votes… */
  exampleShare?: number;
  /** …and the message has at least this many meaningful words (one word is too little to vote on)… */
  exampleMinTerms?: number;
  /** …and its examples say at least this part of the message. */
  exampleCoverage?: number;
  /** The matcher's sure answer is withdrawn when the examples give another entry at least this part of the votes. */
  vetoShare?: number;
  /** The classifier answers alone when its first entry has at least this probability… */
  classifierSure?: number;
  /** …or when its first two together have at least this much, the first at least `classifierPairFirst` (0: never). */
  classifierPair?: number;
  classifierPairFirst?: number;
  /**
   * When it answers alone, its second entry is offered as well (a button, « peut-être aussi ») when it
   * has at least this probability (0: never): a message of two questions gets both.
   */
  classifierAlso?: number;
  /** …or when the matcher is sure of its first entry and it has at least this probability. */
  classifierConfirmed?: number;
  /** The classifier decides only when it saw at least this part of the message's words in training. */
  classifierMinKnown?: number;
  /**
   * The classifier's answer is withdrawn (« not sure ») when the nearest examples vote for another
   * entry with at least this part of the votes (0: never)…
   */
  dissentShare?: number;
  /** …and say at least this part of the message. */
  dissentCoverage?: number;
  /**
   * When above 0, the stacked confidence (src/knowledge/confidence.ts) decides instead of the sure, pair
   * and confirmed thresholds: the classifier's first entry is answered when the chance it is right,
   * from all three readers, is at least this.
   */
  confidenceAnswer?: number;
  /**
   * Two known words: the classifier's first entry when it has at least this probability and the
   * nearest examples agree (0: never). 5-fold CV over the examples: 0.5–0.8 alike, 5 more right, no
   * more wrong; 0.9: 1 more right.
   */
  shortAgreement?: number;
  /** The stacker's weights (bias first). */
  confidenceWeights?: readonly number[];
  /** replace: the stacked confidence alone decides; veto: the thresholds decide, and their answer stands only when the confidence is high enough. */
  confidenceMode?: 'replace' | 'veto';
}

export const DEFAULT_COMBINATION_OPTIONS: Required<CombinationOptions> = {
  strategy: 'classifier',
  classifierSure: 0.65,
  classifierPair: 0.9,
  classifierPairFirst: 0.55,
  classifierAlso: 0.15,
  classifierConfirmed: 0.5,
  classifierMinKnown: 0.5,
  dissentShare: 0,
  dissentCoverage: 0.1,
  confidenceAnswer: 0.55,
  confidenceWeights: CONFIDENCE_WEIGHTS,
  shortAgreement: 0.7,
  confidenceMode: 'replace',
  exampleShare: 0.6,
  exampleMinTerms: 3,
  exampleCoverage: 0.35,
  vetoShare: 0,
};

export type KnowledgeBaseOptions = MatcherOptions &
  CombinationOptions & {
    examples?: ExampleIndexOptions;
    classifier?: ClassifierOptions;
    analyser?: Analyser;
    /**
     * A message of several sentences that leaves the readers not sure is read again from its question
     * sentences alone (those with « ? », else the last one): a story around one question. Default false:
     * on the held-out test split it turned 12 « not sure » into 3 right and 9 wrong answers (README, « Ninth round »).
     */
    readQuestions?: boolean;
  };

/** Chosen by 5-fold cross-validation over the examples, checked on the tuning split (see README, « Understanding »). */
export const DEFAULT_KNOWLEDGE_BASE_OPTIONS: Required<MatcherOptions> & Required<CombinationOptions> = { ...DEFAULT_MATCHER_OPTIONS, ...DEFAULT_COMBINATION_OPTIONS };

export type MatchExplanation = Omit<TopicExplanation, 'match'> & {
  match: FaqMatch;
  vote: ExampleVote;
  opinion: ClassifierOpinion;
  /** The entry the matcher alone is sure of (before the combination), or null. */
  matcherSure: string | null;
  /** The part of the message the readers read when it was not the whole (its question sentences). */
  readPart?: string;
  /** The message asks a wage or a price (src/understanding/amount.ts). */
  asksWageOrPrice: boolean;
  /** The message is about the writer's own job (src/understanding/ownJob.ts). */
  ownJob: boolean;
  /** The message names an everyday thing no entry is about (src/understanding/everyday.ts). */
  everyday: boolean;
};

export interface KnowledgeBase {
  match(text: string): FaqMatch;
  entries(): readonly FaqEntry[];
  get(id: string): FaqEntry | undefined;
  explain(text: string): MatchExplanation;
  /** The entries this one offers as « voir aussi » buttons (its `seeAlso`, resolved). */
  seeAlso(id: string): readonly FaqEntry[];
}

export function faqTopic(entry: FaqEntry): Topic {
  return { id: entry.id, names: [entry.title, ...(entry.keywords ?? [])], phrasings: entry.questions, text: entry.answer };
}

/** The documents of the nearest-examples vote: each question and example, labelled with its entry. */
export function faqExamples(entry: FaqEntry): Array<{ label: string; text: string }> {
  return [entry.title, ...entry.questions, ...(entry.examples ?? [])].map((text) => ({ label: entry.id, text }));
}

/** What the classifier learns from: the examples, and the keywords (« maison du handicap »). */
export function faqTrainingExamples(entry: FaqEntry): Array<{ label: string; text: string }> {
  return [...faqExamples(entry), ...(entry.keywords ?? []).map((text) => ({ label: entry.id, text }))];
}

/** What the matcher and the examples combined give (`combine`), and whether the message is written as in the base. */
export interface Combined {
  combined: string | null;
  written: boolean;
}

/**
 * The entry answered, and the one offered with it, from the readers' opinions (the `Readings` the
 * stacked confidence reads) and what the two other readers combined give (`combined`, see `combine`). Pure.
 */
export function decide(readings: Readings, { combined, written }: Combined, options: Required<CombinationOptions>): { id: string | null; also: string | null } {
  const { opinion, vote, matcherSure } = readings;
  const [first, second] = opinion.ranked;
  const none = { id: null, also: null };
  if (options.strategy !== 'voted' && options.strategy !== 'classifier') return { id: combined, also: null };
  if (written) return { id: combined, also: null };
  if (first === undefined) return { id: combined, also: null };
  // One or two words (« tutelle », « ulis collège »), or words it never saw, are too little for the
  // classifier: the matcher and the examples, made for short messages, answer them.
  const alone = opinion.terms >= options.exampleMinTerms && opinion.known >= options.classifierMinKnown;
  // …unless they name an everyday thing or the writer's own job, which no entry is about (« je suis aesh, quand je passe en CDI »).
  if (!alone) return readings.everyday === true || readings.ownJob === true ? none : { id: combined ?? shortAgreement(opinion, vote, options), also: null };
  // Two readers that disagree: the examples clearly say another entry than the classifier's first two.
  const dissent = dissentOf(vote, options);
  if (dissent !== null && dissent !== first.label && dissent !== second?.label) return none;
  const pair = second !== undefined && options.classifierPair > 0 && first.probability >= options.classifierPairFirst && first.probability + second.probability >= options.classifierPair;
  const offered = second !== undefined && options.classifierAlso > 0 && second.probability >= options.classifierAlso;
  const byRule = ((): { id: string | null; also: string | null } => {
    if (first.probability >= options.classifierSure) return { id: first.label, also: offered ? second.label : null };
    if (pair) return { id: first.label, also: second.label };
    // Not sure alone: the matcher, sure of the classifier's likelier-than-not first choice, confirms it
    // (voted: the matcher or the examples, whatever the classifier's probability).
    if (options.strategy === 'classifier') return matcherSure !== null && matcherSure === first.label && first.probability >= options.classifierConfirmed ? { id: matcherSure, also: null } : none;
    return combined !== null && combined === first.label ? { id: combined, also: null } : none;
  })();
  if (options.confidenceAnswer <= 0 || options.confidenceWeights.length === 0) return byRule;
  const likely = confidence(readings, options.confidenceWeights) >= options.confidenceAnswer;
  if (options.confidenceMode === 'veto') return likely ? byRule : none;
  return likely ? { id: first.label, also: offered ? second.label : null } : none;
}

/**
 * Two known words (« rqth apprentissage », « css refus »): too few for the classifier alone, but its
 * first entry is answered when it is sure of it and the nearest examples all but unanimously say the
 * same of the whole message (see `shortAgreement` in CombinationOptions). Pure.
 */
export function shortAgreement(opinion: ClassifierOpinion, vote: ExampleVote, options: Required<CombinationOptions>): string | null {
  const first = opinion.ranked[0];
  if (options.shortAgreement <= 0 || first === undefined || opinion.terms < 2 || opinion.known < 1) return null;
  if (first.probability < options.shortAgreement || vote.ranked[0]?.label !== first.label) return null;
  return vote.share >= SHORT_AGREEMENT_SHARE && vote.coverage >= SHORT_AGREEMENT_COVERAGE ? first.label : null;
}

/** The examples' part of the votes and of the message for `shortAgreement` (CV: 0.5–0.8 alike; the stricter kept). */
const SHORT_AGREEMENT_SHARE = 0.8;
const SHORT_AGREEMENT_COVERAGE = 0.8;

/** The entry the nearest examples clearly vote for, when it is clear enough to withdraw the classifier's answer (see `dissentShare`). Pure. */
export function dissentOf(vote: ExampleVote, options: Required<CombinationOptions>): string | null {
  const voted = vote.ranked[0]?.label;
  if (voted === undefined || options.dissentShare <= 0) return null;
  return vote.share >= options.dissentShare && vote.coverage >= options.dissentCoverage ? voted : null;
}

/** What the two readers' results give: an entry id, or null (not sure). A message written as in the base always gets its entry. Pure. */
export function combine(matcher: Pick<TopicExplanation, 'match' | 'written'>, vote: ExampleVote, options: Required<CombinationOptions>): string | null {
  const voted = vote.ranked[0]?.label;
  const sure = matcher.match.kind === 'sure' ? matcher.match.id : null;
  if (matcher.written) return sure;
  const clearVote = voted !== undefined && vote.terms >= options.exampleMinTerms && vote.coverage >= options.exampleCoverage;
  if (options.strategy === 'matcher') return sure;
  if (options.strategy === 'examples') return clearVote && vote.share >= options.exampleShare ? voted : null;
  if (sure !== null) return voted === undefined || voted === sure || !clearVote || vote.share < options.vetoShare ? sure : null;
  return clearVote && vote.share >= options.exampleShare ? voted : null;
}

export function createKnowledgeBase(faqEntries: readonly FaqEntry[], options: KnowledgeBaseOptions = {}): KnowledgeBase {
  const { analyser = faqAnalyser(), examples: exampleOptions = DEFAULT_EXAMPLE_INDEX_OPTIONS, classifier: classifierOptions = DEFAULT_CLASSIFIER_OPTIONS, strategy, exampleShare, exampleMinTerms, exampleCoverage, vetoShare, classifierSure, classifierPair, classifierPairFirst, classifierAlso, classifierConfirmed, classifierMinKnown, dissentShare, dissentCoverage, confidenceAnswer, confidenceWeights, confidenceMode, shortAgreement, readQuestions = false, ...matcherOptions } =
    options;
  const combination = {
    ...DEFAULT_COMBINATION_OPTIONS,
    ...definedOnly({ strategy, exampleShare, exampleMinTerms, exampleCoverage, vetoShare, classifierSure, classifierPair, classifierPairFirst, classifierAlso, classifierConfirmed, classifierMinKnown, dissentShare, dissentCoverage, confidenceAnswer, confidenceWeights, confidenceMode, shortAgreement }),
  };
  const all = Object.freeze([...faqEntries]);
  const byId = new Map(all.map((entry) => [entry.id, entry]));
  if (byId.size !== all.length) throw new Error('createKnowledgeBase: two entries share an id');
  // An entry merged into another (its id among the other's aliases) is answered by it: old buttons still work.
  const byAnsweredId = new Map(all.flatMap((entry) => answeredIds(entry).map((id) => [id, entry] as const)));
  const training = all.flatMap(faqTrainingExamples);
  // A word of the examples is a word, not a typo: the matcher leaves it as it is for the other readers.
  const realWords = new Set(training.flatMap((example) => analyser.terms(example.text)));
  const matcher = createMatcher(all.map(faqTopic), analyser, { ...DEFAULT_MATCHER_OPTIONS, ...matcherOptions }, realWords);
  const nearest = createExampleIndex(all.flatMap(faqExamples), analyser, exampleOptions);
  const classifier = createTextClassifier(training, analyser, classifierOptions);

  function explain(text: string): MatchExplanation {
    const whole = read(text);
    if (whole.match.kind === 'answer' || !readQuestions) return whole;
    const part = questionPart(text);
    if (part === null) return whole;
    const question = read(part);
    return question.match.kind === 'answer' ? { ...question, readPart: part } : whole;
  }

  function read(text: string): MatchExplanation {
    const explanation = matcher.explain(text);
    const vote = nearest.voteTerms(explanation.terms);
    const opinion = classifier.classifyTerms(explanation.terms);
    const matcherSure = explanation.match.kind === 'sure' ? explanation.match.id : null;
    const wageOrPrice = asksWageOrPrice(text);
    const ownJob = speaksOfOwnJob(text);
    const everyday = namesEverydayThing(text);
    const { id, also } = decide({ opinion, vote, matcherSure, asksWageOrPrice: wageOrPrice, ownJob, everyday }, { combined: combine(explanation, vote, combination), written: explanation.written }, combination);
    const entry = id === null ? undefined : byId.get(id);
    // The classifier's likely entries first, then the matcher's and the examples'.
    const likely = opinion.ranked.filter((r) => r.probability >= SUGGESTED_PROBABILITY).map((r) => r.label);
    const suggestions = [...new Set([...likely, ...explanation.ranked.map((r) => r.id), ...vote.ranked.map((r) => r.label)])].slice(0, DEFAULT_MATCHER_OPTIONS.maxSuggestions);
    const score = explanation.written ? 1 : Math.round((opinion.ranked.find((r) => r.label === id)?.probability ?? 0) * 1000) / 1000;
    const alsoEntry = also === null ? undefined : byId.get(also);
    const faqMatch: FaqMatch =
      entry !== undefined
        ? { kind: 'answer', entry, score, ...(alsoEntry ? { also: alsoEntry } : {}) }
        : { kind: 'notSure', suggestions: suggestions.flatMap((s) => byId.get(s) ?? []) };
    return { ...explanation, match: faqMatch, vote, opinion, matcherSure, asksWageOrPrice: wageOrPrice, ownJob, everyday };
  }

  const get = (id: string): FaqEntry | undefined => byId.get(id) ?? byAnsweredId.get(id);
  const seeAlso = (id: string): readonly FaqEntry[] => {
    const entry = get(id);
    return [...new Set((entry?.seeAlso ?? []).flatMap((other) => get(other) ?? []))].filter((other) => other !== entry);
  };
  return { match: (text) => explain(text).match, entries: () => all, get, explain, seeAlso };
}

/** The readings a message's explanation holds, as `decide` and the stacked confidence read them. Pure. */
export function readingsOf(explanation: MatchExplanation): Readings {
  const { opinion, vote, matcherSure, asksWageOrPrice, ownJob, everyday } = explanation;
  return { opinion, vote, matcherSure, asksWageOrPrice, ownJob, everyday };
}

/** An entry the classifier gives at least this probability is among the first suggestions of a « not sure ». */
const SUGGESTED_PROBABILITY = 0.1;

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
