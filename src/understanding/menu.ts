/**
 * Choosing a menu option from what a caller said (phone) or wrote (chat), with the service's one
 * matcher. Two steps:
 * 1. a synonym said whole: its words found in a row, compared as French stems (« je n'arrive plus à
 *    me laver » says « laver »; « c'est pas ça » is not « c'est ça »); the longest one wins;
 * 2. else, when the menu allows free speech, the weighed matcher over the options' synonyms, tuned
 *    for speech (a long sentence with a few words of one option). No clear winner: no choice.
 */
import type { Analyser } from './analyse';
import { createMatcher, type Matcher, type MatcherOptions } from './matcher';

export interface MenuOption {
  synonyms: readonly string[];
}

export interface MenuMatcher<T> {
  /** The option said, or null when none (or no clear one) is. */
  choose(speech: string): T | null;
}

/** Speech at a menu: many words the options never use (« bonjour, alors c'est pour… »), a few that count. */
export const SPOKEN_MENU_OPTIONS: MatcherOptions = {
  minCoverage: 0.3,
  minEvidence: 0,
  unknownWordWeight: 0.3,
  ambiguityRatio: 0.75,
};

/** A synonym with one of these words is only said with it (« pas correct » is not « correct »). */
const NEGATIONS = new Set(['pas', 'ne', 'n', 'non', 'plus', 'aucun', 'aucune', 'sans', 'jamais', 'rien', 'personne']);

/** Where `needle` occurs in a row inside `haystack`. */
function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

export function createMenuMatcher<T extends MenuOption>(options: readonly T[], analyser: Analyser, settings: { freeSpeech: boolean }): MenuMatcher<T> {
  const synonyms = options.map((option) =>
    option.synonyms
      .map((synonym) => {
        const all = analyser.allTerms(synonym);
        // Strict menus (yes / no, « conseiller »), negated synonyms and synonyms made mostly of small words
        // (« je suis handicapé » is about who speaks, not « handicap ») are said word for word.
        const terms = analyser.terms(synonym);
        const meaningful = settings.freeSpeech && !all.some((word) => NEGATIONS.has(word)) && terms.length * 2 >= all.length ? terms : [];
        return { meaningful, all };
      })
      .filter(({ all }) => all.length > 0),
  );
  let matcher: Matcher | undefined;
  const weighed = (): Matcher =>
    (matcher ??= createMatcher(
      options.map((option, index) => ({ id: String(index), names: option.synonyms, phrasings: [] })),
      analyser,
      SPOKEN_MENU_OPTIONS,
    ));

  return {
    choose(speech) {
      const meaningful = analyser.terms(speech);
      const all = analyser.allTerms(speech);
      if (all.length === 0) return null;
      let best: T | null = null;
      let bestLength = 0;
      options.forEach((option, index) => {
        for (const synonym of synonyms[index] ?? []) {
          // Said word for word, it counts all its words; said in other words, only those that mean something.
          const length = containsRun(all, synonym.all) ? synonym.all.length : containsRun(meaningful, synonym.meaningful) ? synonym.meaningful.length : 0;
          if (length > bestLength) {
            best = option;
            bestLength = length;
          }
        }
      });
      if (best !== null || !settings.freeSpeech || meaningful.length === 0) return best;
      const match = weighed().match(speech);
      return match.kind === 'sure' ? (options[Number(match.id)] ?? null) : null;
    },
  };
}
