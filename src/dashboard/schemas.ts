/** The dashboard's query and answer as zod schemas: the route validates with them, the OpenAPI document is generated from them, tests parse answers with them. */
import { z } from 'zod';
import { DepartementCodeSchema } from '../advisors/principal';
import { ALL_TERRITORIES_INDEX } from '../tickets/ticket-store';
import { UNKNOWN_DEPARTEMENT_SEGMENT } from '../tickets/ref';

/** The longest period one answer covers. */
export const MAX_PERIOD_DAYS = 366;
export const DEFAULT_PERIOD_DAYS = 30;

const day = z.iso.date({ error: 'il faut une date AAAA-MM-JJ, par exemple 2026-11-25' });

export const DashboardQuerySchema = z
  .strictObject({
    territory: z
      .union([DepartementCodeSchema, z.literal(UNKNOWN_DEPARTEMENT_SEGMENT), z.literal(ALL_TERRITORIES_INDEX)], {
        error: 'il faut un numéro de département (par exemple 44 ou 2A), XX (le niveau national) ou all (toute la France)',
      })
      .optional()
      .describe('A département code, XX (contacts whose département is not known) or all (national total, national admins); default: your first territory'),
    from: day.optional().describe('First day (YYYY-MM-DD, the territory’s calendar); default: 29 days before `to`'),
    to: day.optional().describe('Last day (YYYY-MM-DD); default: today'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { error: 'la date « from » doit venir avant la date « to »', path: ['from'] });
export type DashboardQuery = z.output<typeof DashboardQuerySchema>;

const count = z.number().int().min(0);
const seconds = z.number().int().min(0).nullable();

export const TotalsSchema = z.strictObject({
  contacts: z.strictObject({ voice: count, chat: count, total: count }).describe('Calls over, and chat conversations that reached advisors (a hand-off or a callback request, once each)'),
  chatsStarted: count.describe('Chat conversations opened (national only: the territory is not known then)'),
  chats: z
    .strictObject({ answered: count, abandoned: count, abandonedRate: z.number().min(0).max(1).nullable() })
    .describe('Chat hand-offs an advisor took, and those the person left before anyone took them; abandoned / (answered + abandoned), null without either'),
  faq: z.strictObject({ answered: count, notSure: count }).describe('Chat questions answered from the knowledge base, and those it was not sure of (national only)'),
  answered: count.describe('Calls an advisor answered'),
  abandoned: count.describe('Calls that hung up in a menu or in the queue'),
  abandonedRate: z.number().min(0).max(1).nullable().describe('abandoned / calls over; null without calls'),
  waits: z.strictObject({
    count,
    p50AtMostSeconds: seconds.describe('Half of the waits were at most this long (upper bound of a bucket)'),
    p90AtMostSeconds: seconds.describe('90 % of the waits were at most this long'),
  }),
  callbacks: z.strictObject({ requested: count, done: count, doneWithinTarget: count }).describe('Callbacks asked for on these days, and of them those done (within the target)'),
  handoffs: z.strictObject({ voice: count, chat: count }).describe('Calls and chats put through to advisors'),
  needs: z.record(z.string(), count).describe('Contacts put through or called back, by need id (none: not said)'),
});

export const NowSchema = z.strictObject({
  callsWaiting: count,
  chatsWaiting: count,
  longestWaitSeconds: seconds,
  callbacksToMake: count,
  advisorsAvailable: count,
  advisorsPaused: count,
});

export const DashboardSchema = z
  .strictObject({
    territory: z.string(),
    territoryName: z.string().nullable(),
    from: day,
    to: day,
    today: day,
    callbackTargetHours: z.number().int().positive().nullable().describe('Callbacks done within this many hours count as done in time (the territory’s setting); null for the whole country, where each territory has its own'),
    now: NowSchema,
    todayTotals: TotalsSchema,
    period: TotalsSchema,
    days: z.array(TotalsSchema.extend({ day })),
  })
  .describe('Figures of one territory without personal data: now (who waits, advisors available), today, and each day of the period with its totals');
