/**
 * Choosing a menu option from what a caller said (phone) or wrote (chat), with the service's one
 * matcher. Two steps:
 * 1. a synonym said whole: its words found in a row, compared as French stems (« je n'arrive plus à
 *    me laver » says « laver »; « c'est pas ça » is not « c'est ça »; « ne » need not be said); the
 *    longest one wins; two options' synonyms said alike are weighed by the examples, then by step 2,
 *    else no choice. The main clause's synonyms come first: « on veut pas m'embaucher à cause de mon
 *    fauteuil » is emploi, the wheelchair being context (src/understanding/clauses.ts); when only the
 *    context says one, a clear vote of the examples comes before it;
 * 2. else, when the menu allows free speech, the weighed matcher over the options' synonyms, tuned
 *    for speech (a long sentence with a few words of one option);
 * 3. else the options' examples (content/fr/phone-examples.yaml: « il faut quelqu'un pour l'emmener
 *    chez le médecin » → deplacements): the option of the nearest examples, when they clearly agree.
 * An example said nearly as it is written (its words, and about as many) is chosen first, before a
 * synonym it holds (« médecin » is a synonym of santé). No clear winner: no choice.
 */
import type { Analyser } from './analyse';
import { splitContext } from './clauses';
import { createExampleIndex, type ExampleIndex } from './examples';
import { createMatcher, type Matcher, type MatcherOptions } from './matcher';
import { withSenses } from './senses';

export interface MenuOption {
  synonyms: readonly string[];
}

/** When the examples choose an option. */
export const MENU_EXAMPLE_SETTINGS = {
  /** Before synonyms: the nearest examples agree this much and say this much of the speech. */
  firstShare: 0.8,
  firstCoverage: 0.8,
  /**
   * After synonyms and the matcher. At 0.6 / 0.5, 5-fold cross-validation over the phone examples
   * found this step giving 1 right need for 9 wrong ones: it now answers only a clear vote.
   */
  share: 0.8,
  coverage: 0.6,
};

/**
 * Two options whose synonyms are said alike (same length) are weighed by the examples and the matcher
 * rather than the first in the menu's order winning (5-fold cross-validation over the phone
 * examples: 3 more right needs, 4 fewer wrong ones).
 */
export const MENU_SYNONYM_SETTINGS = { weighTies: true };

/**
 * The main clause first: when it says a synonym, synonyms said only in its context (« parce que… »,
 * « à cause de… », « qui est… »: src/understanding/clauses.ts) choose nothing; inside it, the place
 * gone to (« aller à l'hôpital ») is read last (`destinationsLast`).
 */
export const MENU_CLAUSE_SETTINGS = { mainClauseFirst: true, examplesBeforeContext: true, destinationsLast: true };

/** Words said in another sense than a synonym's (« garder mon logement » is no child care) are read in theirs. */
export const MENU_SENSE_SETTINGS = { otherSenses: true };

/** The label of examples that are no option of the menu (asking for a person). */
const ELSEWHERE = 'elsewhere';

/** Which step chose: the examples said nearly as written, a synonym said whole, the weighed matcher, the examples. */
export type MenuStage = 'examples-first' | 'synonym' | 'matcher' | 'examples';

export interface MenuMatcher<T> {
  /** The option said, or null when none (or no clear one) is. */
  choose(speech: string): T | null;
  /** The option said and the step that chose it (both null when no step chose). */
  explain(speech: string): { option: T | null; stage: MenuStage | null };
}

/** Speech at a menu: many words the options never use (« bonjour, alors c'est pour… »), a few that count. */
export const SPOKEN_MENU_OPTIONS: MatcherOptions = {
  minCoverage: 0.3,
  minEvidence: 0,
  unknownWordWeight: 0.3,
  ambiguityRatio: 0.75,
};

/**
 * A synonym with one of these words is only said with it: a negation (« pas correct » is not « correct »),
 * or « comment » (« comment aller » asks the way; « aller » alone does not).
 */
const SAID_WHOLE = new Set(['pas', 'ne', 'n', 'non', 'plus', 'aucun', 'aucune', 'sans', 'jamais', 'rien', 'personne', 'comment']);

/** Words as said: spoken French drops the « ne » of a negation (« je sais plus quoi faire »), so it is no word to match. */
const spoken = (words: readonly string[]): string[] => words.filter((word) => word !== 'ne' && word !== 'n');

/** Where `needle` occurs in a row inside `haystack`. */
function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

export interface MenuSettings<T> {
  /** A sentence with the words of one option chooses it (and its examples count); off: only a synonym said whole. */
  freeSpeech: boolean;
  /** Examples of what is no option here (« je veux parler à quelqu'un »): they keep the examples from choosing. */
  elsewhere?: readonly string[];
  /** What people say for an option, in their own words (free-speech menus only). */
  examplesOf?: (option: T) => readonly string[];
}

export function createMenuMatcher<T extends MenuOption>(options: readonly T[], analyser: Analyser, settings: MenuSettings<T>): MenuMatcher<T> {
  const synonyms = options.map((option) =>
    option.synonyms
      .map((synonym) => {
        const written = analyser.allTerms(synonym);
        // Strict menus (yes / no, « conseiller »), negated or « comment » synonyms and synonyms made mostly of small words
        // (« je suis handicapé » is about who speaks, not « handicap ») are said word for word.
        const terms = analyser.terms(synonym);
        const meaningful = settings.freeSpeech && !written.some((word) => SAID_WHOLE.has(word)) && terms.length * 2 >= written.length ? terms : [];
        return { meaningful, all: spoken(written) };
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

  const labelled = options.flatMap((option, index) => (settings.examplesOf?.(option) ?? []).map((text) => ({ label: String(index), text })));
  let examples: ExampleIndex | undefined;
  const nearest = (): ExampleIndex =>
    (examples ??= createExampleIndex([...labelled, ...(settings.elsewhere ?? []).map((text) => ({ label: ELSEWHERE, text }))], analyser));
  /** The option the examples clearly give, ELSEWHERE, or undefined. */
  const voted = (speech: string, share: number, coverage: number): T | typeof ELSEWHERE | undefined => {
    if (!settings.freeSpeech || labelled.length === 0) return undefined;
    const vote = nearest().vote(speech);
    const label = vote.ranked[0]?.label;
    if (label === undefined || vote.share < share || vote.coverage < coverage) return undefined;
    return label === ELSEWHERE ? ELSEWHERE : options[Number(label)];
  };

  function explain(heard: string): { option: T | null; stage: MenuStage | null } {
    const none = { option: null, stage: null };
    // « garder mon logement » keeps a home: no child care (src/understanding/senses.ts).
    const speech = settings.freeSpeech && MENU_SENSE_SETTINGS.otherSenses ? withSenses(heard) : heard;
    const meaningful = analyser.terms(speech);
    const all = spoken(analyser.allTerms(speech));
    if (all.length === 0) return none;
    const first = voted(speech, MENU_EXAMPLE_SETTINGS.firstShare, MENU_EXAMPLE_SETTINGS.firstCoverage);
    if (first !== undefined) return { option: first === ELSEWHERE ? null : first, stage: 'examples-first' };
    // The longest synonym said, for each option.
    const saidIn = (allWords: readonly string[], meaningfulWords: readonly string[]): number[] =>
      options.map((_, index) => {
        let longest = 0;
        for (const synonym of synonyms[index] ?? []) {
          // Said word for word, it counts all its words; said in other words, only those that mean something.
          const length = containsRun(allWords, synonym.all) ? synonym.all.length : containsRun(meaningfulWords, synonym.meaningful) ? synonym.meaningful.length : 0;
          longest = Math.max(longest, length);
        }
        return longest;
      });
    let lengths = saidIn(all, meaningful);
    if (settings.freeSpeech && MENU_CLAUSE_SETTINGS.mainClauseFirst) {
      // A synonym of the main clause wins over one said only in its context (« à cause de mon fauteuil »),
      // and, inside it, over one of the place gone to (« je dois aller à la MDPH déposer mon dossier »).
      const { main: withoutPlaces, context, destinations, mainWithDestinations: main } = splitContext(speech);
      const saidInPart = (part: string): number[] => saidIn(spoken(analyser.allTerms(part)), analyser.terms(part));
      const beforePlaces = destinations === '' || !MENU_CLAUSE_SETTINGS.destinationsLast ? [] : saidInPart(withoutPlaces);
      const inMain = context === '' ? [] : saidInPart(main);
      if (beforePlaces.some((length) => length > 0)) lengths = beforePlaces;
      else if (inMain.some((length) => length > 0)) lengths = inMain;
      else if (MENU_CLAUSE_SETTINGS.examplesBeforeContext && inMain.length > 0 && analyser.terms(main).length > 0 && lengths.some((length) => length > 0)) {
        // Only the context says a synonym (« qui peut s'occuper de ma fille pendant que je travaille »):
        // a clear vote of the examples, on the whole speech, comes before it.
        const byExamples = voted(speech, MENU_EXAMPLE_SETTINGS.share, MENU_EXAMPLE_SETTINGS.coverage);
        if (byExamples !== undefined && byExamples !== ELSEWHERE) return { option: byExamples, stage: 'examples' };
      }
    }
    const bestLength = Math.max(0, ...lengths);
    const tied = options.filter((_, index) => bestLength > 0 && lengths[index] === bestLength);
    if (tied.length > 1 && settings.freeSpeech && MENU_SYNONYM_SETTINGS.weighTies) {
      // Two options' words said alike (« aider à payer les vacances »): the examples, then the weighed
      // matcher, choose between them; neither does: not sure. (The examples alone, or the matcher only
      // when it is not itself torn: about as many fewer right needs as fewer wrong ones.)
      const byExamples = voted(speech, MENU_EXAMPLE_SETTINGS.share, MENU_EXAMPLE_SETTINGS.coverage);
      if (byExamples !== undefined && byExamples !== ELSEWHERE && tied.includes(byExamples)) return { option: byExamples, stage: 'examples' };
      const match = weighed().match(speech);
      const chosen = match.kind === 'sure' ? options[Number(match.id)] : undefined;
      return chosen !== undefined && tied.includes(chosen) ? { option: chosen, stage: 'matcher' } : none;
    }
    const best = tied[0] ?? null;
    if (best !== null) return { option: best, stage: 'synonym' };
    if (!settings.freeSpeech || meaningful.length === 0) return none;
    const match = weighed().match(speech);
    if (match.kind === 'sure') return { option: options[Number(match.id)] ?? null, stage: 'matcher' };
    const later = voted(speech, MENU_EXAMPLE_SETTINGS.share, MENU_EXAMPLE_SETTINGS.coverage);
    return later === undefined || later === ELSEWHERE ? none : { option: later, stage: 'examples' };
  }

  return { choose: (speech) => explain(speech).option, explain };
}
