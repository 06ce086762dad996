/**
 * A known medical cause, and a known condition handled by its care plan (README « Fourteenth round
 * (ordinary messages) »): « il prend du Kardégic, il se fait des bleus », « il fait des convulsions
 * quand il a de la fièvre, le pédiatre nous a expliqué quoi faire », « sa crise habituelle, on a suivi
 * le protocole ». What goes out of the ordinary (« ça ne s'arrête pas », « le Buccolam ne marche pas »,
 * « depuis dix minutes », « elle ne se réveille pas ») undoes the reading: then it is an emergency.
 * Each is tested beside its dangerous twin (test/safety/ownMatters.test.ts).
 * Works on the prepared text (folded, squeezed: « protocole » stays, « habituelle » → « habituele »).
 */
import { frenchPattern as re } from './normalise';

/** A treatment or a clumsiness that explains bruises or bleeding (joins context.ts `INNOCENT_CAUSE`; no one's act). */
export const KNOWN_CAUSE =
  '\\b(?:prend|prends|prenons|prennent|sous) (?:du |des |de l |de la |son |sa |ses )?(?:kardegic|anticoagulants?|anti coagulants?|aspirine|previscan|eliquis|xarelto|coumadine|sintrom|cortisone|corticoides|chimio\\w*)\\b|\\bse (?:cogne|cognent) (?:partout|souvent|tout le temps|facilement|dans (?:les|tous les) meubles)\\b';

/** A condition the family knows (epilepsy, febrile convulsions, diabetes, asthma, haemophilia). */
const KNOWN_CONDITION = re(
  '\\b(?:epilep\\w*|convulsions? febriles?|crises? febriles?|(?:quand|des qu|lorsqu) (?:il|elle) (?:a|fait) de la fievre|diabet\\w*|asthm\\w*|hemophil\\w*|drepanocyt\\w*|(?:sa|ses|leur) crises? habitueles?)\\b',
);
/** Its care plan, known and followed (« le protocole », « le PAI », « comme prévu », « le pédiatre nous a expliqué quoi faire »). */
const CARE_PLAN = re(
  '\\b(?:protocole|pai|comme prevu|traitement d urgence|buccolam|valium|rivotril|glucagon|ventoline|on (?:a|connait) l habitude|on sait (?:quoi faire|gerer|faire)|(?:sa|ses|leur) crises? habitueles?|comme d habitude|on a (?:le|son|sa|un) (?:traitement|protocole|kit|stylo))\\b|\\b(?:pediatre|neurologue|medecin|docteur|infirmiere?|diabetologue) (?:nous|m|lui|leur) a (?:explique|dit|montre|apris|apris) (?:quoi faire|comment faire|comment reagir|ce qu il faut faire|les gestes)\\b',
);
/** What goes out of the ordinary: the plan fails, it lasts, it comes back, the person is not well after. */
const OUT_OF_THE_ORDINARY = re(
  '\\b(?:ne (?:s )?arete (?:pas|plus)|(?:ne )?(?:marche|fonctione|agit) (?:pas|plus)|ne fait (?:pas|rien|plus) (?:d )?efet|pas d efet|depuis (?:\\d+|cinq|dix|quinze|vingt) ?(?:min\\w*|heures?|h)|plus de (?:\\d+|cinq|dix|quinze) ?minutes|(?:ne )?respire (?:plus|pas|mal)|(?:devient|est|tout|toute|levres?) bleue?s?|ne se reveille|ne (?:me |nous )?repond (?:plus|pas)|inconsciente?|recommence\\w*|une autre crise|(?:deuxieme|seconde|2e|troisieme) crise|enchaine\\w*|pas comme d habitude|plus longue?|jamais vu|toujours pas|la tete|saigne\\w*|sang|tombee?)\\b',
);

/** Out of the ordinary (see above): a known cause no longer explains it. */
export function outOfTheOrdinary(text: string): boolean {
  return OUT_OF_THE_ORDINARY.test(text);
}

/** A known condition handled by its care plan, nothing out of the ordinary: no medical emergency, and the model alone may only ask. */
export function conditionManaged(text: string): boolean {
  return KNOWN_CONDITION.test(text) && CARE_PLAN.test(text) && !OUT_OF_THE_ORDINARY.test(text);
}
