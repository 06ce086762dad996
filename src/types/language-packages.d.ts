/** Types of the language packages that ship none (used by src/understanding and src/safety). */
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

declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
    get(name: string): unknown;
    registerConfiguration(tag: string, configuration: Record<string, unknown>, overwrite?: boolean): void;
  }
  export function containerBootstrap(): Promise<Container>;
}

declare module '@nlpjs/nlp' {
  export const Nlp: unknown;
}

declare module '@nlpjs/lang-fr' {
  export const LangFr: unknown;
}

declare module 'written-number' {
  function writtenNumber(n: number, options?: { lang?: string }): string;
  export default writtenNumber;
}
