/**
 * Plain French (FALC) checks of what people read or hear: short sentences, and every acronym
 * explained where it is first used (its long form in the same sentence, or brackets right after it).
 * Used by `npm run config:check` on the FAQ answers and the prompts.
 */
import { foldText } from '../domain/text';

/** FALC: one idea per sentence; past this many words, split the sentence. */
export const MAX_PLAIN_WORDS = 20;

export interface PlainFrenchRules {
  /** ACRONYM → its long form ("" when everyone knows it). */
  acronyms: Readonly<Record<string, string>>;
  maxWords?: number;
}

const ACRONYM = /(?<![\p{L}\d])[A-Z][A-Z0-9]{1,}(?![\p{L}\d])/gu;

/** Sentences: text up to . ! ? or … followed by a space or the end. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** The problems of one text, in words a coordinator can act on; [] when it is plain. */
export function plainFrenchProblems(text: string, rules: PlainFrenchRules): string[] {
  const maxWords = rules.maxWords ?? MAX_PLAIN_WORDS;
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const sentence of sentencesOf(text)) {
    const count = sentence.split(/\s+/).filter((word) => /[\p{L}\d]/u.test(word)).length;
    if (count > maxWords) problems.push(`phrase trop longue pour le français facile (${count} mots, ${maxWords} au plus) : coupez-la. "${sentence.slice(0, 50)}…"`);
    for (const match of sentence.matchAll(ACRONYM)) {
      const acronym = match[0];
      if (seen.has(acronym)) continue;
      seen.add(acronym);
      const long = rules.acronyms[acronym];
      if (long === '') continue;
      const after = sentence.slice((match.index ?? 0) + acronym.length);
      const bracketed = /^\s*\(/.test(after) || /\(\s*$/.test(sentence.slice(0, match.index ?? 0));
      const spelledOut = long !== undefined && foldText(sentence).includes(foldText(long));
      if (!bracketed && !spelledOut) {
        problems.push(
          long === undefined
            ? `le sigle ${acronym} n’est pas expliqué : écrivez ce qu’il veut dire la première fois, et ajoutez-le à content/fr/lexicon.yaml (acronyms)`
            : `le sigle ${acronym} n’est pas expliqué la première fois : écrivez « ${acronym} (${long}) » ou « ${long} » dans cette phrase`,
        );
      }
    }
  }
  return problems;
}
