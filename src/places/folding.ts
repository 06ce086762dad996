/**
 * The forms of a place name that the town index compares: folded (« Saint-Étienne », « St Etienne » →
 * « saint etienne ») and, to tell apart names that only accents tell apart (Vire, Viré), accented: the
 * same words with their accents (« saint étienne », « viré »).
 */
import { foldText } from '../domain/text';

/** « st » and « ste » are « saint » and « sainte », written or said. */
const saint = (word: string): string => (word === 'st' ? 'saint' : word === 'ste' ? 'sainte' : word);
const nonEmpty = (word: string): boolean => word !== '';
const ASCII = /^[\x00-\x7f]*$/;
const ONE_FOLDED_WORD = /^[a-z0-9]+$/;

/** Folded: capitals, accents, hyphens, apostrophes ignored; one form of « saint » for the index and for what people say. */
export function foldPlaceName(text: string): string {
  return foldText(text).split(' ').map(saint).join(' ');
}

/** A name's words folded, and with their accents when accents tell them apart (null: none do). */
export interface PlaceNameWords {
  folded: readonly string[];
  accented: readonly string[] | null;
}

/** The accented letters of French names (communes.json has these and no other), and their folded letter. */
const FOLDED_LETTER: Readonly<Record<string, string>> = {
  à: 'a', â: 'a', ä: 'a', á: 'a', ç: 'c', é: 'e', è: 'e', ê: 'e', ë: 'e', î: 'i', ï: 'i', í: 'i',
  ñ: 'n', ô: 'o', ö: 'o', ó: 'o', ù: 'u', û: 'u', ü: 'u', ú: 'u', ÿ: 'y', ý: 'y',
};
/** Lower-case text of ASCII, French letters, œ and æ only: folded letter by letter, without Unicode normalisation. */
const FRENCH_TEXT = /^[\x00-\x7fœæàâäáçéèêëîïíñôöóùûüúÿý]*$/;
const NOT_FRENCH_LETTER = /[^a-z0-9àâäáçéèêëîïíñôöóùûüúÿý]+/;
const ACCENTED_LETTER = /[àâäáçéèêëîïíñôöóùûüúÿý]/g;

/**
 * The words of foldPlaceName, and the same words with their accents (« Viré » → vire / viré,
 * « L'Hôpital » → l hopital / l hôpital). No accented words when a letter splits a word once folded
 * (« ß »: « Großdorf » is « gro dorf »). Names of ASCII and French letters, all of communes.json, are
 * folded letter by letter (the index folds 37,000 names: Unicode normalisation would double its time).
 */
export function placeNameWords(text: string): PlaceNameWords {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return { folded: lower.split(/[^a-z0-9]+/).filter(nonEmpty).map(saint), accented: null };
  if (FRENCH_TEXT.test(lower)) {
    const accented = lower.replace(/œ/g, 'oe').replace(/æ/g, 'ae').split(NOT_FRENCH_LETTER).filter(nonEmpty).map(saint);
    const folded = accented.map((word) => word.replace(ACCENTED_LETTER, (letter) => FOLDED_LETTER[letter] ?? letter));
    return { folded, accented: accented.some((word, index) => word !== folded[index]) ? accented : null };
  }
  const accented = lower
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(nonEmpty)
    .map(saint);
  const folded = accented.map((word) => foldText(word));
  const whole = foldPlaceName(text);
  if (!folded.every((word) => ONE_FOLDED_WORD.test(word)) || folded.join(' ') !== whole) return { folded: whole.split(' ').filter(nonEmpty), accented: null };
  return { folded, accented: accented.some((word, index) => word !== folded[index]) ? accented : null };
}

/** The words of a text written with accents, by their folded form (« j'habite à Viré » → vire: viré, a: à). */
export function accentedWords(text: string): ReadonlyMap<string, string> {
  const accented = new Map<string, string>();
  for (const word of text.split(/[^\p{L}\p{M}\p{N}]+/u)) {
    const forms = placeNameWords(word);
    const [folded] = forms.folded;
    const [written] = forms.accented ?? [];
    if (forms.folded.length === 1 && folded !== undefined && written !== undefined && !accented.has(folded)) accented.set(folded, written);
  }
  return accented;
}
