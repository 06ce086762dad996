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
 * One département is the answer when it holds at least 90 % of them (« Valence »: Drôme, 91 %);
 * else the name is ambiguous, and the départements proposed are the fewest, largest first, that
 * together hold 90 % of them, three at most (« Saint-Denis »: 974 and 93). See README « Places ».
 */
import { foldText } from '../domain/text';

interface RawCommune {
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
/** At most this many départements are proposed for one name. */
const MAX_PROPOSED = 3;
const ARTICLE = /^(le|la|les|l) /;
/** Words after which the rest of a name is a qualifier: « Boulogne-sur-Mer », « Bourg-en-Bresse », « Villeneuve-d'Ascq ». */
const LINKING_WORDS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'lez', 'sur', 'sous', 'en', 'aux', 'au', 'a']);

/** The spoken and written forms of « saint »: one form for the index and for what people say. */
export function foldPlaceName(text: string): string {
  return foldText(text)
    .split(' ')
    .map((word) => (word === 'st' ? 'saint' : word === 'ste' ? 'sainte' : word))
    .join(' ');
}

/** « bagneres de bigorre » → « bagneres »; null when the name has no linking word after its first word. */
function shortNameOf(name: string): string | null {
  const words = name.split(' ');
  const link = words.findIndex((word, index) => index > 0 && LINKING_WORDS.has(word));
  return link > 0 ? words.slice(0, link).join(' ') : null;
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
): CommuneIndex {
  const towns = new Map<string, Map<string, number>>();
  let longestName = 1;
  const add = (name: string, departement: string, people: number): void => {
    const byDepartement = towns.get(name) ?? new Map<string, number>();
    byDepartement.set(departement, (byDepartement.get(departement) ?? 0) + people);
    towns.set(name, byDepartement);
    longestName = Math.max(longestName, name.split(' ').length);
  };
  for (const commune of communes) {
    if (commune.type !== 'commune-actuelle' || commune.departement === undefined) continue;
    const override = commune.codesPostaux?.map((postcode) => postcodeOverrides.get(postcode)).find((code) => code !== undefined);
    const departement = override ?? commune.departement;
    const population = commune.population ?? 0;
    const name = foldPlaceName(commune.nom);
    const withoutArticle = name.replace(ARTICLE, '');
    add(name, departement, population);
    if (withoutArticle !== name && withoutArticle.length >= 4) add(withoutArticle, departement, population);
    const short = shortNameOf(withoutArticle);
    if (short !== null && short.length >= 3) add(short, departement, population * SHORT_NAME_SHARE);
  }
  // Names borne only by towns of départements we do not serve lead nowhere.
  for (const [name, byDepartement] of towns) if (![...byDepartement.keys()].some(served)) towns.delete(name);

  return {
    longestName,
    populationOf: (foldedName, departement) => towns.get(foldedName)?.get(departement) ?? 0,
    read(foldedName) {
      const people = towns.get(foldedName);
      if (people === undefined) return null;
      return {
        departements: proposedDepartements(people, served),
        people: [...people.values()].reduce((sum, count) => sum + count, 0),
        anywhere: new Set([...people.keys()].filter(served)),
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
    index = buildCommuneIndex(require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[], served, postcodeOverrides);
    built.set(key, index);
  }
  return index;
}
