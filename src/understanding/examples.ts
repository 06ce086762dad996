/**
 * Nearest examples: every example sentence (« ma fille a besoin de quelqu'un en classe » → aesh) is
 * its own document; a message is compared with all of them (MiniSearch, BM25 over the analyser's
 * French stems, typos and prefixes as in the matcher), and the closest ones vote for their label,
 * each with its score. Pure; built once per set of examples.
 *
 * The vote says which label the examples most like the message carry, and how clearly:
 * `share` is the top label's part of the votes, `closeness` the second's score over the first's, and
 * `coverage` how much of the message its examples say (so that one shared word, « dentiste », is no
 * vote for an entry about home help).
 */
import MiniSearch from 'minisearch';
import type { Analyser } from './analyse';
import { createTermSearch } from './termSearch';

export interface LabelledExample {
  label: string;
  text: string;
}

export interface ExampleVote {
  /** Labels by votes, best first (at most five). */
  ranked: Array<{ label: string; score: number }>;
  /** The top label's part of all votes, 0–1 (0 when nothing is close). */
  share: number;
  /** The second label's votes over the first's, 0–1. */
  closeness: number;
  /** How many meaningful words the message has (after the analyser). */
  terms: number;
  /** The part of the message (each word weighed by its rarity among the examples) the top label's voters share. */
  coverage: number;
}

export interface ExampleIndex {
  vote(text: string): ExampleVote;
  /** The vote on words already read (e.g. the matcher's, with its typos repaired). */
  voteTerms(terms: readonly string[]): ExampleVote;
  /** The labels the examples carry. */
  labels(): ReadonlySet<string>;
}

export interface ExampleIndexOptions {
  /** How many nearest examples vote. */
  neighbours?: number;
  /** An example scoring less than this part of the nearest one does not vote. */
  minRelativeScore?: number;
  /** How close an example is: MiniSearch's BM25 score, or the rarity-weighed cosine of the words they share (length-fair). */
  similarity?: 'bm25' | 'cosine';
  /** meaningful: the analyser's terms (common words dropped); all: every word's stem (« parler à quelqu'un » counts). */
  words?: 'meaningful' | 'all';
}

export const DEFAULT_EXAMPLE_INDEX_OPTIONS: Required<ExampleIndexOptions> = { neighbours: 7, minRelativeScore: 0.5, similarity: 'bm25', words: 'meaningful' };

/** The examples MiniSearch finds, rescored by cosine. */
const CANDIDATES = 60;

const MIN_PREFIX_LENGTH = 4;

/** Typos tolerated in a term, as in the matcher: none under 5 letters, one up to 8, two beyond. */
const allowedEdits = (term: string): number => (term.length < 5 ? 0 : term.length < 9 ? 1 : 2);

export function createExampleIndex(examples: readonly LabelledExample[], analyser: Analyser, options: ExampleIndexOptions = {}): ExampleIndex {
  const settings = { ...DEFAULT_EXAMPLE_INDEX_OPTIONS, ...options };
  const read = settings.words === 'all' ? analyser.allTerms : analyser.terms;
  const labelOf: string[] = [];
  const documents: Array<{ id: number; terms: string }> = [];
  const seen = new Set<string>();
  for (const { label, text } of examples) {
    const terms = read(text).join(' ');
    const key = `${label} ${terms}`;
    if (terms === '' || seen.has(key)) continue;
    seen.add(key);
    documents.push({ id: labelOf.length, terms });
    labelOf.push(label);
  }
  const index = new MiniSearch<{ id: number; terms: string }>({
    fields: ['terms'],
    tokenize: (text) => text.split(' ').filter((term) => term !== ''),
    processTerm: (term) => term,
    searchOptions: {
      prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
      fuzzy: (term) => allowedEdits(term) || false,
      maxFuzzy: 2,
      combineWith: 'OR',
    },
  });
  index.addAll(documents);
  const search = createTermSearch<number>(index);
  const labels = new Set(labelOf);
  const frequency = new Map<string, number>();
  for (const { terms } of documents) for (const term of new Set(terms.split(' '))) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  /** A word's rarity among the examples; a word none has weighs as the rarest. */
  const weightOf = (term: string): number => Math.log(1 + documents.length / (frequency.get(term) ?? 1));
  const sum = (terms: Iterable<string>): number => [...terms].reduce((total, term) => total + weightOf(term), 0);
  const documentWeight = documents.map(({ terms }) => sum(new Set(terms.split(' '))));

  /** The nearest examples, closest first, with their scores. */
  function nearest(terms: readonly string[]): Array<{ id: number; score: number; queryTerms: string[] }> {
    const found = search(terms, settings.similarity === 'bm25' ? settings.neighbours : CANDIDATES);
    if (settings.similarity === 'bm25') return found.slice(0, settings.neighbours).map((r) => ({ id: Number(r.id), score: r.score, queryTerms: r.queryTerms }));
    const messageWeight = sum(terms);
    return found
      .slice(0, CANDIDATES)
      .map((r) => ({ id: Number(r.id), score: sum(r.queryTerms) / Math.sqrt(messageWeight * (documentWeight[Number(r.id)] ?? 1)), queryTerms: r.queryTerms }))
      .sort((a, b) => b.score - a.score)
      .slice(0, settings.neighbours);
  }

  function voteTerms(words: readonly string[]): ExampleVote {
    const terms = [...new Set(words)];
    if (terms.length === 0) return { ranked: [], share: 0, closeness: 0, terms: 0, coverage: 0 };
    const found = nearest(terms);
    const top = found[0]?.score ?? 0;
    const votes = new Map<string, number>();
    const said = new Map<string, Set<string>>();
    for (const result of found) {
      if (result.score < settings.minRelativeScore * top) break;
      const label = labelOf[Number(result.id)] ?? '';
      votes.set(label, (votes.get(label) ?? 0) + result.score);
      said.set(label, new Set([...(said.get(label) ?? []), ...result.queryTerms]));
    }
    const ranked = [...votes].map(([label, score]) => ({ label, score })).sort((a, b) => b.score - a.score);
    const votesTotal = ranked.reduce((sum, { score }) => sum + score, 0);
    const [first, second] = ranked;
    const total = sum(terms);
    const covered = sum(said.get(first?.label ?? '') ?? []);
    return {
      ranked: ranked.slice(0, 5),
      coverage: total === 0 ? 0 : covered / total,
      share: first === undefined || votesTotal === 0 ? 0 : first.score / votesTotal,
      closeness: first === undefined || second === undefined ? 0 : second.score / first.score,
      terms: terms.length,
    };
  }

  return { vote: (text) => voteTerms(read(text)), voteTerms, labels: () => labels };
}
