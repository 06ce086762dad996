/**
 * content/fr/faq-examples.yaml: more ways people ask each FAQ question, in their own words (long
 * messages, everyday words, SMS style), written by people who never saw the test phrasings. Each
 * example is one document of the nearest-examples vote (src/understanding/examples.ts), labelled with
 * its entry. Checked by `npm run config:check`: every id is an entry of content/fr/faq.yaml, and an
 * example belongs to one entry only.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/configError';
import { loadYamlWithSchema, parseWithSchema } from '../config/yamlFile';
import { foldText } from '../domain/text';
import { answeredIds, type FaqEntry } from './schema';

export const FAQ_EXAMPLES_FILE = path.join('content', 'fr', 'faq-examples.yaml');

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const exampleText = z.string().regex(/\S/, { error: 'il faut un texte, pas un texte vide' });

export const faqExamplesSchema = z
  .record(z.string().regex(SNAKE_CASE, { error: 'il faut l’identifiant d’une entrée de content/fr/faq.yaml, par exemple "aah"' }), z.array(exampleText))
  .superRefine((examples, ctx) => {
    const owner = new Map<string, string>();
    for (const [id, texts] of Object.entries(examples)) {
      texts.forEach((text, index) => {
        const key = foldText(text);
        const earlier = owner.get(key);
        if (earlier !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [id, index],
            message: earlier === id ? 'cet exemple est écrit deux fois' : `le même exemple est aussi sous "${earlier}" : gardez-le sous une seule entrée`,
          });
        } else owner.set(key, id);
      });
    }
  });

export type FaqExamples = z.output<typeof faqExamplesSchema>;

/** Reads and checks one examples file (an empty file is no examples). */
export function loadFaqExamplesFile(file: string): FaqExamples {
  return loadYamlWithSchema(faqExamplesSchema.nullable(), file) ?? {};
}

/** Validates examples given as an object (tests); fileName only names the source in errors. */
export function parseFaqExamples(raw: unknown, fileName: string): FaqExamples {
  return parseWithSchema(faqExamplesSchema, raw, fileName);
}

/**
 * Each entry with its examples (those written in faq.yaml first, then those under its id, then those
 * under its aliases: the ids of entries merged into it); an id that is no entry nor alias is an error.
 */
export function withExamples(entries: readonly FaqEntry[], examples: FaqExamples, fileName: string): readonly FaqEntry[] {
  const ids = new Set(entries.flatMap(answeredIds));
  const unknown = Object.keys(examples).filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    throw new ConfigError(fileName, unknown.map((id) => ({ path: id, message: `"${id}" n’est pas une entrée de content/fr/faq.yaml (ni un ancien identifiant, aliases) : vérifiez l’identifiant` })));
  }
  return entries.map((entry) => {
    const more = answeredIds(entry).flatMap((id) => examples[id] ?? []);
    return more.length === 0 ? entry : { ...entry, examples: [...(entry.examples ?? []), ...more] };
  });
}

/** The examples file beside faq.yaml under rootDir, or none when it does not exist. */
export function loadFaqExamples(rootDir: string): FaqExamples {
  const file = path.join(rootDir, FAQ_EXAMPLES_FILE);
  return existsSync(file) ? loadFaqExamplesFile(file) : {};
}

export const FAQ_UNANSWERED_FILE = path.join('content', 'fr', 'faq-unanswered.yaml');

const unansweredSchema = z.array(exampleText).superRefine((texts, ctx) => {
  const seen = new Set<string>();
  texts.forEach((text, index) => {
    const key = foldText(text);
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: 'ce message est écrit deux fois' });
    seen.add(key);
  });
});

/**
 * content/fr/faq-unanswered.yaml: messages no entry answers (everyday life around disability), used
 * only to fit and judge the stacked confidence (`npm run eval:faq -- --cv=5 --fit-confidence`).
 * None when the file does not exist.
 */
export function loadFaqUnanswered(rootDir: string): readonly string[] {
  const file = path.join(rootDir, FAQ_UNANSWERED_FILE);
  return existsSync(file) ? (loadYamlWithSchema(unansweredSchema.nullable(), file) ?? []) : [];
}
