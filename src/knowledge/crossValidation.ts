/**
 * K-fold cross-validation over the FAQ's examples (content/fr/faq-examples.yaml): each example is
 * held out once, the knowledge base is built from the others, and the held-out example is asked.
 * What it measures is how the understanding does on phrasings it never read, without looking at the
 * test split: the way to choose a classifier setting or a threshold of `decide`.
 *
 * The readers' opinions are computed once per fold; every combination setting of `grid` is then
 * judged on the same opinions (`decide` and `combine` are pure), so a sweep costs one build per fold.
 */
import { combine, createKnowledgeBase, decide, DEFAULT_COMBINATION_OPTIONS, type CombinationOptions, type KnowledgeBaseOptions, type MatchExplanation } from './knowledge-base';
import type { FaqEntry } from './schema';

export interface CrossValidationTally {
  right: number;
  unsure: number;
  wrong: number;
  total: number;
  /** « Not sure » + 3 × wrong: a wrong answer misleads, « not sure » offers a human. */
  cost: number;
  /** Wrong answers by « expected → got » (entry ids): the entries people's questions do not tell apart. */
  confusion: Record<string, number>;
  /** Per entry: its held-out examples right, « not sure », wrong (an entry with few or narrow examples shows here). */
  byEntry: Record<string, { right: number; unsure: number; wrong: number }>;
}

export interface CrossValidationOptions {
  folds: number;
  /** How the knowledge base of each fold is built (classifier, examples, matcher options). */
  build?: KnowledgeBaseOptions;
  /** Combination settings to judge, by name (each over DEFAULT_COMBINATION_OPTIONS). */
  grid: Readonly<Record<string, CombinationOptions>>;
}

/** The cost weight of a wrong answer against a « not sure ». */
export const WRONG_COST = 3;

/** Each entry's examples (those that are no title or question) split in `folds` parts, round robin. Pure. */
export function foldOf(entries: readonly FaqEntry[], folds: number): Array<{ training: FaqEntry[]; held: Array<{ label: string; text: string }> }> {
  if (!Number.isInteger(folds) || folds < 2) throw new Error('crossValidate: at least 2 folds');
  return Array.from({ length: folds }, (_, fold) => ({
    training: entries.map((entry) => ({ ...entry, examples: (entry.examples ?? []).filter((_, i) => i % folds !== fold) })),
    held: entries.flatMap((entry) => (entry.examples ?? []).filter((_, i) => i % folds === fold).map((text) => ({ label: entry.id, text }))),
  }));
}

/** What `decide` makes of one explanation under other combination settings. Pure. */
export function decideAgain(explanation: MatchExplanation, options: Required<CombinationOptions>): string | null {
  const matcher = { written: explanation.written, match: explanation.matcherSure === null ? { kind: 'unsure' as const, suggestions: [] } : { kind: 'sure' as const, id: explanation.matcherSure, score: 1 } };
  const combined = combine(matcher, explanation.vote, options);
  return decide(combined, explanation.written, explanation.opinion, options, explanation.matcherSure, explanation.vote).id;
}

export function crossValidate(entries: readonly FaqEntry[], options: CrossValidationOptions): Record<string, CrossValidationTally> {
  const names = Object.keys(options.grid);
  const tallies = Object.fromEntries(names.map((name) => [name, { right: 0, unsure: 0, wrong: 0, total: 0, cost: 0, confusion: {}, byEntry: {} }])) as Record<string, CrossValidationTally>;
  for (const { training, held } of foldOf(entries, options.folds)) {
    const knowledgeBase = createKnowledgeBase(training, options.build ?? {});
    for (const { label, text } of held) {
      const explanation = knowledgeBase.explain(text);
      for (const name of names) {
        const got = decideAgain(explanation, { ...DEFAULT_COMBINATION_OPTIONS, ...options.grid[name] });
        const tally = tallies[name] as CrossValidationTally;
        const ofEntry = (tally.byEntry[label] ??= { right: 0, unsure: 0, wrong: 0 });
        tally.total++;
        if (got === null) {
          tally.unsure++;
          ofEntry.unsure++;
        } else if (got === label) {
          tally.right++;
          ofEntry.right++;
        } else {
          tally.wrong++;
          ofEntry.wrong++;
          const pair = `${label} → ${got}`;
          tally.confusion[pair] = (tally.confusion[pair] ?? 0) + 1;
        }
      }
    }
  }
  for (const tally of Object.values(tallies)) tally.cost = tally.unsure + WRONG_COST * tally.wrong;
  return tallies;
}
