/**
 * The level-1 answers: finds the FAQ entry a user's question is about, or says it is not sure.
 *
 * MiniSearch finds the candidate entries (title, questions, keywords and answer; French
 * normalisation, typos, prefixes, BM25). Each candidate is then weighed on what it explains of the
 * question, every word counting for its rarity in the knowledge base (« AAH » weighs more than
 * « aide »; a word the base never uses weighs as much as the rarest one). The best is answered only when
 * - coverage: it explains at least half of the question's weight (a question mostly about
 *   something else is not answered);
 * - evidence: the words it explains weigh enough (one common word is not enough), unless the
 *   question names the entry (« c'est quoi la MDPH », « AJPA »);
 * - subject: one of those words is in its title or keywords, not only in one of its phrasings;
 * - margin: the second candidate is not nearly as good; if it is, the one the question names more
 *   precisely wins (« PCH aide humaine »: « aide humaine » beats « PCH »), else no choice is made.
 * A question written in the base (same words once normalised, in any order) is always answered by
 * its entry. Otherwise the answer is `notSure`, with the closest entries as suggestions: the bot then offers
 * orientation or a human. It never guesses.
 */
import MiniSearch from 'minisearch';
import type { FaqEntry } from './schema';
import { editDistance, normaliseTerms } from './normalise';

export type FaqMatch =
  | { kind: 'answer'; entry: FaqEntry; /** Confidence 0–1: the share of the question the entry explains. */ score: number }
  | { kind: 'notSure'; suggestions: FaqEntry[] };

export interface KnowledgeBaseOptions {
  /** Share (0–1) of the question's weight the best entry must explain. */
  minCoverage?: number;
  /** Summed weight of the words the best entry must explain (≈ one word used by a few entries). */
  minEvidence?: number;
  /** The second candidate reaching this share of the best one's rank makes the two too close to choose. */
  ambiguityRatio?: number;
  /** Weight of a word the knowledge base never uses, as a multiple of the rarest known word's. */
  unknownWordWeight?: number;
  /** What MiniSearch's score (relative to the best result's) adds to a candidate's rank. */
  searchWeight?: number;
  /** How many entries a `notSure` suggests at most. */
  maxSuggestions?: number;
}

/** Tuned on test/knowledge/phrasings.yaml, checked on phrasings written after the tuning. */
export const DEFAULT_KNOWLEDGE_BASE_OPTIONS: Required<KnowledgeBaseOptions> = {
  minCoverage: 0.5,
  minEvidence: 2,
  ambiguityRatio: 0.8,
  unknownWordWeight: 1,
  searchWeight: 4,
  maxSuggestions: 3,
};

/** Why a question got its answer: the measures behind the decision (for the eval script and tests). */
export interface MatchExplanation {
  /** The question's terms after normalisation (and the repair of glued elisions or swapped letters). */
  terms: string[];
  /** The best candidates, best first, with their rank (explained weight + MiniSearch's share). */
  ranked: Array<{ id: string; score: number }>;
  coverage: number;
  evidence: number;
  /** Second rank / best rank (0 when there is one candidate). */
  closeness: number;
  /** A word the best entry explains is in its title or keywords. */
  onSubject: boolean;
  /** How precisely the question names the best entry: words of its title or keywords it says (0: not named). */
  naming: number;
  /** The question is one written in the base (same words once normalised): its entry answers, nothing is weighed. */
  written: boolean;
  match: FaqMatch;
}

export interface KnowledgeBase {
  match(text: string): FaqMatch;
  entries(): readonly FaqEntry[];
  get(id: string): FaqEntry | undefined;
  explain(text: string): MatchExplanation;
}

interface IndexedEntry {
  id: string;
  title: string;
  questions: string;
  keywords: string;
  answer: string;
}

interface EntryProfile {
  /** Every term of the entry: title, questions, keywords, answer. */
  terms: Set<string>;
  /** What the entry is about: the terms of its title and keywords. */
  subject: Set<string>;
  /** Its names: the title and each keyword, as lists of words, each word the terms it gives (« week-end »: week, end). */
  names: string[][][];
}

interface Candidate {
  id: string;
  rank: number;
  evidence: number;
  onSubject: boolean;
  naming: number;
}

const MIN_PREFIX_LENGTH = 4;
/** How many of MiniSearch's best results are weighed. */
const CANDIDATES = 10;
const NEAR_CACHE_SIZE = 50_000;
/** An article or pronoun glued to the next word (« laah », « daesh »): French elides only before a vowel or h. */
const ELIDED = /^(qu|[ldnsmtc])([aeiouyh].{2,})$/;

/** Typos tolerated in a term: none under 5 letters, one up to 8, two beyond. */
function allowedEdits(term: string): number {
  if (term.length < 5) return 0;
  return term.length < 9 ? 1 : 2;
}

/** A name as its words, each word the terms it gives; words that are only stop words are left out. */
function nameWords(text: string): string[][] {
  return text
    .split(/\s+/)
    .map(normaliseTerms)
    .filter((terms) => terms.length > 0);
}

/** The same terms in any order make the same phrasing. */
function phrasingKey(terms: readonly string[]): string {
  return [...new Set(terms)].sort().join(' ');
}

function profileOf(entry: FaqEntry): EntryProfile {
  const names = [entry.title, ...(entry.keywords ?? [])].map(nameWords).filter((name) => name.length > 0);
  const subject = new Set(names.flat(2));
  const terms = new Set([...subject, ...entry.questions.flatMap(normaliseTerms), ...normaliseTerms(entry.answer)]);
  return { terms, subject, names };
}

export function createKnowledgeBase(faqEntries: readonly FaqEntry[], options: KnowledgeBaseOptions = {}): KnowledgeBase {
  const settings = { ...DEFAULT_KNOWLEDGE_BASE_OPTIONS, ...options };
  const all = Object.freeze([...faqEntries]);
  const byId = new Map(all.map((entry) => [entry.id, entry]));
  if (byId.size !== all.length) throw new Error('createKnowledgeBase: two entries share an id');

  const profiles = new Map(all.map((entry) => [entry.id, profileOf(entry)]));
  const documentFrequency = new Map<string, number>();
  for (const { terms } of profiles.values()) for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const vocabulary = [...documentFrequency.keys()];
  const weightOfKnown = (term: string): number => Math.log(1 + all.length / (documentFrequency.get(term) ?? 1));
  const rarest = Math.log(1 + all.length);

  // A question written in the base is answered by its entry: coordinators fix a miss by adding the phrasing.
  const phrasingOwners = new Map<string, Set<string>>();
  for (const entry of all) {
    for (const phrasing of [entry.title, ...entry.questions]) {
      const key = phrasingKey(normaliseTerms(phrasing));
      if (key !== '') phrasingOwners.set(key, (phrasingOwners.get(key) ?? new Set()).add(entry.id));
    }
  }
  const ownerOf = (terms: readonly string[]): string | undefined => {
    const owners = phrasingOwners.get(phrasingKey(terms));
    return owners?.size === 1 ? [...owners][0] : undefined;
  };

  const index = new MiniSearch<IndexedEntry>({
    fields: ['title', 'questions', 'keywords', 'answer'],
    // Fields are normalised before indexing (below) and queries arrive as normalised terms: split on spaces only.
    tokenize: (text) => text.split(' ').filter((term) => term !== ''),
    processTerm: (term) => term,
    searchOptions: {
      boost: { title: 2, keywords: 1.5, questions: 1, answer: 0.5 },
      prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
      fuzzy: (term) => allowedEdits(term) || false,
      maxFuzzy: 2,
      combineWith: 'OR',
    },
  });
  const normalisedField = (texts: readonly string[]): string => texts.flatMap(normaliseTerms).join(' ');
  index.addAll(
    all.map((entry) => ({
      id: entry.id,
      title: normalisedField([entry.title]),
      questions: normalisedField(entry.questions),
      keywords: normalisedField(entry.keywords ?? []),
      answer: normalisedField([entry.answer]),
    })),
  );

  // Typo comparisons repeat across candidates and questions; bounded, so user text cannot grow it forever.
  const nearCache = new Map<string, boolean>();

  /** A term the base never uses, repaired when it is a glued elision (« laah ») or two swapped letters (« mpdh »). */
  function repair(term: string): string {
    if (documentFrequency.has(term)) return term;
    const glued = ELIDED.exec(term)?.[2];
    if (glued !== undefined && documentFrequency.has(glued)) return glued;
    if (term.length >= 3 && term.length <= 5) {
      const letters = [...term].sort().join('');
      const swapped = vocabulary.find(
        (known) => known.length === term.length && [...known].sort().join('') === letters && editDistance(term, known, 1) === 1,
      );
      if (swapped !== undefined) return swapped;
    }
    return term;
  }

  /** Whether a query term is `known` itself, its beginning, or it within the typos its length allows. */
  function near(term: string, known: string): boolean {
    if (term === known) return true;
    if (term.length >= MIN_PREFIX_LENGTH && known.startsWith(term)) return true;
    const edits = allowedEdits(term);
    if (edits === 0 || Math.abs(term.length - known.length) > edits) return false;
    const key = `${term} ${known}`;
    let answer = nearCache.get(key);
    if (answer === undefined) {
      answer = editDistance(term, known, edits) <= edits;
      if (nearCache.size >= NEAR_CACHE_SIZE) nearCache.clear();
      nearCache.set(key, answer);
    }
    return answer;
  }

  /** How well one query term is found among an entry's terms: 1 exact, 0.7 prefix or typo, 0 absent. */
  function termQuality(term: string, terms: ReadonlySet<string>): number {
    if (terms.has(term)) return 1;
    for (const known of terms) if (near(term, known)) return 0.7;
    return 0;
  }

  /** A term's weight: its rarity in the base; a near-miss weighs as the word it is near; an unknown word as a rare one. */
  function termWeight(term: string): number {
    if (documentFrequency.has(term)) return weightOfKnown(term);
    let weight = 0;
    for (const known of vocabulary) if (near(term, known)) weight = Math.max(weight, weightOfKnown(known));
    return weight > 0 ? weight : settings.unknownWordWeight * rarest;
  }

  /** How many words of the entry's names (title, keywords) the question says, counting only names it says whole; 0 when none. */
  function naming(terms: readonly string[], profile: EntryProfile): number {
    const saidWords = new Set<string>();
    for (const name of profile.names) {
      const said = name.every((word) => word.every((nameTerm) => terms.some((term) => near(term, nameTerm))));
      if (said) for (const word of name) saidWords.add(word.join(' '));
    }
    return saidWords.size;
  }

  function weigh(terms: readonly string[], weights: ReadonlyMap<string, number>, id: string, searchShare: number): Candidate | undefined {
    const profile = profiles.get(id);
    if (profile === undefined) return undefined;
    let evidence = 0;
    let onSubject = false;
    for (const term of terms) {
      const quality = termQuality(term, profile.terms);
      evidence += (weights.get(term) ?? 0) * quality;
      if (quality > 0 && termQuality(term, profile.subject) > 0) onSubject = true;
    }
    return { id, rank: evidence + settings.searchWeight * searchShare, evidence, onSubject, naming: naming(terms, profile) };
  }

  function explain(text: string): MatchExplanation {
    const terms = [...new Set(normaliseTerms(text).map(repair))];
    const notSure = (suggestions: FaqEntry[]): FaqMatch => ({ kind: 'notSure', suggestions });
    const nothing = { ranked: [], coverage: 0, evidence: 0, closeness: 0, onSubject: false, naming: 0, written: false, match: notSure([]) };
    if (terms.length === 0) return { terms, ...nothing };
    const owner = ownerOf(terms);
    const written = owner === undefined ? undefined : byId.get(owner);
    if (written !== undefined) return { terms, ...nothing, coverage: 1, written: true, match: { kind: 'answer', entry: written, score: 1 } };

    // Ordered by the weight of the question each explains, MiniSearch's score breaking near ties:
    // an entry with many phrasings is not penalised for them, and the one explaining more comes first.
    const found = index.search(terms.join(' ')).slice(0, CANDIDATES);
    const topScore = found[0]?.score ?? 1;
    const weights = new Map(terms.map((term) => [term, termWeight(term)]));
    const ranked = found
      .flatMap((result) => weigh(terms, weights, String(result.id), result.score / topScore) ?? [])
      .sort((a, b) => b.rank - a.rank);
    const [first, second] = ranked;
    if (first === undefined) return { terms, ...nothing };

    const closeness = second === undefined ? 0 : second.rank / first.rank;
    const close = second !== undefined && closeness >= settings.ambiguityRatio;
    // Too close to choose on weight: the one the question names more precisely wins; a draw is no choice.
    const chosen = close ? (first.naming > second.naming ? first : second.naming > first.naming ? second : undefined) : first;
    const best = chosen ?? first;
    const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
    const coverage = total === 0 ? 0 : best.evidence / total;
    const enoughEvidence = best.evidence >= settings.minEvidence || best.naming > 0;
    const entry = byId.get(best.id);
    const confident = chosen !== undefined && entry !== undefined && coverage >= settings.minCoverage && enoughEvidence && best.onSubject;
    const suggestions = ranked.slice(0, settings.maxSuggestions).flatMap(({ id }) => byId.get(id) ?? []);
    return {
      terms,
      ranked: ranked.slice(0, 5).map(({ id, rank }) => ({ id, score: rank })),
      coverage,
      evidence: best.evidence,
      closeness,
      onSubject: best.onSubject,
      naming: best.naming,
      written: false,
      match: confident ? { kind: 'answer', entry, score: Math.round(coverage * 1000) / 1000 } : notSure(suggestions),
    };
  }

  return {
    match: (text) => explain(text).match,
    entries: () => all,
    get: (id) => byId.get(id),
    explain,
  };
}
