/**
 * The one matcher of the service: finds which topic a message is about (a FAQ entry, a need, a
 * profile), or says it is not sure. Channel-neutral and pure; the text is read by the analyser
 * (French stems, stop words, the lexicon's synonyms).
 *
 * MiniSearch finds the candidate topics (names, phrasings and text; typos, prefixes, BM25). Each
 * candidate is then weighed on what it explains of the message, every word counting for its rarity
 * among the topics (« AAH » weighs more than « aide »; a word no topic uses weighs `unknownWordWeight`
 * times the rarest one). The best is chosen only when
 * - coverage: it explains at least `minCoverage` of the message's weight, or (long messages, which
 *   explain little of themselves) the evidence for it is strong and the second is far behind;
 * - evidence: the words it explains weigh enough, unless the message names the topic;
 * - subject: one of those words is in its names, not only in a phrasing or its text;
 * - margin: the second candidate is not nearly as good; if it is, the one the message names more
 *   precisely wins, else no choice is made.
 * A message written in the topics (same terms once analysed, in any order) always gets its topic.
 */
import { LRUCache } from 'lru-cache';
import MiniSearch from 'minisearch';
import { editDistance } from './editDistance';
import type { Analyser } from './analyse';
import { createTermSearch } from './termSearch';

export interface Topic {
  id: string;
  /** What the topic is called: title, keywords, a menu option's synonyms. */
  names: readonly string[];
  /** Ways people ask for it. */
  phrasings: readonly string[];
  /** Its longer text (a FAQ answer), weighed least. */
  text?: string;
}

export interface MatcherOptions {
  minCoverage?: number;
  minEvidence?: number;
  ambiguityRatio?: number;
  unknownWordWeight?: number;
  searchWeight?: number;
  maxSuggestions?: number;
  /** What a word found only in a topic's text (not its names or phrasings) counts for. */
  textWeight?: number;
  /** What each word of a topic's name said whole adds to its rank. */
  namingWeight?: number;
  /** Evidence that chooses a topic whatever the coverage, when the second is at most `strongCloseness` of it. */
  strongEvidence?: number;
  strongCloseness?: number;
  /** A topic named in the message (acronym, a name said whole) is answered whatever the coverage. */
  answerWhenNamed?: boolean;
  /** Two close topics both named (two questions in one message): the first is answered. */
  answerWhenBothNamed?: boolean;
}

export const DEFAULT_MATCHER_OPTIONS: Required<MatcherOptions> = {
  minCoverage: 0.45,
  minEvidence: 3,
  ambiguityRatio: 0.8,
  unknownWordWeight: 1,
  searchWeight: 4,
  maxSuggestions: 3,
  textWeight: 1,
  namingWeight: 2,
  strongEvidence: 6,
  strongCloseness: 0.7,
  answerWhenNamed: false,
  answerWhenBothNamed: true,
};

export type TopicMatch = { kind: 'sure'; id: string; score: number } | { kind: 'unsure'; suggestions: string[] };

export interface MatchExplanation {
  terms: string[];
  ranked: Array<{ id: string; score: number }>;
  coverage: number;
  evidence: number;
  closeness: number;
  onSubject: boolean;
  naming: number;
  written: boolean;
  match: TopicMatch;
}

export interface Matcher {
  match(text: string): TopicMatch;
  explain(text: string): MatchExplanation;
}

interface Profile {
  terms: Set<string>;
  subject: Set<string>;
  /** The terms of its names and phrasings (the text aside). */
  asked: Set<string>;
  /** Each name as its terms. */
  names: string[][];
}

interface Candidate {
  id: string;
  rank: number;
  evidence: number;
  onSubject: boolean;
  naming: number;
  /** The message says one of the names only this topic has (« AJPP », « habitat inclusif »). */
  distinct: boolean;
}

const MIN_PREFIX_LENGTH = 4;
const CANDIDATES = 10;
/** Unknown terms whose repair is kept. */
const NEAR_CACHE_SIZE = 50_000;
/** Terms whose readings are kept (each: its near terms and its topics). */
const READINGS_KEPT = 5_000;
/** An article or pronoun glued to the next word (« laah », « daesh »): French elides only before a vowel or h. */
const ELIDED = /^(qu|[ldnsmtcj])([aeiouyh].{2,})$/;

/** Typos tolerated in a term: none under 5 letters, one up to 8, two beyond. */
function allowedEdits(term: string): number {
  if (term.length < 5) return 0;
  return term.length < 9 ? 1 : 2;
}

const phrasingKey = (terms: readonly string[]): string => [...new Set(terms)].sort().join(' ');

/**
 * `realWords`: stems known to be words rather than typos (e.g. those of the examples the other readers
 * learn from): a stem no topic uses is repaired to a close one only when it is not among them, so
 * « charge » stays « charg » rather than becoming « chang » (changer), « perdu » stays « perd » (not
 * « perm », permis).
 */
export function createMatcher(topics: readonly Topic[], analyser: Analyser, options: MatcherOptions = {}, realWords: ReadonlySet<string> = new Set()): Matcher {
  const settings = { ...DEFAULT_MATCHER_OPTIONS, ...options };
  const ids = new Set(topics.map((topic) => topic.id));
  if (ids.size !== topics.length) throw new Error('createMatcher: two topics share an id');

  const profiles = new Map<string, Profile>();
  for (const topic of topics) {
    const names = topic.names.map(analyser.terms).filter((name) => name.length > 0);
    const subject = new Set(names.flat());
    const asked = new Set([...subject, ...topic.phrasings.flatMap(analyser.terms)]);
    const terms = new Set([...asked, ...analyser.terms(topic.text ?? '')]);
    profiles.set(topic.id, { terms, subject, asked, names });
  }
  const documentFrequency = new Map<string, number>();
  for (const { terms } of profiles.values()) for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const vocabulary = [...documentFrequency.keys()];
  const weightOfKnown = (term: string): number => Math.log(1 + topics.length / (documentFrequency.get(term) ?? 1));
  const rarest = Math.log(1 + topics.length);

  const phrasingOwners = new Map<string, Set<string>>();
  for (const topic of topics) {
    for (const phrasing of [...topic.names.slice(0, 1), ...topic.phrasings]) {
      const key = phrasingKey(analyser.terms(phrasing));
      if (key !== '') phrasingOwners.set(key, (phrasingOwners.get(key) ?? new Set()).add(topic.id));
    }
  }
  const ownerOf = (terms: readonly string[]): string | undefined => {
    const owners = phrasingOwners.get(phrasingKey(terms));
    return owners?.size === 1 ? [...owners][0] : undefined;
  };

  const index = new MiniSearch<{ id: string; names: string; phrasings: string; text: string }>({
    fields: ['names', 'phrasings', 'text'],
    tokenize: (text) => text.split(' ').filter((term) => term !== ''),
    processTerm: (term) => term,
    searchOptions: {
      boost: { names: 2, phrasings: 1, text: 0.5 },
      prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
      fuzzy: (term) => allowedEdits(term) || false,
      maxFuzzy: 2,
      combineWith: 'OR',
    },
  });
  const field = (texts: readonly string[]): string => texts.flatMap(analyser.terms).join(' ');
  index.addAll(topics.map((topic) => ({ id: topic.id, names: field(topic.names), phrasings: field(topic.phrasings), text: field([topic.text ?? '']) })));
  const search = createTermSearch<string>(index);

  /** A term no topic uses, repaired when it is a glued elision (« laah ») or two swapped letters (« mpdh »). */
  const repairCache = new LRUCache<string, string>({ max: NEAR_CACHE_SIZE, memoMethod: (term) => repairUnknown(term) });
  function repair(term: string): string {
    if (documentFrequency.has(term) || realWords.has(term)) return term;
    return repairCache.memo(term);
  }

  function repairUnknown(term: string): string {
    const glued = ELIDED.exec(term)?.[2];
    if (glued !== undefined) {
      const stemmed = analyser.stem(glued);
      if (documentFrequency.has(stemmed)) return stemmed;
    }
    if (term.length >= 3 && term.length <= 5) {
      const letters = [...term].sort().join('');
      const swapped = vocabulary.find((known) => known.length === term.length && [...known].sort().join('') === letters && editDistance(term, known, 1) === 1);
      if (swapped !== undefined) return swapped;
    }
    // Stems are short: a typo in a short stem (« aloc » for « alloc ») is repaired when one known stem is that close.
    if (term.length >= 4 && term.length <= 5) {
      const close = vocabulary.filter((known) => known[0] === term[0] && Math.abs(known.length - term.length) <= 1 && editDistance(term, known, 1) === 1);
      if (close.length === 1 && close[0] !== undefined) return close[0];
    }
    return term;
  }

  function near(term: string, known: string): boolean {
    if (term === known) return true;
    if (term.length >= MIN_PREFIX_LENGTH && known.startsWith(term)) return true;
    const edits = allowedEdits(term);
    if (edits === 0 || Math.abs(term.length - known.length) > edits) return false;
    return editDistance(term, known, edits) <= edits;
  }

  const topicsUsing = new Map<string, string[]>();
  for (const [id, { terms }] of profiles) for (const term of terms) topicsUsing.set(term, [...(topicsUsing.get(term) ?? []), id]);

  /**
   * What a term is to the topics, which depends on the topics only: kept (bounded) across messages.
   * `near`: the topics' terms it may stand for (itself, a word it begins, a typo away); `weight`: its
   * rarity (a term no topic uses weighs as the rarest of those it is near, else `unknownWordWeight`
   * times the rarest); `quality`: what it counts for in each topic that has it or one of those
   * (absent: 0); `subject`: the topics whose names have it or one of those.
   */
  interface TermReading {
    near: ReadonlySet<string>;
    weight: number;
    quality: ReadonlyMap<string, number>;
    subject: ReadonlySet<string>;
  }
  const readings = new LRUCache<string, TermReading>({ max: READINGS_KEPT });
  function readingOf(term: string): TermReading {
    let reading = readings.get(term);
    if (reading !== undefined) return reading;
    const nearTerms = new Set(vocabulary.filter((known) => near(term, known)));
    let weight = 0;
    if (documentFrequency.has(term)) weight = weightOfKnown(term);
    else {
      for (const known of nearTerms) weight = Math.max(weight, weightOfKnown(known));
      if (weight === 0) weight = settings.unknownWordWeight * rarest;
    }
    const quality = new Map<string, number>();
    const subject = new Set<string>();
    for (const id of new Set([...nearTerms].flatMap((known) => topicsUsing.get(known) ?? []))) {
      const profile = profiles.get(id) as Profile;
      const termQuality = (terms: ReadonlySet<string>): number => (terms.has(term) ? 1 : [...nearTerms].some((known) => terms.has(known)) ? 0.7 : 0);
      // A term found in the topic's names or phrasings counts fully; only in its text, `textWeight` of it.
      const asked = termQuality(profile.asked);
      const value = asked > 0 ? asked : settings.textWeight * termQuality(profile.terms);
      quality.set(id, value);
      if (value > 0 && termQuality(profile.subject) > 0) subject.add(id);
    }
    reading = { near: nearTerms, weight, quality, subject };
    readings.set(term, reading);
    return reading;
  }

  /** The topic's names the message says whole (`read`: the readings of the message's terms). */
  function namesSaid(read: readonly TermReading[], profile: Profile): string[][] {
    return profile.names.filter((name) => name.every((nameTerm) => read.some((reading) => reading.near.has(nameTerm))));
  }

  /** How many terms of the topic's names the message says, counting only names it says whole. */
  function naming(said: readonly string[][]): number {
    return new Set(said.flat()).size;
  }

  /** A name said whole holds a term no other topic uses. */
  function distinctlyNamed(said: readonly string[][]): boolean {
    return said.some((name) => name.some((term) => documentFrequency.get(term) === 1));
  }

  /** `read`: the readings of the message's terms, in their order (each looked up once per message). */
  function weigh(read: readonly TermReading[], id: string, searchShare: number): Candidate | undefined {
    const profile = profiles.get(id);
    if (profile === undefined) return undefined;
    let evidence = 0;
    let onSubject = false;
    for (const reading of read) {
      evidence += reading.weight * (reading.quality.get(id) ?? 0);
      if (reading.subject.has(id)) onSubject = true;
    }
    const said = namesSaid(read, profile);
    const named = naming(said);
    return { id, rank: evidence + settings.searchWeight * searchShare + settings.namingWeight * named, evidence, onSubject, naming: named, distinct: distinctlyNamed(said) };
  }

  function explain(text: string): MatchExplanation {
    const terms = [...new Set(analyser.terms(text).map(repair))];
    const unsure = (suggestions: string[]): TopicMatch => ({ kind: 'unsure', suggestions });
    const nothing = { ranked: [], coverage: 0, evidence: 0, closeness: 0, onSubject: false, naming: 0, written: false, match: unsure([]) };
    if (terms.length === 0) return { terms, ...nothing };
    const owner = ownerOf(terms);
    if (owner !== undefined) return { terms, ...nothing, coverage: 1, written: true, match: { kind: 'sure', id: owner, score: 1 } };

    const found = search(terms, CANDIDATES);
    const topScore = found[0]?.score ?? 1;
    // Each term's reading looked up once for every candidate (the terms are distinct).
    const read = terms.map(readingOf);
    const ranked = found.flatMap((result) => weigh(read, String(result.id), result.score / topScore) ?? []).sort((a, b) => b.rank - a.rank);
    const [first, second] = ranked;
    if (first === undefined) return { terms, ...nothing };

    const closeness = second === undefined ? 0 : second.rank / first.rank;
    const close = second !== undefined && closeness >= settings.ambiguityRatio;
    // Too close to choose on weight: the one the message names more precisely wins; when it names both
    // (two questions in one message), the first; else no choice is made.
    const bothNamed = settings.answerWhenBothNamed && first.naming > 0 && (second?.naming ?? 0) > 0;
    const chosen = close ? (first.naming > second.naming ? first : second.naming > first.naming ? second : bothNamed ? first : undefined) : first;
    const best = chosen ?? first;
    const total = read.reduce((sum, reading) => sum + reading.weight, 0);
    const coverage = total === 0 ? 0 : best.evidence / total;
    const enoughEvidence = best.evidence >= settings.minEvidence || best.naming > 0;
    // A long message explains little of itself, but a topic it gives much evidence for, far ahead of the next, is its subject.
    const strong = best.evidence >= settings.strongEvidence && closeness <= settings.strongCloseness;
    // A message that names one topic (its acronym, one of its names said whole) is about it, whatever else it tells.
    const named = settings.answerWhenNamed && best.distinct && chosen !== undefined && !(second?.distinct ?? false);
    const confident = chosen !== undefined && (coverage >= settings.minCoverage || strong || named) && enoughEvidence && best.onSubject;
    return {
      terms,
      ranked: ranked.slice(0, 5).map(({ id, rank }) => ({ id, score: rank })),
      coverage,
      evidence: best.evidence,
      closeness,
      onSubject: best.onSubject,
      naming: best.naming,
      written: false,
      match: confident
        ? { kind: 'sure', id: best.id, score: Math.round(coverage * 1000) / 1000 }
        : unsure(ranked.slice(0, settings.maxSuggestions).map(({ id }) => id)),
    };
  }

  return { match: (text) => explain(text).match, explain };
}
