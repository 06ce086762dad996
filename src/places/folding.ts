/**
 * The forms of a place name that the town index compares: folded (« Saint-Étienne », « St Etienne » →
 * « saint etienne ») and, to tell apart names that only accents tell apart (Vire, Viré), written: the
 * same words with their accents (« saint étienne », « viré »).
 */
import { foldText } from '../domain/text';

/** « st » and « ste » are « saint » and « sainte », written or said. */
const saint = (word: string): string => (word === 'st' ? 'saint' : word === 'ste' ? 'sainte' : word);

/** Folded: capitals, accents, hyphens, apostrophes ignored; one form of « saint » for the index and for what people say. */
export function foldPlaceName(text: string): string {
  return foldText(text).split(' ').map(saint).join(' ');
}

/**
 * Written: as foldPlaceName, accents kept (« Viré » → « viré », « L'Hôpital » → « l hôpital »). Its
 * words fold one by one to foldPlaceName's words, except when a letter folds to nothing or to two
 * words (« ø »): such a name has no written form (null).
 */
export function writtenPlaceName(text: string): string | null {
  const written = text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map(saint)
    .join(' ');
  return foldText(written) === foldPlaceName(text) ? written : null;
}
