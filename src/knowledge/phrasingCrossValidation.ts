/**
 * The stacked confidence judged on people's words rather than on the examples: a k-fold
 * cross-validation over the tuning split's FAQ phrasings (test/understanding/tuning/faq.yaml) and the
 * written unanswered messages (content/fr/faq-unanswered.yaml). Those phrasings are in no entry's
 * examples, so the readers built from every entry read them as new; the stacker is fitted on the
 * examples' out-of-fold opinions (as `--fit-confidence` does) and, when `phrasingWeight` > 0, on the
 * other folds of the phrasings too, then judged on the fold held out. The threshold is chosen inside
 * each fold, on the other folds' tuning phrasings (the most right answers with at most `wrongCap` of
 * them wrong), so that the figure of « chosen » is the one a new writer would meet.
 * (`npm run eval:faq -- --cv-phrasings=5`.)
 */
import { fitConfidence } from './confidence';
import { confidenceRows, tallyGrid, type CrossValidationTally, type OutOfFold } from './crossValidation';
import { createKnowledgeBase, DEFAULT_COMBINATION_OPTIONS, type KnowledgeBaseOptions } from './knowledge-base';
import { answeredIds, type FaqEntry } from './schema';

type Row = OutOfFold['rows'][number];

/** The tuning phrasings (`expect` ids, `none` for no entry) and the written unanswered messages, read by readers built from every entry. */
export function readPhrasings(entries: readonly FaqEntry[], items: ReadonlyArray<{ text: string; expect: readonly string[]; group?: string }>, unanswered: readonly string[], build: KnowledgeBaseOptions = {}): Array<Row & { group?: string }> {
  const knowledgeBase = createKnowledgeBase(entries, build);
  const tuning = items.map(({ text, expect, group }): Row & { group?: string } => {
    // An entry is right when it answers one of the expected ids (its own or a merged one).
    const accepts = entries.filter((entry) => answeredIds(entry).some((id) => expect.includes(id))).map((entry) => entry.id);
    return { label: expect.includes('none') ? null : (accepts[0] ?? null), accepts, explanation: knowledgeBase.explain(text), ...(group === undefined ? {} : { group }) };
  });
  const written = unanswered.map((text): Row => ({ label: null, explanation: knowledgeBase.explain(text), written: true }));
  return [...tuning, ...written];
}

const empty = (): CrossValidationTally => ({ right: 0, unsure: 0, wrong: 0, total: 0, cost: 0, confusion: {}, byEntry: {} });

function add(sum: CrossValidationTally, tally: CrossValidationTally): void {
  sum.right += tally.right;
  sum.unsure += tally.unsure;
  sum.wrong += tally.wrong;
  sum.total += tally.total;
  sum.cost += tally.cost;
  for (const [pair, count] of Object.entries(tally.confusion)) sum.confusion[pair] = (sum.confusion[pair] ?? 0) + count;
}

export interface PhrasingCrossValidation {
  /** Per threshold (« confidence T ») and per set (« tuning », « written unanswered »). */
  tallies: Record<string, CrossValidationTally>;
  /** The threshold chosen inside each fold, and its figures on the folds held out. */
  chosen: { thresholds: number[]; tuning: CrossValidationTally; written: CrossValidationTally };
}

/** The most right answers with at most `cap` of them wrong; else the fewest wrong. Pure. */
export function chooseThreshold(tallies: ReadonlyArray<{ threshold: number; tally: CrossValidationTally }>, cap: number): number {
  const within = tallies.filter(({ tally }) => tally.wrong <= cap * tally.total);
  const pool = within.length > 0 ? within : [...tallies].sort((a, b) => a.tally.wrong - b.tally.wrong).slice(0, 1);
  return [...pool].sort((a, b) => b.tally.right - a.tally.right || a.tally.wrong - b.tally.wrong)[0]?.threshold ?? 0.55;
}

/**
 * `examples`: the examples' out-of-fold rows and the unanswered rows of `readOutOfEntries` (always in
 * the fit); `phrasings`: the rows of `readPhrasings`, split in `folds`. Phrasings are fitted on at
 * `phrasingWeight` (0: never, they only judge).
 */
export function crossValidatePhrasings(examples: readonly Row[], phrasings: ReadonlyArray<Row & { group?: string }>, folds: number, thresholds: readonly number[], options: { phrasingWeight: number; unansweredWeight: number; wrongCap: number }): PhrasingCrossValidation {
  const tallies: Record<string, CrossValidationTally> = {};
  const chosen = { thresholds: [] as number[], tuning: empty(), written: empty() };
  const isWritten = (row: Row): boolean => row.written === true;
  for (let fold = 0; fold < folds; fold++) {
    const held = phrasings.filter((_, i) => i % folds === fold);
    const others = phrasings.filter((_, i) => i % folds !== fold);
    const fitted = options.phrasingWeight > 0 ? others.map((row) => ({ ...row, weight: options.phrasingWeight })) : [];
    const weights = fitConfidence(confidenceRows([...examples, ...fitted], DEFAULT_COMBINATION_OPTIONS, options.unansweredWeight));
    const grid = Object.fromEntries(thresholds.map((t) => [`confidence ${t}`, { confidenceAnswer: t, confidenceWeights: weights }]));
    const groups = [...new Set(held.flatMap((row) => (row.group === undefined ? [] : [row.group])))];
    const sets = [['tuning', held.filter((row) => !isWritten(row))], ['written unanswered', held.filter(isWritten)], ...groups.map((group) => [group, held.filter((row) => row.group === group)] as const)] as const;
    for (const [set, rows] of sets) for (const [name, tally] of Object.entries(tallyGrid(rows, grid))) add((tallies[`${name}, ${set}`] ??= empty()), tally);
    // The threshold, chosen on the other folds' tuning phrasings only.
    const inside = tallyGrid(others.filter((row) => !isWritten(row)), grid);
    const threshold = chooseThreshold(thresholds.map((t) => ({ threshold: t, tally: inside[`confidence ${t}`] as CrossValidationTally })), options.wrongCap);
    chosen.thresholds.push(threshold);
    const at = { chosen: { confidenceAnswer: threshold, confidenceWeights: weights } };
    add(chosen.tuning, tallyGrid(held.filter((row) => !isWritten(row)), at).chosen as CrossValidationTally);
    add(chosen.written, tallyGrid(held.filter(isWritten), at).chosen as CrossValidationTally);
  }
  return { tallies, chosen };
}
