/**
 * Numbers said in words, as a speech recogniser may write them (« quarante-quatre mille »,
 * « neuf cent soixante-quatorze », « soixante-neuf zéro zéro un »), turned into digits. The French
 * words come from the `written-number` package (0 to 999, each form it writes), read backwards.
 * Numbers said one after the other are one number, in words or in digits alike: a recogniser writes
 * « quatre-vingt-dix-sept quatre » as « 97 4 » and « le neuf trois » as « le 9 3 » (974, 93).
 */
import writtenNumber from 'written-number';
import { foldText } from '../domain/text';

const MAX_WORDS = 6;
let byWords: Map<string, number> | undefined;

function table(): Map<string, number> {
  if (byWords === undefined) {
    byWords = new Map<string, number>();
    for (let n = 0; n <= 999; n++) {
      const words = foldText(writtenNumber(n, { lang: 'fr' }));
      byWords.set(words, n);
      // « quatre-vingts » is also said « quatre vingt », « cents » « cent ».
      byWords.set(words.replace(/\b(vingt|cent)s\b/g, '$1'), n);
    }
  }
  return byWords;
}

/** The longest number (0–999) at `start`: its value and how many words it takes. */
function numberAt(words: readonly string[], start: number): { value: number; length: number } | null {
  const known = table();
  for (let length = Math.min(MAX_WORDS, words.length - start); length >= 1; length--) {
    const value = known.get(words.slice(start, start + length).join(' '));
    if (value !== undefined) return { value, length };
  }
  return null;
}

/** The text with every number said in words written in digits; numbers said one after the other are joined. */
export function digitsFromWords(text: string): string {
  const words = foldText(text).split(' ').filter((word) => word !== '');
  const out: string[] = [];
  let digits = '';
  for (let i = 0; i < words.length; ) {
    let found = numberAt(words, i);
    let value = found?.value ?? null;
    let used = found?.length ?? 0;
    if (words[i + used] === 'mille' && (value !== null || used === 0)) {
      const thousands = (value ?? 1) * 1000;
      used += 1;
      found = numberAt(words, i + used);
      value = thousands + (found?.value ?? 0);
      used += found?.length ?? 0;
      digits += String(value).padStart(digits === '' ? 0 : 4, '0');
    } else if (value !== null) {
      digits += String(value);
    } else if (/^\d{1,5}$/.test(words[i] ?? '')) {
      digits += words[i];
      used = 1;
    } else {
      if (digits !== '') out.push(digits);
      digits = '';
      out.push(words[i] ?? '');
      used = 1;
    }
    i += used;
  }
  if (digits !== '') out.push(digits);
  return out.join(' ');
}
