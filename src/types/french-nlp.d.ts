/** Type declarations of the French language packages that ship none. */
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}

declare module 'stopwords-iso' {
  const stopwords: Readonly<Record<string, readonly string[]>>;
  export default stopwords;
}
