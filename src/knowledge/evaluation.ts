/**
 * The knowledge-base check: a table of real-life phrasings (typos, no accents, spoken style), each
 * expecting an entry, « notSure », or an emergency answer. Shared by `npm run eval:faq` and the jest
 * test, so both measure the same thing.
 */
import { z } from 'zod';
import type { DangerKind, DangerSignal } from '../safety/detect';
import { DANGER_KINDS } from '../safety/detect';
import type { FaqMatch } from './knowledge-base';
import { answeredIds } from './schema';
import { loadYamlWithSchema } from '../config/yamlFile';

/** The share of FAQ phrasings that must be answered right. */
export const FAQ_TARGET = 0.9;

const phrasingText = z.string().regex(/\S/, { error: 'expected a text' });

export const phrasingTableSchema = z.strictObject({
  /** Each expects an entry id, or notSure. */
  faq: z.array(z.strictObject({ text: phrasingText, expect: z.string().regex(/^(notSure|[a-z][a-z0-9_]*)$/, { error: 'expected an entry id or notSure' }) })).min(1),
  /** Each must get the emergency answer for this kind (it may find other kinds too). */
  danger: z.array(z.strictObject({ text: phrasingText, danger: z.enum(DANGER_KINDS) })).min(1),
  /** Ordinary phrasings that must not be taken for danger. */
  notDanger: z.array(phrasingText).default([]),
});

export type PhrasingTable = z.output<typeof phrasingTableSchema>;

export function loadPhrasingTable(file: string): PhrasingTable {
  return loadYamlWithSchema(phrasingTableSchema, file);
}

export interface EvaluationDeps {
  match(text: string): FaqMatch;
  detectDanger(text: string): DangerSignal | null;
  emergencyMessage(signal: DangerSignal): string;
  /** Numbers the emergency answer for a kind must give. */
  numbersFor(kind: DangerKind): readonly string[];
  mentionsNumber(text: string, number: string): boolean;
  /** Known entry ids (with the aliases of merged entries): a phrasing expecting another id is a mistake in the table. */
  entryIds: ReadonlySet<string>;
}

export interface Miss {
  text: string;
  expected: string;
  got: string;
}

export interface EvaluationReport {
  faq: { correct: number; total: number; share: number; misses: Miss[] };
  danger: { correct: number; total: number; misses: Miss[] };
  notDanger: { correct: number; total: number; misses: Miss[] };
  /** Ids the table expects that the knowledge base does not have. */
  unknownIds: string[];
  /** True when the FAQ share reaches FAQ_TARGET, every danger phrasing gets its answer and no ordinary one does. */
  passed: boolean;
}

/**
 * What the pipeline gives a text: safety first, then the knowledge base. An entry answers the ids of
 * the entries merged into it (its aliases): a phrasing expecting one of them gets it.
 */
function outcome(deps: EvaluationDeps, text: string, expected: string): string {
  const signal = deps.detectDanger(text);
  if (signal !== null) return `danger:${signal.kind}`;
  const match = deps.match(text);
  if (match.kind !== 'answer') return 'notSure';
  return answeredIds(match.entry).includes(expected) ? expected : match.entry.id;
}

export function evaluatePhrasings(table: PhrasingTable, deps: EvaluationDeps): EvaluationReport {
  const faqMisses: Miss[] = [];
  for (const { text, expect } of table.faq) {
    const got = outcome(deps, text, expect);
    if (got !== expect) faqMisses.push({ text, expected: expect, got });
  }

  const dangerMisses: Miss[] = [];
  for (const { text, danger } of table.danger) {
    const signal = deps.detectDanger(text);
    if (signal === null || !signal.kinds.includes(danger)) {
      dangerMisses.push({ text, expected: danger, got: signal === null ? 'no danger found' : signal.kinds.join('+') });
      continue;
    }
    const message = deps.emergencyMessage(signal);
    const missing = [...deps.numbersFor(danger), '112', '114'].filter((number) => !deps.mentionsNumber(message, number));
    if (missing.length > 0) dangerMisses.push({ text, expected: danger, got: `message without ${missing.join(', ')}` });
  }

  const notDangerMisses: Miss[] = [];
  for (const text of table.notDanger) {
    const signal = deps.detectDanger(text);
    if (signal !== null) notDangerMisses.push({ text, expected: 'no danger', got: signal.cues.join('+') });
  }

  const unknownIds = [...new Set(table.faq.map(({ expect }) => expect).filter((id) => id !== 'notSure' && !deps.entryIds.has(id)))];
  const total = table.faq.length;
  const correct = total - faqMisses.length;
  const share = total === 0 ? 0 : correct / total;
  return {
    faq: { correct, total, share, misses: faqMisses },
    danger: { correct: table.danger.length - dangerMisses.length, total: table.danger.length, misses: dangerMisses },
    notDanger: { correct: table.notDanger.length - notDangerMisses.length, total: table.notDanger.length, misses: notDangerMisses },
    unknownIds,
    passed: share >= FAQ_TARGET && dangerMisses.length === 0 && notDangerMisses.length === 0 && unknownIds.length === 0,
  };
}
