/**
 * Is the person hurt a child or an adult? The number depends on it: a child gets the 119 even when
 * disabled, an older or disabled adult the 3977 (README « Thirteenth round »). A child is named by a
 * word (« mon petit-fils », « le petit »: the lists of rules.ts and harm.ts), by an age after a name
 * or a pronoun (« Léo, 6 ans », « il a 11 ans »), or by a school stage (« en CE1 », « au collège »); a
 * son or daughter « majeur », « adulte » or « de 25 ans » is an adult.
 * Works on the prepared text's words (folded, squeezed: « collège » → « colege »).
 */

/** Words before « N ans » that make it a span of time or a quantity (« depuis 6 ans », « il y a 6 ans »), not someone's age. */
const NOT_A_NAME = new Set(
  (
    'depuis pendant durant dans y apres avant pour pres environ presque bientot deja fait ca cela plus moins de d des les ces ses mes nos vos leurs leur ' +
    'tous toutes ai as avons avez ont avait avais avaient au aux en et ou sur entre jusqu vers que qu seulement juste bien quasi peine la le l un une ' +
    'mon ma ton ta son sa notre votre dernier derniere prochain prochaine premier premiere bout cours age agee age moins pres sous par tout'
  ).split(' '),
);
/** An age that is a child's (1 to 17). */
const CHILD_AGE = /^(?:[1-9]|1[0-7])$/;
/** What may follow « N ans » when it is an age (not « 6 ans de retard », « 6 ans que », « 6 ans plus tard »). */
const NOT_AN_AGE_AFTER = /^(?:de|d|que|qu|plus|apres|avant|auparavant|deja|environ|ago)$/;

/** School stages children are at: « en CE1 », « au collège », « en ULIS ». */
export const SCHOOL_STAGE =
  '(?:en (?:cp|ce1|ce2|cm1|cm2|6e|6eme|sixieme|5e|5eme|cinquieme|4e|4eme|quatrieme|3e|3eme|troisieme|maternele|primaire|ulis|segpa)|au (?:colege|cp|ce1|ce2|cm1|cm2)|a la maternele|a l ecole primaire)';
const SCHOOL_AFTER = new RegExp(`^(?:est |qui est )?${SCHOOL_STAGE}\\b`);

/**
 * A child by age in the text of the rules (harmRules.ts `CHILD`): « N ans » (1 to 17) after a name or a
 * word that is no span of time (« Léo, 6 ans », « le petit Tom 7 ans »), not « depuis 6 ans », « il y
 * a 6 ans », « 6 ans de retard ». « de N ans » and « a N ans » are in `CHILD` already.
 */
export const CHILD_BY_AGE = `(?<!\\b(?:${[...NOT_A_NAME].join('|')}) )(?<=\\b[a-z]\\w* )(?:[1-9]|1[0-7]) ans\\b(?! (?:de|d|que|qu|plus|apres|avant|auparavant|deja|environ)\\b)`;

/** The one who writes is a child by age (« j'ai 12 ans », after ages.ts: « jé 12 an », « g 12 ans »), not « j'ai 12 ans d'ancienneté ». */
export const SPEAKER_CHILD = '\\bj ai (?:[4-9]|1[0-7]) ans\\b(?! (?:de|d|que|qu|plus|apres|avant|auparavant|deja|environ)\\b)';

/** Where a word that names someone (a name, or « il », « elle ») is said to be a child by age or school: the index of that word. */
export function childrenNamedByAge(tokens: readonly string[]): number[] {
  const found = new Set<number>();
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i] === 'ans' && CHILD_AGE.test(tokens[i - 1] ?? '') && !NOT_AN_AGE_AFTER.test(tokens[i + 1] ?? '')) {
      const before = tokens[i - 2] ?? '';
      // « Léo 6 ans » (the comma is gone): the name; « il a 6 ans », « Léo a 6 ans »: who has it (not « il y a 6 ans »).
      if (before === 'a' && i >= 3 && tokens[i - 3] !== 'y' && !NOT_A_NAME.has(tokens[i - 3] ?? '')) found.add(i - 3);
      else if (before !== '' && before !== 'a' && !NOT_A_NAME.has(before) && !/^\d/.test(before)) found.add(i - 2);
      // « Lucas, âgé de 7 ans »: the name before « âgé ».
      else if (before === 'de' && /^agee?s?$/.test(tokens[i - 3] ?? '') && i >= 4 && !NOT_A_NAME.has(tokens[i - 4] ?? '')) found.add(i - 4);
    }
  }
  for (let i = 0; i < tokens.length - 1; i++) {
    const word = tokens[i] as string;
    if (!NOT_A_NAME.has(word) && /^[a-z]/.test(word) && SCHOOL_AFTER.test(tokens.slice(i + 1, i + 5).join(' '))) found.add(i);
  }
  return [...found].sort((a, b) => a - b);
}

/** After a child's word: « majeur », « adulte » make an adult (« ma fille majeure »). */
export const ADULT_AFTER = /^(?:majeur|majeure|majeurs|majeures|adulte|adultes)\b/;
/** After a word for someone: a school stage makes a child (« mon frère en CM2 », « ma sœur est au collège »). */
export const CHILD_AFTER = SCHOOL_AFTER;

/** Words that may open a message before the one who writes says who they are (« Bonjour, grand-mère de Léo… »). */
const OPENING = new Set(['bonjour', 'bonsoir', 'salut', 'slt', 'bjr', 'alo', 'madame', 'monsieur', 'mesieurs', 'dames', 'oui', 'voila', 'ici', 'moi', 'c', 'est', 'la', 'le', 'l', 'sa', 'son', 'une', 'un']);

/**
 * « je suis la grand-mère de Léo », « en tant que sa tante »: the person named is the one who writes.
 * So is one who opens the message by whose relative they are (« Bonjour, grand-mère de Lucas, 7 ans… »,
 * « c'est la voisine de Lucas », « ici le grand-père d'Enzo »): a relation followed by « de », said
 * first or after « c'est », « ici », « de la part de » (not « c'est la voisine qui la frappe »).
 */
export function saidOfThemselves(tokens: readonly string[], index: number, end = index): boolean {
  const before = tokens.slice(Math.max(0, index - 4), index).join(' ');
  if (/(?:^| )(?:je suis|en tant que|moi)(?: la| le| l| sa| son| une| un)?$/.test(before)) return true;
  if (!/^(?:de|d|du)$/.test(tokens[end + 1] ?? '')) return false;
  return (index <= 5 && tokens.slice(0, index).every((word) => OPENING.has(word))) || /(?:^| )(?:c est|ici|de la part (?:de|d))(?: la| le| l| sa| son)?$/.test(before);
}
