/**
 * Words a caller says in another sense than a menu's synonym. « Garder » is child care when a child is
 * looked after (« faire garder mon fils de 3 ans », « personne pour le garder le mercredi »), and means
 * keep when what is kept is a thing, a job or an adult (« je voudrais garder mon logement », « garder mon
 * travail », « garder ma mère à la maison », « ils m'ont pas gardé après la période d'essai », « être
 * gardé après son stage »): said so, it is read as « conserver », which no menu option uses.
 * A pronoun (« le garder ») or a first name may be the child: left as said. Pure; on folded words.
 */
import { foldText } from '../domain/text';

/** The folded forms of « garder » (« garde » is also the noun: « la garde de mes enfants »). */
const KEEP = new Set([
  ...['garder', 'garde', 'gardes', 'gardent', 'gardez', 'gardons', 'gardiez', 'gardee', 'gardees'],
  ...['gardais', 'gardait', 'gardaient', 'garderai', 'gardera', 'garderas', 'garderons', 'garderez', 'garderont', 'garderais', 'garderait', 'garderaient'],
]);
/** Said as, when « garder » means keep. */
const KEPT = 'conserver';

/** Before « garde », a noun's determiner (« une garde le mercredi », « mode de garde »). */
const NOUN_BEFORE = new Set(['la', 'une', 'de', 'd', 'ma', 'sa', 'ta', 'en', 'leur', 'notre', 'votre', 'cette', 'sa', 'les', 'des', 'mes', 'ses', 'nos', 'vos']);
/** Words between a pronoun and its verb: « ils m'ont pas gardé », « il veut plus me garder ». */
const BETWEEN = new Set(['ne', 'n', 'pas', 'plus', 'jamais', 'a', 'as', 'ont', 'avait', 'avaient', 'aurait', 'auraient', 'aurais', 'y', 'en']);
/** The speaker or the callers kept (« me garder », « nous garder »): a job, a place, not child care. */
const KEPT_PERSON = new Set(['me', 'm', 'nous', 'te', 't']);
/** The passive: « être gardé après son stage ». */
const BEING = new Set(['etre', 'ete', 'suis', 'est', 'es', 'sont', 'soit', 'sois', 'soient', 'sera', 'serai', 'seront', 'serait', 'etait']);

const DETERMINERS = new Set(['le', 'la', 'l', 'les', 'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'nos', 'votre', 'vos', 'leur', 'leurs', 'un', 'une', 'des', 'du', 'ce', 'cet', 'cette', 'ces']);
/** Numbers said between a determiner and its noun: « mes deux enfants ». */
const COUNTS = /^(?:\d+|deux|trois|quatre|cinq|six)$/;
/** A child looked after: child care. */
const CHILDREN = new Set([
  ...['fils', 'fille', 'filles', 'enfant', 'enfants', 'bebe', 'bebes', 'petit', 'petite', 'petits', 'petites', 'jeune', 'jeunes', 'gamin', 'gamine', 'gamins', 'gamines', 'gosse', 'gosses'],
  ...['garcon', 'garcons', 'neveu', 'neveux', 'niece', 'nieces', 'jumeaux', 'jumelles', 'ado', 'ados', 'adolescent', 'adolescente', 'adolescents', 'loulou', 'loulous', 'minot', 'minots', 'puce', 'cadet', 'cadette', 'dernier', 'derniere'],
  ...['frere', 'freres', 'soeur', 'soeurs', 'nourrisson', 'nourrissons', 'eleve', 'eleves'],
]);
/** When, not whom: « garder le mercredi », « garder la nuit » (the child is understood). */
const TIMES = new Set(['matin', 'matins', 'soir', 'soirs', 'nuit', 'nuits', 'mercredi', 'mercredis', 'week', 'weekend', 'samedi', 'dimanche', 'journee', 'vacances', 'temps', 'midi', 'apres', 'jour', 'jours', 'semaine', 'heure', 'heures']);

/** Whether « garder » at `i` means keep. */
function meansKeep(words: readonly string[], i: number): boolean {
  const word = words[i] ?? '';
  if ((word === 'garde' || word === 'gardes') && NOUN_BEFORE.has(words[i - 1] ?? '')) return false;
  let before = i - 1;
  while (before >= 0 && BETWEEN.has(words[before] ?? '')) before--;
  if (KEPT_PERSON.has(words[before] ?? '')) return true;
  if (BEING.has(words[before] ?? '')) return words[i + 1] !== 'par';
  let after = i + 1;
  if (!DETERMINERS.has(words[after] ?? '')) return false;
  while (DETERMINERS.has(words[after] ?? '') || COUNTS.test(words[after] ?? '')) after++;
  const kept = words[after];
  return kept !== undefined && !CHILDREN.has(kept) && !TIMES.has(kept);
}

/** The speech, folded, with « garder » that means keep said « conserver ». */
export function withSenses(text: string): string {
  const words = foldText(text).split(' ');
  return words.map((word, i) => (KEEP.has(word) && meansKeep(words, i) ? KEPT : word)).join(' ');
}
