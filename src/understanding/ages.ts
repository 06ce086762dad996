/**
 * Ages people give (« mon fils de 17 ans », « j'ai 58 ans », « à 60 ans ») read as a band, a word the
 * FAQ's readers learn like any other: a child's age points at the AEEH, an adult's at the AAH, an age
 * near retirement at early retirement. The analyser otherwise drops numbers of one or two digits (a
 * date, an amount tells nothing of the need). A duration is no age: « depuis 30 ans », « il y a 20
 * ans », « ça fait 3 ans », « pendant 2 ans », « dans 5 ans ». Pure.
 */

/** The word before « N ans » that makes it a duration, not an age. */
const DURATION = new Set(['depuis', 'fait', 'pendant', 'dans', 'durant', 'en', 'voila', 'plus', 'moins']);

/** « il y a 20 ans », « y a 3 ans »: a time ago. */
function isDuration(before: string, twoBefore: string): boolean {
  return DURATION.has(before) || (before === 'a' && twoBefore === 'y');
}

/** The band of an age, as a word with a digit (the stemmer leaves it whole, the number filter keeps it). */
export function ageBand(age: number): string {
  if (age < 16) return 'age1';
  if (age < 25) return 'age2';
  if (age < 55) return 'age3';
  if (age < 70) return 'age4';
  return 'age5';
}

/** Folded words with each age (« 17 ans ») replaced by its band; durations left as they are. */
export function withAgeBands(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    if (/^\d{1,2}$/.test(word) && (next === 'ans' || next === 'an') && !isDuration(words[i - 1] ?? '', words[i - 2] ?? '')) {
      out.push(ageBand(Number(word)));
      i += 1;
    } else out.push(word);
  }
  return out;
}
