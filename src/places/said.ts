/**
 * The places a sentence names, read word run by word run: « un petit village à côté de Figeac »
 * holds « Figeac », and « à côté de » holds no place (La Côte is a hamlet of Haute-Saône).
 * Pure: the caller says what a run names (a département, a town, or nothing).
 */
import stopwordsIso from 'stopwords-iso';

/** Common words are no town, even when a hamlet bears the name (« Eu », « Y »). */
const COMMON_WORDS: ReadonlySet<string> = new Set([...(stopwordsIso as Record<string, string[]>).fr ?? [], 'bonjour', 'merci', 'ville', 'habite', 'suis', 'vis']);

/**
 * « Near X » said in folded words: what follows is the place (« à côté de Figeac », « pas loin de
 * Rodez », « vers Albi », « dans la banlieue de Lyon », « aux environs de Limoges »), and these
 * words are no place themselves. « Côté » only after « à » or « du », so that « Côte-d'Or » stays.
 */
export const NEAR =
  /\b(?:(?:(?:a|du) cote|(?:tout )?pres|(?:pas (?:tres |trop )?|non )?loin|proche|autour|(?:aux |les )?alentours|(?:aux |dans les |les )?environs|(?:a )?proximite|(?:dans |en )?(?:la )?banlieue|(?:dans )?(?:la )?region|(?:dans )?(?:le )?(?:coin|secteur)) (?:des|du|de|d)|vers)\b/;

export interface SaidRun {
  /** The folded words of the run. */
  run: string;
  /** Where it starts and how many words, in the sentence's words. */
  start: number;
  length: number;
  /** The part of the sentence it is in: 0 before any « near » expression, n after the n-th. */
  segment: number;
}

/** Runs of words, longest first then leftmost, never across a « near » expression: every place name the sentence may hold. */
export function runsOf(segments: readonly (readonly string[])[], longest: number): SaidRun[] {
  const runs: SaidRun[] = [];
  const offsets = segments.map((_, index) => segments.slice(0, index).reduce((sum, segment) => sum + segment.length, 0));
  for (let length = longest; length >= 1; length--) {
    segments.forEach((words, segment) => {
      for (let start = 0; start + length <= words.length; start++) {
        runs.push({ run: words.slice(start, start + length).join(' '), start: (offsets[segment] ?? 0) + start, length, segment });
      }
    });
  }
  return runs;
}

/** A run that may be a place: several words, or one word of three letters or more that is no common word. */
export function mayBePlace(run: string): boolean {
  return run.includes(' ') || (run.length >= 3 && !COMMON_WORDS.has(run));
}

/**
 * What the sentence names, longest runs first: a run is read only when none of its words is already
 * part of a longer place (« Villeneuve-sur-Lot » is a town of Lot-et-Garonne, not the Lot).
 */
export function placesSaidIn<T>(segments: readonly (readonly string[])[], longest: number, name: (run: string) => T | null): Array<{ place: T; segment: number }> {
  const taken = new Set<number>();
  const found: Array<{ place: T; segment: number }> = [];
  for (const { run, start, length, segment } of runsOf(segments, longest)) {
    if (!mayBePlace(run)) continue;
    const words = Array.from({ length }, (_, index) => start + index);
    if (words.some((word) => taken.has(word))) continue;
    const named = name(run);
    if (named === null) continue;
    found.push({ place: named, segment });
    for (const word of words) taken.add(word);
  }
  return found;
}
