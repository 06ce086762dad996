/**
 * src/places/everydayWords.ts is generated (npm run places:words): it must be what the script writes
 * from the installed packages, so that an update of the word list or of the communes is noticed.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EVERYDAY_WORDS_FILE, everydayWordsFile, everydayWordsOfNames } from '../../scripts/generate-town-words';
import { EVERYDAY_WORDS } from '../../src/places/everydayWords';

const ROOT = path.join(__dirname, '..', '..');

describe('the everyday words of town names (generated)', () => {
  it('When the file is written again from the installed packages, then it is the same: else run `npm run places:words`', () => {
    expect(readFileSync(path.join(ROOT, EVERYDAY_WORDS_FILE), 'utf8')).toBe(everydayWordsFile());
  });

  it('keeps, folded, the words of the list that are a word of a name, and no other', () => {
    const words = everydayWordsOfNames(['mère', 'Bois', 'a-t-il', 'chat', 'pont'], ['Méré', 'Bois-Colombes', 'Saint-Pierre-du-Pont', 'Chatou']);
    expect(words).toEqual(['bois', 'mere', 'pont']);
  });

  it('holds the everyday words of the names the index reads (Méré, Mer, Bois, Tours), not the names that are no words (Nantes, Pau)', () => {
    for (const word of ['mere', 'mer', 'bois', 'tours', 'petit', 'montagne']) expect(EVERYDAY_WORDS.has(word)).toBe(true);
    for (const word of ['nantes', 'pau', 'figeac']) expect(EVERYDAY_WORDS.has(word)).toBe(false);
  });
});
