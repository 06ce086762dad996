/**
 * French text normalisation for matching what people type against the knowledge base: lower case,
 * no accents, elisions split off (l', d', qu'), stop words and chat fillers dropped, a light stemmer
 * that joins plurals, feminines and the usual verb / noun pairs (demande, demander, demandée).
 * The same functions serve the index and the queries, so both sides meet on the same terms.
 */
import { foldText } from '../domain/text';

export { foldText };

/** Words of a text after folding; an apostrophe separates the elided article from its word. */
export function words(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/**
 * Words that tell nothing about what is asked: articles, pronouns, auxiliaries, question words,
 * politeness, greetings and spoken fillers (with their usual typed forms: jai, cest, chui, koi…).
 * The elided forms (l, d, j, qu, n, s, t, m, c) are here too: that is how « l'AAH » becomes « aah ».
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `
  a au aux avec ce ceci cela ces cet cette ca chez dans de des du en entre et ou ni mais donc or car par pour
  sur sous sans vers y le la les l un une d j qu n s t m c jusqu lorsqu puisqu quoiqu
  je tu il elle on nous vous ils elles me te se moi toi lui leur leurs mon ma mes ton ta tes son sa ses
  notre nos votre vos celui celle ceux celles quelqu quelque quelques
  est sont suis es etes sommes etre ete etait etais etaient sera serait serais ai as avons avez ont avoir eu aura
  aurai aurais aurait fait fais faire faut peut peux pouvez pouvons pourrait pourrais pourriez puis puisje
  veux veut voulons voulez voudrais voudrait voudrions souhaite souhaiterais souhaiterait aimerais aimerait
  dois doit devons devez dit dire sais sait savoir va vais vas allez aller
  ne pas plus non oui si tres bien aussi encore deja tout tous toute toutes rien meme alors donc puis ensuite
  comment combien pourquoi quand quel quelle quels quelles qui que quoi dont ou ce estce quest questce
  bonjour bonsoir salut coucou allo hello merci mercii remercie svp stp sil plait madame monsieur mme mr
  bonne bon journee soiree revoir bye ciao
  euh heu hum ben bah beh bref voila voici ok okay dac daccord genre trop vraiment juste
  jai jais cest sest quil quelle jsuis chui chuis jveux jvoudrais jpeux jsais koi kel kelle ki ke ya g pr ptet
  svp info infos information informations renseignement renseignements question questions
  besoin aujourd hui maintenant actuellement pres beaucoup peu
  trouve trouves trouver parler parle obtenir obtient obtiens obtenu
  pendant depuis avant apres durant comme parce lorsque
  janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
  lundi mardi mercredi jeudi vendredi samedi dimanche hier demain
`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/** Spoken and SMS words, and their usual word in the knowledge base. */
export const SYNONYMS: Readonly<Record<string, string>> = {
  gamin: 'enfant',
  gamine: 'enfant',
  gamins: 'enfant',
  gosse: 'enfant',
  gosses: 'enfant',
  minot: 'enfant',
  boulot: 'travail',
  taf: 'travail',
  taff: 'travail',
  job: 'travail',
  bosser: 'travailler',
  bosse: 'travaille',
  bagnole: 'voiture',
  appart: 'appartement',
  toubib: 'medecin',
  fric: 'argent',
  thune: 'argent',
  thunes: 'argent',
  tps: 'temps',
  alloc: 'allocation',
  allocs: 'allocation',
  asso: 'association',
  instit: 'enseignant',
  psy: 'psychologue',
  kine: 'kinesitherapeute',
};

/** Nouns whose plural a suffix rule would get wrong. */
const IRREGULAR: Readonly<Record<string, string>> = {
  travaux: 'travail',
  yeux: 'oeil',
};

/**
 * A light French stemmer (in the spirit of Savoy's): plural, feminine and the -er / -ement / -é
 * families meet on one stem. Short words, acronyms of three letters and numbers are kept whole.
 */
export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.endsWith('aux') && w.length > 4) w = `${w.slice(0, -3)}al`;
  else if (/[sx]$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('ement') && w.length > 7) w = w.slice(0, -5);
  else if (w.endsWith('euse') && w.length > 5) w = `${w.slice(0, -4)}eur`;
  else if (w.endsWith('trice') && w.length > 6) w = `${w.slice(0, -5)}teur`;
  else if (w.endsWith('ive') && w.length > 5) w = `${w.slice(0, -3)}if`;
  else if (/(elle|enne|ette)$/.test(w) && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('ee')) w = w.slice(0, -1);
  if (w.endsWith('er') && w.length >= 5) w = w.slice(0, -2);
  else if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

/** The terms of a text as the index sees them: folded words, no stop words, stemmed. */
export function normaliseTerms(text: string): string[] {
  return words(text)
    .map((word) => SYNONYMS[word] ?? word)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map(stem);
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps); any value past `max` is returned as max + 1. */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows: the one before the previous (for swaps), the previous, the current.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] ?? 0, max + 1);
}
