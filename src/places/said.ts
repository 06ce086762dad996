/**
 * The places a sentence names, read word run by word run: « un petit village à côté de Figeac »
 * holds « Figeac », and « à côté de » holds no place (La Côte is a hamlet of Haute-Saône). The words
 * around a run tell how it is said (`sayingOf`): « chez ma mère » is a thing, « je suis à Mer » a place.
 * Pure: the caller says what a run names (a département, a town, or nothing).
 */
import stopwordsIso from 'stopwords-iso';

/** Common words are no town, even when a hamlet bears the name (« Eu », « Y »). */
const COMMON_WORDS: ReadonlySet<string> = new Set([...(stopwordsIso as Record<string, string[]>).fr ?? [], 'bonjour', 'merci', 'ville', 'habite', 'suis', 'vis']);

/**
 * « Near X » said in folded words: what follows is the place (« à côté de Figeac », « pas loin de
 * Rodez », « vers Albi », « dans la banlieue de Lyon », « aux environs de Limoges »), and these
 * words are no place themselves. « Côté » only after « à » or « du », so that « Côte-d'Or » stays;
 * « c'est à côté », said last, names no place.
 */
export const NEAR =
  /\b(?:(?:(?:a|du) cote|(?:tout )?pres|(?:pas (?:tres |trop )?|non )?loin|proche|autour|(?:aux |les )?alentours|(?:aux |dans les |les )?environs|(?:a )?proximite|(?:dans |en )?(?:la )?banlieue|(?:dans )?(?:la )?region|(?:dans )?(?:le )?(?:coin|secteur)) (?:des|du|de|d)|(?:a|du) cote$|vers)\b/;

/** A part of a sentence: its folded words, and the « near » expression before it (none for the first part). */
export interface SentencePart {
  words: readonly string[];
  near: string | null;
}

/** « un village près de figeac » → « un village », then « figeac » after « pres de ». */
export function sentenceParts(folded: string): SentencePart[] {
  const pieces = folded.split(new RegExp(`(${NEAR.source})`));
  const parts: SentencePart[] = [];
  for (let index = 0; index < pieces.length; index += 2) {
    parts.push({ words: (pieces[index] ?? '').split(' ').filter((word) => word !== ''), near: index === 0 ? null : (pieces[index - 1] ?? null) });
  }
  return parts;
}

export interface SaidRun {
  /** The folded words of the run. */
  run: string;
  /** Where it starts and how many words, in the sentence's words. */
  start: number;
  length: number;
  /** The part of the sentence it is in: 0 before any « near » expression, n after the n-th. */
  segment: number;
  /** Where it starts in its part's words. */
  at: number;
}

/** Runs of words, longest first then leftmost, never across a « near » expression: every place name the sentence may hold. */
export function runsOf(parts: readonly SentencePart[], longest: number): SaidRun[] {
  const runs: SaidRun[] = [];
  const offsets = parts.map((_, index) => parts.slice(0, index).reduce((sum, part) => sum + part.words.length, 0));
  for (let length = longest; length >= 1; length--) {
    parts.forEach(({ words }, segment) => {
      for (let at = 0; at + length <= words.length; at++) {
        runs.push({ run: words.slice(at, at + length).join(' '), start: (offsets[segment] ?? 0) + at, length, segment, at });
      }
    });
  }
  return runs;
}

const ARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'les', 'l']);
/** Articles, alone or in « du », « des », « au », « aux ». */
const ARTICLES_BEFORE: ReadonlySet<string> = new Set([...ARTICLES, 'du', 'des', 'au', 'aux']);
/**
 * Words before a noun that make it a thing, not a place: « chez ma mère », « un petit bourg », « cette
 * plage » (« un », « une » arrive as « 1 »: numbers said in words are read as digits first).
 */
const DETERMINERS: ReadonlySet<string> = new Set(
  ['1', 'un', 'une', 'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'nos', 'votre', 'vos', 'leur', 'leurs', 'ce', 'cet', 'cette', 'ces'],
);
/** Words that name what follows « de » as a place: « la commune de Mer », « le village de Méré ». */
const PLACE_NOUNS: ReadonlySet<string> = new Set(['commune', 'ville', 'village', 'hameau', 'mairie', 'bourg']);
/** Words of an address: a town after « rue de », « route de »… names the street (« rue de Paris à Nantes »). */
const STREET_NOUNS: ReadonlySet<string> = new Set(['rue', 'avenue', 'boulevard', 'bd', 'route', 'chemin', 'allee', 'impasse', 'quai', 'cours', 'square', 'esplanade']);
/** « rue de Paris », « avenue de la Loire »: the words before `at` name a street after whom or what it is named. */
function isStreetName(words: readonly string[], at: number): boolean {
  const article = ARTICLES.has(words[at - 1] ?? '') ? 1 : 0;
  return ['de', 'd', 'du', 'des'].includes(words[at - 1 - article] ?? '') && STREET_NOUNS.has(words[at - 2 - article] ?? '');
}

/** Verbs that a place follows without « à »: « j'habite Méré ». */
const LIVING_VERBS: ReadonlySet<string> = new Set(['habite', 'habites', 'habitons', 'habitez', 'habitent', 'habitais', 'habitait']);

/**
 * How the words around a run present it:
 * - `thing`: after a determiner (« chez ma mère », « un petit bourg », « mon village » aside): a common
 *   noun, never a town; after « rue de », « route de »…: a street's name (« rue de Paris à Nantes »);
 * - `article`: after an article (« au bord de la mer », « près du pont »): an everyday word is a thing there;
 * - `place`: said as a place: « je suis à Mer », « j'habite Méré », « près de Digne », « la commune de
 *   Mer », or written with a capital inside a sentence (« on a déménagé à côté de Mer »);
 * - `plain`: nothing either way (« Tours », « c'est Sens », « à la montagne »).
 */
export type Saying = 'thing' | 'article' | 'place' | 'plain';

export function sayingOf(parts: readonly SentencePart[], { run, segment, at }: SaidRun, capitalised: ReadonlySet<string>): Saying {
  const part = parts[segment];
  const words = part?.words ?? [];
  const before = words[at - 1];
  const first = run.split(' ')[0] ?? '';
  if (before !== undefined && (DETERMINERS.has(before) || (DETERMINERS.has(words[at - 2] ?? '') && !PLACE_NOUNS.has(before)))) return 'thing';
  if (isStreetName(words, at)) return 'thing';
  if (run.split(' ').some((word) => capitalised.has(word))) return 'place';
  if ((before === 'de' || before === 'd') && PLACE_NOUNS.has(words[at - 2] ?? '')) return 'place';
  const afterNear = at === 0 && part?.near != null;
  if ((before !== undefined && ARTICLES_BEFORE.has(before)) || (afterNear && /\b(?:du|des)$/.test(part.near ?? ''))) return 'article';
  // « à la montagne », « à l'hôpital »: the town is named so only with a capital or « la commune de ».
  if (ARTICLES.has(first)) return 'plain';
  return afterNear || before === 'a' || (before !== undefined && LIVING_VERBS.has(before)) ? 'place' : 'plain';
}

/**
 * The folded words written with a capital inside a sentence (« J'habite à Mer. » → « mer »): not the
 * first word of a sentence, and nothing when the text is all capitals.
 */
export function capitalisedWords(text: string, fold: (word: string) => string): ReadonlySet<string> {
  const found = new Set<string>();
  if (!/\p{Ll}/u.test(text)) return found;
  for (const sentence of text.split(/[.!?…\n]+/)) {
    const words = sentence.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
    for (const word of words.slice(1)) if (/^\p{Lu}/u.test(word)) found.add(fold(word));
  }
  return found;
}

/** A run that may be a place: several words, or one word of three letters or more that is no common word. */
export function mayBePlace(run: string): boolean {
  return run.includes(' ') || (run.length >= 3 && !COMMON_WORDS.has(run));
}

/**
 * What the sentence names, longest runs first: a run is read only when none of its words is already
 * part of a longer place (« Villeneuve-sur-Lot » is a town of Lot-et-Garonne, not the Lot).
 */
export function placesSaidIn<T>(parts: readonly SentencePart[], longest: number, name: (run: SaidRun) => T | null): Array<{ place: T; segment: number }> {
  const taken = new Set<number>();
  const found: Array<{ place: T; segment: number }> = [];
  for (const said of runsOf(parts, longest)) {
    const { run, start, length, segment } = said;
    if (!mayBePlace(run)) continue;
    const words = Array.from({ length }, (_, index) => start + index);
    if (words.some((word) => taken.has(word))) continue;
    const named = name(said);
    if (named === null) continue;
    found.push({ place: named, segment });
    for (const word of words) taken.add(word);
  }
  return found;
}
