/**
 * Whether a message names an everyday thing of ordinary administration that no FAQ entry is about:
 * the carte Vitale, the housing benefit (APL), a divorce, an identity paper or a driving licence, a
 * home or car insurance, a flight, the bulky waste collection. Such a message often shares a
 * word with an entry (« la caf m'a envoyé un courrier sur les apl » near the MDPH's role, « j'ai perdu
 * ma carte vitale » near the CMI's card, « le permis de conduire, du temps en plus à l'examen » near
 * the school's adjustments) while asking nothing an entry answers. The stacked confidence reads this
 * (src/knowledge/confidence.ts), so that the near entry needs more evidence; it decides nothing alone.
 *
 * Only words that no entry's title, questions, keywords, answer or examples use belong here (checked
 * by test/understanding/everyday.test.ts): « impôts » (the CMI's half share), « cantine » (the AESH at
 * lunch), « train » (transport assistance), « hôtel » (adapted holidays), « propriétaire » (adapting a
 * rented home), « avocat » (an appeal), the bank (a protection measure) and the « carte bleue » (what
 * people call the parking card) are entries' words, and stay out. Pure.
 */
import { foldText } from '../domain/text';

/** Folded (no accents, lower case, apostrophes as spaces): see src/domain/text.ts. */
const EVERYDAY = new RegExp(
  [
    // Health insurance's card, the housing benefit.
    String.raw`carte vitale|apl|aides? (au|personnalisees? au) logement|allocations? logement`,
    // Family law and identity papers.
    String.raw`divorce\w*|pension alimentaire|passeport|carte (d )?identite|carte grise|permis de conduire|auto ecole|code de la route`,
    // Insurance of a home or car; flights; waste.
    String.raw`assurance (habitation|auto|voiture)|assureur|avion|aeroport|compagnie aerienne|embarquement|encombrants|dechetterie`,
  ]
    .map((group) => `(${group})`)
    .join('|'),
);
const EVERYDAY_WORDS = new RegExp(`\\b(${EVERYDAY.source})\\b`);

/** The message names an everyday thing no entry is about (« ma carte vitale », « les APL », « mon divorce »). */
export function namesEverydayThing(text: string): boolean {
  return EVERYDAY_WORDS.test(foldText(text));
}

/** The pattern, for the check that no entry uses its words. */
export const EVERYDAY_PATTERN = EVERYDAY_WORDS;
