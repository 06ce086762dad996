/**
 * K-fold cross-validation over the FAQ's examples (content/fr/faq-examples.yaml): each example is
 * held out once, the knowledge base is built from the others, and the held-out example is asked.
 * What it measures is how the understanding does on phrasings it never read, without looking at the
 * test split: the way to choose a classifier setting or a threshold of `decide`.
 *
 * The readers' opinions are computed once per fold; every combination setting of `grid` is then
 * judged on the same opinions (`decide` and `combine` are pure), so a sweep costs one build per fold.
 */
import { fitConfidence, type Readings } from './confidence';
import { combine, createKnowledgeBase, decide, readingsOf, DEFAULT_COMBINATION_OPTIONS, type CombinationOptions, type KnowledgeBaseOptions, type MatchExplanation } from './knowledge-base';
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
  return decide(readingsOf(explanation), { combined, written: explanation.written }, options).id;
}

export interface CrossValidationResult {
  /** Per setting of the grid. */
  tallies: Record<string, CrossValidationTally>;
  /** CPU per fold to build the knowledge base (the training at start), in milliseconds. */
  buildMillis: number;
  /** CPU per held-out message read by the three readers, in milliseconds. */
  readMillis: number;
}

/**
 * Each held-out example with what the readers built without it made of it. `label` null: a message
 * the base has no entry for (« not sure » is right), see `readOutOfEntries`.
 */
export interface OutOfFold {
  /**
   * `weight`: instead of the unanswered weight (or of 1 for a message with its entry); `written`: one of
   * content/fr/faq-unanswered.yaml; `accepts`: every entry that answers it (a phrasing of the tuning
   * split may accept several), else `label` alone.
   */
  rows: Array<{ label: string | null; explanation: MatchExplanation; weight?: number; written?: boolean; accepts?: readonly string[] }>;
  buildMillis: number;
  readMillis: number;
}

const cpuSince = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

export function readOutOfFold(entries: readonly FaqEntry[], folds: number, build: KnowledgeBaseOptions = {}): OutOfFold {
  const rows: OutOfFold['rows'] = [];
  let built = 0;
  let read = 0;
  for (const { training, held } of foldOf(entries, folds)) {
    const building = process.cpuUsage();
    const knowledgeBase = createKnowledgeBase(training, build);
    built += cpuSince(building);
    for (const { label, text } of held) {
      const reading = process.cpuUsage();
      const explanation = knowledgeBase.explain(text);
      read += cpuSince(reading);
      rows.push({ label, explanation });
    }
  }
  return { rows, buildMillis: built / folds, readMillis: rows.length === 0 ? 0 : read / rows.length };
}

/**
 * Messages about something the base does not answer: the entries split in `folds` groups, the readers
 * built without one group, and that group's examples read as questions no entry answers (label null).
 * They teach the stacked confidence to say « not sure » on messages unlike every entry.
 */
export function readOutOfEntries(entries: readonly FaqEntry[], folds: number, build: KnowledgeBaseOptions = {}): OutOfFold['rows'] {
  const rows: OutOfFold['rows'] = [];
  for (let fold = 0; fold < folds; fold++) {
    const knowledgeBase = createKnowledgeBase(
      entries.filter((_, i) => i % folds !== fold),
      build,
    );
    for (const entry of entries.filter((_, i) => i % folds === fold)) for (const text of entry.examples ?? []) rows.push({ label: null, explanation: knowledgeBase.explain(text) });
  }
  return rows;
}

/** The messages no entry answers of content/fr/faq-unanswered.yaml, read by readers built from every entry (they are in no entry's examples). */
export function readWrittenUnanswered(entries: readonly FaqEntry[], texts: readonly string[], weight: number, build: KnowledgeBaseOptions = {}): OutOfFold['rows'] {
  const knowledgeBase = createKnowledgeBase(entries, build);
  return texts.map((text) => ({ label: null, explanation: knowledgeBase.explain(text), weight, written: true }));
}

/** Whether the entry `got` answers a message labelled `label` (or accepting every entry of `accepts`). Pure. */
function accepted(label: string | null, accepts: readonly string[] | undefined, got: string | null): boolean {
  return got !== null && (accepts === undefined ? got === label : accepts.includes(got));
}

/** Right / unsure / wrong of every setting of `grid` on these rows. Pure. */
export function tallyGrid(rows: OutOfFold['rows'], grid: Readonly<Record<string, CombinationOptions>>): Record<string, CrossValidationTally> {
  const tallies: Record<string, CrossValidationTally> = {};
  for (const [name, setting] of Object.entries(grid)) {
    const options = { ...DEFAULT_COMBINATION_OPTIONS, ...setting };
    const tally: CrossValidationTally = { right: 0, unsure: 0, wrong: 0, total: rows.length, cost: 0, confusion: {}, byEntry: {} };
    for (const { label, explanation, accepts } of rows) {
      const got = decideAgain(explanation, options);
      const outcome = got === null ? (label === null ? 'right' : 'unsure') : accepted(label, accepts, got) ? 'right' : 'wrong';
      tally[outcome]++;
      if (label !== null) (tally.byEntry[label] ??= { right: 0, unsure: 0, wrong: 0 })[outcome]++;
      if (outcome === 'wrong') {
        const pair = `${label ?? 'none'} → ${got}`;
        tally.confusion[pair] = (tally.confusion[pair] ?? 0) + 1;
      }
    }
    tally.cost = tally.unsure + WRONG_COST * tally.wrong;
    tallies[name] = tally;
  }
  return tallies;
}

export function crossValidate(entries: readonly FaqEntry[], options: CrossValidationOptions): CrossValidationResult {
  const { rows, buildMillis, readMillis } = readOutOfFold(entries, options.folds, options.build ?? {});
  return { tallies: tallyGrid(rows, options.grid), buildMillis, readMillis };
}

/** The rows the stacked confidence learns from: those the classifier decides (see `decide`), with whether its first entry was right. */
export function confidenceRows(rows: OutOfFold['rows'], options: Required<CombinationOptions> = DEFAULT_COMBINATION_OPTIONS, unansweredWeight = 1): Array<{ readings: Readings; right: boolean; weight: number }> {
  return rows
    .filter(({ explanation: { written, opinion } }) => !written && opinion.ranked.length > 0 && opinion.terms >= options.exampleMinTerms && opinion.known >= options.classifierMinKnown)
    .map(({ label, explanation, weight, accepts }) => ({
      readings: readingsOf(explanation),
      right: accepted(label, accepts, explanation.opinion.ranked[0]?.label ?? null),
      weight: weight ?? (label === null ? unansweredWeight : 1),
    }));
}

/**
 * The stacked confidence judged honestly: the out-of-fold rows split again in `folds` parts, the
 * weights fitted on the others and each threshold of `thresholds` judged on the part held out (the
 * messages no entry answers, label null, tallied apart).
 */
export function crossValidateConfidence(rows: OutOfFold['rows'], folds: number, thresholds: readonly number[], setting: CombinationOptions = {}, unansweredWeight = 1): Record<string, CrossValidationTally> {
  const tallies: Record<string, CrossValidationTally> = {};
  for (let fold = 0; fold < folds; fold++) {
    const held = rows.filter((_, i) => i % folds === fold);
    const weights = fitConfidence(confidenceRows(rows.filter((_, i) => i % folds !== fold), DEFAULT_COMBINATION_OPTIONS, unansweredWeight));
    const grid = Object.fromEntries(thresholds.map((t) => [`confidence ${t}`, { ...setting, confidenceAnswer: t, confidenceWeights: weights }]));
    const answered = tallyGrid(held.filter(({ label }) => label !== null), grid);
    const unanswered = tallyGrid(held.filter(({ label, written }) => label === null && written !== true), grid);
    const written = tallyGrid(held.filter(({ label, written }) => label === null && written === true), grid);
    const named = [
      ...Object.entries(answered),
      ...Object.entries(unanswered).map(([name, tally]) => [`${name}, unanswered messages`, tally] as const),
      ...Object.entries(written).filter(([, tally]) => tally.total > 0).map(([name, tally]) => [`${name}, written unanswered messages`, tally] as const),
    ];
    for (const [name, tally] of named) {
      const sum = (tallies[name] ??= { right: 0, unsure: 0, wrong: 0, total: 0, cost: 0, confusion: {}, byEntry: {} });
      sum.right += tally.right;
      sum.unsure += tally.unsure;
      sum.wrong += tally.wrong;
      sum.total += tally.total;
      sum.cost += tally.cost;
    }
  }
  return tallies;
}
