/** The shape of flows/voice.yaml: what a coordinator may change without code. */
import { z } from 'zod';
import { NEED_IDS, PROFILES } from '../domain/vocabulary';

const OPTION_KEY = z.string().regex(/^[1-8]$/, 'il faut une touche de 1 à 8 (0, 9, * et # sont réservées)');
const SYNONYMS = z.array(z.string().trim().min(2)).default([]);

const UniversalKey = z.object({ key: z.string().regex(/^[0-9*#]$/), synonyms: SYNONYMS }).strict();

const NeedOption = z.object({ key: OPTION_KEY, need: z.enum(NEED_IDS), synonyms: SYNONYMS }).strict();

const NeedGroup = z
  .object({
    key: OPTION_KEY,
    group: z.string().regex(/^[a-z_]+$/, 'il faut un identifiant en minuscules'),
    synonyms: SYNONYMS,
    needs: z.array(NeedOption).min(1).max(5, 'cinq choix au plus par menu'),
  })
  .strict();

/** Indexes of options whose key was already used earlier in the same menu. */
function repeatedKeyIndexes(options: readonly { key: string }[]): number[] {
  const seen = new Set<string>();
  return options.flatMap((option, index) => {
    const repeated = seen.has(option.key);
    seen.add(option.key);
    return repeated ? [index] : [];
  });
}

function uniqueKeys(options: readonly { key: string }[], ctx: z.RefinementCtx, prefix: PropertyKey[] = []): void {
  for (const index of repeatedKeyIndexes(options)) {
    ctx.addIssue({ code: 'custom', path: [...prefix, index, 'key'], message: `la touche "${options[index]?.key}" sert deux fois dans ce menu` });
  }
}

export const VoiceFlowSchema = z
  .object({
    gather: z
      .object({
        timeoutSeconds: z.number().int().min(3).max(30),
        slowTimeoutSeconds: z.number().int().min(3).max(45),
        speechTimeout: z.union([z.literal('auto'), z.number().int().min(1).max(10)]),
        language: z.string().min(2),
        voice: z.string().min(2),
        retries: z.number().int().min(0).max(4),
        slowRate: z.string().regex(/^\d{2,3}%$/, 'il faut un débit comme "80%"'),
      })
      .strict(),
    universal: z.object({ human: UniversalKey, repeat: UniversalKey, slower: UniversalKey }).strict(),
    profile: z
      .object({
        options: z
          .array(z.object({ key: OPTION_KEY, profile: z.enum(PROFILES), synonyms: SYNONYMS }).strict())
          .min(1)
          .max(5, 'cinq choix au plus par menu')
          .superRefine((options, ctx) => uniqueKeys(options, ctx)),
      })
      .strict(),
    needs: z
      .object({
        groups: z.array(NeedGroup).min(1).max(5, 'cinq choix au plus par menu').superRefine((options, ctx) => uniqueKeys(options, ctx)),
      })
      .strict()
      .superRefine((needs, ctx) => {
        const placed = new Map<string, string>();
        needs.groups.forEach((group, g) => {
          uniqueKeys(group.needs, ctx, ['groups', g, 'needs']);
          group.needs.forEach((option, n) => {
            const other = placed.get(option.need);
            if (other) {
              ctx.addIssue({ code: 'custom', path: ['groups', g, 'needs', n, 'need'], message: `le besoin "${option.need}" est déjà dans le groupe "${other}"` });
            }
            placed.set(option.need, group.group);
          });
        });
        for (const need of NEED_IDS) {
          if (!placed.has(need)) ctx.addIssue({ code: 'custom', path: ['groups'], message: `le besoin "${need}" n’est dans aucun groupe : chaque besoin doit pouvoir être choisi` });
        }
      }),
    postcode: z.object({ digits: z.literal(5), finishOnKey: z.string().regex(/^[#*]$/) }).strict(),
    /** Words of danger heard: be put through to the emergency number now, or to an advisor as a priority. */
    danger: z
      .object({ dial: z.object({ key: OPTION_KEY, synonyms: SYNONYMS }).strict(), advisor: z.object({ key: OPTION_KEY, synonyms: SYNONYMS }).strict() })
      .strict()
      .refine((danger) => danger.dial.key !== danger.advisor.key, { error: 'dial et advisor ont besoin de deux touches différentes', path: ['advisor', 'key'] })
      .default({ dial: { key: '1', synonyms: ['oui', 'appeler', 'appelez', 'maintenant'] }, advisor: { key: '2', synonyms: ['non', 'conseiller', 'conseillere'] } }),
    callback: z.object({ numberDigits: z.number().int().min(9).max(15) }).strict(),
  })
  .strict()
  .superRefine((flow, ctx) => {
    const reserved = [flow.universal.human.key, flow.universal.repeat.key, flow.universal.slower.key];
    if (new Set(reserved).size !== reserved.length) {
      ctx.addIssue({ code: 'custom', path: ['universal'], message: 'human, repeat et slower ont besoin de trois touches différentes' });
    }
  });

export type VoiceFlow = z.infer<typeof VoiceFlowSchema>;
export type NeedGroupConfig = VoiceFlow['needs']['groups'][number];
