/**
 * content/fr/phone-examples.yaml: what callers say at the phone menus, in their own words, for each
 * need, each profile, and to ask for a person (« il faut quelqu'un pour l'emmener chez le médecin » →
 * deplacements). The menus compare what a caller says with these examples (nearest examples,
 * src/understanding/examples.ts) when no synonym of the flow is said whole. Checked by zod like every
 * file a coordinator edits (`npm run config:check`); read once.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { loadYamlWithSchema } from '../config/yamlFile';
import { foldText } from '../domain/text';
import { NEED_IDS, PROFILES } from '../domain/vocabulary';

export const PHONE_EXAMPLES_FILE = path.join('content', 'fr', 'phone-examples.yaml');

const sentences = z.array(z.string().regex(/\S/, { error: 'expected a non-empty text' }));

export const phoneExamplesSchema = z
  .strictObject({
    /** Need id → what callers say when they need it. */
    needs: z.partialRecord(z.enum(NEED_IDS, { error: `expected a need id: ${NEED_IDS.join(', ')}` }), sentences).default({}),
    /** Profile → what callers say about who they are. */
    profiles: z.partialRecord(z.enum(PROFILES, { error: `expected a profile: ${PROFILES.join(', ')}` }), sentences).default({}),
    /** What callers say to reach a person. */
    human: sentences.default([]),
  })
  .superRefine((file, ctx) => {
    const groups: Array<[string, Record<string, string[] | undefined>]> = [
      ['needs', file.needs],
      ['profiles', file.profiles],
      ['human', { '': file.human }],
    ];
    const owner = new Map<string, string>();
    for (const [section, byLabel] of groups) {
      for (const [label, texts] of Object.entries(byLabel)) {
        (texts ?? []).forEach((text, index) => {
          const where = label === '' ? section : `${section}.${label}`;
          const earlier = owner.get(foldText(text));
          if (earlier !== undefined) {
            ctx.addIssue({ code: 'custom', path: label === '' ? [section, index] : [section, label, index], message: earlier === where ? 'this example is written twice' : `the same example is also under ${earlier}: keep it in one place` });
          } else owner.set(foldText(text), where);
        });
      }
    }
  });

export type PhoneExamples = z.output<typeof phoneExamplesSchema>;

export function loadPhoneExamplesFile(file: string): PhoneExamples {
  return loadYamlWithSchema(phoneExamplesSchema, file);
}

/** The project root holding the file, from src/understanding (tsx) or dist/src/understanding (build). */
function defaultFile(): string | undefined {
  for (const up of [2, 3]) {
    const file = path.join(__dirname, ...Array<string>(up).fill('..'), PHONE_EXAMPLES_FILE);
    if (existsSync(file)) return file;
  }
  const file = path.join(process.cwd(), PHONE_EXAMPLES_FILE);
  return existsSync(file) ? file : undefined;
}

let shipped: PhoneExamples | undefined;

/** The examples shipped with the service, read and checked on first use (none when the file is missing). */
export function shippedPhoneExamples(): PhoneExamples {
  if (shipped === undefined) {
    const file = defaultFile();
    shipped = file === undefined ? { needs: {}, profiles: {}, human: [] } : loadPhoneExamplesFile(file);
  }
  return shipped;
}
