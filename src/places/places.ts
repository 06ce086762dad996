/**
 * Places: the 101 départements and the postcodes that lead to them.
 * The one entry point for "where is this caller?"; pure look-ups, no I/O after the first use.
 */
import type { Departement } from '../domain/ports';
import type { DepartementCode } from '../domain/vocabulary';
import { DEPARTEMENTS, departementByCode, isDepartementCode } from './departements';
import { digitsFromWords } from '../understanding/numbers';
import { communeIndex, foldPlaceName, type CommuneIndex, type TownReading } from './communes';
import { accentedWords } from './folding';
import { capitalisedWords, placesSaidIn, sayingOf, sentenceParts } from './said';
import { buildNameIndex, type NameIndex } from './names';
import { regionIndex } from './regions';
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
   * or code, or a town (« j'habite à Saint-Nazaire » → 44, « un village près de Figeac » → 46). Several
   * when no département holds 90 % of the people who may mean a town's name (« Saint-Denis »: 974 and
   * 93, ask which), most likely first; [] when none.
   */
  departementsNamedIn(text: string): DepartementCode[];
  /** Builds the postcode and town indexes now (once per process), not during a first caller's turn. */
  warmUp(): void;
}

/** A town this large that bears a département's name makes the name ambiguous. */
const LARGE_TOWN = 20_000;

/**
 * What a run of words names: a département (by its name), a town, a region (its départements), or
 * nothing though it is a name (a river: « au bord de la Loire »): its words are then no town either.
 */
interface PlaceSaid {
  departement?: DepartementCode;
  town?: TownReading;
  /** The town is said as a place (« à Lyon », « j'habite Méré »), not only named. */
  placed?: boolean;
  region?: readonly DepartementCode[];
}

/** At most this many départements are asked: a region holding more (« en Bretagne ») is no answer; « la Corse »: 2A or 2B. */
const REGION_ASKED = 3;

/** « au bord de la », « sur les bords du »: a département's name after these words is its river. */
const RIVERBANK = /\bbords? (?:de|du|des|d)(?: la| l| le| les)?$/;

/** The sentence's words with « 2 a », « 2 b » (« deux A ») as Corsica's codes. */
function withCorsica(words: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const next = words[index + 1];
    if (words[index] === '2' && (next === 'a' || next === 'b') && !/^\d/.test(words[index + 2] ?? '')) {
      joined.push(`2${next}`);
      index++;
    } else joined.push(words[index] ?? '');
  }
  return joined;
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
  let townIndex: CommuneIndex | undefined;
  /** The towns with these overrides: a thin layer over the towns every version shares (communes.ts). */
  const townsOf = (): CommuneIndex => (townIndex ??= communeIndex(isDepartementCode, overrides));

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
      townsOf();
      digitsFromWords('un');
    },
    departementsNamedIn(said) {
      nameIndex ??= buildNameIndex(DEPARTEMENTS);
      const departementNamed = nameIndex;
      // Numbers said in words (« quarante-quatre », « le 9 3 ») are read as digits for codes; names are read
      // in the words said (« les Deux-Sèvres », « Trois-Rivières »).
      const text = digitsFromWords(said);
      const towns = townsOf();
      const whole = departementNamed.find(said) ?? departementNamed.find(text);
      if (whole !== null) {
        // « Vienne » is a département and a town of 30,000 in Isère: ask.
        const town = towns.read(foldPlaceName(text))?.departements.filter((code) => code !== whole.code && towns.populationOf(foldPlaceName(text), code) >= LARGE_TOWN) ?? [];
        return [whole.code, ...town];
      }
      // The sentence's words, in parts: before any « near » expression, then after each.
      const parts = sentenceParts(foldPlaceName(said));
      const segments = sentenceParts(foldPlaceName(text)).map((part) => withCorsica(part.words));
      const words = segments.flat();
      if (words.length === 0) return [];
      const regionNamed = regionIndex();
      const capitalised = capitalisedWords(said, foldPlaceName);
      // « j'habite à Viré »: the towns written so (Viré, 71), not every « vire » (Vire, 14, is larger).
      const accented = accentedWords(said);
      const written = (run: string) => run.split(' ').map((word) => accented.get(word) ?? word).join(' ');
      // A code said (« 44 », « dans le 93 »); a number followed by a unit (« 12 ans », « 30 euros ») is an age or an amount.
      const saidCodes = segments.flatMap((segment) =>
        segment.filter((word, index) => /^\d{2,3}$|^2[ab]$/.test(word) && !QUANTITY_UNITS.has(segment[index + 1] ?? '')).flatMap((word) => departementNamed.find(word)?.code ?? []),
      );
      const readings = placesSaidIn<PlaceSaid>(parts, towns.longestName, (run) => {
        const departement = /^\d/.test(run.run) ? null : departementNamed.find(run.run);
        if (departement !== null) {
          // The words before the name itself (« de la » may be read with it: « de la loire » is the Loire).
          const lead = /^(?:(?:de|du|des|d|la|l|le|les) )*/.exec(run.run)?.[0] ?? '';
          const before = [...(parts[run.segment]?.words ?? []).slice(0, run.at), lead.trim()].join(' ').trim();
          if (RIVERBANK.test(before)) return {};
          // « rue de Paris à Nantes »: a street's name.
          const leading = lead.split(' ').filter((word) => word !== '').length;
          const name = { ...run, run: run.run.split(' ').slice(leading).join(' '), at: run.at + leading };
          return sayingOf(parts, name, capitalised) === 'thing' ? null : { departement: departement.code };
        }
        const region = /^\d/.test(run.run) ? null : regionNamed.find(run.run);
        if (region !== null) return { region };
        const town = towns.read(run.run, written(run.run));
        if (town === null) return null;
        // « chez ma mère » is no town (Méré), « au bord de la mer » neither (Mer, 6,250 people); « je suis à Mer » is.
        const saying = sayingOf(parts, run, capitalised);
        if (saying === 'thing' || (town.everyday && saying === 'article') || (town.needsCue && saying !== 'place')) return null;
        return { town, placed: saying === 'place' };
      });
      // A département's name said in the sentence (« à Saint-Denis de la Réunion ») decides, unless a town
      // of another département is said as a place too (« j'habite à Lyon, je suis né à Paris »): ask which.
      const named = readings.flatMap(({ place }) => place.departement ?? []);
      if (named[0] !== undefined) {
        const elsewhere = readings.flatMap(({ place }) => (place.placed === true && place.town?.departements.length === 1 ? place.town.departements : []));
        return [...new Set([named[0], ...elsewhere])].slice(0, REGION_ASKED);
      }
      // A town said after « près de », « à côté de »… is the one meant: the words before it describe the place
      // (« un petit bourg près de Tulle » is about Tulle, not Petit-Bourg in Guadeloupe).
      const near = readings.filter(({ segment, place }) => segment > 0 && place.town !== undefined);
      const townsSaid = (near.length > 0 ? near : readings).flatMap(({ place }) => place.town ?? []);
      // Towns of different départements, each said as a place (« j'habitais à Lyon, maintenant je suis à
      // Grenoble »): which one is meant is asked, the larger first.
      const placed = (near.length > 0 ? near : readings).flatMap(({ place }) => (place.placed === true && place.town?.departements.length === 1 ? [place.town] : []));
      const placedCodes = [...new Set(placed.sort((a, b) => b.people - a.people).flatMap((town) => town.departements))];
      if (placedCodes.length > 1) return placedCodes.slice(0, REGION_ASKED);
      // Else, of the towns said, the one more people live in: « Figeac, un petit village » is not La Côte (70).
      const likeliest = townsSaid.reduce<TownReading | null>((best, town) => (best === null || town.people > best.people ? town : best), null);
      if (likeliest !== null) {
        if (likeliest.departements.length === 1) return likeliest.departements;
        // A name several départements share, and another place said that agrees with one of them
        // (« Saint-Denis dans le 93 »): that one.
        const agreeing = new Set([...saidCodes, ...readings.flatMap(({ place }) => place.region ?? []), ...townsSaid.filter((town) => town !== likeliest && town.departements.length === 1).flatMap((town) => town.departements)]);
        const narrowed = [...agreeing].filter((code) => likeliest.anywhere.has(code));
        return narrowed.length === 1 ? narrowed : likeliest.departements;
      }
      // A code said alone in a short answer (« le 44 », « c'est le 974 »).
      const unique = [...new Set(saidCodes)];
      if (words.length <= 4 && unique.length === 1) return unique;
      // A region alone: asked when it holds few départements (« la Corse »), else no answer (« en Bretagne »).
      const regions = readings.flatMap(({ place }) => (place.region === undefined ? [] : [place.region]));
      return regions.length === 1 && (regions[0]?.length ?? 0) <= REGION_ASKED ? [...(regions[0] ?? [])] : [];
    },
  };
}

/** Places with the default overrides (97133 and 97150 → 971). */
export const places: Places = createPlaces();

/** Shorthand for places.findByName. */
export function findDepartementByName(text: string): Departement | null {
  return places.findByName(text);
}
