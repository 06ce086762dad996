/**
 * The names people give a commune, each with the share of its people counted for that name:
 * - its name, folded (« saint nazaire »), and also written with its accents when it has some (« viré »:
 *   Vire and Viré fold to the same « vire », and « Viré » written with its accent is Viré alone);
 * - the former name of its seat when it is a commune nouvelle (« Vire » for Vire Normandie, « Montaigu »
 *   for Montaigu-Vendée, « Cherbourg-Octeville » for Cherbourg-en-Cotentin): everyone, as people still
 *   name the whole by its seat, counted once (« montaigu » is not a tenth more as the short name); not
 *   the former name's shorter names;
 * - its name without article, when four letters or more are left (« mans » for Le Mans): everyone;
 * - its shorter names, a tenth (SHORT_NAME_SHARE): the words before a linking word (« bagneres » for
 *   Bagnères-de-Bigorre, « bourg » for Bourg-en-Bresse) and the first parts of a compound (« clermont »
 *   for Clermont-Ferrand, « saint pierre » for Saint-Pierre-Quiberon), unless such a part is one
 *   everyday word (« petit » of Petit-Bourg, « bois » of Bois-Colombes) or ends on a title or a linking
 *   word; with the article too (« la roche » for La Roche-sur-Yon).
 * Pure: the caller gives the everyday words and the seats of arrondissements.
 */
import { placeNameWords } from './folding';

/** A commune of @etalab/decoupage-administratif's communes.json (the fields read). */
export interface RawCommune {
  code?: string;
  nom: string;
  type: string;
  departement?: string;
  population?: number;
  codesPostaux?: string[];
  /** For a commune déléguée: the commune it belongs to (its own code when it is that commune's seat). */
  chefLieu?: string;
}

/** What tells a town from an everyday word: the folded French words, and the seats of arrondissements (commune codes). */
export interface WordsAndSeats {
  everyday: ReadonlySet<string>;
  seats: ReadonlySet<string>;
}

/** The share of a longer-named town's people counted for its short name (« Brive » for Brive-la-Gaillarde). */
export const SHORT_NAME_SHARE = 0.1;
/** A name that is an everyday word is read alone when a town this large (or a seat of an arrondissement) bears it or begins with it (Tulle: 13,401; Mer: 6,250). */
export const READ_ALONE_POPULATION = 10_000;

export const ARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'les', 'l']);
/** Words after which the rest of a name is a qualifier: « Boulogne-sur-Mer », « Bourg-en-Bresse », « Villeneuve-d'Ascq ». */
const LINKING_WORDS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'lez', 'sur', 'sous', 'en', 'aux', 'au', 'a']);
/** Words that are no town's short name on their own: « Saint-Pierre-Quiberon » is never « Saint-Pierre-… » cut after « Saint ». */
const TITLES: ReadonlySet<string> = new Set(['saint', 'sainte']);

/** Calls `give` with each length of first words that makes a short name of these folded words (« bourg en bresse » → 1). */
function eachShortLength(words: readonly string[], everyday: ReadonlySet<string>, give: (length: number) => void): void {
  const link = words.findIndex((word, index) => index > 0 && LINKING_WORDS.has(word));
  const end = link > 0 ? link : words.length;
  let letters = -1;
  for (let length = 1; length <= end; length++) {
    letters += 1 + (words[length - 1] ?? '').length;
    if (letters < 3 || (length === end && link <= 0)) continue;
    const last = words[length - 1] ?? '';
    // The words before a linking word always; a compound's first parts unless they end on a title, a linking word, or are one everyday word.
    if (length === end || !(TITLES.has(last) || LINKING_WORDS.has(last) || (length === 1 && everyday.has(last)))) give(length);
  }
}

/** A name written so, cut to its words from `from` to `to`. */
const cut = (words: readonly string[], from: number, to: number): string => (from === 0 && to === words.length ? words.join(' ') : words.slice(from, to).join(' '));

/** Calls `give` with each form of one name (folded, and accented when accents tell it apart) and the share of the people it counts. */
function eachForm(nom: string, everyday: ReadonlySet<string>, give: (name: string, share: number) => void): void {
  const { folded, accented } = placeNameWords(nom);
  // Slices of the folded words; the same slices of the accented words name the same towns (« viré »; not
  // « saint pierre » of « Saint-Pierre-Église » twice, it is the folded one).
  const slice = (from: number, to: number, share: number) => {
    const name = cut(folded, from, to);
    give(name, share);
    if (accented === null) return;
    const written = cut(accented, from, to);
    if (written !== name) give(written, share);
  };
  const article = folded.length > 1 && ARTICLES.has(folded[0] ?? '') ? 1 : 0;
  slice(0, folded.length, 1);
  // « Mans » for Le Mans, when four letters or more are left.
  if (article === 1 && cut(folded, 1, folded.length).length >= 4) slice(1, folded.length, 1);
  eachShortLength(article === 1 ? folded.slice(1) : folded, everyday, (length) => {
    slice(article, article + length, SHORT_NAME_SHARE);
    // « La Roche » for La Roche-sur-Yon, « Les Sables » for Les Sables-d'Olonne.
    if (article === 1) slice(0, article + length, SHORT_NAME_SHARE);
  });
}

/** The former names of the seats of communes nouvelles, by commune code (« 14762 » → « Vire »). */
export function seatNamesOf(communes: readonly RawCommune[]): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const commune of communes) {
    if (commune.type === 'commune-deleguee' && commune.code !== undefined && commune.chefLieu === commune.code) names.set(commune.code, commune.nom);
  }
  return names;
}

/** Calls `give` with every name a current commune gives the index, the people counted for it, and whether it is a known town's. */
export function eachNameGivenBy(
  commune: RawCommune,
  seatName: string | undefined,
  { everyday, seats }: WordsAndSeats,
  give: (name: string, people: number, known: boolean) => void,
): void {
  const population = commune.population ?? 0;
  const seat = seats.has(commune.code ?? '');
  const known = seat || population >= READ_ALONE_POPULATION;
  if (seatName === undefined) {
    eachForm(commune.nom, everyday, (name, share) => give(name, population * share, known));
    return;
  }
  // A name counts the commune's people once, at the larger of its shares: « montaigu » is a tenth of
  // Montaigu-Vendée said short, and all of it as the seat's former name. Only the seat of an arrondissement
  // makes the former name one people say alone, and the former name's short names do not count: a tenth of
  // the commune nouvelle's people would be too many (« saint martin » of Saint-Martin-en-Campagne, seat of Petit-Caux).
  const owned = new Map<string, number>();
  eachForm(commune.nom, everyday, (name, share) => {
    owned.set(name, Math.max(share, owned.get(name) ?? 0));
    give(name, population * share, known);
  });
  eachForm(seatName, everyday, (name, share) => {
    const counted = owned.get(name) ?? 0;
    if (share === 1 && counted < 1) give(name, population * (1 - counted), seat);
  });
}
