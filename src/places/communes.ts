/**
 * Town names → département, from the official list of communes (@etalab/decoupage-administratif):
 * « Nantes » → 44, « St-Nazaire » → 44, « Saint-Denis » → 93 or 974 (ask). Names are compared
 * folded (accents, hyphens, apostrophes, capitals ignored; « st » / « ste » are « saint » / « sainte »;
 * « Le Mans » is also « Mans »); a name written with accents is first read as written (« Viré »).
 *
 * A name is read as the people who may mean it: everyone living in a commune of that name (or of a
 * commune nouvelle whose seat bore it: « Vire » for Vire Normandie), and a tenth of those living in a
 * commune whose longer name begins with it (townNames.ts), counted in every département, served or
 * not (Saint-Pierre-et-Miquelon's people say « Saint-Pierre » too).
 * One département is the answer when it holds at least 90 % of them (« Valence »: Drôme, 91 %;
 * « Vire »: Calvados, 93 %, not Viré in Saône-et-Loire); else the name is ambiguous, and the
 * départements proposed are the fewest, largest first, that together hold 90 % of them, three at
 * most (« Saint-Denis »: 974 and 93).
 * A one-word name that is also an everyday French word (« Méré » is « mère », « Mer », « Bois ») is
 * read alone only when a town it may mean has 10,000 people or is a préfecture or sous-préfecture
 * (Tours, Sens, Tulle, Bourg for Bourg-en-Bresse, Privas); else only when the sentence says it is a
 * place (« j'habite à Méré »: see said.ts). See README « Places ».
 *
 * The index is built in two parts: the towns (`TownBase`, the heavy part: every name of every commune,
 * once per process), and a thin layer per set of postcode overrides that moves the people of the few
 * communes whose postcode is routed elsewhere (`withOverrides`).
 */
import { EVERYDAY_WORDS } from './everydayWords';
import { ARTICLES, eachNameGivenBy, seatNamesOf, type RawCommune, type WordsAndSeats } from './townNames';
import { foldText } from '../domain/text';

export { foldPlaceName } from './folding';
export { READ_ALONE_POPULATION, SHORT_NAME_SHARE, type WordsAndSeats } from './townNames';

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
  /**
   * What the town named exactly by these folded words says; null when no town bears that name. With
   * the words as written (accents kept: writtenPlaceName), the towns written so, when there are some.
   */
  read(foldedName: string, writtenName?: string): TownReading | null;
  /** The people of the towns of that name in that département (0 when none). */
  populationOf(foldedName: string, departement: string): number;
  /** The longest number of words a town name has. */
  longestName: number;
}

/** Every name of every current commune, before any postcode override: built once per process. */
export interface TownBase {
  /** The people who may mean each name (folded, or written with accents), by département, served or not. */
  towns: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Names that a town of READ_ALONE_POPULATION or a seat of an arrondissement bears or begins with (« bourg »: Bourg-en-Bresse). */
  known: ReadonlySet<string>;
  /** Names that are one everyday word, the article aside (« mere », « la montagne », « le port »). */
  everydayNames: ReadonlySet<string>;
  longestName: number;
  /** The communes that bear each postcode: those a postcode override may move. */
  communesOfPostcode: ReadonlyMap<string, readonly RawCommune[]>;
  /** Calls `give` with each name a commune gives and the people counted for it (as when the base was built). */
  eachNameOf(commune: RawCommune, give: (name: string, people: number) => void): void;
}

/** One département is the answer when it holds this share of the people who may mean the name. */
export const CLEAR_SHARE = 0.9;
/** At most this many départements are proposed for one name. */
const MAX_PROPOSED = 3;
/** Below this, a département's people of a name are none (what is left once an override moved them out). */
const NOBODY = 1e-6;

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

export function buildTownBase(communes: readonly RawCommune[], words: WordsAndSeats = { everyday: new Set(), seats: new Set() }): TownBase {
  const seatNames = seatNamesOf(communes);
  const seatNameOf = (commune: RawCommune) => (commune.code === undefined ? undefined : seatNames.get(commune.code));
  const towns = new Map<string, Map<string, number>>();
  const known = new Set<string>();
  const communesOfPostcode = new Map<string, RawCommune[]>();
  let longestName = 1;
  for (const commune of communes) {
    const { departement } = commune;
    if (commune.type !== 'commune-actuelle' || departement === undefined) continue;
    eachNameGivenBy(commune, seatNameOf(commune), words, (name, people, knownTown) => {
      const byDepartement = towns.get(name);
      if (byDepartement === undefined) towns.set(name, new Map<string, number>().set(departement, people));
      else byDepartement.set(departement, (byDepartement.get(departement) ?? 0) + people);
      if (knownTown) known.add(name);
    });
    for (const postcode of commune.codesPostaux ?? []) {
      const bearers = communesOfPostcode.get(postcode);
      if (bearers === undefined) communesOfPostcode.set(postcode, [commune]);
      else bearers.push(commune);
    }
  }
  const everydayNames = new Set<string>();
  for (const name of towns.keys()) {
    const nameWords = name.split(' ');
    longestName = Math.max(longestName, nameWords.length);
    // « mere », « la montagne », « le port »: one everyday word, the article aside.
    const word = nameWords.length === 1 ? nameWords[0] : nameWords.length === 2 && ARTICLES.has(nameWords[0] ?? '') ? nameWords[1] : undefined;
    if (word !== undefined && words.everyday.has(/^[a-z0-9]*$/.test(word) ? word : foldText(word))) everydayNames.add(name);
  }
  const eachNameOf = (commune: RawCommune, give: (name: string, people: number) => void) => eachNameGivenBy(commune, seatNameOf(commune), words, give);
  return { towns, known, everydayNames, longestName, communesOfPostcode, eachNameOf };
}

/** The people of the names whose communes the overrides move to another département (the others: as in the base). */
function movedPeople(base: TownBase, postcodeOverrides: ReadonlyMap<string, string>): ReadonlyMap<string, ReadonlyMap<string, number>> {
  const moved = new Map<string, Map<string, number>>();
  const communes = new Set([...postcodeOverrides.keys()].flatMap((postcode) => base.communesOfPostcode.get(postcode) ?? []));
  for (const commune of communes) {
    const from = commune.departement ?? '';
    // The commune's first postcode that is overridden decides.
    const to = commune.codesPostaux?.map((postcode) => postcodeOverrides.get(postcode)).find((code) => code !== undefined);
    if (to === undefined || to === from) continue;
    base.eachNameOf(commune, (name, people) => {
      const byDepartement = moved.get(name) ?? new Map(base.towns.get(name));
      const left = (byDepartement.get(from) ?? 0) - people;
      if (left > NOBODY) byDepartement.set(from, left);
      else byDepartement.delete(from);
      byDepartement.set(to, (byDepartement.get(to) ?? 0) + people);
      moved.set(name, byDepartement);
    });
  }
  return moved;
}

/** The index for one set of postcode overrides, over the shared base: the base is not copied. */
export function withOverrides(base: TownBase, served: (code: string) => boolean, postcodeOverrides: ReadonlyMap<string, string>): CommuneIndex {
  const moved = movedPeople(base, postcodeOverrides);
  const peopleOf = (name: string) => moved.get(name) ?? base.towns.get(name);
  // Names borne only by towns of départements we do not serve lead nowhere.
  const servedPeopleOf = (name: string) => {
    const people = peopleOf(name);
    return people !== undefined && [...people.keys()].some(served) ? people : undefined;
  };
  return {
    longestName: base.longestName,
    populationOf: (foldedName, departement) => servedPeopleOf(foldedName)?.get(departement) ?? 0,
    read(foldedName, writtenName) {
      // « Viré » written with its accent is Viré (71) alone; « vire » may be Vire (14) or Viré.
      const accented = writtenName !== undefined && writtenName !== foldedName && servedPeopleOf(writtenName) !== undefined;
      const name = accented ? writtenName : foldedName;
      const people = servedPeopleOf(name);
      if (people === undefined) return null;
      const everyday = base.everydayNames.has(name);
      return {
        departements: proposedDepartements(people, served),
        people: [...people.values()].reduce((sum, count) => sum + count, 0),
        anywhere: new Set([...people.keys()].filter(served)),
        everyday,
        needsCue: everyday && !base.known.has(name),
      };
    },
  };
}

/** The whole index from the communes at once (tests, made-up communes): a base, then the overrides' layer. */
export function buildCommuneIndex(
  communes: readonly RawCommune[],
  served: (code: string) => boolean,
  postcodeOverrides: ReadonlyMap<string, string>,
  words?: WordsAndSeats,
): CommuneIndex {
  return withOverrides(buildTownBase(communes, words), served, postcodeOverrides);
}

let townBase: TownBase | undefined;

/** The towns of every current commune, built once per process on first use (the data is required file by file). */
export function sharedTownBase(): TownBase {
  if (townBase === undefined) {
    const arrondissements = require('@etalab/decoupage-administratif/data/arrondissements.json') as Array<{ chefLieu: string }>;
    townBase = buildTownBase(require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[], {
      everyday: EVERYDAY_WORDS,
      seats: new Set(arrondissements.map((arrondissement) => arrondissement.chefLieu)),
    });
  }
  return townBase;
}

/** The index for these postcode overrides: the shared base and a layer of the communes they move (a few milliseconds). */
export function communeIndex(served: (code: string) => boolean, postcodeOverrides: ReadonlyMap<string, string>): CommuneIndex {
  return withOverrides(sharedTownBase(), served, postcodeOverrides);
}
