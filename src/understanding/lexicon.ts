/**
 * content/fr/lexicon.yaml: the service's own words on top of the French packages — common words
 * kept or added, and domain synonyms (« maison du handicap » → « mdph »). Checked by zod like every
 * file a coordinator edits; read once.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { loadYamlWithSchema } from '../config/yamlFile';
import { foldText } from '../domain/text';

export const LEXICON_FILE = path.join('content', 'fr', 'lexicon.yaml');

const plainWords = z
  .string()
  .refine((text) => foldText(text) !== '', { error: 'expected words (letters or digits)' })
  .refine((text) => foldText(text) === text.trim(), { error: 'expected plain lower case words without accents or punctuation, e.g. "maison du handicap"' });

export const lexiconSchema = z.strictObject({
  /** Words of the French stop-word list that mean something here. */
  keep: z.array(plainWords).default([]),
  /** Words the stemmer would mix up with others: kept whole (a final « s » aside). */
  wholeWords: z.array(plainWords).default([]),
  /** Words that tell nothing about a need, beyond the French list. */
  stopWords: z.array(plainWords).default([]),
  /** Word or phrase → the word(s) it means. */
  synonyms: z
    .record(z.string(), plainWords)
    .superRefine((synonyms, ctx) => {
      for (const key of Object.keys(synonyms)) {
        if (foldText(key) !== key.trim() || key.trim() === '') {
          ctx.addIssue({ code: 'custom', path: [key], message: 'expected plain lower case words without accents or punctuation, e.g. "maison du handicap"' });
        }
      }
    })
    .default({}),
  /** ACRONYM → its long form in French ("" for one everyone knows, e.g. SMS). */
  acronyms: z
    .record(z.string().regex(/^[A-Z][A-Z0-9]+$/, { error: 'expected an acronym in capitals, e.g. "MDPH"' }), z.string())
    .default({}),
});

export type Lexicon = z.output<typeof lexiconSchema>;

export function loadLexiconFile(file: string): Lexicon {
  return loadYamlWithSchema(lexiconSchema, file);
}

/** The project root holding content/fr/lexicon.yaml, from src/understanding (tsx) or dist/src/understanding (build). */
function defaultLexiconFile(): string {
  for (const up of [2, 3]) {
    const file = path.join(__dirname, ...Array<string>(up).fill('..'), LEXICON_FILE);
    if (existsSync(file)) return file;
  }
  return path.join(process.cwd(), LEXICON_FILE);
}

let shipped: Lexicon | undefined;

/** The lexicon shipped with the service, read and checked on first use. */
export function shippedLexicon(): Lexicon {
  shipped ??= loadLexiconFile(defaultLexiconFile());
  return shipped;
}
