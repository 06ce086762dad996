/**
 * Ages as people write and say them, made one form for the danger rules: « N ans » in digits. A
 * child who writes for themselves spells their age as they can (« jé 12 an », « j'ai 13ans », « ge 10
 * ans »), a speech recogniser or a grandparent writes it in words (« Lucas, sept ans », « il a dix-sept
 * ans »): the rules, the « who hurts whom » reading (victimAge.ts) and the context (« il y a deux
 * ans ») read digits. Only a number just before « an » or « ans » is touched: « un homme », « deux
 * enfants » stay as they are.
 *
 * Works on the words of normalise.ts (folded, squeezed: « quatre vingts » is said the same).
 */
import writtenNumber from 'written-number';
import { foldText } from '../domain/text';

/** The oldest age read in words. */
const OLDEST = 120;
/** As normalise.ts squeezes the text (« mille » → « mile »): runs of one letter become one. */
const squeezed = (text: string): string => text.replace(/([a-z])\1+/g, '$1');

let byWords: Map<string, number> | undefined;

/** « sept » → 7, « dix sept » → 17, « quatre vingt » → 80 (each form `written-number` writes, 1 to OLDEST). */
function numbers(): Map<string, number> {
  if (byWords === undefined) {
    byWords = new Map<string, number>();
    for (let n = 1; n <= OLDEST; n++) {
      const words = squeezed(foldText(writtenNumber(n, { lang: 'fr' })));
      byWords.set(words, n);
      // « quatre-vingts » is also written « quatre vingt », « cents » « cent ».
      byWords.set(words.replace(/\b(vingt|cent)s\b/g, '$1'), n);
    }
  }
  return byWords;
}

/** The longest number said in words that ends just before `end` (the word « an » or « ans »): its value and where it starts. */
function numberBefore(words: readonly string[], end: number): { value: number; start: number } | null {
  const known = numbers();
  for (let start = Math.max(0, end - 5); start < end; start++) {
    const value = known.get(words.slice(start, end).join(' '));
    if (value !== undefined) return { value, start };
  }
  return null;
}

/** How the one who writes says « j'ai » before an age, misspelled (« jé 12 an », « ge 10 ans », « j'é 13 ans »). */
const I_HAVE = new Set(['je', 'ge', 'jais', 'jes', 'jer']);
const I_HAVE_AFTER_J = new Set(['e', 'ais', 'es', 'est']);

/**
 * The words with every age in digits followed by « ans »: « 13ans » → « 13 ans », « 12 an » → « 12
 * ans » (not « 1 an »), « sept ans » → « 7 ans », and « jé 12 ans » → « j ai 12 ans ».
 */
export function respellAges(words: readonly string[]): string[] {
  // « 13ans », « 13an »: the number and the word apart.
  const apart = words.flatMap((word) => {
    const glued = /^(\d{1,3})(ans?)$/.exec(word);
    return glued ? [glued[1] as string, glued[2] as string] : [word];
  });
  const out: string[] = [];
  for (let i = 0; i < apart.length; i++) {
    const word = apart[i] as string;
    if (word !== 'an' && word !== 'ans') {
      out.push(word);
      continue;
    }
    let age: number | null = /^\d{1,3}$/.test(out[out.length - 1] ?? '') ? Number(out[out.length - 1]) : null;
    if (age === null) {
      const said = numberBefore(out, out.length);
      if (said !== null) {
        out.splice(said.start, out.length - said.start, String(said.value));
        age = said.value;
      }
    }
    if (age === null) {
      out.push(word);
      continue;
    }
    out.push(word === 'an' && age > 1 ? 'ans' : word);
    // « jé 12 ans », « j'é 12 ans » → « j ai 12 ans ».
    const before = out.length - 3;
    if (I_HAVE.has(out[before] ?? '')) out.splice(before, 1, 'j', 'ai');
    else if (out[before - 1] === 'j' && I_HAVE_AFTER_J.has(out[before] ?? '')) out.splice(before, 1, 'ai');
  }
  return out;
}
