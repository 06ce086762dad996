/**
 * Town names → département, from the official list of communes (@etalab/decoupage-administratif):
 * « Nantes » → 44, « St-Nazaire » → 44, « Saint-Denis » → 93 or 974 (ask). Names are compared
 * folded (accents, hyphens, apostrophes, capitals ignored; « st » / « ste » are « saint » / « sainte »;
 * « Le Mans » is also « Mans »).
 *
 * A name is read as the people who may mean it: everyone living in a commune of that name, and a
 * tenth of those living in a commune whose longer name begins with it before a linking word
 * (« Bagnères » for Bagnères-de-Bigorre, « Saint-Pierre » for Saint-Pierre-des-Corps), counted in
 * every département, served or not (Saint-Pierre-et-Miquelon's people say « Saint-Pierre » too).
 * The first part of a compound name counts the same way (« Charleville » for Charleville-Mézières,
 * « Clermont » for Clermont-Ferrand), unless it is an everyday word that describes (« Petit »-Bourg,
 * « Grand »-Quevilly, « Bois »-Colombes, « Saint »-Pierre-Quiberon).
 * One département is the answer when it holds at least 90 % of them (« Valence »: Drôme, 91 %);
 * else the name is ambiguous, and the départements proposed are the fewest, largest first, that
 * together hold 90 % of them, three at most (« Saint-Denis »: 974 and 93).
 * A one-word name that is also an everyday French word (« Méré » is « mère », « Mer », « Bois ») is
 * read alone only when a town it may mean has 10,000 people or is a préfecture or sous-préfecture
 * (Tours, Sens, Tulle, Bourg for Bourg-en-Bresse, Privas); else only when the sentence says it is a
 * place (« j'habite à Méré »: see said.ts). See README « Places ».
 */
import { EVERYDAY_WORDS } from './everydayWords';
import { foldPlaceName } from './folding';

export { foldPlaceName } from './folding';

interface RawCommune {
  code?: string;
  nom: string;
  type: string;
  departement?: string;
  population?: number;
  codesPostaux?: string[];
}

/** What a town name says about where the person is. */
export interface TownReading {
  /** The départements to propose, most likely first: one when it is clear, two or three to ask. */
  departements: string[];
  /** Everyone who may mean this name (the share of a longer name counted), in every département. */
  people: number;
  /** The served départements that have a town of this name at all (to narrow it: « Saint-Pierre près de Toulouse »). */
  anywhere: ReadonlySet<string>;
  /** One everyday French word, the article aside (« mere », « la montagne », « tours »): after an article, a thing. */
  everyday: boolean;
  /** An everyday word that no town of READ_ALONE_POPULATION people nor seat of an arrondissement bears: a town only when the sentence says it is a place. */
  needsCue: boolean;
}

export interface CommuneIndex {
  /** What the town named exactly by these folded words says; null when no town bears that name. */
  read(foldedName: string): TownReading | null;
  /** The people of the towns of that name in that département (0 when none). */
  populationOf(foldedName: string, departement: string): number;
  /** The longest number of words a town name has. */
  longestName: number;
}

/** One département is the answer when it holds this share of the people who may mean the name. */
export const CLEAR_SHARE = 0.9;
/** The share of a longer-named town's people counted for its short name (« Brive » for Brive-la-Gaillarde). */
export const SHORT_NAME_SHARE = 0.1;
/** A name that is an everyday word is read alone when a town this large (or a seat of an arrondissement) bears it or begins with it (Tulle: 13,401; Mer: 6,250). */
export const READ_ALONE_POPULATION = 10_000;

/** What tells a town from an everyday word: the folded French words, and the seats of arrondissements (commune codes). */
export interface WordsAndSeats {
  everyday: ReadonlySet<string>;
  seats: ReadonlySet<string>;
}
/** At most this many départements are proposed for one name. */
const MAX_PROPOSED = 3;
const ARTICLE = /^(le|la|les|l) /;
/** Words after which the rest of a name is a qualifier: « Boulogne-sur-Mer », « Bourg-en-Bresse », « Villeneuve-d'Ascq ». */
const LINKING_WORDS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'lez', 'sur', 'sous', 'en', 'aux', 'au', 'a']);
/** Words that are no town's short name on their own: « Saint-Pierre-Quiberon » is never « Saint-Pierre-… » cut after « Saint ». */
const TITLES: ReadonlySet<string> = new Set(['saint', 'sainte']);

/**
 * The shorter names people give a town (its name without article): the words before a linking word
 * (« bagneres de bigorre » → « bagneres », « bourg en bresse » → « bourg »), and the first parts of a
 * compound (« clermont ferrand » → « clermont », « saint pierre quiberon » → « saint pierre ») unless
 * such a part is one everyday word (« petit bourg », « bois colombes ») or ends on a title or a linking word.
 */
export function shortNamesOf(name: string, everyday: ReadonlySet<string>): string[] {
  const words = name.split(' ');
  const link = words.findIndex((word, index) => index > 0 && LINKING_WORDS.has(word));
  const shorts = new Set<string>();
  if (link > 0) shorts.add(words.slice(0, link).join(' '));
  for (let length = 1; length < (link > 0 ? link : words.length); length++) {
    const last = words[length - 1] ?? '';
    if (TITLES.has(last) || LINKING_WORDS.has(last) || (length === 1 && everyday.has(last))) continue;
    shorts.add(words.slice(0, length).join(' '));
  }
  return [...shorts].filter((short) => short.length >= 3);
}

/** Départements to propose from the people of each (largest first): one when clear, else the fewest holding CLEAR_SHARE. */
export function proposedDepartements(people: ReadonlyMap<string, number>, served: (code: string) => boolean): string[] {
  const total = [...people.values()].reduce((sum, count) => sum + count, 0);
  const ranked = [...people].filter(([code]) => served(code)).sort((a, b) => b[1] - a[1]);
  const proposed: string[] = [];
  let held = 0;
  for (const [code, count] of ranked) {
    if (proposed.length === MAX_PROPOSED || (proposed.length > 0 && held >= CLEAR_SHARE * total)) break;
    proposed.push(code);
    held += count;
  }
  return proposed;
}

export function buildCommuneIndex(
  communes: readonly RawCommune[],
  served: (code: string) => boolean,
  postcodeOverrides: ReadonlyMap<string, string>,
  { everyday, seats }: WordsAndSeats = { everyday: new Set(), seats: new Set() },
): CommuneIndex {
  const towns = new Map<string, Map<string, number>>();
  /** Names that a town of READ_ALONE_POPULATION or a seat of an arrondissement bears or begins with (« bourg »: Bourg-en-Bresse). */
  const known = new Set<string>();
  let longestName = 1;
  const add = (name: string, departement: string, people: number, knownTown: boolean): void => {
    const byDepartement = towns.get(name) ?? new Map<string, number>();
    byDepartement.set(departement, (byDepartement.get(departement) ?? 0) + people);
    towns.set(name, byDepartement);
    if (knownTown) known.add(name);
    longestName = Math.max(longestName, name.split(' ').length);
  };
  for (const commune of communes) {
    if (commune.type !== 'commune-actuelle' || commune.departement === undefined) continue;
    const override = commune.codesPostaux?.map((postcode) => postcodeOverrides.get(postcode)).find((code) => code !== undefined);
    const departement = override ?? commune.departement;
    const population = commune.population ?? 0;
    const knownTown = population >= READ_ALONE_POPULATION || seats.has(commune.code ?? '');
    const name = foldPlaceName(commune.nom);
    const article = ARTICLE.exec(name)?.[0] ?? '';
    const withoutArticle = name.slice(article.length);
    add(name, departement, population, knownTown);
    if (article !== '' && withoutArticle.length >= 4) add(withoutArticle, departement, population, knownTown);
    for (const short of shortNamesOf(withoutArticle, everyday)) {
      add(short, departement, population * SHORT_NAME_SHARE, knownTown);
      // « La Roche » for La Roche-sur-Yon, « Les Sables » for Les Sables-d'Olonne.
      if (article !== '') add(article + short, departement, population * SHORT_NAME_SHARE, knownTown);
    }
  }
  // Names borne only by towns of départements we do not serve lead nowhere.
  for (const [name, byDepartement] of towns) if (![...byDepartement.keys()].some(served)) towns.delete(name);
  // « mere », « la montagne », « le port »: one everyday word, the article aside.
  const everydayNames = new Set<string>();
  for (const name of towns.keys()) if (everyday.has(name.replace(ARTICLE, ''))) everydayNames.add(name);

  return {
    longestName,
    populationOf: (foldedName, departement) => towns.get(foldedName)?.get(departement) ?? 0,
    read(foldedName) {
      const people = towns.get(foldedName);
      if (people === undefined) return null;
      const everydayName = everydayNames.has(foldedName);
      return {
        departements: proposedDepartements(people, served),
        people: [...people.values()].reduce((sum, count) => sum + count, 0),
        anywhere: new Set([...people.keys()].filter(served)),
        everyday: everydayName,
        needsCue: everydayName && !known.has(foldedName),
      };
    },
  };
}

const built = new Map<string, CommuneIndex>();

/** The index of every current commune, built once per set of overrides on first use (the data is required file by file). */
export function communeIndex(served: (code: string) => boolean, postcodeOverrides: ReadonlyMap<string, string>): CommuneIndex {
  const key = JSON.stringify([...postcodeOverrides]);
  let index = built.get(key);
  if (index === undefined) {
    const arrondissements = require('@etalab/decoupage-administratif/data/arrondissements.json') as Array<{ chefLieu: string }>;
    index = buildCommuneIndex(require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[], served, postcodeOverrides, {
      everyday: EVERYDAY_WORDS,
      seats: new Set(arrondissements.map((arrondissement) => arrondissement.chefLieu)),
    });
    built.set(key, index);
  }
  return index;
}
