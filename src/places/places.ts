/**
 * Places: the 101 départements and the postcodes that lead to them.
 * The one entry point for "where is this caller?"; pure look-ups, no I/O after the first use.
 */
import type { Departement } from '../domain/ports';
import type { DepartementCode } from '../domain/vocabulary';
import { DEPARTEMENTS, departementByCode, isDepartementCode } from './departements';
import stopwordsIso from 'stopwords-iso';
import { digitsFromWords } from '../understanding/numbers';
import { communeIndex, foldPlaceName } from './communes';
import { buildNameIndex, type NameIndex } from './names';
import { getPostcodeIndex, normalisePostcode } from './postcodes';

export { normalisePostcode } from './postcodes';
export { DEPARTEMENTS, DEPARTEMENT_CODES, isDepartementCode } from './departements';

/**
 * Postcodes routed to another département than the one the data gives.
 * Saint-Barthélemy (97133, COM 977) and Saint-Martin (97150, COM 978) have no CERCLE of their own:
 * their callers go to Guadeloupe.
 */
export const DEFAULT_POSTCODE_OVERRIDES: Readonly<Record<string, DepartementCode>> = Object.freeze({
  '97133': '971',
  '97150': '971',
});

export interface PlacesOptions {
  /** postcode → département code; replaces what the data says for that postcode. */
  postcodeOverrides?: Readonly<Record<string, DepartementCode>>;
}

export interface Places {
  /** The 101 départements in INSEE order. */
  all(): readonly Departement[];
  /** A département by its code ("44", "2A", "2a", "971"); undefined when unknown. */
  get(code: string): Departement | undefined;
  /**
   * Département codes for a postcode ("44000" or spoken "44 000"), sorted.
   * Two codes when the postcode spans two départements (ask the caller which); [] when unknown.
   */
  departementsForPostcode(postcode: string): DepartementCode[];
  /** A département from its name ("loire-atlantique", "La Réunion") or its code ("44", "2A"). */
  findByName(text: string): Departement | null;
  /**
   * The départements a person means by a place said or written in a sentence: a département's name
   * or code, or a town (« j'habite à Saint-Nazaire » → 44). Several when a town's name is shared by
   * towns of comparable size (« Saint-Denis »: 93 and 974, ask which), most likely first; [] when none.
   */
  departementsNamedIn(text: string): DepartementCode[];
  /** Builds the postcode and town indexes now (once per process), not during a first caller's turn. */
  warmUp(): void;
}

/** A town this large that bears a département's name makes the name ambiguous. */
const LARGE_TOWN = 20_000;

/** Common words are no town, even when a hamlet bears the name (« Eu », « Y »). */
const COMMON_WORDS: ReadonlySet<string> = new Set([...(stopwordsIso as Record<string, string[]>).fr ?? [], 'bonjour', 'merci', 'ville', 'habite', 'suis', 'vis']);

/** Word runs of a sentence, longest first: every place name it may hold. */
function runsOf(words: readonly string[], longest: number): string[] {
  const runs: string[] = [];
  for (let length = Math.min(longest, words.length); length >= 1; length--) {
    for (let start = 0; start + length <= words.length; start++) runs.push(words.slice(start, start + length).join(' '));
  }
  return runs;
}

/** Words that make the number before them a quantity: « mon fils a 12 ans ». */
export const QUANTITY_UNITS: ReadonlySet<string> = new Set(['an', 'ans', 'mois', 'semaine', 'semaines', 'jour', 'jours', 'heure', 'heures', 'euro', 'euros', 'kg', 'fois', 'minutes']);

export function createPlaces(options: PlacesOptions = {}): Places {
  const overrides = new Map(Object.entries(options.postcodeOverrides ?? DEFAULT_POSTCODE_OVERRIDES));
  for (const [postcode, code] of overrides) {
    if (normalisePostcode(postcode) !== postcode || !isDepartementCode(code)) {
      throw new Error(`Invalid postcode override ${postcode} → ${code}: expected a 5-digit postcode and a département code`);
    }
  }
  let nameIndex: NameIndex | undefined;

  return {
    all: () => DEPARTEMENTS,
    get: (code) => departementByCode(code),
    departementsForPostcode(raw) {
      const postcode = normalisePostcode(raw);
      if (postcode === null) return [];
      const override = overrides.get(postcode);
      if (override !== undefined) return [override];
      // Postcodes of overseas collectivities (COM) lead to no département we serve.
      return (getPostcodeIndex().get(postcode) ?? []).filter(isDepartementCode);
    },
    findByName(text) {
      nameIndex ??= buildNameIndex(DEPARTEMENTS);
      return nameIndex.find(text);
    },
    warmUp() {
      getPostcodeIndex();
      communeIndex(isDepartementCode, overrides);
      digitsFromWords('un');
    },
    departementsNamedIn(said) {
      nameIndex ??= buildNameIndex(DEPARTEMENTS);
      // Numbers said in words (« quarante-quatre ») are read as digits.
      const text = digitsFromWords(said);
      const towns = communeIndex(isDepartementCode, overrides);
      const whole = nameIndex.find(text);
      if (whole !== null) {
        // « Vienne » is a département and a town of 30,000 in Isère: ask.
        const town = towns.departementsOf(foldPlaceName(text)).filter((code) => code !== whole.code && towns.populationOf(foldPlaceName(text), code) >= LARGE_TOWN);
        return [whole.code, ...town];
      }
      const words = foldPlaceName(text).split(' ').filter((word) => word !== '');
      if (words.length === 0) return [];
      const meaningful = (run: string): boolean => run.includes(' ') || (run.length >= 3 && !COMMON_WORDS.has(run));
      // A département's name said in the sentence (« à Saint-Denis de la Réunion ») decides.
      const named = runsOf(words, 4).filter(meaningful).flatMap((run) => (/^\d/.test(run) ? [] : (nameIndex?.find(run) ?? [])));
      const first = named[0];
      if (first !== undefined) return [first.code];
      for (const run of runsOf(words, towns.longestName)) {
        if (!meaningful(run)) continue;
        const found = towns.departementsOf(run);
        if (found.length > 0) return found;
      }
      // A code said alone in a short answer (« le 44 », « c'est le 974 »).
      // A number followed by a unit (« 12 ans », « 30 euros ») is an age or an amount, not a place.
      const isCode = (word: string, index: number) => /^\d{2,3}$|^2[ab]$/.test(word) && !QUANTITY_UNITS.has(words[index + 1] ?? '');
      const codes = words.length <= 4 ? words.filter(isCode).flatMap((word) => nameIndex?.find(word) ?? []) : [];
      return codes.length === 1 && codes[0] ? [codes[0].code] : [];
    },
  };
}

/** Places with the default overrides (97133 and 97150 → 971). */
export const places: Places = createPlaces();

/** Shorthand for places.findByName. */
export function findDepartementByName(text: string): Departement | null {
  return places.findByName(text);
}
