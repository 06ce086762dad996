/**
 * The level-1 answers: finds the FAQ entry a user's question is about, or says it is not sure.
 * Two readers of the same French (src/understanding), combined:
 * - the matcher: an entry is a topic named by its title and keywords, asked by its questions,
 *   explained by its answer; it weighs what the entry explains of the message;
 * - the nearest examples: every question and example of every entry is a document; the closest
 *   ones vote for their entry.
 * Both agree: the answer. The matcher is sure and the examples clearly vote for another entry: not
 * sure. The matcher is not sure and the examples clearly vote for one entry: that entry. Else the
 * answer is `notSure`, with the closest entries as suggestions: the bot then offers a human. A wrong
 * answer misleads a person; « not sure » offers a human: the thresholds favour « not sure ».
 */
import type { FaqEntry } from './schema';
import { frenchAnalyser, type Analyser } from '../understanding/analyse';
import { createExampleIndex, DEFAULT_EXAMPLE_INDEX_OPTIONS, type ExampleIndexOptions, type ExampleVote } from '../understanding/examples';
import { createMatcher, DEFAULT_MATCHER_OPTIONS, type MatcherOptions, type MatchExplanation as TopicExplanation, type Topic } from '../understanding/matcher';

export type FaqMatch =
  | { kind: 'answer'; entry: FaqEntry; /** Confidence 0–1: the share of the question the entry explains. */ score: number }
  | { kind: 'notSure'; suggestions: FaqEntry[] };

/** How the two readers are combined. */
export interface CombinationOptions {
  /** matcher: the matcher alone; examples: the nearest examples alone; combined: both (the service). */
  strategy?: 'matcher' | 'examples' | 'combined';
  /** The examples answer alone when their top entry has at least this part of the votes… */
  exampleShare?: number;
  /** …and the message has at least this many meaningful words (one word is too little to vote on)… */
  exampleMinTerms?: number;
  /** …and its examples say at least this part of the message. */
  exampleCoverage?: number;
  /** The matcher's sure answer is withdrawn when the examples give another entry at least this part of the votes. */
  vetoShare?: number;
}

export const DEFAULT_COMBINATION_OPTIONS: Required<CombinationOptions> = {
  strategy: 'combined',
  exampleShare: 0.6,
  exampleMinTerms: 3,
  exampleCoverage: 0.35,
  vetoShare: 0,
};

export type KnowledgeBaseOptions = MatcherOptions & CombinationOptions & { examples?: ExampleIndexOptions; analyser?: Analyser };

/** Tuned on the tuning split of test/understanding (see README, « Understanding »). */
export const DEFAULT_KNOWLEDGE_BASE_OPTIONS: Required<MatcherOptions> & Required<CombinationOptions> = { ...DEFAULT_MATCHER_OPTIONS, ...DEFAULT_COMBINATION_OPTIONS };

export type MatchExplanation = Omit<TopicExplanation, 'match'> & { match: FaqMatch; vote: ExampleVote };

export interface KnowledgeBase {
  match(text: string): FaqMatch;
  entries(): readonly FaqEntry[];
  get(id: string): FaqEntry | undefined;
  explain(text: string): MatchExplanation;
}

export function faqTopic(entry: FaqEntry): Topic {
  return { id: entry.id, names: [entry.title, ...(entry.keywords ?? [])], phrasings: entry.questions, text: entry.answer };
}

/** The documents of the nearest-examples vote: each question and example, labelled with its entry. */
export function faqExamples(entry: FaqEntry): Array<{ label: string; text: string }> {
  return [entry.title, ...entry.questions, ...(entry.examples ?? [])].map((text) => ({ label: entry.id, text }));
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
  const { analyser = frenchAnalyser(), examples: exampleOptions = DEFAULT_EXAMPLE_INDEX_OPTIONS, strategy, exampleShare, exampleMinTerms, exampleCoverage, vetoShare, ...matcherOptions } = options;
  const combination = { ...DEFAULT_COMBINATION_OPTIONS, ...definedOnly({ strategy, exampleShare, exampleMinTerms, exampleCoverage, vetoShare }) };
  const all = Object.freeze([...faqEntries]);
  const byId = new Map(all.map((entry) => [entry.id, entry]));
  if (byId.size !== all.length) throw new Error('createKnowledgeBase: two entries share an id');
  const matcher = createMatcher(all.map(faqTopic), analyser, { ...DEFAULT_MATCHER_OPTIONS, ...matcherOptions });
  const nearest = createExampleIndex(all.flatMap(faqExamples), analyser, exampleOptions);

  function explain(text: string): MatchExplanation {
    const explanation = matcher.explain(text);
    const vote = nearest.voteTerms(explanation.terms);
    const id = combine(explanation, vote, combination);
    const entry = id === null ? undefined : byId.get(id);
    const suggestions = [...new Set([...explanation.ranked.map((r) => r.id), ...vote.ranked.map((r) => r.label)])].slice(0, DEFAULT_MATCHER_OPTIONS.maxSuggestions);
    const score = explanation.match.kind === 'sure' && explanation.match.id === id ? explanation.match.score : Math.round(vote.share * 1000) / 1000;
    const faqMatch: FaqMatch = entry !== undefined ? { kind: 'answer', entry, score } : { kind: 'notSure', suggestions: suggestions.flatMap((s) => byId.get(s) ?? []) };
    return { ...explanation, match: faqMatch, vote };
  }

  return { match: (text) => explain(text).match, entries: () => all, get: (id) => byId.get(id), explain };
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
