/**
 * Town names → département, from the official list of communes (@etalab/decoupage-administratif):
 * « Nantes » → 44, « St-Nazaire » → 44, « Saint-Denis » → 93 or 974 (ask). Names are compared
 * folded (accents, hyphens, apostrophes, capitals ignored; « st » / « ste » are « saint » / « sainte »;
 * « Le Mans » is also « Mans »). When several départements have a commune of that name, the much
 * larger one wins (« Valence »: Drôme, 64,000 people, not the hamlets of Charente and Tarn-et-Garonne);
 * towns of comparable size are all returned, largest first, and the caller is asked.
 */
import { foldText } from '../domain/text';

interface RawCommune {
  nom: string;
  type: string;
  departement?: string;
  population?: number;
  codesPostaux?: string[];
}

interface Town {
  departement: string;
  population: number;
}

export interface CommuneIndex {
  /** Départements of the town named exactly by these folded words, most likely first; [] when none. */
  departementsOf(foldedName: string): string[];
  /** The population of the town of that name in that département (0 when none). */
  populationOf(foldedName: string, departement: string): number;
  /** The longest number of words a town name has. */
  longestName: number;
}

/** A town this many times smaller than the largest of its name is not proposed. */
const MUCH_SMALLER = 5;
/** At most this many départements are proposed for one name. */
const MAX_PROPOSED = 3;
const ARTICLE = /^(le|la|les|l) /;

/** The spoken and written forms of « saint »: one form for the index and for what people say. */
export function foldPlaceName(text: string): string {
  return foldText(text)
    .split(' ')
    .map((word) => (word === 'st' ? 'saint' : word === 'ste' ? 'sainte' : word))
    .join(' ');
}

export function buildCommuneIndex(
  communes: readonly RawCommune[],
  served: (code: string) => boolean,
  postcodeOverrides: ReadonlyMap<string, string>,
): CommuneIndex {
  const towns = new Map<string, Town[]>();
  let longestName = 1;
  const add = (name: string, town: Town): void => {
    const list = towns.get(name) ?? [];
    const same = list.find((t) => t.departement === town.departement);
    if (same) same.population = Math.max(same.population, town.population);
    else list.push({ ...town });
    towns.set(name, list);
    longestName = Math.max(longestName, name.split(' ').length);
  };
  for (const commune of communes) {
    if (commune.type !== 'commune-actuelle' || commune.departement === undefined) continue;
    const override = commune.codesPostaux?.map((postcode) => postcodeOverrides.get(postcode)).find((code) => code !== undefined);
    const departement = override ?? commune.departement;
    if (!served(departement)) continue;
    const name = foldPlaceName(commune.nom);
    const town = { departement, population: commune.population ?? 0 };
    add(name, town);
    const withoutArticle = name.replace(ARTICLE, '');
    if (withoutArticle !== name && withoutArticle.length >= 4) add(withoutArticle, town);
  }

  return {
    longestName,
    populationOf: (foldedName, departement) => towns.get(foldedName)?.find((town) => town.departement === departement)?.population ?? 0,
    departementsOf(foldedName) {
      const list = towns.get(foldedName);
      if (list === undefined) return [];
      const sorted = [...list].sort((a, b) => b.population - a.population);
      const largest = sorted[0]?.population ?? 0;
      return sorted
        .filter((town) => town.population * MUCH_SMALLER >= largest)
        .slice(0, MAX_PROPOSED)
        .map((town) => town.departement);
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
