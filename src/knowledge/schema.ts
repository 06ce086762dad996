/**
 * The shape of content/fr/faq.yaml: the level-1 answers that coordinators edit. Each entry is a short
 * answer in plain French (FALC style), its official source, and the ways people ask the question.
 * Messages are written for the coordinator who edits the file by hand.
 */
import { z } from 'zod';
import { foldText } from './normalise';

/** Where an answer may send people: official sites (and the national federations they list). */
export const OFFICIAL_SOURCE_DOMAINS: readonly string[] = [
  'service-public.fr',
  'service-public.gouv.fr',
  'gouv.fr',
  'caf.fr',
  'msa.fr',
  'ameli.fr',
  'agefiph.fr',
  'fiphfp.fr',
  'ancv.com',
  'info-retraite.fr',
  'lassuranceretraite.fr',
  'handisport.org',
  'ffsa.asso.fr',
  'cnsa.fr',
];

/** Short sentences: FALC asks for one idea per sentence; past this many words, split the sentence. */
export const MAX_WORDS_PER_SENTENCE = 28;
export const MIN_SENTENCES = 2;
export const MAX_SENTENCES = 5;

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Sentences of an answer: text up to . ! ? or … followed by a space or the end. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

function isOfficialUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return OFFICIAL_SOURCE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

const nonEmptyText = z.string().regex(/\S/, { error: 'il faut un texte, pas un texte vide' });

const answerSchema = nonEmptyText.superRefine((text, ctx) => {
  const sentences = sentencesOf(text);
  if (sentences.length < MIN_SENTENCES || sentences.length > MAX_SENTENCES) {
    ctx.addIssue({
      code: 'custom',
      message: `il faut ${MIN_SENTENCES} à ${MAX_SENTENCES} phrases courtes, il y en a ${sentences.length}`,
    });
  }
  for (const sentence of sentences) {
    const count = sentence.split(/\s+/).length;
    if (count > MAX_WORDS_PER_SENTENCE) {
      ctx.addIssue({
        code: 'custom',
        message: `phrase trop longue pour le français facile (${count} mots, ${MAX_WORDS_PER_SENTENCE} au plus) : "${sentence.slice(0, 40)}…"`,
      });
    }
  }
});

export const LOCAL_CONTACTS = ['mdph'] as const;
export type LocalContactKind = (typeof LOCAL_CONTACTS)[number];

export const faqEntrySchema = z.strictObject({
  id: z.string().regex(SNAKE_CASE, { error: 'il faut un identifiant en minuscules et soulignés, par exemple "aah_demande"' }),
  title: nonEmptyText.max(120, { error: 'il faut une question courte (120 caractères au plus)' }),
  answer: answerSchema,
  source: z.strictObject({
    label: nonEmptyText,
    url: z.string().refine(isOfficialUrl, {
      error: `il faut une adresse https d’un site officiel (${OFFICIAL_SOURCE_DOMAINS.join(', ')})`,
    }),
  }),
  localContact: z.enum(LOCAL_CONTACTS, { error: 'il faut mdph (ou enlevez la clé)' }).optional(),
  questions: z.array(nonEmptyText).min(2, { error: 'il faut au moins 2 façons de poser la question' }),
  keywords: z.array(nonEmptyText).optional(),
  /** More ways people ask, in their own words (most live in content/fr/faq-examples.yaml). */
  examples: z.array(nonEmptyText).optional(),
  /**
   * Ids of former entries merged into this one, because people's questions could not tell them apart
   * and this answer answers them all: they still find it (buttons, phrasing files, examples' ids).
   */
  aliases: z.array(z.string().regex(SNAKE_CASE, { error: 'il faut un identifiant en minuscules et soulignés' })).optional(),
  /** Entries close to this one that people often mean instead: offered as buttons after the answer. */
  seeAlso: z.array(z.string().regex(SNAKE_CASE, { error: 'il faut l’identifiant d’une autre entrée' })).optional(),
});


export type FaqEntry = z.output<typeof faqEntrySchema>;

/** The ids an entry answers: its own and those of the entries merged into it. */
export function answeredIds(entry: Pick<FaqEntry, 'id' | 'aliases'>): readonly string[] {
  return [entry.id, ...(entry.aliases ?? [])];
}

export const faqFileSchema = z
  .strictObject({
    entries: z.array(faqEntrySchema).min(1, { error: 'il faut au moins une entrée' }),
  })
  .superRefine((file, ctx) => {
    const firstIndexOfId = new Map<string, number>();
    const ownerOfQuestion = new Map<string, string>();
    const ownerOfId = new Map<string, string>();
    file.entries.forEach((entry) => ownerOfId.set(entry.id, entry.id));
    file.entries.forEach((entry, index) => {
      (entry.aliases ?? []).forEach((alias, aliasIndex) => {
        const owner = ownerOfId.get(alias);
        if (owner !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['entries', index, 'aliases', aliasIndex], message: owner === alias ? `"${alias}" est déjà l’identifiant d’une entrée` : `"${alias}" est déjà un ancien identifiant de "${owner}"` });
        } else ownerOfId.set(alias, entry.id);
      });
    });
    file.entries.forEach((entry, index) => {
      (entry.seeAlso ?? []).forEach((id, seeIndex) => {
        const owner = ownerOfId.get(id);
        if (owner === undefined) ctx.addIssue({ code: 'custom', path: ['entries', index, 'seeAlso', seeIndex], message: `"${id}" n’est pas une entrée (ni un ancien identifiant) : vérifiez l’identifiant` });
        else if (owner === entry.id) ctx.addIssue({ code: 'custom', path: ['entries', index, 'seeAlso', seeIndex], message: `"${id}" est cette entrée elle-même` });
      });
    });
    file.entries.forEach((entry, index) => {
      const earlier = firstIndexOfId.get(entry.id);
      if (earlier !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['entries', index, 'id'], message: `l’identifiant "${entry.id}" sert déjà à entries[${earlier}]` });
      } else {
        firstIndexOfId.set(entry.id, index);
      }
      entry.questions.forEach((question, questionIndex) => {
        const key = foldText(question);
        const owner = ownerOfQuestion.get(key);
        if (owner !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['entries', index, 'questions', questionIndex],
            message: owner === entry.id ? 'this question is written twice' : `the same question is also in "${owner}": keep it in one entry`,
          });
        } else {
          ownerOfQuestion.set(key, entry.id);
        }
      });
    });
  });

export type FaqFile = z.output<typeof faqFileSchema>;
