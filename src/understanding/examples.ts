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
  /** The labels the examples carry. */
  labels(): ReadonlySet<string>;
}

export interface ExampleIndexOptions {
  /** How many nearest examples vote. */
  neighbours?: number;
  /** An example scoring less than this part of the nearest one does not vote. */
  minRelativeScore?: number;
}

export const DEFAULT_EXAMPLE_INDEX_OPTIONS: Required<ExampleIndexOptions> = { neighbours: 7, minRelativeScore: 0.5 };

const MIN_PREFIX_LENGTH = 4;

/** Typos tolerated in a term, as in the matcher: none under 5 letters, one up to 8, two beyond. */
const allowedEdits = (term: string): number => (term.length < 5 ? 0 : term.length < 9 ? 1 : 2);

export function createExampleIndex(examples: readonly LabelledExample[], analyser: Analyser, options: ExampleIndexOptions = {}): ExampleIndex {
  const settings = { ...DEFAULT_EXAMPLE_INDEX_OPTIONS, ...options };
  const labelOf: string[] = [];
  const documents: Array<{ id: number; terms: string }> = [];
  const seen = new Set<string>();
  for (const { label, text } of examples) {
    const terms = analyser.terms(text).join(' ');
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
  const labels = new Set(labelOf);
  const frequency = new Map<string, number>();
  for (const { terms } of documents) for (const term of new Set(terms.split(' '))) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  /** A word's rarity among the examples; a word none has weighs as the rarest. */
  const weightOf = (term: string): number => Math.log(1 + documents.length / (frequency.get(term) ?? 1));

  function vote(text: string): ExampleVote {
    const terms = [...new Set(analyser.terms(text))];
    if (terms.length === 0) return { ranked: [], share: 0, closeness: 0, terms: 0, coverage: 0 };
    const found = index.search(terms.join(' ')).slice(0, settings.neighbours);
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
    const total = terms.reduce((sum, term) => sum + weightOf(term), 0);
    const covered = [...(said.get(first?.label ?? '') ?? [])].reduce((sum, term) => sum + weightOf(term), 0);
    return {
      ranked: ranked.slice(0, 5),
      coverage: total === 0 ? 0 : covered / total,
      share: first === undefined || votesTotal === 0 ? 0 : first.score / votesTotal,
      closeness: first === undefined || second === undefined ? 0 : second.score / first.score,
      terms: terms.length,
    };
  }

  return { vote, labels: () => labels };
}
