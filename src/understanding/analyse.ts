/**
 * How the service reads French text, for every matcher (FAQ, phone menus): fold (lower case, no
 * accents: src/domain/text.ts), split contractions people type (« jai », « cest »), replace the
 * lexicon's phrases and synonyms, drop common words (stopwords-iso's French list, adjusted by the
 * lexicon), and cut each word to its stem with the French Snowball stemmer, so that conjugated verbs,
 * plurals and feminines meet: « je n'arrive plus à me laver » → [arriv, lav].
 */
import { LRUCache } from 'lru-cache';
import { newStemmer } from 'snowball-stemmers';
import stopwordsIso from 'stopwords-iso';
import { foldText } from '../domain/text';
import { shippedLexicon, type Lexicon } from './lexicon';
import { withAgeBands } from './ages';

export interface Analyser {
  /** The stems of the meaningful words, in order (repeats kept). */
  terms(text: string): string[];
  /** The stems of every word, common words included (for short answers: « c'est pas ça »). */
  allTerms(text: string): string[];
  /** The stem of one folded word. */
  stem(word: string): string;
}

/** Typed contractions: glued pronoun + verb, as people write them. */
const CONTRACTIONS: Readonly<Record<string, string>> = {
  jai: 'j ai',
  jais: 'j ai',
  cest: 'c est',
  sest: 's est',
  chui: 'je suis',
  chuis: 'je suis',
  jsuis: 'je suis',
  jveux: 'je veux',
  jpeux: 'je peux',
  jarrive: 'j arrive',
  narrive: 'n arrive',
  jarrivepas: 'j arrive pas',
  quil: 'qu il',
  quelle: 'qu elle',
  ya: 'il y a',
};

const STEM_CACHE_SIZE = 20_000;

/** « jcherche », « jbosse »: no French word starts with j and a consonant, so it is « je » glued to a verb. */
function unglueJe(word: string): string {
  return /^j[bcdfgklmnpqrstvz][a-z]{2,}$/.test(word) ? `j ${word.slice(1)}` : word;
}

export interface AnalyserOptions {
  /** Ages (« mon fils de 17 ans ») read as their band (src/understanding/ages.ts) instead of dropped: the FAQ's analyser. */
  ages?: boolean;
}

export function createAnalyser(lexicon: Lexicon, { ages = false }: AnalyserOptions = {}): Analyser {
  const stemmer = newStemmer('french');
  const keep = new Set(lexicon.keep.map(foldText));
  const stopWords = new Set(
    [...(stopwordsIso as Record<string, string[]>).fr ?? [], ...lexicon.stopWords]
      .flatMap((word) => foldText(word).split(' '))
      .filter((word) => word !== '' && !keep.has(word)),
  );
  // Longest phrases first, so « maison departementale des personnes handicapees » wins over « personnes ».
  // The acronyms' long forms are understood as the acronym.
  const longForms = Object.entries(lexicon.acronyms)
    .filter(([, long]) => foldText(long) !== '')
    .map(([acronym, long]) => [foldText(long), acronym.toLowerCase()] as const);
  const phrases = [...longForms, ...Object.entries(lexicon.synonyms)]
    .map(([from, to]) => ({ from: foldText(from).split(' '), to: foldText(to).split(' ') }))
    .sort((a, b) => b.from.length - a.from.length);
  const byFirstWord = new Map<string, Array<{ from: string[]; to: string[] }>>();
  for (const phrase of phrases) {
    const first = phrase.from[0] ?? '';
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), phrase]);
  }

  const whole = new Set(lexicon.wholeWords.map(foldText));
  function stemOf(word: string): string {
    if (whole.has(word)) return word.replace(/s$/, '');
    if (/\d/.test(word) || word.length <= 3) return word;
    let result = stemmer.stem(word);
    // Snowball expects accents; without them « demandee » keeps an « e » that « demande » loses.
    while (result.length > 4 && result.endsWith('e')) result = result.slice(0, -1);
    return result;
  }
  const cache = new LRUCache<string, string>({ max: STEM_CACHE_SIZE, memoMethod: stemOf });
  const stem = (word: string): string => cache.memo(word);

  function words(text: string): string[] {
    const folded = foldText(text);
    if (folded === '') return [];
    const unglued = folded.split(' ').flatMap((word) => (CONTRACTIONS[word] ?? unglueJe(word)).split(' '));
    const split = ages ? withAgeBands(unglued) : unglued;
    const out: string[] = [];
    for (let i = 0; i < split.length; ) {
      const candidates = byFirstWord.get(split[i] ?? '') ?? [];
      const found = candidates.find(({ from }) => from.every((word, k) => split[i + k] === word));
      if (found) {
        // A phrase keeps its own words too (« allocation adulte handicapé » is also « aah »), so a typo
        // in one of them still leaves the others; a single word is replaced (« boulot » → « travail »).
        if (found.from.length > 1) out.push(...found.from.filter((word) => !found.to.includes(word)));
        out.push(...found.to);
        i += found.from.length;
      } else {
        out.push(split[i] ?? '');
        i += 1;
      }
    }
    return out;
  }

  // The lexicon's own stop words drop every form of their stem (« trouver »: trouve, trouvé, trouvais).
  const stopStems = new Set(lexicon.stopWords.map((word) => stem(foldText(word))).filter((s) => s.length >= 4 && !keep.has(s)));

  return {
    terms: (text) =>
      words(text)
        // Ages, dates and amounts (« 56 ans », « le 12 ») tell nothing of the need; 360, 3114 do.
        .filter((word) => word.length > 1 && !stopWords.has(word) && !/^\d{1,2}$/.test(word))
        .map(stem)
        .filter((term) => !stopStems.has(term)),
    allTerms: (text) => words(text).map(stem),
    stem,
  };
}

let shared: Analyser | undefined;
let sharedWithAges: Analyser | undefined;

/** The analyser with the shipped lexicon (content/fr/lexicon.yaml), built once. */
export function frenchAnalyser(): Analyser {
  shared ??= createAnalyser(shippedLexicon());
  return shared;
}

/** The same, reading ages as their band: the FAQ's (an age decides between the AEEH, the AAH and early retirement). */
export function faqAnalyser(): Analyser {
  sharedWithAges ??= createAnalyser(shippedLexicon(), { ages: true });
  return sharedWithAges;
}
