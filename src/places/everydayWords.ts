/**
 * Everyday French words, folded (no accents, lower case): nouns, verbs, adjectives in every form (« mere »,
 * « bois », « tours », « rodez » for « rodez » of « roder »), from an-array-of-french-words (the
 * Letterpress list, about 336,000 words, no proper nouns). A one-word town name found here may be
 * meant as the word (« chez ma mère » is not Méré); see communes.ts for when it is read as a town.
 *
 * Read on demand, for building the town index only: the set (about 320,000 folded words) is not kept.
 */
import { readFileSync } from 'node:fs';
import { foldText } from '../domain/text';

export function everydayWords(): ReadonlySet<string> {
  // Read, not required: require() would keep the 336,000 words in its cache for the life of the process.
  const words = JSON.parse(readFileSync(require.resolve('an-array-of-french-words'), 'utf8')) as string[];
  const folded = new Set<string>();
  for (const word of words) {
    // Most words are plain letters already: folding only the others halves the time taken.
    const plain = /^[a-z]+$/.test(word) ? word : foldText(word);
    // « a-t-il », « mots-clés »: compounds of the list are not one word.
    if (plain !== '' && !plain.includes(' ')) folded.add(plain);
  }
  return folded;
}
