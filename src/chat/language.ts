/**
 * Is a chat message written in another language than French, and which one?
 *
 * tinyld (n-grams) proposes a language among those we can answer in; on a few words it is often
 * wrong (« la MDPH ne répond jamais » looks English to it), so its guess is kept only when the
 * message's function words agree: more stop words of that language than of French (lists from
 * stopwords-iso, each language's own words only), or when it is not written in Latin letters at all.
 * When in doubt, the message is French.
 *
 * The function words are counted first: a message in Latin letters whose function words favour
 * French against every other language cannot be told apart, whatever tinyld would say, so tinyld
 * (the costly part) runs only when some language could win (the answer is the same either way).
 */
import { detectAll } from 'tinyld';
import stopwords from 'stopwords-iso/stopwords-iso.json';

/** The language only needs a look at the beginning of a long message. */
const SAMPLE_CHARS = 1000;
const LATIN = /^[a-z]+$/;
/** A guess this sure may rest on one function word (« I don't speak French »). */
const SURE_ACCURACY = 0.5;

/** Words in any script, lower case, without accents: « Olá, ¿Qué? » → ola, que. */
function wordsIn(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '');
}

export interface LanguageGuesser {
  /** The ISO 639-1 code of the message's language when it is one of `languages` and not French; else null. */
  otherLanguageOf(text: string): string | null;
}

/** `languages`: the ones we have a sentence in (besides French), e.g. ['en', 'es']. */
export function createLanguageGuesser(languages: readonly string[]): LanguageGuesser {
  const lists = stopwords as Record<string, string[] | undefined>;
  const wordsOf = (language: string) => new Set((lists[language] ?? []).flatMap(wordsIn));
  const french = wordsOf('fr');
  const others = new Map(languages.filter((language) => language !== 'fr').map((language) => [language, wordsOf(language)]));
  const candidates = ['fr', ...others.keys()];

  /** Function words only French has, and only `theirs` has (against French). */
  const onlyCounts = (words: readonly string[], theirs: ReadonlySet<string>) => ({
    frenchOnly: words.filter((word) => french.has(word) && !theirs.has(word)).length,
    theirsOnly: words.filter((word) => theirs.has(word) && !french.has(word)).length,
  });

  const someOtherCouldWin = (words: readonly string[]): boolean =>
    [...others.values()].some((theirs) => {
      const { frenchOnly, theirsOnly } = onlyCounts(words, theirs);
      return theirsOnly > frenchOnly;
    });

  return {
    otherLanguageOf(text) {
      const sample = text.slice(0, SAMPLE_CHARS);
      const words = wordsIn(sample);
      if (words.length < 2) return null;
      const latin = words.some((word) => LATIN.test(word));
      // No language's function words outnumber French's: no guess of tinyld could be kept.
      if (latin && !someOtherCouldWin(words)) return null;
      const best = detectAll(sample, { only: candidates })[0];
      const theirs = best ? others.get(best.lang) : undefined;
      if (!best || !theirs) return null;
      // French is written in Latin letters: another script is evidence enough.
      if (!latin) return best.lang;
      const { frenchOnly, theirsOnly } = onlyCounts(words, theirs);
      const agreed = theirsOnly > frenchOnly && (theirsOnly >= 2 || best.accuracy >= SURE_ACCURACY);
      return agreed ? best.lang : null;
    },
  };
}
