/**
 * The level-1 answers: finds the FAQ entry a user's question is about, or says it is not sure.
 * The matching is the service's one matcher (src/understanding: French stems, stop words, the
 * lexicon's synonyms, weighed coverage and margin); an entry is a topic named by its title and
 * keywords, asked by its questions, explained by its answer. Below the thresholds the answer is
 * `notSure`, with the closest entries as suggestions: the bot then offers a human. It never guesses.
 */
import type { FaqEntry } from './schema';
import { frenchAnalyser, type Analyser } from '../understanding/analyse';
import { createMatcher, DEFAULT_MATCHER_OPTIONS, type MatcherOptions, type MatchExplanation as TopicExplanation, type Topic } from '../understanding/matcher';

export type FaqMatch =
  | { kind: 'answer'; entry: FaqEntry; /** Confidence 0–1: the share of the question the entry explains. */ score: number }
  | { kind: 'notSure'; suggestions: FaqEntry[] };

export type KnowledgeBaseOptions = MatcherOptions & { analyser?: Analyser };

/** Tuned on the tuning split of test/understanding (see README, « Understanding »). */
export const DEFAULT_KNOWLEDGE_BASE_OPTIONS: Required<MatcherOptions> = { ...DEFAULT_MATCHER_OPTIONS };

export type MatchExplanation = Omit<TopicExplanation, 'match'> & { match: FaqMatch };

export interface KnowledgeBase {
  match(text: string): FaqMatch;
  entries(): readonly FaqEntry[];
  get(id: string): FaqEntry | undefined;
  explain(text: string): MatchExplanation;
}

export function faqTopic(entry: FaqEntry): Topic {
  return { id: entry.id, names: [entry.title, ...(entry.keywords ?? [])], phrasings: entry.questions, text: entry.answer };
}

export function createKnowledgeBase(faqEntries: readonly FaqEntry[], options: KnowledgeBaseOptions = {}): KnowledgeBase {
  const { analyser = frenchAnalyser(), ...matcherOptions } = options;
  const all = Object.freeze([...faqEntries]);
  const byId = new Map(all.map((entry) => [entry.id, entry]));
  if (byId.size !== all.length) throw new Error('createKnowledgeBase: two entries share an id');
  const matcher = createMatcher(all.map(faqTopic), analyser, { ...DEFAULT_KNOWLEDGE_BASE_OPTIONS, ...matcherOptions });

  function explain(text: string): MatchExplanation {
    const explanation = matcher.explain(text);
    const { match } = explanation;
    const entry = match.kind === 'sure' ? byId.get(match.id) : undefined;
    const faqMatch: FaqMatch =
      match.kind === 'sure' && entry !== undefined
        ? { kind: 'answer', entry, score: match.score }
        : { kind: 'notSure', suggestions: (match.kind === 'unsure' ? match.suggestions : []).flatMap((id) => byId.get(id) ?? []) };
    return { ...explanation, match: faqMatch };
  }

  return { match: (text) => explain(text).match, entries: () => all, get: (id) => byId.get(id), explain };
}
